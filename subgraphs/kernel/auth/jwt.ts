import { readFileSync } from 'node:fs';
import { createLocalJWKSet, createRemoteJWKSet, jwtVerify, SignJWT, JWTPayload, JWTVerifyGetKey } from 'jose';
import { JwtConfig } from '../config';
import { checkUscc, checkDivisionCodeFormat } from '../identifiers';
import { isLevel } from '../levels';
import { Identity, ROLES, Role } from './identity';

export class InvalidTokenError extends Error {}

/** Verifies user bearer tokens; results are cached briefly because every subgraph verifies every request. */
export function createTokenVerifier(config: JwtConfig): (token: string) => Promise<Identity> {
  const key: Uint8Array | JWTVerifyGetKey =
    config.algorithm === 'HS256'
      ? new TextEncoder().encode(config.secret)
      : config.jwksFile
        ? createLocalJWKSet(JSON.parse(readFileSync(config.jwksFile, 'utf8')))
        : createRemoteJWKSet(new URL(config.jwksUrl!));
  const options = { algorithms: [config.algorithm], issuer: config.issuer, audience: config.audience };
  const cache = new Map<string, { identity: Identity; expiresAt: number }>();
  const CACHE_LIMIT = 10_000;

  return async (token: string) => {
    const now = Date.now();
    const hit = cache.get(token);
    if (hit && hit.expiresAt > now) return hit.identity;
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, key as Uint8Array, options));
    } catch (error) {
      throw new InvalidTokenError(`token rejected: ${(error as Error).message}`);
    }
    const identity = identityFromClaims(payload);
    // SERVICE identities are minted by the platforms for each other (service-token.ts); a user token never is one.
    if (identity.roles.includes('SERVICE')) throw new InvalidTokenError('role SERVICE is not accepted in a user token');
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
    // Never cache past the token's own expiry, and re-verify at least every minute.
    const expiresAt = Math.min(now + 60_000, payload.exp ? payload.exp * 1000 : now + 60_000);
    cache.set(token, { identity, expiresAt });
    return identity;
  };
}

export function identityFromClaims(payload: JWTPayload): Identity {
  const { sub, agency, jurisdiction, level, roles } = payload as Record<string, unknown>;
  if (typeof sub !== 'string' || !sub) throw new InvalidTokenError('token has no sub claim');
  if (typeof agency !== 'string' || !checkUscc(agency).valid) throw new InvalidTokenError('token agency claim is not a valid USCC');
  if (typeof jurisdiction !== 'string' || !checkDivisionCodeFormat(jurisdiction).valid) {
    throw new InvalidTokenError('token jurisdiction claim is not a division code');
  }
  if (!isLevel(level)) throw new InvalidTokenError('token level claim must be REGION, CITY or COUNTY');
  if (!Array.isArray(roles) || roles.some((r) => !(ROLES as readonly string[]).includes(r))) {
    throw new InvalidTokenError(`token roles must be a list of ${ROLES.join(', ')}`);
  }
  return Object.freeze({ sub, agency, jurisdiction, level, roles: Object.freeze([...(roles as Role[])]) });
}

/** Development and test tokens (HS256). Production tokens come from the identity provider. */
export async function signToken(identity: Identity, secret: string, options: { expiresIn?: string; issuer?: string; audience?: string } = {}): Promise<string> {
  let jwt = new SignJWT({ agency: identity.agency, jurisdiction: identity.jurisdiction, level: identity.level, roles: [...identity.roles] })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(identity.sub)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '8h');
  if (options.issuer) jwt = jwt.setIssuer(options.issuer);
  if (options.audience) jwt = jwt.setAudience(options.audience);
  return jwt.sign(new TextEncoder().encode(secret));
}
