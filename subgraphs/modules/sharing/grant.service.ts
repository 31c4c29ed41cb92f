import { In } from 'typeorm';
import { hasRole } from '../../kernel/auth/identity';
import { recordShareStep } from './audit';
import { RequestContext } from '../../kernel/context';
import { badInput, conflict, forbidden, notFound } from '../../kernel/errors';
import { checkUscc, isWithin } from '../../kernel/identifiers';
import { canSeeApplication, findApplication } from './access';
import { ShareApplication } from './application.entity';
import { GrantStatus, ShareGrant } from './grant.entity';
import { grantById } from './loaders';

/**
 * The source department that approved a grant, or an authority over the resource's jurisdiction,
 * may revoke it; field-level enforcement reads it as REVOKED from the next request on.
 */
export async function revokeGrant(ctx: RequestContext, id: string, reason: string): Promise<ShareGrant> {
  const grant = await grantById(ctx).load(id);
  if (!grant) throw notFound(`id: no share grant ${id} on the ${ctx.level.toLowerCase()} platform`, { field: 'id' });
  const application = await findApplication(ctx, grant.applicationId, 'id');
  const me = ctx.identity;
  const isSourceReviewer = hasRole(me, 'SOURCE_REVIEWER') && me.agency === application.sourceDepartmentUscc;
  const isAuthority = hasRole(me, 'AUTHORITY_REVIEWER') && isWithin(application.resourceJurisdiction, me.jurisdiction);
  if (!isSourceReviewer && !isAuthority) {
    throw forbidden(`revoking a grant: only a SOURCE_REVIEWER of ${application.sourceDepartmentUscc} or an AUTHORITY_REVIEWER over ${application.resourceJurisdiction} may do this`);
  }
  if (!reason.trim()) throw badInput('reason', 'say why the grant is revoked, e.g. the misuse found (004 art. 50)');
  if (grant.status === GrantStatus.REVOKED) throw conflict(`revoking: grant ${id} was already revoked at ${grant.revokedAt?.toISOString()}`);
  await ctx.db.transaction(async (m) => {
    const result = await m.update(ShareGrant, { id, status: GrantStatus.APPROVED }, { status: GrantStatus.REVOKED, revokedAt: ctx.now, revokeReason: reason.trim() });
    if (!result.affected) throw conflict(`revoking: grant ${id} was revoked while this request ran`);
  });
  recordShareStep(ctx, 'SHARE_REVOKE', application, { items: grant.itemCodes, reason: reason.trim(), grantId: id });
  grantById(ctx).clear(id);
  return (await grantById(ctx).load(id))!;
}

/** An agency's grants at this platform, as far as the caller may see their applications. */
export async function grantsOf(ctx: RequestContext, agencyUscc: string): Promise<ShareGrant[]> {
  const check = checkUscc(agencyUscc);
  if (!check.valid) throw badInput('agencyUscc', `'${agencyUscc}' is not a valid USCC: ${check.reason}`);
  const grants = await ctx.db.getRepository(ShareGrant).find({ where: { agencyUscc }, order: { createdAt: 'DESC', id: 'ASC' } });
  if (agencyUscc === ctx.identity.agency) return grants;
  const applications = await ctx.db.getRepository(ShareApplication).findBy({ id: In(grants.map((g) => g.applicationId)) });
  const visible = new Set(applications.filter((a) => canSeeApplication(ctx.identity, a)).map((a) => a.id));
  return grants.filter((g) => visible.has(g.applicationId));
}
