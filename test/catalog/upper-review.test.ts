import { demoAgency, demoAuthority, Sector } from '../../subgraphs/modules/agency/demo-agencies';
import { onlyError } from '../support/api';
import { startTestStack, TestStack } from '../support/stack';
import { resourceInput, unconditionalItem } from './catalog-fixtures';

// 004 art. 10 ¶2: a league's or city's (and a banner's or county's) authority reports its level's
// catalog to the authority one level up, which reviews it; the integrated catalog lists a lower
// level's version as approved only after that review. Until then the lineage's approved version stays.

let stack: TestStack;
const cityAgency = demoAgency('150100', Sector.HEALTH);
const countyAgency = demoAgency('150102', Sector.HEALTH);
const PEOPLE = {
  cityAgency: [cityAgency, 'AGENCY_USER'],
  countyAgency: [countyAgency, 'AGENCY_USER'],
  cityAuthority: [demoAuthority('150100'), 'AUTHORITY_REVIEWER'],
  countyAuthority: [demoAuthority('150102'), 'AUTHORITY_REVIEWER'],
  otherCityAuthority: [demoAuthority('150700'), 'AUTHORITY_REVIEWER'],
  regionAuthority: [demoAuthority('150000'), 'AUTHORITY_REVIEWER'],
  reader: [demoAgency('150700', Sector.CIVIL_AFFAIRS), 'AGENCY_USER'],
} as const;
let tokens: Record<keyof typeof PEOPLE, string>;

beforeAll(async () => {
  stack = await startTestStack();
  tokens = Object.fromEntries(await Promise.all(Object.entries(PEOPLE).map(async ([who, [agency, role]]) => [who, await stack.token(agency, role)])));
});
// Time is an input: reports are filed on Monday 30 November 2026.
beforeEach(() => stack.clock.set(new Date('2026-11-30T02:00:00Z')));
afterEach(() => stack.clock.reset());
afterAll(() => stack?.stop());

const REPORT_FIELDS = 'id state level jurisdictionCode reviewerJurisdiction indexState reviewReason resource { id version } reviewDeadline { kind workingDays citation dueDay }';

async function mutate(level: 'City' | 'County', operation: string, variables: Record<string, unknown>, params: string, token: string) {
  const response = await stack.query(`mutation(${params}) { ${operation.replace('{Level}', level)}(${Object.keys(variables).map((k) => `${k}: $${k}`).join(', ')}) { id version } }`, variables, token);
  expect(response.body.errors).toBeUndefined();
  return Object.values(response.body.data)[0] as { id: string; version: number };
}

let counter = 0;
/** A resource compiled by the agency and published by its own authority (004 art. 10 ¶1), hence reported up. */
async function publish(level: 'City' | 'County' = 'City') {
  const [agency, authority] = level === 'City' ? [tokens.cityAgency, tokens.cityAuthority] : [tokens.countyAgency, tokens.countyAuthority];
  const { id } = await mutate(level, 'create{Level}Resource', { input: resourceInput(`上报审核测试资源 ${++counter}号`, [unconditionalItem('record_no', '登记编号')]) }, '$input: CatalogResourceInput!', agency);
  await mutate(level, 'submit{Level}Resource', { id }, '$id: ID!', agency);
  await mutate(level, 'review{Level}Resource', { id, decision: 'APPROVE' }, '$id: ID!, $decision: ReviewDecision!', authority);
  return mutate(level, 'publish{Level}Resource', { id }, '$id: ID!', authority);
}

const listed = async (resourceId: string, token = tokens.reader, upperReview?: string) => {
  const response = await stack.query(`query($f: CatalogFilter) { catalog(filter: $f, first: 200) { nodes { id } } }`, { f: { upperReview, includeSuperseded: false } }, token);
  return response.body.errors ? response : response.body.data.catalog.nodes.some((n: { id: string }) => n.id === resourceId);
};

const reports = async (token: string, state?: string) =>
  stack.query(`query($s: UpperReviewState) { catalogReports(state: $s, first: 200) { totalCount nodes { ${REPORT_FIELDS} } } }`, { s: state }, token);
const reportOf = async (resourceId: string, token = tokens.regionAuthority) =>
  (await reports(token)).body.data.catalogReports.nodes.find((r: any) => r.resource.id === resourceId);
const review = (id: string, decision: string, reason: string | null, token: string) =>
  stack.query(`mutation($id: ID!, $d: ReviewDecision!, $r: String) { reviewCatalogReport(id: $id, decision: $d, reason: $r) { ${REPORT_FIELDS} } }`, { id, d: decision, r: reason }, token);

