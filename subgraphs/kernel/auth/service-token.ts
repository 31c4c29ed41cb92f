import { decodeJwt, jwtVerify, SignJWT } from 'jose';
import { PlatformConfig } from '../config';
import { Level } from '../levels';
import { PartyClaims, TokenClaims } from './identity';
import { claimsFrom, createTokenVerifier, InvalidTokenError } from './jwt';

/** Short: a service token is minted for each call, so it never needs to outlive one. */
const SERVICE_TOKEN_LIFETIME = '2m';

/** For whom a platform component calls another level: the agency it acts for and the level it runs at. */
export interface ServiceActor {
  /** The level of the platform minting the token (e.g. the receiving level of a reflow). */
  level: Level;
  agency: string;
  jurisdiction: string;
}

const subjectOf = (level: Level) => `service:${level.toLowerCase()}`;
const keyOf = (secret: string) => new TextEncoder().encode(secret);

/**
 * Scheduled and command-line flows between levels have no user behind them, so the platform mints
 * a SERVICE token itself: HS256 with SERVICE_TOKEN_SECRET, role SERVICE, subject `service:<level>`,
 * and the agency whose standing the receiving level must apply (e.g. a reflow's subscriber).
 */
export function signServiceToken(secret: string, actor: ServiceActor): Promise<string> {
  return new SignJWT({ agency: actor.agency, jurisdiction: actor.jurisdiction, level: actor.level, roles: ['SERVICE'] })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(subjectOf(actor.level))
    .setIssuedAt()
    .setExpirationTime(SERVICE_TOKEN_LIFETIME)
    .sign(keyOf(secret));
}

export function createServiceTokenVerifier(secret: string): (token: string) => Promise<TokenClaims> {
  const key = keyOf(secret);
  return async (token: string) => {
    let claims: TokenClaims;
    try {
      claims = claimsFrom((await jwtVerify(token, key, { algorithms: ['HS256'], requiredClaims: ['exp'] })).payload);
    } catch (error) {
      throw new InvalidTokenError(`service token rejected: ${(error as Error).message}`);
    }
    if (claims.roles.length !== 1 || claims.roles[0] !== 'SERVICE' || !claims.level || claims.sub !== subjectOf(claims.level)) {
      throw new InvalidTokenError('a service token carries role SERVICE only, for subject service:<its level>');
    }
    return claims;
  };
}

function claimsSayService(token: string): boolean {
  try {
    const roles = decodeJwt(token).roles;
    return Array.isArray(roles) && roles.includes('SERVICE');
  } catch {
    return false;
  }
}

/**
 * What a subgraph accepts: user tokens, and in addition SERVICE tokens. The unverified claims only
 * choose which key checks the token; either way it is verified in full. The gateway uses the user
 * verifier alone, which refuses role SERVICE, so no SERVICE token ever passes the gateway.
 */
export function createSubgraphTokenVerifier(config: Readonly<PlatformConfig>): (token: string) => Promise<TokenClaims | PartyClaims> {
  const user = createTokenVerifier(config.jwt);
  const service = createServiceTokenVerifier(config.serviceTokenSecret);
  return (token: string) => (claimsSayService(token) ? service(token) : user(token));
}
