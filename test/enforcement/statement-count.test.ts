import { demoAgency, Sector } from '../../subgraphs/modules/agency/demo-agencies';
import { startTestStack, TestStack } from '../support/stack';

// Issue 4: decisions are batched per request — one read of the requester's standing, one of the
// catalog items — so a record query runs the same SQL for 1 record as for 500.
let stack: TestStack;
let token: string;

beforeAll(async () => {
  stack = await startTestStack();
  token = await stack.token(demoAgency('150102', Sector.CIVIL_AFFAIRS));
});
afterAll(() => stack?.stop());

async function statementsFor(query: string) {
  stack.resetStatements();
  const response = await stack.query(query, {}, token);
  expect(response.body.data).toBeTruthy();
  return { REGION: stack.statements('REGION'), CITY: stack.statements('CITY'), COUNTY: stack.statements('COUNTY') };
}

const FIELDS = 'idNumber name gender birthDate householdAddress maritalStatus phone ethnicity healthStatus';

describe('SQL statements do not grow with the records returned', () => {
  it('typed records: 1 vs 500 persons, every item decided (allowed and denied)', async () => {
    const one = await statementsFor(`{ regionPersons(first: 1) { edges { node { ${FIELDS} } } } }`);
    const many = await statementsFor(`{ regionPersons(first: 500) { totalCount edges { node { ${FIELDS} } } } }`);
    expect(one.REGION).toBeGreaterThan(0);
    expect(many).toEqual(one);
  });

  it('generic records of a catalog resource: 1 vs 500', async () => {
    const query = (n: number) => `{ catalog(filter: { text: "人口基础信息", level: REGION }) { edges { node { records(first: ${n}) { rows { key fields { item value } } } } } } }`;
    expect(await statementsFor(query(500))).toEqual(await statementsFor(query(1)));
  });

  it('records reached through _entities from another level: 1 vs all of a county roll', async () => {
    const query = (n: number) => `{ countyAssistanceRecords(first: ${n}) { edges { node { idNumber householdSize person { ${FIELDS} } } } } }`;
    const one = await statementsFor(query(1));
    const all = await statementsFor(query(200));
    expect(one.REGION).toBeGreaterThan(0);
    expect(all).toEqual(one);
  });
});