describe('a city catalog reported to the region authority (004 art. 10 ¶2)', () => {
  it('waits for the review: the integrated catalog does not list it, the reviewer sees it with its deadline', async () => {
    const { id } = await publish();
    expect(await listed(id)).toBe(false);
    expect(await reportOf(id)).toMatchObject({
      state: 'PENDING', level: 'CITY', jurisdictionCode: '150100', reviewerJurisdiction: '150000', indexState: 'PUBLISHED',
      reviewDeadline: { kind: 'CATALOG_REPORT', workingDays: 5, citation: '004 art. 10 ¶2 (limit of art. 11)', dueDay: '2026-12-07' },
    });
    // The reporting authority follows its own report; another city's does not see it.
    expect(await reportOf(id, tokens.cityAuthority)).toMatchObject({ state: 'PENDING' });
    expect(await reportOf(id, tokens.otherCityAuthority)).toBeUndefined();
  });

  it('is listed once the region authority approves it', async () => {
    const { id } = await publish();
    const report = await reportOf(id);
    const approved = await review(report.id, 'APPROVE', null, tokens.regionAuthority);
    expect(approved.body.data.reviewCatalogReport).toMatchObject({ state: 'APPROVED', reviewDeadline: null });
    expect(await listed(id)).toBe(true);
  });

  it('is returned only with reasons, stays out of the catalog, and the reporting authority reads why', async () => {
    const { id } = await publish();
    const report = await reportOf(id);
    expect(onlyError(await review(report.id, 'RETURN', '  ', tokens.regionAuthority)).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    const reason = '数据项缺少更新频率说明';
    expect((await review(report.id, 'RETURN', reason, tokens.regionAuthority)).body.data.reviewCatalogReport).toMatchObject({ state: 'RETURNED', reviewReason: reason });
    expect(await listed(id)).toBe(false);
    expect(await listed(id, tokens.cityAuthority, 'RETURNED')).toBe(true);
    expect(onlyError(await review(report.id, 'APPROVE', null, tokens.regionAuthority)).extensions).toMatchObject({ code: 'CONFLICT' });
  });

  it('is reviewed by the authority one level up only: not by the reporter, not by another city', async () => {
    const { id } = await publish();
    const report = await reportOf(id);
    for (const token of [tokens.cityAuthority, tokens.otherCityAuthority]) {
      expect(onlyError(await review(report.id, 'APPROVE', null, token)).extensions).toMatchObject({ code: 'FORBIDDEN' });
    }
    expect(onlyError(await reports(tokens.cityAgency)).extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect(onlyError(await stack.query(`{ catalog(filter: { upperReview: PENDING }) { totalCount } }`, {}, tokens.reader)).extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect(await reportOf(id)).toMatchObject({ state: 'PENDING' });
  });

  it('keeps the approved version listed while a revision waits, and replaces it when the revision is approved', async () => {
    const first = await publish();
    await review((await reportOf(first.id)).id, 'APPROVE', null, tokens.regionAuthority);
    const revision = await mutate('City', 'revise{Level}Resource', { id: first.id, trigger: '职责调整' }, '$id: ID!, $trigger: String!', tokens.cityAgency);
    await mutate('City', 'submit{Level}Resource', { id: revision.id }, '$id: ID!', tokens.cityAgency);
    await mutate('City', 'review{Level}Resource', { id: revision.id, decision: 'APPROVE' }, '$id: ID!, $decision: ReviewDecision!', tokens.cityAuthority);
    await mutate('City', 'publish{Level}Resource', { id: revision.id }, '$id: ID!', tokens.cityAuthority);
    expect([await listed(first.id), await listed(revision.id)]).toEqual([true, false]);
    await review((await reportOf(revision.id)).id, 'APPROVE', null, tokens.regionAuthority);
    expect([await listed(first.id), await listed(revision.id)]).toEqual([false, true]);
  });
});

describe('a county catalog reported to its city authority (004 art. 10 ¶2)', () => {
  it('is reviewed by the city above it, not by the region', async () => {
    const { id } = await publish('County');
    const report = await reportOf(id, tokens.cityAuthority);
    expect(report).toMatchObject({ state: 'PENDING', level: 'COUNTY', reviewerJurisdiction: '150100' });
    expect(onlyError(await review(report.id, 'APPROVE', null, tokens.regionAuthority)).extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect((await review(report.id, 'APPROVE', null, tokens.cityAuthority)).body.data.reviewCatalogReport.state).toBe('APPROVED');
    expect(await listed(id)).toBe(true);
  });
});
