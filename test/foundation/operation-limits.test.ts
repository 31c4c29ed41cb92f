import { OPERATION_LIMITS } from '../../gateway/gateway';
import { demoAgency, Sector } from '../../subgraphs/modules/agency/demo-agencies';
import { MAX_RECORD_PAGE } from '../../subgraphs/modules/records/graphql/page-limit';
import { startTestStack, TestStack } from '../support/stack';

let stack: TestStack;
let token: string;

beforeAll(async () => {
  stack = await startTestStack();
  token = await stack.token(demoAgency('150700', Sector.HEALTH));
});
afterAll(() => stack?.stop());

describe('the gateway limits operations (GraphQL Armor)', () => {
  it(`refuses a depth-20 query with a clear error, no 5xx (limit ${OPERATION_LIMITS.maxDepth})`, async () => {
    let selection = 'code';
    for (let i = 0; i < 19; i++) selection = `parent { ${selection} }`;
    const response = await stack.query(`{ jurisdiction(code: "150102") { ${selection} } }`, {}, token);
    expect(response.status).toBeLessThan(500);
    expect(response.body.data).toBeUndefined();
    expect(response.body.errors![0].message).toMatch(/depth/i);
  });

  it(`refuses a 100-alias query with a clear error, no 5xx (limit ${OPERATION_LIMITS.maxAliases})`, async () => {
    const aliases = Array.from({ length: 100 }, (_, i) => `a${i}: jurisdiction(code: "150000") { code }`).join('\n');
    const response = await stack.query(`{ ${aliases} }`, {}, token);
    expect(response.status).toBeLessThan(500);
    expect(response.body.data).toBeUndefined();
    expect(response.body.errors![0].message).toMatch(/alias/i);
  });

  it.each([
    ['200 resources', 200, 12_489_400],
    ['one resource', 1, 62_447],
  ])(`refuses a page of records in a catalog page of %s: its estimated cost multiplies past ${OPERATION_LIMITS.maxCost}`, async (_case, resources, cost) => {
    const records = `records(first: ${MAX_RECORD_PAGE}) { rows { key fields { item value } } }`;
    const multiplied = await stack.query(`{ catalog(first: ${resources}) { edges { node { ${records} } } } }`, {}, token);
    expect(multiplied.status).toBeLessThan(500);
    expect(multiplied.body.data).toBeUndefined();
    expect(multiplied.body.errors![0].message).toMatch(`Cost limit of ${OPERATION_LIMITS.maxCost} exceeded, found ${cost}.`);
  });

  it(`serves one page of ${MAX_RECORD_PAGE} records (estimated cost 26 375)`, async () => {
    const page = await stack.query(`{ regionPersons(first: ${MAX_RECORD_PAGE}) { edges { node { idNumber name gender birthDate householdAddress } } } }`, {}, token);
    expect(page.status).toBe(200);
    expect(page.body.data.regionPersons.edges).toHaveLength(MAX_RECORD_PAGE);
    // The household address is CONDITIONAL and this agency holds no grant: those are the only errors.
    expect(new Set(page.body.errors?.map((e) => e.extensions?.code))).toEqual(new Set(['SHARE_DENIED']));
  });

  it('still serves a reasonable query', async () => {
    const response = await stack.query('{ a: jurisdiction(code: "150000") { code } b: jurisdiction(code: "150100") { parent { parent { code } } } }', {}, token);
    expect(response.body).toEqual({ data: { a: { code: '150000' }, b: { parent: { parent: null } } } });
  });
});
