import { setTimeout as sleep } from 'node:timers/promises';
import { ReflowRun } from '../../subgraphs/modules/reflow/run.entity';
import { PersonRow } from '../../subgraphs/modules/records/record.entities';
import { startTestStack, TestStack } from '../support/stack';
import { HOHHOT_AUTHORITY, HULUNBUIR_AUTHORITY, PERSON_ITEMS, REFLOW_TEST_ENV, REGION_AUTHORITY, resourceIdOf, runAt, subscribe } from './reflow-fixtures';

// Issue 5 item 5: the receiving platform's scheduler runs INCREMENTAL subscriptions every
// intervalMinutes; ONE_OFF subscriptions are run once, by hand.
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

  it('leaves a ONE_OFF subscription alone; run by hand it delivers once', async () => {
    expect(await runsOf(oneOff)).toEqual([]);
    expect(await runAt(stack, 'CITY', oneOff)).toMatchObject({ trigger: 'COMMAND', state: 'SUCCEEDED' });
    await expect(runAt(stack, 'CITY', oneOff)).rejects.toThrow(/one-off subscription .* was delivered by run/);
  });
});
