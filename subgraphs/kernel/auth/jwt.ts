import { LRUCache } from 'lru-cache';
import { readFileSync } from 'node:fs';
import { createLocalJWKSet, createRemoteJWKSet, jwtVerify, SignJWT, JWTPayload, JWTVerifyGetKey } from 'jose';
import { JwtConfig } from '../config';
import { checkCitizenId, checkUscc, checkDivisionCodeFormat } from '../identifiers';
import { isLevel } from '../levels';
import { InvalidTokenError, isPartyClaims, PartyClaims, ROLES, Role, TokenClaims } from './identity';

export { InvalidTokenError };

/** Verified claims are kept this long at most (never past the token's expiry): every platform verifies every request. */
const CACHE_MS = 60_000;
const CACHE_LIMIT = 10_000;

/**
 * Verifies user bearer tokens: signature, issuer and audience when configured, an `exp` that is
 * present and no further from the token's issue than the configured lifetime. The registry check
 * comes after, where the registry is (identityFrom).
 */
export function createTokenVerifier(config: JwtConfig): (token: string) => Promise<TokenClaims | PartyClaims> {
  const key: Uint8Array | JWTVerifyGetKey =
    config.algorithm === 'HS256'
      ? new TextEncoder().encode(config.secret)
      : config.jwksFile
        ? createLocalJWKSet(JSON.parse(readFileSync(config.jwksFile, 'utf8')))
        : createRemoteJWKSet(new URL(config.jwksUrl!));
  const options = { algorithms: [config.algorithm], issuer: config.issuer, audience: config.audience, requiredClaims: ['exp'] };
  // Verified tokens, each kept at most CACHE_MS and never past its own expiry.
  const cache = new LRUCache<string, TokenClaims | PartyClaims>({ max: CACHE_LIMIT, ttl: CACHE_MS });

  return async (token: string) => {
    const now = Date.now();
    const hit = cache.get(token);
    if (hit) return hit;
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, key as Uint8Array, options));
    } catch (error) {
      throw new InvalidTokenError(`token rejected: ${(error as Error).message}`);
    }
    const issued = payload.iat ?? Math.floor(now / 1000);
    if (payload.exp! - issued > config.maxLifetimeSeconds) {
      throw new InvalidTokenError(`token rejected: it is valid for ${payload.exp! - issued} s, longer than the ${config.maxLifetimeSeconds} s this platform accepts`);
    }
    const claims = 'party' in payload ? partyClaimsFrom(payload) : claimsFrom(payload);
    // SERVICE identities are minted by the platforms for each other (service-token.ts); a user token never is one.
    if (!isPartyClaims(claims) && claims.roles.includes('SERVICE')) throw new InvalidTokenError('role SERVICE is not accepted in a user token');
    cache.set(token, claims, { ttl: Math.max(1, Math.min(CACHE_MS, payload.exp! * 1000 - now)) });
    return claims;
  };
}

/** The claims this platform reads, checked for form; level and jurisdiction are optional. */
export function claimsFrom(payload: JWTPayload): TokenClaims {
  const { sub, agency, jurisdiction, level, roles } = payload as Record<string, unknown>;
  if (typeof sub !== 'string' || !sub || sub.length > 128) throw new InvalidTokenError('token has no sub claim of at most 128 characters');
  if (typeof agency !== 'string' || !checkUscc(agency).valid) throw new InvalidTokenError('token agency claim is not a valid USCC');
  if (jurisdiction !== undefined && (typeof jurisdiction !== 'string' || !checkDivisionCodeFormat(jurisdiction).valid)) {
    throw new InvalidTokenError('token jurisdiction claim is not a division code');
  }
  if (level !== undefined && !isLevel(level)) throw new InvalidTokenError('token level claim must be REGION, CITY or COUNTY');
  if (!Array.isArray(roles) || roles.length === 0 || roles.some((r) => !(ROLES as readonly string[]).includes(r))) {
    throw new InvalidTokenError(`token roles must be a non-empty list of ${ROLES.join(', ')}`);
  }
  return Object.freeze({
    sub,
    agency,
    roles: Object.freeze([...new Set(roles as Role[])]),
    ...(level !== undefined ? { level } : {}),
    ...(jurisdiction !== undefined ? { jurisdiction: jurisdiction as string } : {}),
  });
}

/** A registered person's or organisation's claims: a valid citizen ID number or USCC, and nothing of an agency's. */
export function partyClaimsFrom(payload: JWTPayload): PartyClaims {
  const { sub, party, partyKind } = payload as Record<string, unknown>;
  if (typeof sub !== 'string' || !sub || sub.length > 128) throw new InvalidTokenError('token has no sub claim of at most 128 characters');
  if (partyKind !== 'PERSON' && partyKind !== 'ORGANISATION') throw new InvalidTokenError('token partyKind claim must be PERSON or ORGANISATION');
  const check = typeof party !== 'string' ? null : partyKind === 'PERSON' ? checkCitizenId(party) : checkUscc(party);
  if (!check?.valid) throw new InvalidTokenError(`token party claim is not a valid ${partyKind === 'PERSON' ? 'citizen ID number' : 'USCC'}`);
  if ('agency' in payload || 'roles' in payload) throw new InvalidTokenError("a registered party's token carries no agency and no roles");
  return Object.freeze({ sub, party: party as string, partyKind });
}

/** Development and test tokens for a registered person or organisation (HS256). */
export async function signPartyToken(subject: PartyClaims, secret: string, options: { expiresIn?: string; issuer?: string; audience?: string } = {}): Promise<string> {
  let jwt = new SignJWT({ party: subject.party, partyKind: subject.partyKind })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(subject.sub)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '8h');
  if (options.issuer) jwt = jwt.setIssuer(options.issuer);
  if (options.audience) jwt = jwt.setAudience(options.audience);
  return jwt.sign(new TextEncoder().encode(secret));
}

/** What a development or test token states: only what the registry cannot contradict is required. */
export type TokenSubject = Pick<TokenClaims, 'sub' | 'agency' | 'roles'> & Partial<Pick<TokenClaims, 'level' | 'jurisdiction'>>;

/** Development and test tokens (HS256). Production tokens come from the identity provider. */
export async function signToken(subject: TokenSubject, secret: string, options: { expiresIn?: string; issuer?: string; audience?: string } = {}): Promise<string> {
  const claims: Record<string, unknown> = { agency: subject.agency, roles: [...subject.roles] };
  if (subject.level) claims.level = subject.level;
  if (subject.jurisdiction) claims.jurisdiction = subject.jurisdiction;
  let jwt = new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(subject.sub)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '8h');
  if (options.issuer) jwt = jwt.setIssuer(options.issuer);
  if (options.audience) jwt = jwt.setAudience(options.audience);
  return jwt.sign(new TextEncoder().encode(secret));
}
