import { Level } from '../levels';

export const ROLES = ['AGENCY_USER', 'SOURCE_REVIEWER', 'AUTHORITY_REVIEWER', 'SERVICE'] as const;
export type Role = (typeof ROLES)[number];

/**
 * What a verified token says. Only `sub`, `agency` and `roles` are needed: the agency's level and
 * jurisdiction come from the agency registry. A token may still state them (older identity
 * providers do); a statement that contradicts the registry refuses the token.
 */
export interface TokenClaims {
  sub: string;
  agency: string;
  roles: readonly Role[];
  level?: Level;
  jurisdiction?: string;
}

/** The two kinds of registered open-data user (004 art. 28 ¶2: 自然人、法人或者非法人组织). */
export type PartyKind = 'PERSON' | 'ORGANISATION';

/**
 * What a registered person's or organisation's token says: who (citizen ID number or USCC) and of
 * which kind. No agency and no roles: a party is the public, registered, never an agency.
 */
export interface PartyClaims {
  sub: string;
  party: string;
  partyKind: PartyKind;
}

export const isPartyClaims = (claims: TokenClaims | PartyClaims): claims is PartyClaims => 'party' in claims;

/** A person or organisation as the platform's register of open-data users knows it. */
export interface RegisteredParty {
  id: string;
  kind: PartyKind;
  name: string;
}

export type PartyRegistry = (id: string) => Promise<RegisteredParty | null>;

/** The registered party a token stands for, from the register (never from its claims). */
export function partyFrom(claims: PartyClaims, registered: RegisteredParty | null): RegisteredParty {
  if (!registered) throw new InvalidTokenError(`${claims.partyKind === 'PERSON' ? 'person' : 'organisation'} ${claims.party} is not registered as an open-data user of this platform`);
  if (registered.kind !== claims.partyKind) throw new InvalidTokenError(`the token says ${claims.partyKind}, but ${claims.party} is registered as ${registered.kind}`);
  return registered;
}

/** An agency as the registry of the platform answering knows it. */
export interface RegisteredAgency {
  uscc: string;
  level: Level;
  jurisdictionCode: string;
  /** The public data authority (公共数据主管部门) of its jurisdiction. */
  isAuthority: boolean;
  /** Registered as legally collecting data (数源部门). */
  isSourceDepartment: boolean;
}

/** How a platform finds an agency in its registry; null when it is not registered. */
export type AgencyRegistry = (uscc: string) => Promise<RegisteredAgency | null>;

/**
 * Who is asking: the user `sub` acting for the agency `agency`, whose jurisdiction and level are the
 * registry's, with the roles the token grants and the registry allows. SERVICE identities are
 * platform components (one level's sync or report flow calling another level) acting for an agency.
 */
export interface Identity {
  sub: string;
  agency: string;
  jurisdiction: string;
  level: Level;
  roles: readonly Role[];
}

export const hasRole = (identity: Identity, role: Role) => identity.roles.includes(role);

/** Why a token does not identify anyone here; its message is the reason given with UNAUTHENTICATED. */
export class InvalidTokenError extends Error {}

/**
 * The identity a token stands for, from the registry's record of its agency (never from its claims):
 * an unregistered agency, a level or jurisdiction the registry contradicts, or a role the agency may
 * not hold (AUTHORITY_REVIEWER only for a data authority, SOURCE_REVIEWER only for a data source
 * department) refuses the token, with the reason.
 */
export function identityFrom(claims: TokenClaims, registered: RegisteredAgency | null): Identity {
  if (!registered) throw new InvalidTokenError(`agency ${claims.agency} is not in the agency registry`);
  if (claims.level !== undefined && claims.level !== registered.level) {
    throw new InvalidTokenError(`the token says level ${claims.level}, but agency ${claims.agency} is registered at ${registered.level} level (${registered.jurisdictionCode})`);
  }
  if (claims.jurisdiction !== undefined && claims.jurisdiction !== registered.jurisdictionCode) {
    throw new InvalidTokenError(`the token says jurisdiction ${claims.jurisdiction}, but agency ${claims.agency} is registered in ${registered.jurisdictionCode}`);
  }
  if (claims.roles.includes('AUTHORITY_REVIEWER') && !registered.isAuthority) {
    throw new InvalidTokenError(`role AUTHORITY_REVIEWER: agency ${claims.agency} is not the public data authority of ${registered.jurisdictionCode}`);
  }
  if (claims.roles.includes('SOURCE_REVIEWER') && !registered.isSourceDepartment) {
    throw new InvalidTokenError(`role SOURCE_REVIEWER: agency ${claims.agency} is not registered as a data source department`);
  }
  return Object.freeze({ sub: claims.sub, agency: claims.agency, jurisdiction: registered.jurisdictionCode, level: registered.level, roles: claims.roles });
}
