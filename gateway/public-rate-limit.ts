import type { SharedState } from '../subgraphs/kernel/shared-state';

const WINDOW_MS = 60_000;

export type RateVerdict = { ok: true } | { ok: false; retryAfterSeconds: number };

/**
 * Requests without a token, counted per client address in fixed one-minute windows. The counts live
 * in the shared state, so with REDIS_URL every gateway replica and worker counts together; without
 * it each process counts its own. A limit of 0 turns public access off.
 */
export class PublicRateLimit {
  constructor(
    private readonly counts: SharedState,
    private readonly perMinute: number,
  ) {}

  async check(clientAddress: string, now = Date.now()): Promise<RateVerdict> {
    const window = Math.floor(now / WINDOW_MS);
    const retryAfterSeconds = Math.max(1, Math.ceil(((window + 1) * WINDOW_MS - now) / 1000));
    if (this.perMinute === 0) return { ok: false, retryAfterSeconds };
    // Kept a little past the window's end, so a slow clock at another replica still finds it.
    const count = await this.counts.increment(`public-rate:${clientAddress}:${window}`, WINDOW_MS + 5_000);
    return count <= this.perMinute ? { ok: true } : { ok: false, retryAfterSeconds };
  }

  close(): Promise<void> {
    return this.counts.close();
  }
}
