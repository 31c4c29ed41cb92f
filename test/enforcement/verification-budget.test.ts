import { randomUUID } from 'node:crypto';
import { signRequest } from '../../subgraphs/kernel/auth/request-signature';
import { PlatformConfig } from '../../subgraphs/kernel/config';
import { freePort } from '../../subgraphs/kernel/server/http';
import { RunningSubgraph, startSubgraph } from '../../subgraphs/kernel/server/subgraph-server';
import { LEVEL_DEFINITIONS } from '../../subgraphs/levels';
import { demoAgency, demoAuthority, Sector } from '../../subgraphs/modules/agency/demo-agencies';
import { PersonRow } from '../../subgraphs/modules/records/record.entities';
import { startTestStack, TestStack } from '../support/stack';

// Issue 12, verification is no oracle: verification (核验、比对) answers whether a value matches a record,
// the one use even NOT_SHARED items allow (004 art. 21; 000 art. 21). Each answer is one bit, so an agency
// gets a few per record and item each day (3): enough to check a value, too few to find one among the
// candidates. Shared data serves only the approved use (004 art. 23): the exhausted budget is refused,
// audited, and listed for the authority.
const ETHNICITIES = ['汉族', '蒙古族', '回族', '满族', '达斡尔族', '鄂温克族'];
const GUESSER = demoAgency('150102', Sector.HEALTH);

let stack: TestStack;
let resourceId: string;

beforeAll(async () => {
  stack = await startTestStack();
  // Budgets count per Beijing day: the test's day is fixed, so a run across midnight counts alike.
  stack.clock.set('2026-11-04T02:00:00Z');
  const found = await stack.query('{ catalog(filter: { text: "人口基础信息", level: REGION }) { edges { node { id } } } }', {}, await stack.token(GUESSER));
  resourceId = found.body.data.catalog.edges[0].node.id;
});
afterAll(() => stack?.stop());

/** A person whose ethnicity is one of the candidates, and the candidates with the true one fifth. */
async function target(skip = 0): Promise<{ idNumber: string; candidates: string[] }> {
  const people = await stack.subgraphs.REGION.db.getRepository(PersonRow).find({ order: { idNumber: 'ASC' } });
  const person = people.filter((p) => p.ethnicity && ETHNICITIES.includes(p.ethnicity))[skip];
  const others = ETHNICITIES.filter((e) => e !== person.ethnicity);
  return { idNumber: person.idNumber, candidates: [...others.slice(0, 4), person.ethnicity!, others[4]] };
}

/** Aliased guesses in one request: the answers come back as `platform.g0`, `platform.g1`, …. */
const guesses = (key: string, candidates: string[]) =>
  `{ platform(level: REGION) { ${candidates.map((value, i) => `g${i}: verifyRecord(resourceId: "${resourceId}", key: "${key}", item: "ethnicity", value: ${JSON.stringify(value)})`).join(' ')} } }`;

