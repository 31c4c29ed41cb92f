import { DEMO_AGENCIES, demoAgency, Sector } from '../../subgraphs/modules/agency/demo-agencies';
import { LEVELS } from '../../subgraphs/kernel/levels';
import { conditionalItem, insertResources, unconditionalItem } from './catalog-fixtures';
import { startTestStack, TestStack } from '../support/stack';

let stack: TestStack;
let token: string;

const EXTRA = 200;
/** Hulunbuir's demo agencies take turns as providers, so a page names many agencies, not one. */
const HULUNBUIR_AGENCIES = DEMO_AGENCIES.filter((a) => a.jurisdictionCode === '150700');

beforeAll(async () => {
  stack = await startTestStack();
  token = await stack.token(demoAgency('150100', Sector.HEALTH));
  // Codes 150700-EX-… sort after Hohhot's and its counties' resources and before the rest of Hulunbuir's.
  await insertResources(
    stack,
    'CITY',
    Array.from({ length: EXTRA }, (_, i) => ({
      code: `150700-EX-${String(i + 1).padStart(4, '0')}`,
      provider: HULUNBUIR_AGENCIES[i % HULUNBUIR_AGENCIES.length],
      items: [unconditionalItem('record_no', '登记编号'), conditionalItem('holder_name', '持有人姓名'), unconditionalItem('issued_on', '登记日期')],
    })),
  );
});
afterAll(() => stack?.stop());

const CATALOG = `query($filter: CatalogFilter, $first: Int!) {
  catalog(filter: $filter, first: $first) {
    totalCount
    edges { node { __typename id code items { code shareType } jurisdiction { code name } provider { uscc name } } } } }`;

/**
 * Runs the catalog query and returns its nodes with the SQL statements each level's subgraph ran for it,
 * after one unmeasured run: what a platform keeps while its policy tables are unchanged (the caller's
 * registry entry, read again after the resources above were inserted) is not per-page work.
 */
async function measured(filter: Record<string, unknown> | null, first: number) {
  await stack.query(CATALOG, { filter, first }, token);
  stack.resetStatements();
  const response = await stack.query(CATALOG, { filter, first }, token);
  expect(response.body.errors).toBeUndefined();
  const statements = Object.fromEntries(LEVELS.map((level) => [level, stack.statements(level)]));
  const nodes = response.body.data.catalog.edges.map((e: any) => e.node);
  return { nodes, statements };
}

const typenames = (nodes: { __typename: string }[]) => [...new Set(nodes.map((n) => n.__typename))].sort();

describe('statements per catalog page do not grow with the page (issue 3 item 7, 004 art. 10)', () => {
  it('runs as many statements in every subgraph for 200 city resources as for 1', async () => {
    const one = await measured({ level: 'CITY' }, 1);
    const many = await measured({ level: 'CITY' }, EXTRA);
    expect(one.nodes).toHaveLength(1);
    expect(many.nodes).toHaveLength(EXTRA);
    // Every node came back whole: items from the city platform, jurisdiction and provider from the region's registries.
    for (const node of many.nodes) {
      expect(node.__typename).toBe('CityResource');
      expect(node.items.length).toBeGreaterThan(0);
      expect(node.jurisdiction.name).toBeTruthy();
      expect(node.provider.name).toBeTruthy();
    }
    expect(new Set(many.nodes.map((n: any) => n.provider.uscc)).size).toBeGreaterThan(1);
    expect(many.statements).toEqual(one.statements);
    expect(one.statements.CITY).toBeGreaterThan(0);
    expect(one.statements.REGION).toBeGreaterThan(0);
    expect(one.statements.COUNTY).toBe(0);
  });

  it('runs as many statements in every subgraph for a 200-resource page of all three levels as for a 10-resource one', async () => {
    const small = await measured(null, 10);
    const large = await measured(null, EXTRA);
    expect(typenames(small.nodes)).toEqual(['CityResource', 'CountyResource', 'RegionResource']);
    expect(typenames(large.nodes)).toEqual(['CityResource', 'CountyResource', 'RegionResource']);
    expect(large.nodes).toHaveLength(EXTRA);
    expect(large.statements).toEqual(small.statements);
    for (const level of LEVELS) expect(small.statements[level]).toBeGreaterThan(0);
  });
});
