import { DocumentNode, getNamedType, getNullableType, isCompositeType, isInterfaceType, isListType, isObjectType, Kind, parse } from 'graphql';
import { Supergraph } from '@apollo/federation-internals';
import { CATALOG_PAGE } from '../../bench/scenarios/operations';
import { demoAgency, Sector } from '../../subgraphs/modules/agency/demo-agencies';
import { MAX_RECORD_PAGE } from '../../subgraphs/modules/records/graphql/page-limit';
import { estimatedCost, supergraphSdl } from '../support/cost';
import { startTestStack, TestStack } from '../support/stack';

// Issue 11, unbounded lists: what an operation may cost is estimated from the @listSize and @cost the
// platforms put on their fields, before anything runs; lists inside lists multiply, so a page of pages
// is refused however it is written, while one full page is served.
let stack: TestStack;
let token: string;

beforeAll(async () => {
  stack = await startTestStack();
  token = await stack.token(demoAgency('150700', Sector.HEALTH));
});
afterAll(() => stack?.stop());

const nest = (depth: number, inner: string) => {
  let selection = inner;
  for (let i = 0; i < depth; i++) selection = `parent { children { ${selection} } }`;
  return selection;
};

const RECORDS_IN_CATALOG = (resources: number) => `{ catalog(first: ${resources}) { edges { node { records(first: ${MAX_RECORD_PAGE}) { nodes { key fields { item value } } } } } } }`;

/** Operations that must never run, each with the variables it is sent with. */
const TOO_EXPENSIVE: [name: string, query: string, variables: Record<string, unknown>][] = [
  ['the 135-byte jurisdiction walk', `{ jurisdictions(level: CITY) { nodes { ${nest(4, 'code')} } } }`, {}],
  // One level deeper is past the depth limit (12) before its cost is counted; side by side under aliases it is not.
  ['the same walk twice, under aliases', `{ a: jurisdictions(level: CITY) { nodes { ${nest(4, 'x: code')} } } b: jurisdictions(level: CITY) { nodes { ${nest(4, 'y: code')} } } }`, {}],
  ['agencies of the jurisdictions of agencies', '{ agencies { nodes { jurisdiction { agencies { nodes { jurisdiction { agencies { nodes { name } } } } } } } } }', {}],
  ['a page of records in a catalog page, written', RECORDS_IN_CATALOG(200), {}],
  ['a full page of records in a catalog page of 2', RECORDS_IN_CATALOG(2), {}],
  [
    'a page of pages, sizes in variables',
    'query P($n: Int!, $m: Int!) { catalog(first: $n) { edges { node { records(first: $m) { nodes { key } } } } } }',
    { n: 200, m: MAX_RECORD_PAGE },
  ],
  [
    'a page of pages, sizes as variable defaults',
    `query P($n: Int! = 200, $m: Int! = ${MAX_RECORD_PAGE}) { catalog(first: $n) { edges { node { records(first: $m) { nodes { key } } } } } }`,
    {},
  ],
  [
    'a page of pages hidden in fragments',
    `query { catalog(first: 200) { ...Page } } fragment Page on CatalogResourceConnection { edges { node { ... on RegionResource { records(first: ${MAX_RECORD_PAGE}) { nodes { key } } } } } }`,
    {},
  ],
];

