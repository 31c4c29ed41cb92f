import { Identity, Role } from '../auth/identity';
import { RequestContext } from '../context';
import { forbidden } from '../errors';
import { isWithin, subtreePrefix } from '../identifiers';

/** Refuses unless the caller holds one of `roles`; says which roles would do. */
export function requireRole(ctx: RequestContext, action: string, ...roles: Role[]): Identity {
  if (!ctx.identity.roles.some((r) => roles.includes(r))) {
    throw forbidden(`${action} requires role ${roles.join(' or ')}; the token has ${ctx.identity.roles.join(', ') || 'no roles'}`);
  }
  return ctx.identity;
}

/** An authority acts for its own jurisdiction and the divisions below it. */
export function requireAuthorityOver(ctx: RequestContext, action: string, divisionCode: string): Identity {
  const identity = requireRole(ctx, action, 'AUTHORITY_REVIEWER');
  if (!isWithin(divisionCode, identity.jurisdiction)) {
    throw forbidden(`${action}: the authority of ${identity.jurisdiction} has no say over ${divisionCode}`);
  }
  return identity;
}

/**
 * The LIKE pattern of the divisions the caller oversees as an authority (its jurisdiction and below),
 * or one no division code matches: lists show an authority its subtree's work in progress.
 */
export const authoritySubtreePattern = (identity: Identity): string => (identity.roles.includes('AUTHORITY_REVIEWER') ? `${subtreePrefix(identity.jurisdiction)}%` : '-');
