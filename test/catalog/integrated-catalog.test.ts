import { demoAgency, Sector } from '../../subgraphs/modules/agency/demo-agencies';
import { OpenType, ShareType } from '../../subgraphs/modules/catalog/enums';
import { DEMO_CATALOG, demoProvider } from '../../subgraphs/modules/catalog/seed/demo-catalog';
import { conditionalItem, insertResources, itemShape, notSharedItem, onlyError } from './catalog-fixtures';
import { startTestStack, TestStack } from '../support/stack';

let stack: TestStack;
let token: string;

beforeAll(async () => {
  stack = await startTestStack();
  token = await stack.token(demoAgency('150100', Sector.HEALTH));
});
afterAll(() => stack?.stop());

const CATALOG = `query($filter: CatalogFilter, $first: Int!, $after: String) {
  catalog(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node {
      __typename id code name level version state shareType openType jurisdictionCode providerUscc
      jurisdiction { code } provider { uscc }
      items { code name shareType shareConditions shareReason legalBasis openType maskRule } } }
  } }`;

async function catalog(filter: Record<string, unknown> | null, first = 50, after?: string) {
  const response = await stack.query(CATALOG, { filter, first, after }, token);
  expect(response.body.errors).toBeUndefined();
  return response.body.data.catalog as { totalCount: number; pageInfo: any; edges: { cursor: string; node: any }[] };
}
const codesOf = (page: { edges: { node: { code: string } }[] }) => page.edges.map((e) => e.node.code);
const seededCodes = (keep: (r: (typeof DEMO_CATALOG)[number]) => boolean) => DEMO_CATALOG.filter(keep).map((r) => r.code).sort();
const TYPENAME = { REGION: 'RegionResource', CITY: 'CityResource', COUNTY: 'CountyResource' };

