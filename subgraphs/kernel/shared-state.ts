import Redis from 'ioredis';

/**
 * Counters and once-only marks that every replica of a platform must agree on: a signature nonce
 * used at one replica is used at all of them, a verification attempt counted at one counts at all.
 * With REDIS_URL they live in Redis; without it, in this process (one replica).
 */
export interface SharedState {
  /** Marks `key` for `ttlMs`; false when it was already marked (by any replica). */
  claimOnce(key: string, ttlMs: number): Promise<boolean>;
  /** Adds one to a counter that lives `ttlMs` from its first increment; returns the new count. */
  increment(key: string, ttlMs: number): Promise<number>;
  close(): Promise<void>;
}

/** One process's state; entries expire lazily, oldest first, so memory follows the traffic of one window. */
export class InProcessState implements SharedState {
  private readonly entries = new Map<string, { value: number; expiresAt: number }>();

  async claimOnce(key: string, ttlMs: number): Promise<boolean> {
    const now = Date.now();
    this.forgetExpired(now);
    const entry = this.entries.get(key);
    if (entry && entry.expiresAt > now) return false;
    this.entries.set(key, { value: 1, expiresAt: now + ttlMs });
    return true;
  }

  async increment(key: string, ttlMs: number): Promise<number> {
    const now = Date.now();
    this.forgetExpired(now);
    const entry = this.entries.get(key);
    if (entry && entry.expiresAt > now) return ++entry.value;
    this.entries.set(key, { value: 1, expiresAt: now + ttlMs });
    return 1;
  }

  private forgetExpired(now: number) {
    // Map keeps insertion order; entries of one kind are inserted in (nearly) expiry order.
    for (const [key, entry] of this.entries) {
      if (entry.expiresAt > now) break;
      this.entries.delete(key);
    }
  }

  async close() {}
}

/** INCR that starts the counter's lifetime on its first increment, in one round trip. */
const INCREMENT_SCRIPT = `local n = redis.call('INCR', KEYS[1]) if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end return n`;

/** State shared through Redis. A Redis that cannot be reached fails the caller: replay protection never silently lapses. */
export class RedisState implements SharedState {
  private readonly redis: Redis;

  constructor(url: string, keyPrefix: string) {
    this.redis = new Redis(url, { keyPrefix, maxRetriesPerRequest: 1, enableOfflineQueue: true, lazyConnect: false });
    // Connection errors reach the calls that need Redis; the client's own event would be an unhandled 'error'.
    this.redis.on('error', () => undefined);
  }

  async claimOnce(key: string, ttlMs: number): Promise<boolean> {
    return (await this.redis.set(key, '1', 'PX', ttlMs, 'NX')) === 'OK';
  }

  async increment(key: string, ttlMs: number): Promise<number> {
    return Number(await this.redis.eval(INCREMENT_SCRIPT, 1, key, String(ttlMs)));
  }

  async close() {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

export function createSharedState(redis: { url: string; keyPrefix: string } | null): SharedState {
  return redis ? new RedisState(redis.url, redis.keyPrefix) : new InProcessState();
}
