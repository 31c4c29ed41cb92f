import { DCAT_PATH } from '../../gateway/open-data-export';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { demoAuthority } from '../../subgraphs/modules/agency/demo-agencies';
import { startTestStack, TestStack } from '../support/stack';

// The README's examples run as written: the quick start's curl as the agency the quick start mints a
// token for, and every ```graphql block with the token its first line says how to mint.
const README = readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
const QUICK_START_AGENCY = /--agency (\w{18}) --role (\w+)/.exec(README)!;
const CURL_QUERY = JSON.parse(/-d '(\{"query".*\})'/.exec(README)![1]).query as string;
/** The open-data curl: no Authorization header, as the public sends it. */
const OPEN_CURL_QUERY = JSON.parse(/curl -s localhost:4000\/graphql -H 'content-type: application\/json' \\\n\s+-d '(\{"query".*\})'/.exec(README)![1]).query as string;
const GRAPHQL_BLOCKS = [...README.matchAll(/```graphql\n# token: npm run -s token -- --agency (\w{18}) --role (\w+)\n([\s\S]*?)```/g)].map((match) => ({ uscc: match[1], role: match[2], query: match[3] }));
const ALL_GRAPHQL_BLOCKS = README.match(/```graphql/g)!.length;

let stack: TestStack;
let token: string;
const agency = demoAuthority('150100');

beforeAll(async () => {
  stack = await startTestStack();
  expect(QUICK_START_AGENCY[1]).toBe(agency.uscc);
  token = await stack.token(agency, QUICK_START_AGENCY[2] as 'AUTHORITY_REVIEWER');
});
afterAll(() => stack?.stop());

describe("the README's examples", () => {
  it('include the quick start query and GraphQL blocks that each say whose token runs them', () => {
    expect(CURL_QUERY).toContain('jurisdiction(code: "150100")');
    expect(GRAPHQL_BLOCKS.length).toBeGreaterThanOrEqual(2);
    expect(GRAPHQL_BLOCKS).toHaveLength(ALL_GRAPHQL_BLOCKS);
  });

  it('the quick start curl answers without an error', async () => {
    const response = await stack.query(CURL_QUERY, {}, token);
    expect(response.status).toBe(200);
    expect(response.body.errors).toBeUndefined();
  });

  it('the open-data curl answers the public without an error, with open values', async () => {
    const response = await stack.query(OPEN_CURL_QUERY);
    expect(response.status).toBe(200);
    expect(response.body.errors).toBeUndefined();
    const values = response.body.data.catalog.nodes.flatMap((n: any) => n.records.nodes.flatMap((r: any) => r.fields.map((f: any) => f.value)));
    expect(values.length).toBeGreaterThan(0);
    expect(values.every((v: unknown) => typeof v === 'string')).toBe(true);
  });

  it('the DCAT-AP curl names the export the gateway serves, and it answers', async () => {
    const path = /curl -s localhost:4000(\/open-data\/\S+)/.exec(README)![1];
    expect(path).toBe(DCAT_PATH);
    const response = await fetch(stack.gateway.url.replace('/graphql', path));
    expect(response.status).toBe(200);
    expect(((await response.json()) as Record<string, unknown>)['@type']).toBe('dcat:Catalog');
  });

  it.each(GRAPHQL_BLOCKS.map((block, i) => [`graphql block ${i + 1} (${block.role})`, block] as const))('%s answers without an error', async (_name, block) => {
    expect(block.uscc).toBe(agency.uscc);
    const response = await stack.query(block.query, {}, await stack.token(agency, block.role as 'AGENCY_USER' | 'AUTHORITY_REVIEWER'));
    expect(response.status).toBe(200);
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data).toBeTruthy();
  });
});