describe('guessing a NOT_SHARED value by verification (004 art. 21, 23; 000 art. 21)', () => {
  it('answers the first 3 guesses at a record\'s ethnicity and refuses the rest: the true value among 6 is never confirmed', async () => {
    const { idNumber, candidates } = await target();
    const response = await stack.query(guesses(idNumber, candidates), {}, await stack.token(GUESSER));
    expect(response.body.data.platform).toEqual({ g0: false, g1: false, g2: false, g3: null, g4: null, g5: null });
    const refusals = response.body.errors!.map((e) => [e.path![1], e.extensions?.code, e.extensions?.reason]);
    expect(refusals).toEqual(['g3', 'g4', 'g5'].map((alias) => [alias, 'SHARE_DENIED', 'VERIFICATION_BUDGET_EXHAUSTED']));
  });

  it('keeps counting in later requests of the same day, record and item', async () => {
    const { idNumber, candidates } = await target();
    const again = await stack.query(guesses(idNumber, [candidates[4]]), {}, await stack.token(GUESSER));
    expect(again.body.data.platform).toEqual({ g0: null });
  });

  it('still answers a legitimate check of another record, and another agency\'s', async () => {
    const other = await target(1);
    expect((await stack.query(guesses(other.idNumber, [other.candidates[4]]), {}, await stack.token(GUESSER))).body.data.platform).toEqual({ g0: true });
    const first = await target();
    expect((await stack.query(guesses(first.idNumber, [first.candidates[4]]), {}, await stack.token(demoAgency('150102', Sector.CIVIL_AFFAIRS)))).body.data.platform).toEqual({ g0: true });
  });

  it('lists every refused guess for the authority, as an alert in the audit trail', async () => {
    const authority = await stack.token(demoAuthority('150102'), 'AUTHORITY_REVIEWER');
    const alerts = await stack.query('{ platform(level: REGION) { auditTrail(filter: { action: "VERIFY", reason: "VERIFICATION_BUDGET_EXHAUSTED" }) { nodes { agencyUscc items effect recordKeys } } } }', {}, authority);
    const mine = alerts.body.data.platform.auditTrail.nodes.filter((r: { agencyUscc: string }) => r.agencyUscc === GUESSER.uscc);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((r: { effect: string; items: string[] }) => r.effect === 'DENY' && r.items.includes('ethnicity'))).toBe(true);
    expect(mine.flatMap((r: { recordKeys: string[] }) => r.recordKeys)).toContain((await target()).idNumber);
  });
});

describe('with REDIS_URL the budget is one across replicas', () => {
  let shared: TestStack;
  let second: RunningSubgraph;
  let secondUrl: string;

  beforeAll(async () => {
    shared = await startTestStack({ REDIS_URL: 'redis://127.0.0.1:6379', REDIS_KEY_PREFIX: `test:${randomUUID()}:` });
    shared.clock.set('2026-11-04T02:00:00Z');
    const port = await freePort();
    secondUrl = `http://127.0.0.1:${port}/graphql`;
    const config: Readonly<PlatformConfig> = { ...shared.config, subgraphs: { ...shared.config.subgraphs, REGION: { ...shared.config.subgraphs.REGION, port, url: secondUrl } } };
    second = await startSubgraph(LEVEL_DEFINITIONS.REGION, config, { clock: shared.clock });
  });
  afterAll(async () => {
    await second?.stop();
    await shared?.stop();
  });

  it('refuses the fourth guess at the second replica after three at the first', async () => {
    const token = await shared.token(GUESSER);
    const people = await shared.subgraphs.REGION.db.getRepository(PersonRow).find({ order: { idNumber: 'ASC' }, take: 1 });
    const found = await shared.query('{ catalog(filter: { text: "人口基础信息", level: REGION }) { edges { node { id } } } }', {}, token);
    const resource = found.body.data.catalog.edges[0].node.id;
    const ask = async (url: string, value: string) => {
      const body = JSON.stringify({ query: `{ platform(level: REGION) { verifyRecord(resourceId: "${resource}", key: "${people[0].idNumber}", item: "ethnicity", value: ${JSON.stringify(value)}) } }` });
      const authorization = `Bearer ${token}`;
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization, ...signRequest(shared.config.gatewaySigningSecret, { method: 'POST', path: '/graphql', authorization, body }) }, body });
      return ((await response.json()) as { errors?: { extensions?: { reason?: string } }[] }).errors?.[0]?.extensions?.reason ?? 'ANSWERED';
    };
    const answers = [];
    for (const value of ['甲', '乙', '丙']) answers.push(await ask(shared.subgraphs.REGION.url, value));
    answers.push(await ask(secondUrl, '丁'));
    expect(answers).toEqual(['ANSWERED', 'ANSWERED', 'ANSWERED', 'VERIFICATION_BUDGET_EXHAUSTED']);
  });
});
