import { AuditRecord } from '../../subgraphs/kernel/audit/audit.entity';
import { demoAgency, demoAuthority, Sector } from '../../subgraphs/modules/agency/demo-agencies';
import { CatalogItem } from '../../subgraphs/modules/catalog/item.entity';
import { PersonRow } from '../../subgraphs/modules/records/record.entities';
import { AssistanceRow } from '../../subgraphs/modules/records/record.entities';
import { errorAt } from '../support/responses';
import { GraphQLResponse, startTestStack, TestStack } from '../support/stack';
import { localId } from '../support/api';

// Issue 12, keys are items: a record's key — a citizen's ID number is the catalog item id_number — leaves a
// platform only through the same decision as any other item, and into the audit trail with the others.
// 004 art. 50: a suspended agency gets nothing, keys included; 004 art. 44, 001 art. 25: every release traceable.
let stack: TestStack;
let regionPopulation: string;
let idsAtRegion: Set<string>;
let idsAtCounty: Set<string>;

const SUSPENDED = demoAgency('150102', Sector.HEALTH);
const READER = demoAgency('150102', Sector.CIVIL_AFFAIRS);

beforeAll(async () => {
  stack = await startTestStack();
  const authority = await stack.token(demoAuthority('150000'), 'AUTHORITY_REVIEWER');
  const found = await stack.query('{ catalog(filter: { text: "人口基础信息", level: REGION }) { edges { node { id } } } }', {}, authority);
  regionPopulation = found.body.data.catalog.edges[0].node.id;
  idsAtRegion = new Set((await stack.subgraphs.REGION.db.getRepository(PersonRow).find({ select: ['idNumber'] })).map((p) => p.idNumber));
  idsAtCounty = new Set((await stack.subgraphs.COUNTY.db.getRepository(AssistanceRow).find({ select: ['idNumber'] })).map((p) => p.idNumber));
  const suspended = await stack.query(`mutation($u: ID!) { suspendRegionAgency(uscc: $u, reason: "超出批准用途使用共享数据") { active } }`, { u: SUSPENDED.uscc }, authority);
  expect(suspended.body.errors).toBeUndefined();
});
afterAll(() => stack?.stop());

/** Every citizen ID number the response text holds, of any platform's records. */
function idNumbersIn(response: GraphQLResponse): string[] {
  const text = JSON.stringify(response.body);
  return [...new Set(text.match(/\b\d{17}[\dX]\b/g) ?? [])].filter((id) => idsAtRegion.has(id) || idsAtCounty.has(id));
}

describe('a suspended agency receives no key on any path (004 art. 50)', () => {
  const PATHS: [name: string, query: () => string][] = [
    ['the region persons', () => '{ platform(level: REGION) { ... on PersonRegister { persons(first: 50) { totalCount edges { cursor node { idNumber } } } } } }'],
    ['the city persons', () => '{ platform(level: CITY) { ... on PersonRegister { persons(first: 50) { totalCount edges { node { idNumber } } } } } }'],
    ['the county assistance roll, and the region persons behind them (_entities)', () => '{ platform(level: COUNTY) { ... on AssistanceRoll { assistanceRecords(first: 50) { edges { node { idNumber person { idNumber name } } } } } } }'],
    ['records of a resource, without keys', () => `{ node(id: "${regionPopulation}") { ... on RegionResource { records(first: 50) { totalCount pageInfo { endCursor } nodes { key fields { item value } } } } } }`],
    ['records of a catalog page', () => '{ catalog(first: 5) { edges { node { records(first: 5) { nodes { key } } } } } }'],
    ['a lookup by ID number', () => `{ platform(level: REGION) { ... on PersonRegister { person(idNumber: "${[...idsAtRegion][0]}") { idNumber name } } } }`],
  ];

  it.each(PATHS)('%s: no ID number, no count, AGENCY_SUSPENDED with it', async (_path, query) => {
    const response = await stack.query(query(), {}, await stack.token(SUSPENDED));
    const echoed = query().match(/\d{17}[\dX]/)?.[0];
    expect(idNumbersIn(response).filter((id) => id !== echoed)).toEqual([]);
    expect(JSON.stringify(response.body)).not.toMatch(/"totalCount":\d/);
    expect((response.body.errors ?? []).map((e) => e.extensions?.code)).toContain('AGENCY_SUSPENDED');
  });
});

