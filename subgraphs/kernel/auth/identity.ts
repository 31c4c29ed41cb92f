import { Level } from '../levels';

export const ROLES = ['AGENCY_USER', 'SOURCE_REVIEWER', 'AUTHORITY_REVIEWER', 'SERVICE'] as const;
export type Role = (typeof ROLES)[number];

/**
 * Who is asking, as stated by a verified token. `agency` is the USCC of the agency the user acts for;
 * `jurisdiction` is that agency's division code; `level` is the platform level it belongs to.
 * SERVICE identities are platform components (one level's sync or report flow calling another level).
 */
export interface Identity {
  sub: string;
  agency: string;
  jurisdiction: string;
  level: Level;
  roles: readonly Role[];
}

export const hasRole = (identity: Identity, role: Role) => identity.roles.includes(role);
