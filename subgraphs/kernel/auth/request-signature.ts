import { createHash, createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import type { SharedState } from '../shared-state';

/**
 * The gateway signs every request it sends to a subgraph, so that a subgraph can tell a request that
 * passed the gateway's authentication and operation limits from one sent to it directly.
 * The MAC covers method, path, timestamp, nonce, the caller's Authorization header, the purpose the
 * request states (x-data-purpose), the public caller's address (for a request without a token) and a
 * body digest; a subgraph accepts it only within a time window and only once (nonce).
 */
export const SIGNATURE_HEADERS = {
  timestamp: 'x-platform-timestamp',
  nonce: 'x-platform-nonce',
  signature: 'x-platform-signature',
} as const;

interface SignedRequest {
  method: string;
  path: string;
  authorization: string;
  /** The x-data-purpose header as sent, '' when there is none. */
  purpose?: string;
  /** The public caller's address the gateway vouches for (auth/caller.ts), '' for an agency's request. */
  publicCaller?: string;
  body: string | Uint8Array;
}

interface SignedParts extends SignedRequest {
  timestamp: string;
  nonce: string;
}

function mac(secret: string, parts: SignedParts): string {
  const bodyDigest = createHash('sha256').update(parts.body).digest('hex');
  return createHmac('sha256', secret)
    .update([parts.method.toUpperCase(), parts.path, parts.timestamp, parts.nonce, parts.authorization, parts.purpose ?? '', parts.publicCaller ?? '', bodyDigest].join('\n'))
    .digest('base64url');
}

export function signRequest(secret: string, request: SignedRequest, now = Date.now()): Record<string, string> {
  const timestamp = String(Math.floor(now / 1000));
  const nonce = randomUUID();
  return {
    [SIGNATURE_HEADERS.timestamp]: timestamp,
    [SIGNATURE_HEADERS.nonce]: nonce,
    [SIGNATURE_HEADERS.signature]: mac(secret, { ...request, timestamp, nonce }),
  };
}

export type SignatureVerdict = { ok: true } | { ok: false; reason: string };

/**
 * Verifies signatures and refuses replays: a nonce is accepted once within the window, at every
 * replica of the platform when the shared state is Redis (shared-state.ts).
 */
export class SignatureVerifier {
  constructor(
    private readonly secret: string,
    private readonly windowSeconds: number,
    private readonly nonces: SharedState,
  ) {}

  async verify(headers: { get(name: string): string | undefined }, request: SignedRequest, now = Date.now()): Promise<SignatureVerdict> {
    const timestamp = headers.get(SIGNATURE_HEADERS.timestamp);
    const nonce = headers.get(SIGNATURE_HEADERS.nonce);
    const signature = headers.get(SIGNATURE_HEADERS.signature);
    if (!timestamp || !nonce || !signature) return { ok: false, reason: 'request is not signed by the gateway' };
    const age = Math.abs(now / 1000 - Number(timestamp));
    if (!Number.isFinite(age) || age > this.windowSeconds) return { ok: false, reason: 'request signature is outside the replay window' };
    const expected = Buffer.from(mac(this.secret, { ...request, timestamp, nonce }));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'request signature does not match' };
    // Kept twice the window: a timestamp may lie up to a window in the future as well as in the past.
    if (!(await this.nonces.claimOnce(`nonce:${nonce}`, 2 * this.windowSeconds * 1000))) return { ok: false, reason: 'request signature was already used' };
    return { ok: true };
  }
}