describe('released keys are audited like every item, batched with their request (004 art. 44)', () => {
  it('records the 1000 keys of a page in the trail, in as many audit rows as for one', async () => {
    const token = await stack.token(READER);
    const trailOf = (requestId: string) => stack.subgraphs.REGION.db.getRepository(AuditRecord).findBy({ requestId });
    const one = await stack.query('{ platform(level: REGION) { ... on PersonRegister { persons(first: 1) { edges { node { idNumber } } } } } }', {}, token, { 'x-request-id': 'keys-1' });
    const many = await stack.query('{ platform(level: REGION) { ... on PersonRegister { persons(first: 1000) { edges { node { idNumber } } } } } }', {}, token, { 'x-request-id': 'keys-1000' });
    expect(many.body.data.platform.persons.edges).toHaveLength(1000);
    const [oneTrail, manyTrail] = [await trailOf('keys-1'), await trailOf('keys-1000')];
    expect(manyTrail).toHaveLength(oneTrail.length);
    expect(manyTrail).toEqual([expect.objectContaining({ action: 'READ', itemsJson: '["id_number"]', effect: 'ALLOW', recordCount: 1000, agencyUscc: READER.uscc })]);
    expect(JSON.parse(manyTrail[0].recordKeysJson)).toEqual(many.body.data.platform.persons.edges.map((e: { node: { idNumber: string } }) => e.node.idNumber));
    expect(one.body.errors).toBeUndefined();
  });

  it('records a lookup by keys the caller supplied, found or not, as LOOKUP', async () => {
    const token = await stack.token(READER);
    const id = [...idsAtRegion][1];
    await stack.query(`{ platform(level: REGION) { ... on PersonRegister { person(idNumber: "${id}") { idNumber } } } }`, {}, token, { 'x-request-id': 'lookup-1' });
    const trail = await stack.subgraphs.REGION.db.getRepository(AuditRecord).findBy({ requestId: 'lookup-1' });
    expect(trail).toEqual([expect.objectContaining({ action: 'LOOKUP', itemsJson: '["id_number"]', recordKeysJson: JSON.stringify([id]) })]);
  });
});

describe('a key that is not shared unconditionally (004 art. 21)', () => {
  let idItem: CatalogItem;
  beforeAll(async () => {
    const items = stack.subgraphs.REGION.db.getRepository(CatalogItem);
    idItem = await items.findOneByOrFail({ resourceId: localId(regionPopulation), code: 'id_number' });
    await items.update({ id: idItem.id }, { shareType: 'CONDITIONAL' as never, shareConditions: '仅限社会救助核对', shareReason: '身份证号属敏感个人信息', legalBasis: '《个人信息保护法》第二十八条' });
  });
  afterAll(() => stack.subgraphs.REGION.db.getRepository(CatalogItem).update({ id: idItem.id }, { shareType: 'UNCONDITIONAL' as never, shareConditions: null, shareReason: null, legalBasis: null }));

  it('refuses typed lists at their root, which cannot hand out a key they may not release', async () => {
    const response = await stack.query('{ platform(level: REGION) { ... on PersonRegister { persons(first: 5) { totalCount edges { node { idNumber name } } } } } }', {}, await stack.token(READER));
    expect(response.body.data.platform.persons).toBeNull();
    expect(errorAt(response, ['platform', 'persons'])?.extensions).toMatchObject({ code: 'SHARE_DENIED', item: 'id_number', reason: 'NO_GRANT' });
    expect(idNumbersIn(response)).toEqual([]);
  });

  it('serves records with each key decided: null with its reason, and a cursor that does not show it', async () => {
    const response = await stack.query(`{ node(id: "${regionPopulation}") { ... on RegionResource { records(first: 3, items: ["name"]) { pageInfo { endCursor } nodes { key fields { item value } } } } } }`, {}, await stack.token(READER));
    const page = response.body.data.node.records;
    expect(page.nodes.map((r: { key: unknown }) => r.key)).toEqual([null, null, null]);
    expect(page.nodes[0].fields[0].value).toBeTruthy();
    expect(errorAt(response, ['node', 'records', 'nodes', 0, 'key'])?.extensions).toMatchObject({ code: 'SHARE_DENIED', item: 'id_number', reason: 'NO_GRANT' });
    expect(idNumbersIn(response)).toEqual([]);
    expect(Buffer.from(page.pageInfo.endCursor, 'base64url').toString('latin1')).not.toMatch(/\d{17}[\dX]/);
    const next = await stack.query(`query($c: String) { node(id: "${regionPopulation}") { ... on RegionResource { records(first: 3, items: ["name"], after: $c) { nodes { fields { value } } } } } }`, { c: page.pageInfo.endCursor }, await stack.token(READER));
    expect(next.body.data.node.records.nodes).toHaveLength(3);
  });

  it('echoes a key the caller supplied itself', async () => {
    const id = [...idsAtRegion][2];
    const response = await stack.query(`{ node(id: "${regionPopulation}") { ... on RegionResource { records(keys: ["${id}"], items: ["name"]) { nodes { key } } } } }`, {}, await stack.token(READER));
    expect(response.body.data.node.records.nodes).toEqual([{ key: id }]);
    expect(response.body.errors).toBeUndefined();
  });
});
