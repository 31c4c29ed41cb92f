import * as jsonld from 'jsonld';
import { In } from 'typeorm';
import { LEVELS } from '../../subgraphs/kernel/levels';
import { demoAgency, Sector } from '../../subgraphs/modules/agency/demo-agencies';
import { CatalogState, OpenType, UpperReviewState } from '../../subgraphs/modules/catalog/enums';
import { CatalogIndexEntry } from '../../subgraphs/modules/catalog/index-entry.entity';
import { CatalogItem } from '../../subgraphs/modules/catalog/item.entity';
import { CatalogResourceRow } from '../../subgraphs/modules/catalog/resource.entity';
import { errorAt } from '../support/responses';
import { onlyError } from '../support/api';
import { startTestStack, TestStack } from '../support/stack';

// What the open catalog publishes besides its pages: the open-data negative list (001 art. 30 ¶2),
// facet counts beside a search, and a DCAT-AP export for portals to harvest.

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack?.stop());

describe('the open-data negative list (001 art. 30 ¶2)', () => {
  const LIST = `query($level: PlatformLevel!, $type: OpenType) { platform(level: $level) { openNegativeList(openType: $type, first: 200) {
    totalCount nodes { resource { code } item { code openType openGrounds openLegalBasis openConditions } } } } }`;

  it.each(LEVELS)('lists, without a token, every published item of the %s platform that is not opened or opened only on application', async (level) => {
    const response = await stack.query(LIST, { level });
    expect(response.body.errors).toBeUndefined();
    const listed = response.body.data.platform.openNegativeList;
    // Counted apart, from the platform's own tables.
    const db = stack.subgraphs[level].db;
    const published = await db.getRepository(CatalogResourceRow).findBy({ state: CatalogState.PUBLISHED });
    const items = await db.getRepository(CatalogItem).findBy({ resourceId: In(published.map((r) => r.id)), openType: In([OpenType.NOT_OPEN, OpenType.CONDITIONAL_OPEN]) });
    const codeOf = new Map(published.map((r) => [r.id, r.code]));
    expect(listed.totalCount).toBe(items.length);
    expect(listed.nodes.map((n: any) => `${n.resource.code}/${n.item.code}`).sort()).toEqual(items.map((i) => `${codeOf.get(i.resourceId)}/${i.code}`).sort());
    expect(items.length).toBeGreaterThan(0);
    // Each entry says why (004 art. 27): grounds and legal basis, or the conditions.
    for (const { item } of listed.nodes) {
      if (item.openType === 'NOT_OPEN') expect(item).toMatchObject({ openGrounds: expect.any(String), openLegalBasis: expect.any(String) });
      else expect(item.openConditions).toEqual(expect.any(String));
    }
  });

  it('filters by open type, and refuses UNCONDITIONAL_OPEN, which is never on it', async () => {
    const conditional = await stack.query(LIST, { level: 'CITY', type: 'CONDITIONAL_OPEN' });
    expect(conditional.body.data.platform.openNegativeList.nodes.every((n: any) => n.item.openType === 'CONDITIONAL_OPEN')).toBe(true);
    expect(conditional.body.data.platform.openNegativeList.totalCount).toBeGreaterThan(0);
    const refused = await stack.query(LIST, { level: 'CITY', type: 'UNCONDITIONAL_OPEN' });
    expect(errorAt(refused, ['platform', 'openNegativeList'])?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'openType' });
  });
});

