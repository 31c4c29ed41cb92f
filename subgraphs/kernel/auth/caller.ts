import { unauthenticated } from '../errors';
import type { Identity, RegisteredParty } from './identity';

/**
 * Who asks a platform: an agency, whose identity the registry vouches for, or the public — a request
 * the gateway admitted without a token (004 art. 28: any person or organisation obtains
 * unconditionally open data directly from the platform). The gateway names the public caller's
 * address in a signed header; a platform never takes a missing identity for an agency.
 */
export type Caller = { kind: 'AGENCY'; identity: Identity } | { kind: 'PUBLIC'; clientAddress: string; party: RegisteredParty | null };

/** The registered person or organisation behind a public request, if any (004 art. 28 ¶2 applications). */
export const partyOf = (ctx: { caller: Caller }): RegisteredParty | null => (ctx.caller.kind === 'PUBLIC' ? ctx.caller.party : null);

/** Signed by the gateway on requests it admitted without a token: the client's address. */
export const PUBLIC_CALLER_HEADER = 'x-platform-public-caller';

/** How the audit trail names a public requester: no agency, the address it came from. */
export const PUBLIC_REQUESTER = 'PUBLIC';

export const isPublic = (ctx: { caller: Caller }) => ctx.caller.kind === 'PUBLIC';

/** Who the audit trail records: the agency, its user and jurisdiction — or the public, by the address it came from. */
export interface AuditedRequester {
  agency: string;
  sub: string;
  jurisdiction: string | null;
}

export const auditedRequester = (caller: Caller): AuditedRequester =>
  caller.kind === 'AGENCY'
    ? caller.identity
    : { agency: PUBLIC_REQUESTER, sub: caller.party ? `${caller.party.kind.toLowerCase()}:${caller.party.id}@${caller.clientAddress}` : `public@${caller.clientAddress}`, jurisdiction: null };

/** What a public caller gets for anything that needs an agency: UNAUTHENTICATED, saying what it may read. */
export const agencyTokenRequired = (what: string) =>
  unauthenticated(`${what} needs an agency's bearer token; without one, only the open catalog and unconditionally open data are served (004 art. 28)`);

/**
 * What every public context inherits: an `identity` that refuses. It lives on the prototype because
 * Apollo Server shallow-copies the context of each request (Object.assign onto an object of the same
 * prototype): an own getter would be dropped by the copy — leaving `identity` undefined — or invoked by it.
 */
const PUBLIC_CONTEXT: object = Object.freeze(Object.create(Object.prototype, {
  identity: {
    enumerable: false,
    get() {
      throw agencyTokenRequired('this field');
    },
  },
}));

/**
 * A request context for the public: the same as an agency's, except that `identity` does not exist —
 * reading it (any resolver written for agencies) refuses the field with UNAUTHENTICATED at its path.
 */
export function withPublicCaller<C extends object>(context: Omit<C, 'identity' | 'caller'>, clientAddress: string, party: RegisteredParty | null = null): C {
  const caller: Caller = { kind: 'PUBLIC', clientAddress, party };
  return Object.assign(Object.create(PUBLIC_CONTEXT), context, { caller }) as C;
}
