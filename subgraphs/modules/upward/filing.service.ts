import { randomUUID } from 'node:crypto';
import { RequestContext } from '../../kernel/context';
import { badInput, forbidden } from '../../kernel/errors';
import { requireRole } from '../../kernel/graphql/guards';
import { Level } from '../../kernel/levels';
import { CatalogState } from '../catalog/enums';
import { checkEndDate, checkRequestedItems } from '../sharing/application.service';
import { requireAuthorityOf, upwardById } from './access';
import { UpwardApplicationRow } from './application.entity';
import { recordStep } from './audit';
import { UpwardStepState } from './enums';
import { FiledFacts, UpwardApplicationDraft } from './drafts';
import { lookUpTarget } from './platform-calls';
import { authorityHopAt, checkUpwardTarget, hopBefore, routeOf } from './route';

/** This level's record: the filed facts and its authority's step, waiting from now. */
function rowAt(ctx: RequestContext, facts: FiledFacts): UpwardApplicationRow {
  const hop = authorityHopAt(routeOf(facts), ctx.level)!;
  const { items, ...rest } = facts;
  return Object.assign(new UpwardApplicationRow(), {
    ...rest,
    itemsJson: JSON.stringify(items),
    withdrawnAt: null,
    withdrawnBy: null,
    stepJurisdiction: hop.jurisdictionCode,
    stepState: UpwardStepState.WAITING,
    stepReceivedAt: ctx.now,
    stepActorSub: null,
    stepActorAgency: null,
    stepReason: null,
    stepLegalBasis: null,
    stepDecidedAt: null,
  });
}

/**
 * 004 art. 25, 000 art. 23: an agency files on its own level's platform for data that platform
 * cannot provide. The resource and items are checked against the holder's catalog now (published,
 * CONDITIONAL items, 004 art. 21), and again by the holder when the application reaches it.
 */
export async function fileUpwardApplication(ctx: RequestContext, input: UpwardApplicationDraft, resourceLevel: Level): Promise<UpwardApplicationRow> {
  const me = requireRole(ctx, 'filing an upward application', 'AGENCY_USER');
  if (me.level !== ctx.level) {
    throw forbidden(`a ${me.level} agency files upward applications on the ${me.level.toLowerCase()} platform, not the ${ctx.level.toLowerCase()} one (004 art. 25)`);
  }
  checkEndDate('input.requestedEndDate', input.requestedEndDate, ctx.now);
  const target = await lookUpTarget(ctx, resourceLevel, input.resourceId);
  checkUpwardTarget(me, target);
  if (target.state !== CatalogState.PUBLISHED) {
    throw badInput('input.resourceId', `resource ${target.code} is ${target.state}; applications name the published version`);
  }
  checkRequestedItems(target.code, input.items, input.shareMode, target.items);
  const row = rowAt(ctx, {
    id: randomUUID(),
    requesterUscc: me.agency,
    requesterUser: me.sub,
    requesterLevel: me.level,
    requesterJurisdiction: me.jurisdiction,
    resourceId: target.id,
    resourceCode: target.code,
    resourceLevel: target.level,
    resourceJurisdiction: target.jurisdictionCode,
    sourceDepartmentUscc: target.sourceDepartmentUscc,
    items: input.items,
    scenario: input.scenario.trim(),
    purpose: input.purpose.trim(),
    legalBasis: input.legalBasis.trim(),
    shareMode: input.shareMode,
    requestedEndDate: input.requestedEndDate,
    filedAt: ctx.now,
  });
  await ctx.db.getRepository(UpwardApplicationRow).insert(row);
  recordStep(ctx, 'UPWARD_FILE', row);
  return row;
}

/**
 * Platform-internal: the authority one step down hands the application over. Only that authority may
 * (its token is forwarded); a repeated hand-over after a partly failed one finds the row and keeps it.
 */
export async function receiveUpwardApplication(ctx: RequestContext, facts: FiledFacts): Promise<string> {
  const transfer = facts;
  const route = routeOf(facts);
  const here = authorityHopAt(route, ctx.level);
  const from = here && hopBefore(route, here);
  if (!here || !from) throw forbidden(`receiving an upward application: its route does not come to the ${ctx.level.toLowerCase()} authority from below`);
  requireAuthorityOf(ctx, from, 'handing an upward application over');
  if (!(await upwardById(ctx).load(transfer.id))) await ctx.db.getRepository(UpwardApplicationRow).insert(rowAt(ctx, facts));
  return transfer.id;
}
