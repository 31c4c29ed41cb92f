import { demoAgency, Sector } from '../../subgraphs/modules/agency/demo-agencies';
import { Level, LEVELS } from '../../subgraphs/kernel/levels';
import { conditionalItem, insertResources, unconditionalItem } from './catalog-fixtures';
import { startTestStack, TestStack } from '../support/stack';

/**
 * A platform keeps the rows of its policy tables — catalog resources and items, the agency and
 * jurisdiction registries, the region's catalog index — between queries, and reads them again when any writer changes one: the
 * tables' triggers move the policy generation that every request reads first. What is tested is
 * what a reader sees: fewer statements while nothing changed, and every change on the next page,
 * whoever made it (here an operator's SQL, which no service hears of).
 */
let stack: TestStack;
let token: string;
let code: string;
/** Words only this resource's name holds, to find it with the catalog's text filter. */
const NAME = '保留行测试资源';
const HULUNBUIR_HEALTH = demoAgency('150700', Sector.HEALTH);

const PAGE = `query($filter: CatalogFilter) {
  catalog(filter: $filter, first: 5) {
    edges { node { code name items { code name shareType } jurisdiction { code name } provider { uscc name } } } } }`;

beforeAll(async () => {
  stack = await startTestStack();
  token = await stack.token(demoAgency('150100', Sector.HEALTH));
  const [row] = await insertResources(stack, 'CITY', [
    { code: '150700-KEPT-0001', name: NAME, provider: HULUNBUIR_HEALTH, items: [unconditionalItem('record_no', '登记编号'), conditionalItem('holder_name', '持有人姓名')] },
  ]);
  code = row.code;
});
afterAll(() => stack?.stop());

async function page() {
  stack.resetStatements();
  const response = await stack.query(PAGE, { filter: { text: NAME } }, token);
  expect(response.body.errors).toBeUndefined();
  const statements = Object.fromEntries(LEVELS.map((level) => [level, stack.statements(level)])) as Record<Level, number>;
  const [node] = response.body.data.catalog.edges.map((e: any) => e.node);
  return { node, statements };
}

describe('rows of policy tables kept between queries', () => {
  it('a second identical page reads the city resource and its items, and the region registries, from kept rows', async () => {
    const first = await page();
    const second = await page();
    expect(second.node).toEqual(first.node);
    expect(first.node.items.map((i: any) => i.code)).toEqual(['record_no', 'holder_name']);
    // The city reads its policy generation and nothing else; the first page also read the resource and its items.
    expect(second.statements.CITY).toBe(1);
    expect(first.statements.CITY).toBeGreaterThan(second.statements.CITY);
    // So does the region: the index page, its count, the jurisdiction and the provider are kept too.
    expect(second.statements.REGION).toBe(1);
    expect(first.statements.REGION).toBeGreaterThan(second.statements.REGION);
  });

  it("an operator's SQL changing the region's index entry (the name the catalog lists) is on the next page", async () => {
    await page();
    await stack.subgraphs.REGION.db.query(`UPDATE catalog_index SET name = '保留行测试资源（更名）' WHERE code = ?`, [code]);
    const after = await page();
    expect(after.node.name).toBe('保留行测试资源（更名）');
  });

  it('a page for another filter or cursor is not answered from a kept page', async () => {
    const all = await stack.query(`{ catalog(first: 2) { edges { cursor node { code } } } }`, {}, token);
    const [first, second] = all.body.data.catalog.edges;
    const next = await stack.query(`query($after: String) { catalog(first: 1, after: $after) { edges { node { code } } } }`, { after: first.cursor }, token);
    expect(next.body.data.catalog.edges.map((e: any) => e.node.code)).toEqual([second.node.code]);
    const none = await stack.query(`{ catalog(first: 1, filter: { text: "没有这样的资源名称" }) { totalCount edges { node { code } } } }`, {}, token);
    expect(none.body.data.catalog).toEqual({ totalCount: 0, edges: [] });
  });

  it("an operator's SQL changing an item's share type at the city is on the next page", async () => {
    await page();
    await stack.subgraphs.CITY.db.query(`UPDATE catalog_item SET shareType = 'NOT_SHARED', name = '持有人' WHERE code = 'holder_name' AND resourceId IN (SELECT id FROM catalog_resource WHERE code = ?)`, [code]);
    const after = await page();
    expect(after.node.items.find((i: any) => i.code === 'holder_name')).toEqual({ code: 'holder_name', name: '持有人', shareType: 'NOT_SHARED' });
  });

  it("a change of the region's agency registry (a provider's name) is on the next page", async () => {
    await page();
    await stack.subgraphs.REGION.db.query(`UPDATE agency SET name = '呼伦贝尔市卫生健康委员会（更名）' WHERE uscc = ?`, [HULUNBUIR_HEALTH.uscc]);
    const after = await page();
    expect(after.node.provider).toEqual({ uscc: HULUNBUIR_HEALTH.uscc, name: '呼伦贝尔市卫生健康委员会（更名）' });
  });

  it("a change of the region's jurisdiction registry (a division's name) is on the next page", async () => {
    await page();
    await stack.subgraphs.REGION.db.query(`UPDATE jurisdiction SET name = '呼伦贝尔市（更名）' WHERE code = '150700'`);
    const after = await page();
    expect(after.node.jurisdiction).toEqual({ code: '150700', name: '呼伦贝尔市（更名）' });
  });
});
