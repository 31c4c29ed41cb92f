import { CATALOG_PAGE } from '../../bench/scenarios/operations';
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

  describe('counts page sizes passed as variables as if they were written', () => {
    const pageInPage = `query PageInPage($n: Int!, $m: Int!) {
      catalog(first: $n) { edges { node { records(first: $m) { rows { key fields { item value } } } } } }
    }`;

    it.each([
      ['200 resources', 200, 12_489_400],
      ['one resource', 1, 62_447],
    ])('refuses a page of records in a catalog page of %s, the page sizes in variables', async (_case, resources, cost) => {
      const multiplied = await stack.query(pageInPage, { n: resources, m: MAX_RECORD_PAGE }, token);
      expect(multiplied.status).toBe(400);
      expect(multiplied.body.data).toBeUndefined();
      expect(multiplied.body.errors).toHaveLength(1);
      expect(multiplied.body.errors![0].message).toMatch(`Cost limit of ${OPERATION_LIMITS.maxCost} exceeded, found ${cost}.`);
      expect(multiplied.body.errors![0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    });

    it('answers as Armor answers the same page sizes written in the operation', async () => {
      const written = await stack.query(`{ catalog(first: 200) { edges { node { records(first: ${MAX_RECORD_PAGE}) { rows { key fields { item value } } } } } } }`, {}, token);
      const passed = await stack.query(pageInPage, { n: 200, m: MAX_RECORD_PAGE }, token);
      expect({ status: passed.status, message: passed.body.errors![0].message, code: passed.body.errors![0].extensions?.code })
        .toEqual({ status: written.status, message: written.body.errors![0].message, code: written.body.errors![0].extensions?.code });
    });

    it('counts the page sizes a variable declares as its default', async () => {
      const defaulted = await stack.query(pageInPage.replace('$n: Int!, $m: Int!', `$n: Int! = 200, $m: Int! = ${MAX_RECORD_PAGE}`), {}, token);
      expect(defaulted.status).toBe(400);
      expect(defaulted.body.errors![0].message).toMatch(`Cost limit of ${OPERATION_LIMITS.maxCost} exceeded, found 12489400.`);
    });

    it('serves the same page-in-page with small page sizes', async () => {
      const small = await stack.query(pageInPage, { n: 2, m: 5 }, token);
      expect(small.status).toBe(200);
      expect(small.body.data.catalog.edges).toHaveLength(2);
      for (const { node } of small.body.data.catalog.edges) expect(node.records.rows.length).toBeLessThanOrEqual(5);
      expect(small.body.errors?.filter((e) => e.extensions?.code !== 'SHARE_DENIED') ?? []).toEqual([]);
    });

    it(`serves one page of ${MAX_RECORD_PAGE} records, its size in a variable`, async () => {
      const query = 'query Persons($first: Int!) { regionPersons(first: $first) { edges { node { idNumber name gender birthDate householdAddress } } } }';
      const page = await stack.query(query, { first: MAX_RECORD_PAGE }, token);
      expect(page.status).toBe(200);
      expect(page.body.data.regionPersons.edges).toHaveLength(MAX_RECORD_PAGE);
      expect(new Set(page.body.errors?.map((e) => e.extensions?.code))).toEqual(new Set(['SHARE_DENIED']));
    });

    it("serves the benchmark's catalog page (20 resources with their items)", async () => {
      const page = await stack.query(CATALOG_PAGE, { first: 20 }, token);
      expect(page.status).toBe(200);
      expect(page.body.errors).toBeUndefined();
      expect(page.body.data.catalog.edges.length).toBeGreaterThan(0);
    });
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
