import { ApolloServer } from '@apollo/server';
import { startStockGateway } from '../../../bench/stock-gateway';
import { demoAgency, demoAuthority, Sector } from '../../../subgraphs/modules/agency/demo-agencies';
import { startTestStack, TestStack } from '../../support/stack';
import { Caller, CASES } from './cases';

// Issue 17: every federation conformance case (cases.ts) answers identically through this platform's
// gateway and through stock @apollo/gateway serving the same supergraph and subgraphs. Any change to
// how our gateway plans or executes must keep this suite green.

let stack: TestStack;
let stock: { url: string; server: ApolloServer<any> };
let tokens: Record<Caller, string>;

beforeAll(async () => {
  stack = await startTestStack();
  stock = await startStockGateway(stack.config, 0);
  tokens = {
    regionAuthority: await stack.token(demoAuthority('150000'), 'AUTHORITY_REVIEWER'),
    countyAgency: await stack.token(demoAgency('150102', Sector.HEALTH)),
  };
});
afterAll(async () => {
  await stock?.server.stop();
  await stack?.stop();
});

async function ask(url: string, query: string, variables: Record<string, unknown> | undefined, token: string) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'apollo-require-preflight': 'true' }, body: JSON.stringify({ query, variables }) });
  return { status: response.status, body: (await response.json()) as { data?: unknown; errors?: { message: string; path?: unknown; extensions?: Record<string, unknown> }[] } };
}

/**
 * What both must agree on: the status, the data, and each error's message, path and code. Stack
 * traces (development only) and the order errors arrive in from parallel fetches are not the answer.
 */
const comparable = (answer: Awaited<ReturnType<typeof ask>>) => ({
  status: answer.status,
  data: answer.body.data,
  errors: answer.body.errors
    ?.map((e) => ({ message: e.message, path: e.path, code: e.extensions?.code, reason: e.extensions?.reason }))
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
});

describe('federation conformance: our gateway answers as stock @apollo/gateway does', () => {
  it.each(CASES.map((c) => [`${c.feature}: ${c.name}`, c] as const))('%s', async (_, testCase) => {
    const token = tokens[testCase.caller];
    const [ours, reference] = await Promise.all([ask(stack.gateway.url, testCase.query, testCase.variables, token), ask(stock.url, testCase.query, testCase.variables, token)]);
    expect(comparable(ours)).toEqual(comparable(reference));
  });

  // The one declared divergence: when a level does not answer, stock reports each failed fetch once,
  // without a path; ours puts an error at the path of every field the failure left null (a null always
  // carries its reason). The data must still be identical.
  it('partial failure: with a level down, both answer the other levels with the same data; ours says at each null why', async () => {
    await stack.subgraphs.COUNTY.stop();
    const query = '{ platforms { level name ... on AssistanceRoll { assistanceRecords(divisionCode: "150102", first: 1) { totalCount } } } catalog(filter: { level: COUNTY }, first: 2) { nodes { code state } } }';
    const [ours, reference] = await Promise.all([ask(stack.gateway.url, query, undefined, tokens.regionAuthority), ask(stock.url, query, undefined, tokens.regionAuthority)]);
    expect([ours.status, ours.body.data]).toEqual([reference.status, reference.body.data]);
    expect(reference.body.errors?.every((e) => e.path === undefined)).toBe(true);
    const paths = ours.body.errors!.map((e) => JSON.stringify(e.path));
    expect(paths).toEqual(expect.arrayContaining([JSON.stringify(['platforms', 2]), JSON.stringify(['catalog', 'nodes', 0]), JSON.stringify(['catalog', 'nodes', 1])]));
  });
});
