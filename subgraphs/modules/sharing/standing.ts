import { In, IsNull } from 'typeorm';
import { isPublic, PUBLIC_REQUESTER } from '../../kernel/auth/caller';
import type { Identity } from '../../kernel/auth/identity';
import { RequestContext } from '../../kernel/context';
import { GrantView, Requester } from '../../kernel/policy';
import { ApplicationState, ShareApplication } from './application.entity';
import { GrantStatus, ShareGrant } from './grant.entity';
import { AgencySuspension } from './suspension.entity';

export interface Standing {
  requester: Requester;
  /** Every grant of the requester at this platform, plus its pending applications as PENDING grants. */
  grants: GrantView[];
}

/**
 * The requester's standing at this platform: suspension, grants, and applications under review. Read
 * in three statements when any of them changed since it was last read (kernel PolicySnapshots),
 * otherwise kept; either way once per request, whatever the number of rows and fields decided.
 */
// Level and jurisdiction are never consulted for the public: its decisions are decideOpen's.
const PUBLIC_STANDING: Standing = Object.freeze({ requester: Object.freeze({ agencyUscc: PUBLIC_REQUESTER, level: 'REGION', jurisdiction: '150000', suspended: false } as const), grants: [] });

export function standingOf(ctx: RequestContext): Promise<Standing> {
  // The public holds no grants and is no agency that could be suspended; what it may open is decided apart.
  if (isPublic(ctx)) return Promise.resolve(PUBLIC_STANDING);
  return ctx.loaders.once('sharing.standing', () => standingOfAgency(ctx, ctx.identity));
}

/**
 * Another agency's standing, read exactly as its own requests read it — for explaining its access
 * (explain module) without acting as it. Kept while the policy generation stands, under the same key.
 */
export function standingOfAgency(ctx: RequestContext, agency: Pick<Identity, 'agency' | 'level' | 'jurisdiction'>): Promise<Standing> {
  return ctx.snapshots.get(ctx, `sharing.standing:${agency.agency}`, () => loadStanding(ctx, agency));
}

async function loadStanding(ctx: RequestContext, { agency, level, jurisdiction }: Pick<Identity, 'agency' | 'level' | 'jurisdiction'>): Promise<Standing> {
  const [suspensions, grants, pending] = await Promise.all([
    ctx.db.getRepository(AgencySuspension).count({ where: { agencyUscc: agency, liftedAt: IsNull() } }),
    ctx.db.getRepository(ShareGrant).findBy({ agencyUscc: agency }),
    ctx.db.getRepository(ShareApplication).findBy({ applicantUscc: agency, state: In([ApplicationState.PENDING]) }),
  ]);
  return {
    requester: { agencyUscc: agency, level, jurisdiction, suspended: suspensions > 0 },
    grants: [
      ...grants.map((g) => ({
        id: g.id,
        agencyUscc: g.agencyUscc,
        resourceId: g.resourceId,
        itemCodes: g.itemCodes,
        scenario: g.scenario,
        mode: g.mode,
        state: g.status === GrantStatus.REVOKED ? ('REVOKED' as const) : ('APPROVED' as const),
        endsAt: g.endsAt,
        revokedAt: g.revokedAt,
      })),
      ...pending.map((a) => ({
        id: a.id,
        agencyUscc: a.applicantUscc,
        resourceId: a.resourceId,
        itemCodes: JSON.parse(a.requestedItemsJson) as string[],
        scenario: a.scenario,
        mode: a.shareMode,
        state: 'PENDING' as const,
        endsAt: a.requestedEndDate,
        revokedAt: null,
      })),
    ],
  };
}