describe('the integrated three-level catalog through the gateway (issue 3, 004 art. 10)', () => {
  it('lists all 15 published resources of the three levels, each with its items and share attributes (004 art. 21)', async () => {
    const page = await catalog(null);
    expect(page.totalCount).toBe(15);
    expect(codesOf(page)).toEqual(seededCodes(() => true));
    for (const { node } of page.edges) {
      const seeded = DEMO_CATALOG.find((r) => r.code === node.code)!;
      expect(node).toMatchObject({
        __typename: TYPENAME[seeded.level],
        level: seeded.level,
        name: seeded.name,
        version: 1,
        state: 'PUBLISHED',
        jurisdictionCode: seeded.jurisdictionCode,
        jurisdiction: { code: seeded.jurisdictionCode },
        providerUscc: demoProvider(seeded),
        provider: { uscc: demoProvider(seeded) },
      });
      expect(node.items).toEqual(itemShape(seeded.items));
    }
  });

  it('derives a resource\'s share and open type from its most permissive item', async () => {
    const { edges } = await catalog(null);
    const byCode = Object.fromEntries(edges.map((e) => [e.node.code, e.node]));
    // 人口基础信息 mixes UNCONDITIONAL, CONDITIONAL and NOT_SHARED items, none of them open.
    expect(byCode['150100-RK-0001']).toMatchObject({ shareType: ShareType.UNCONDITIONAL, openType: OpenType.NOT_OPEN });
    expect(byCode['150100-RK-0001'].items.map((i: any) => i.shareType)).toEqual(expect.arrayContaining(['UNCONDITIONAL', 'CONDITIONAL', 'NOT_SHARED']));
    // 法人基础信息 has items open to the public.
    expect(byCode['150700-FR-0001']).toMatchObject({ shareType: ShareType.UNCONDITIONAL, openType: OpenType.UNCONDITIONAL_OPEN });
  });

  it.each([
    ['CITY', 'CityResource', ['COUNTY']],
    ['COUNTY', 'CountyResource', ['CITY']],
    ['REGION', 'RegionResource', ['CITY', 'COUNTY']],
  ] as const)('answers %s resources as %s from that level\'s own platform, asking no other level', async (level, typename, idle) => {
    stack.resetStatements();
    const page = await catalog({ level });
    expect(codesOf(page)).toEqual(seededCodes((r) => r.level === level));
    expect(page.edges.every((e) => e.node.__typename === typename && e.node.items.length > 0)).toBe(true);
    expect(stack.statements(level)).toBeGreaterThan(0);
    for (const other of idle) expect(stack.statements(other)).toBe(0);
  });

  it('filters to a subtree: Hulunbuir (150700) gives exactly its city resources and those of its banners/counties', async () => {
    const page = await catalog({ jurisdictionCode: '150700' });
    expect(page.totalCount).toBe(5);
    expect(page.edges.map((e) => [e.node.code, e.node.__typename])).toEqual([
      ['150700-FR-0001', 'CityResource'],
      ['150700-RK-0001', 'CityResource'],
      ['150700-ZY-0001', 'CityResource'],
      ['150702-DB-0001', 'CountyResource'],
      ['150781-DB-0001', 'CountyResource'],
    ]);
    const county = await catalog({ jurisdictionCode: '150781' });
    expect(codesOf(county)).toEqual(['150781-DB-0001']);
  });

  it('filters by open type, provider and text (Chinese, matching names, summaries and item names)', async () => {
    const open = await catalog({ openType: OpenType.UNCONDITIONAL_OPEN });
    expect(codesOf(open)).toEqual(seededCodes((r) => r.items.some((i) => i.openType === OpenType.UNCONDITIONAL_OPEN)));
    expect(open.totalCount).toBe(8);
    expect((await catalog({ openType: OpenType.NOT_OPEN })).totalCount).toBe(7);

    const regionAuthority = demoAgency('150000', Sector.DATA_AUTHORITY).uscc;
    expect(codesOf(await catalog({ providerUscc: regionAuthority }))).toEqual(['150000-XY-0001', '150000-ZZ-0001']);

    // 人口基础信息 by name; the assistance rolls by their item 家庭人口数.
    const population = await catalog({ text: '人口' });
    expect(codesOf(population)).toEqual(['150000-RK-0001', '150100-RK-0001', '150102-DB-0001', '150700-RK-0001', '150702-DB-0001', '150781-DB-0001']);
    expect(codesOf(await catalog({ text: '人口', level: 'CITY', jurisdictionCode: '150100' }))).toEqual(['150100-RK-0001']);
    expect(codesOf(await catalog({ text: '致贫原因' }))).toEqual(['150102-DB-0001', '150702-DB-0001', '150781-DB-0001']);
    expect((await catalog({ text: '不存在的资源' })).totalCount).toBe(0);
  });

  it('walks every page with first: 4 without duplicates or gaps, totalCount staying 15', async () => {
    const seen: string[] = [];
    let after: string | undefined;
    let pages = 0;
    for (;;) {
      const page = await catalog(null, 4, after);
      pages++;
      expect(page.totalCount).toBe(15);
      expect(page.edges.length).toBe(page.pageInfo.hasNextPage ? 4 : 3);
      expect(page.pageInfo).toMatchObject({ hasPreviousPage: after !== undefined, startCursor: page.edges[0].cursor, endCursor: page.edges.at(-1)!.cursor });
      seen.push(...codesOf(page));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(pages).toBe(4);
    expect(seen).toEqual(seededCodes(() => true));
  });

  it.each([
    ['a malformed cursor', { first: 4, after: 'not-a-cursor' }, /^after: /],
    ['first: 0', { first: 0 }, /^first: must be between 1 and/],
    ['a malformed jurisdiction code', { first: 4, filter: { jurisdictionCode: '15A700' } }, /^filter\.jurisdictionCode: '15A700' is not a division code/],
    ['an invalid provider USCC', { first: 4, filter: { providerUscc: '11150100002501001X' } }, /^filter\.providerUscc: '11150100002501001X' is not a valid USCC/],
  ])('refuses %s with BAD_USER_INPUT naming the argument', async (_case, variables, message) => {
    const error = onlyError(await stack.query(CATALOG, variables, token));
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.message).toMatch(message);
  });

  it('says NOT_FOUND for a well-formed code of no division', async () => {
    const error = onlyError(await stack.query(CATALOG, { first: 4, filter: { jurisdictionCode: '159900' } }, token));
    expect(error.extensions?.code).toBe('NOT_FOUND');
    expect(error.message).toMatch(/filter\.jurisdictionCode: no division 159900/);
  });
});

describe('share-type filter and literal text search (004 art. 21)', () => {
  const hulunbuirHealth = demoAgency('150700', Sector.HEALTH);
  beforeAll(() =>
    insertResources(stack, 'CITY', [
      { code: '150700-TJ-0001', name: '城镇化率（%）统计', provider: hulunbuirHealth, items: [conditionalItem('urban_rate', '城镇化率')] },
      { code: '150700-TJ-0002', name: '就诊记录_明细', provider: hulunbuirHealth, items: [notSharedItem('diagnosis', '诊断结果')] },
    ]),
  );

  it('filters by the resource share type: only the all-CONDITIONAL or all-NOT_SHARED resource matches', async () => {
    expect(codesOf(await catalog({ shareType: ShareType.CONDITIONAL }))).toEqual(['150700-TJ-0001']);
    expect(codesOf(await catalog({ shareType: ShareType.NOT_SHARED }))).toEqual(['150700-TJ-0002']);
    expect((await catalog({ shareType: ShareType.UNCONDITIONAL })).totalCount).toBe(15);
    expect((await catalog(null)).totalCount).toBe(17);
  });

  it('treats %, _ and the escape character ! in the search text as themselves, not as wildcards', async () => {
    expect(codesOf(await catalog({ text: '（%）' }))).toEqual(['150700-TJ-0001']);
    expect(codesOf(await catalog({ text: '记录_明细' }))).toEqual(['150700-TJ-0002']);
    expect((await catalog({ text: '%' })).totalCount).toBe(1);
    expect((await catalog({ text: '_' })).totalCount).toBe(1);
    expect((await catalog({ text: '!' })).totalCount).toBe(0);
  });
});
