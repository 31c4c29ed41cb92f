import { PublicRateLimit } from '../../gateway/public-rate-limit';
import { demoAgency, Sector } from '../../subgraphs/modules/agency/demo-agencies';
import { InProcessState, RedisState } from '../../subgraphs/kernel/shared-state';
import { errorCodes, startTestStack, TestStack } from '../support/stack';

/* Anonymous callers are limited per client address, with a clear error and Retry-After. */

describe('requests without a token, per client address', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ PUBLIC_REQUESTS_PER_MINUTE: '3' });
  });
  afterAll(() => stack?.stop());

  it('are served up to the limit, then refused with 429 RATE_LIMITED and Retry-After; an agency is not limited by them', async () => {
    const query = '{ catalog(first: 1) { totalCount } }';
    // The window is a clock minute: two tries at most, in case the first run of requests straddles its end.
    let refused;
    for (let attempt = 0; attempt < 2 && !refused; attempt++) {
      const answers = [];
      for (let n = 0; n < 4; n++) answers.push(await fetch(stack.gateway.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) }));
      if (answers.slice(0, 3).every((a) => a.status === 200) && answers[3].status === 429) refused = answers[3];
    }
    expect(refused).toBeDefined();
    const retryAfter = Number(refused!.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    const body = (await refused!.json()) as any;
    expect(body.data).toBeUndefined();
    expect(body.errors[0].extensions.code).toBe('RATE_LIMITED');
    expect(body.errors[0].message).toMatch(/more than 3 requests without an agency token from .+ this minute; retry after \d+ s/);
    const agency = await stack.query(query, {}, await stack.token(demoAgency('150102', Sector.HEALTH)));
    expect(errorCodes(agency)).toEqual([]);
  });
});

describe('the count per address', () => {
  const MINUTE = 60_000;
  const start = 1_800_000_000_000 - (1_800_000_000_000 % MINUTE);

  it('resets with each minute and says how long is left of the current one', async () => {
    const limit = new PublicRateLimit(new InProcessState(), 2);
    expect(await limit.check('10.0.0.1', start + 1_000)).toEqual({ ok: true });
    expect(await limit.check('10.0.0.1', start + 2_000)).toEqual({ ok: true });
    expect(await limit.check('10.0.0.1', start + 45_500)).toEqual({ ok: false, retryAfterSeconds: 15 });
    expect(await limit.check('10.0.0.2', start + 45_500)).toEqual({ ok: true });
    expect(await limit.check('10.0.0.1', start + MINUTE)).toEqual({ ok: true });
  });

  it('is closed entirely at a limit of 0', async () => {
    expect((await new PublicRateLimit(new InProcessState(), 0).check('10.0.0.1', start)).ok).toBe(false);
  });

  it('is one count across gateway replicas sharing Redis', async () => {
    const prefix = `rate-test-${process.pid}-${Date.now()}:`;
    const replicas = [new PublicRateLimit(new RedisState('redis://127.0.0.1:6379', prefix), 3), new PublicRateLimit(new RedisState('redis://127.0.0.1:6379', prefix), 3)];
    try {
      const verdicts = [];
      for (let n = 0; n < 4; n++) verdicts.push((await replicas[n % 2].check('10.0.0.9', start + 1_000)).ok);
      expect(verdicts).toEqual([true, true, true, false]);
    } finally {
      await Promise.all(replicas.map((r) => r.close()));
    }
  });
});