describe('demand control refuses lists inside lists before anything runs', () => {
  it.each(TOO_EXPENSIVE)('refuses %s with 400 COST_ESTIMATED_TOO_EXPENSIVE, and no platform is asked', async (_name, query, variables) => {
    stack.resetStatements();
    const response = await stack.query(query, variables, token);
    expect(response.status).toBe(400);
    expect(response.body.data).toBeUndefined();
    expect(response.body.errors).toHaveLength(1);
    const [error] = response.body.errors!;
    expect(error.extensions).toMatchObject({ code: 'COST_ESTIMATED_TOO_EXPENSIVE', maxCost: stack.config.gateway.maxCost });
    expect(error.extensions!.cost).toBe(estimatedCost(query, variables));
    expect(error.extensions!.cost).toBeGreaterThan(stack.config.gateway.maxCost);
    expect({ REGION: stack.statements('REGION'), CITY: stack.statements('CITY'), COUNTY: stack.statements('COUNTY') }).toEqual({ REGION: 0, CITY: 0, COUNTY: 0 });
  });

  it('serves the catalog page the platform\'s clients send (20 resources with their items)', async () => {
    expect(estimatedCost(CATALOG_PAGE, { first: 20 })).toBe(1081);
    const page = await stack.query(CATALOG_PAGE, { first: 20 }, token);
    expect(page.status).toBe(200);
    expect(page.body.errors).toBeUndefined();
    expect(page.body.data.catalog.edges.length).toBe(page.body.data.catalog.totalCount);
  });

  it(`serves one page of ${MAX_RECORD_PAGE} person records, its size written or in a variable`, async () => {
    const query = 'query Persons($first: Int!) { platform(level: REGION) { ... on PersonRegister { persons(first: $first) { edges { node { idNumber name gender birthDate householdAddress } } } } } }';
    expect(estimatedCost(query, { first: MAX_RECORD_PAGE })).toBe(2002); // the platform, 1000 edges, 1000 persons
    const page = await stack.query(query, { first: MAX_RECORD_PAGE }, token);
    expect(page.status).toBe(200);
    expect(page.body.data.platform.persons.edges).toHaveLength(MAX_RECORD_PAGE);
    // The household address is CONDITIONAL and this agency holds no grant: those are the only errors.
    expect(new Set(page.body.errors?.map((e) => e.extensions?.code))).toEqual(new Set(['SHARE_DENIED']));
  });

  it(`serves one full page of generic records of one resource (${MAX_RECORD_PAGE} rows, every item)`, async () => {
    const query = `{ catalog(first: 1, filter: { level: CITY }) { edges { node { records(first: ${MAX_RECORD_PAGE}) { nodes { key fields { item value } } } } } } }`;
    expect(estimatedCost(query)).toBeLessThan(stack.config.gateway.maxCost);
    const page = await stack.query(query, {}, token);
    expect(page.status).toBe(200);
    expect(page.body.data.catalog.edges[0].node.records.nodes.length).toBeGreaterThan(0);
  });

  it('counts a list once however many fragments select it on different types: the costliest type counts', () => {
    const twice = `{ catalog(first: 10) { edges { node { ... on CityResource { items { code } } ... on CountyResource { items { code } } } } } }`;
    const once = `{ catalog(first: 10) { edges { node { ... on CityResource { items { code } } } } } }`;
    expect(estimatedCost(twice)).toBe(estimatedCost(once));
  });
});

describe('every list of objects says how long it may be', () => {
  it('carries @listSize in the supergraph: a page-size argument, an assumed size, or the connection it sizes', () => {
    const document: DocumentNode = parse(supergraphSdl);
    const annotated = new Set<string>();
    for (const definition of document.definitions) {
      if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.INTERFACE_TYPE_DEFINITION) continue;
      for (const field of definition.fields ?? []) if (field.directives?.some((d) => d.name.value === 'listSize')) annotated.add(`${definition.name.value}.${field.name.value}`);
    }
    const schema = Supergraph.build(supergraphSdl).schema.toGraphQLJSSchema();
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || type.name.startsWith('join__') || type.name.startsWith('link__')) continue;
      if (!isObjectType(type) && !isInterfaceType(type)) continue;
      for (const field of Object.values(type.getFields())) {
        if (isListType(getNullableType(field.type)) && isCompositeType(getNamedType(field.type)) && !annotated.has(`${type.name}.${field.name}`)) missing.push(`${type.name}.${field.name}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

describe('the response backstop', () => {
  let small: TestStack;
  beforeAll(async () => {
    small = await startTestStack({ GATEWAY_MAX_RESPONSE_BYTES: '50000' });
  });
  afterAll(() => small?.stop());

  it('refuses a response whose platforms answer with more bytes than the limit, with no partial data', async () => {
    const smallToken = await small.token(demoAgency('150700', Sector.HEALTH));
    const response = await small.query(`{ platform(level: REGION) { ... on PersonRegister { persons(first: ${MAX_RECORD_PAGE}) { edges { node { idNumber name gender birthDate } } } } } }`, {}, smallToken);
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ errors: [{ message: expect.stringMatching(/exceed 50000 bytes/), extensions: { code: 'RESPONSE_TOO_LARGE' } }] });
    const fits = await small.query('{ platform(level: REGION) { ... on PersonRegister { persons(first: 20) { edges { node { idNumber name } } } } } }', {}, smallToken);
    expect(fits.status).toBe(200);
    expect(fits.body.data.platform.persons.edges).toHaveLength(20);
  });
});