describe('facet counts of the open catalog', () => {
  const FACETS = `query($f: CatalogFilter) { catalog(filter: $f) { totalCount } catalogFacets(filter: $f) { totalCount level { value count } provider { value count } openType { value count } format { value count } } }`;

  /** The index rows the public sees, counted apart by one column. */
  async function countedApart(column: 'level' | 'providerUscc' | 'openType' | 'format', level?: string) {
    const rows = await stack.subgraphs.REGION.db.getRepository(CatalogIndexEntry).findBy({
      indexState: CatalogState.PUBLISHED,
      upperReview: UpperReviewState.APPROVED,
      openType: In([OpenType.UNCONDITIONAL_OPEN, OpenType.CONDITIONAL_OPEN]),
      ...(level ? { level: level as CatalogIndexEntry['level'] } : {}),
    });
    const counts = new Map<string, number>();
    for (const row of rows) counts.set(row[column], (counts.get(row[column]) ?? 0) + 1);
    return { total: rows.length, counts: Object.fromEntries(counts) };
  }
  const asMap = (facet: { value: string; count: number }[]) => Object.fromEntries(facet.map((f) => [f.value, f.count]));

  it.each([[undefined], ['CITY']])('counts the public catalog by level, department, open type and format (filter level %s), as the rows are', async (level) => {
    const response = await stack.query(FACETS, { f: level ? { level } : null });
    expect(response.body.errors).toBeUndefined();
    const { catalog, catalogFacets } = response.body.data;
    expect(catalogFacets.totalCount).toBe(catalog.totalCount);
    for (const [facet, column] of [['level', 'level'], ['provider', 'providerUscc'], ['openType', 'openType'], ['format', 'format']] as const) {
      const apart = await countedApart(column, level);
      expect(catalogFacets.totalCount).toBe(apart.total);
      expect(asMap(catalogFacets[facet])).toEqual(apart.counts);
    }
    expect(catalogFacets.totalCount).toBeGreaterThan(0);
  });

  it('refuses a wrong filter once, naming it, before any facet is counted', async () => {
    const response = await stack.query('{ catalogFacets(filter: { providerUscc: "12345" }) { totalCount level { value } } }');
    expect(response.body.errors).toHaveLength(1);
    expect(response.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.providerUscc' });
  });

  it('gives agencies the share-type facet and refuses it to the public at its path', async () => {
    const query = '{ catalogFacets { totalCount shareType { value count } } }';
    const agency = await stack.query(query, {}, await stack.token(demoAgency('150100', Sector.HEALTH)));
    expect(agency.body.data.catalogFacets.shareType.reduce((sum: number, f: any) => sum + f.count, 0)).toBe(agency.body.data.catalogFacets.totalCount);
    const anonymous = await stack.query(query);
    expect(errorAt(anonymous, ['catalogFacets', 'shareType'])?.extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});

describe('the open catalog as DCAT-AP in JSON-LD, at /open-data/catalog.jsonld', () => {
  const DCAT = 'http://www.w3.org/ns/dcat#';
  const DCT = 'http://purl.org/dc/terms/';
  const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
  let document: any;
  let quads: string;

  beforeAll(async () => {
    const response = await fetch(stack.gateway.url.replace('/graphql', '/open-data/catalog.jsonld'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/ld\+json/);
    document = await response.json();
    // Valid JSON-LD: it expands and converts to RDF with its inline context, offline.
    quads = (await jsonld.toRDF(document, { format: 'application/n-quads' })) as unknown as string;
  });

  it('is a dcat:Catalog with one dcat:Dataset per resource of the open catalog', async () => {
    const expanded = await jsonld.expand(document);
    expect(expanded[0]['@type']).toEqual([`${DCAT}Catalog`]);
    const open = await stack.query('{ catalog(first: 200) { totalCount nodes { code openType } } }');
    const datasets = expanded[0][`${DCAT}dataset`] as any[];
    expect(datasets).toHaveLength(open.body.data.catalog.totalCount);
    const identifiers = datasets.map((d) => d[`${DCT}identifier`][0]['@value']).sort();
    expect(identifiers).toEqual(open.body.data.catalog.nodes.map((n: any) => n.code).sort());
    for (const dataset of datasets) {
      expect(dataset['@type']).toEqual([`${DCAT}Dataset`]);
      expect(dataset[`${DCT}title`][0]).toMatchObject({ '@language': 'zh', '@value': expect.any(String) });
      expect(dataset[`${DCAT}distribution`][0][`${DCAT}accessURL`][0]['@id']).toMatch(/\/graphql$/);
    }
  });

  it('marks conditionally open resources RESTRICTED and unconditionally open ones PUBLIC', async () => {
    const open = await stack.query('{ catalog(first: 200) { nodes { code openType } } }');
    for (const { code, openType } of open.body.data.catalog.nodes) {
      const right = openType === 'UNCONDITIONAL_OPEN' ? 'PUBLIC' : 'RESTRICTED';
      expect(quads).toContain(`#${encodeURIComponent(code)}> <${DCT}accessRights> <http://publications.europa.eu/resource/authority/access-right/${right}>`);
      expect(quads).toContain(`#${encodeURIComponent(code)}> <${RDF_TYPE}> <${DCAT}Dataset>`);
    }
  });

  it('leaves out resources with nothing open', async () => {
    const closed = await stack.subgraphs.REGION.db.getRepository(CatalogIndexEntry).findBy({ openType: OpenType.NOT_OPEN, indexState: CatalogState.PUBLISHED });
    expect(closed.length).toBeGreaterThan(0);
    for (const entry of closed) expect(quads).not.toContain(`#${encodeURIComponent(entry.code)}>`);
  });

  it('answers only GET', async () => {
    const response = await fetch(stack.gateway.url.replace('/graphql', '/open-data/catalog.jsonld'), { method: 'POST' });
    expect(response.status).toBe(405);
  });
});

describe('with an agency token the catalog facets include work in progress only by filter', () => {
  it('refuses a public caller the upper-review filter', async () => {
    expect(onlyError(await stack.query('{ catalog(filter: { upperReview: PENDING }) { totalCount } }')).extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
