import { setTimeout as sleep } from 'node:timers/promises';
import { ReflowFrequency, ReflowRunState } from '../../subgraphs/modules/reflow/enums';
import { ReflowRun } from '../../subgraphs/modules/reflow/run.entity';
import { ReflowSubscription } from '../../subgraphs/modules/reflow/subscription.entity';
import { ENTITLEMENT_CHECK_MS, nextRunAt } from '../../subgraphs/modules/reflow/target/scheduler';
import { PersonRow } from '../../subgraphs/modules/records/record.entities';
import { startTestStack, TestStack } from '../support/stack';
import { HOHHOT_AUTHORITY, HULUNBUIR_AUTHORITY, PERSON_ITEMS, REFLOW_TEST_ENV, REGION_AUTHORITY, resourceIdOf, runAt, subscribe } from './reflow-fixtures';

// Issue 5 item 5: the receiving platform's scheduler runs INCREMENTAL subscriptions every
// intervalMinutes; ONE_OFF subscriptions are run once, by hand. Issue 18: a failed run is retried
// with backoff, and a delivered one-off has its entitlement checked (what it may no longer hold goes).
let stack: TestStack;
let incremental: string;
let oneOff: string;

const runsOf = (subscriptionId: string) => stack.subgraphs.CITY.db.getRepository(ReflowRun).find({ where: { subscriptionId }, order: { queuedAt: 'ASC' } });

async function until<T>(probe: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value) || Date.now() > deadline) return value;
    await sleep(100);
  }
}

beforeAll(async () => {
  stack = await startTestStack({ ...REFLOW_TEST_ENV, REFLOW_SCHEDULER: 'true', REFLOW_SCHEDULER_TICK_MS: '200' });
  const region = await stack.token(REGION_AUTHORITY, 'AUTHORITY_REVIEWER');
  const resourceId = await resourceIdOf(stack, '150000-RK-0001');
  incremental = await subscribe(stack, 'REGION', await stack.token(HOHHOT_AUTHORITY, 'AUTHORITY_REVIEWER'), region, { resourceId, items: PERSON_ITEMS, frequency: 'INCREMENTAL', intervalMinutes: 1 });
  oneOff = await subscribe(stack, 'REGION', await stack.token(HULUNBUIR_AUTHORITY, 'AUTHORITY_REVIEWER'), region, { resourceId, items: ['name'], frequency: 'ONE_OFF', intervalMinutes: undefined });
});
afterAll(() => stack?.stop());

describe('the reflow scheduler', () => {
  it('runs an INCREMENTAL subscription that is due, and not again within its interval', async () => {
    const runs = await until(() => runsOf(incremental), (r) => r.some((run) => run.state === 'SUCCEEDED'));
    expect(runs).toEqual([expect.objectContaining({ trigger: 'SCHEDULER', state: 'SUCCEEDED' })]);
    expect(await stack.subgraphs.CITY.db.getRepository(PersonRow).countBy({ originSubscription: incremental })).toBe(runs[0].rowsWritten);
    await sleep(1000);
    expect(await runsOf(incremental)).toHaveLength(1);
  });

  it('leaves a ONE_OFF subscription alone; run by hand it delivers once, and later runs only check the entitlement', async () => {
    expect(await runsOf(oneOff)).toEqual([]);
    const delivered = await runAt(stack, 'CITY', oneOff);
    expect(delivered).toMatchObject({ trigger: 'COMMAND', state: 'SUCCEEDED', rowsRead: expect.any(Number) });
    expect(delivered.rowsRead).toBeGreaterThan(0);
    const held = await stack.subgraphs.CITY.db.getRepository(PersonRow).countBy({ originSubscription: oneOff });
    expect(await runAt(stack, 'CITY', oneOff)).toMatchObject({ state: 'SUCCEEDED', rowsRead: 0, rowsWritten: 0 });
    expect(await stack.subgraphs.CITY.db.getRepository(PersonRow).countBy({ originSubscription: oneOff })).toBe(held);
  });
});

describe('when a subscription runs next', () => {
  const subscription = Object.assign(new ReflowSubscription(), { frequency: ReflowFrequency.INCREMENTAL, intervalMinutes: 30 });
  const at = (minute: number, state: ReflowRunState) => Object.assign(new ReflowRun(), { state, queuedAt: new Date(Date.UTC(2026, 10, 30, 0, minute)) });
  const MINUTE = 60_000;

  it('is at once when it never ran', () => {
    expect(nextRunAt(subscription, [], MINUTE)).toBe(0);
  });

  it('is one interval after a run that succeeded', () => {
    expect(nextRunAt(subscription, [at(10, ReflowRunState.SUCCEEDED)], MINUTE)).toBe(at(40, ReflowRunState.SUCCEEDED).queuedAt.getTime());
  });

  it('backs off after failures — 1, 2, 4 … minutes after the last — and never waits past the interval', () => {
    const failures = (n: number) => Array.from({ length: n }, (_, i) => at(20 - i, ReflowRunState.FAILED));
    const wait = (recent: ReflowRun[]) => (nextRunAt(subscription, recent, MINUTE) - recent[0].queuedAt.getTime()) / MINUTE;
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => wait(failures(n)))).toEqual([1, 2, 4, 8, 16, 30, 30]);
    expect(wait([at(20, ReflowRunState.FAILED), at(10, ReflowRunState.SUCCEEDED), at(5, ReflowRunState.FAILED)])).toBe(1);
  });

  it('runs a weekly subscription hourly all the same: what it holds is re-decided at least that often', () => {
    const weekly = Object.assign(new ReflowSubscription(), { frequency: ReflowFrequency.INCREMENTAL, intervalMinutes: 7 * 24 * 60 });
    expect(nextRunAt(weekly, [at(0, ReflowRunState.SUCCEEDED)], MINUTE) - at(0, ReflowRunState.SUCCEEDED).queuedAt.getTime()).toBe(ENTITLEMENT_CHECK_MS);
  });

  it('checks a delivered one-off subscription hourly: its grants may end', () => {
    const oneOffSubscription = Object.assign(new ReflowSubscription(), { frequency: ReflowFrequency.ONE_OFF, intervalMinutes: null });
    expect(nextRunAt(oneOffSubscription, [at(0, ReflowRunState.SUCCEEDED)], MINUTE) - at(0, ReflowRunState.SUCCEEDED).queuedAt.getTime()).toBe(ENTITLEMENT_CHECK_MS);
  });
});
