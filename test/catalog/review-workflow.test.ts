import { DemoAgency, demoAgency, demoAuthority, Sector } from '../../subgraphs/modules/agency/demo-agencies';
import { errorCodes, GraphQLResponse, startTestStack, TestStack } from '../support/stack';
import { onlyError, RESOURCE_FIELDS, resourceInput, subjectOf, unconditionalItem } from './catalog-fixtures';

let stack: TestStack;
const agency = demoAgency('150100', Sector.HEALTH);
const authority = demoAuthority('150100');
const PEOPLE = {
  agency: [agency, 'AGENCY_USER'],
  authority: [authority, 'AUTHORITY_REVIEWER'],
  otherCityAuthority: [demoAuthority('150700'), 'AUTHORITY_REVIEWER'],
  regionAuthority: [demoAuthority('150000'), 'AUTHORITY_REVIEWER'],
  countyAgency: [demoAgency('150102', Sector.HEALTH), 'AGENCY_USER'],
  sameCityAgency: [demoAgency('150100', Sector.CIVIL_AFFAIRS), 'AGENCY_USER'],
  otherCityAgency: [demoAgency('150700', Sector.HEALTH), 'AGENCY_USER'],
} as const;
let tokens: Record<keyof typeof PEOPLE, string>;

beforeAll(async () => {
  stack = await startTestStack();
  const signed = Object.entries(PEOPLE).map(async ([who, [person, role]]) => [who, await stack.token(person, role)]);
  tokens = Object.fromEntries(await Promise.all(signed));
});
afterAll(() => stack?.stop());

/** Each operation's variable declarations and arguments; all answer with RESOURCE_FIELDS. */
const OPS = {
  createCityResource: ['$input: CatalogResourceInput!', 'input: $input'],
  updateCityResource: ['$id: ID!, $input: CatalogResourceInput!', 'id: $id, input: $input'],
  submitCityResource: ['$id: ID!', 'id: $id'],
  reviewCityResource: ['$id: ID!, $decision: ReviewDecision!, $reason: String', 'id: $id, decision: $decision, reason: $reason'],
  publishCityResource: ['$id: ID!', 'id: $id'],
  reviseCityResource: ['$id: ID!, $trigger: String!, $triggeredAt: DateTimeISO', 'id: $id, trigger: $trigger, triggeredAt: $triggeredAt'],
  cityResource: ['$id: ID!', 'id: $id'],
} as const;
type Operation = keyof typeof OPS;

/** A mutation of the city platform, or (`cityResource`) reading a resource again by its id. */
function call(operation: Operation, variables: Record<string, unknown>, token: string): Promise<GraphQLResponse> {
  const [params, args] = OPS[operation];
  if (operation === 'cityResource') return stack.query(`query(${params}) { node(${args}) { ... on CatalogResource { ${RESOURCE_FIELDS} } } }`, variables, token);
  return stack.query(`mutation(${params}) { ${operation}(${args}) { ${RESOURCE_FIELDS} } }`, variables, token);
}

/** Runs an operation that must succeed and returns the resource it answered with. */
async function ok(operation: Operation, variables: Record<string, unknown>, token: string) {
  const response = await call(operation, variables, token);
  expect(response.body.errors).toBeUndefined();
  return Object.values(response.body.data)[0] as any;
}

async function refused(operation: Operation, variables: Record<string, unknown>, token: string, code: string, message: RegExp) {
  const response = await call(operation, variables, token);
  // `node` is nullable: a resource the caller may not see is null, with the reason.
  const error = operation === 'cityResource' ? (expect(response.body.data).toEqual({ node: null }), response.body.errors![0]) : onlyError(response);
  expect(error.extensions?.code).toBe(code);
  expect(error.message).toMatch(message);
}

let counter = 0;
const draft = () => ok('createCityResource', { input: resourceInput(`卫生健康测试资源 ${++counter}号`) }, tokens.agency);
async function submitted() {
  const { id } = await draft();
  return ok('submitCityResource', { id }, tokens.agency);
}
/** The region authority approves the city's report of a published version (004 art. 10 ¶2; upper-review.test.ts). */
async function approvedOneLevelUp(resourceId: string) {
  const reports = await stack.query('{ catalogReports(state: PENDING, first: 200) { nodes { id resource { id } } } }', {}, tokens.regionAuthority);
  const report = reports.body.data.catalogReports.nodes.find((r: any) => r.resource.id === resourceId);
  const approved = await stack.query('mutation($id: ID!) { reviewCatalogReport(id: $id, decision: APPROVE) { state } }', { id: report.id }, tokens.regionAuthority);
  expect(approved.body.data.reviewCatalogReport.state).toBe('APPROVED');
}
async function published() {
  const { id } = await submitted();
  await ok('reviewCityResource', { id, decision: 'APPROVE' }, tokens.authority);
  const done = await ok('publishCityResource', { id }, tokens.authority);
  await approvedOneLevelUp(id);
  return done;
}

const step = (fromState: string | null, toState: string, by: DemoAgency, role: 'AGENCY_USER' | 'AUTHORITY_REVIEWER', reason: string | null = null) =>
  ({ fromState, toState, actor: subjectOf(by, role), actorAgency: by.uscc, reason, at: expect.any(String) });

const CATALOG = `query($filter: CatalogFilter) { catalog(filter: $filter, first: 50) {
  totalCount edges { node { __typename id code version state provider { uscc } items { code } } } } }`;

describe('catalog review workflow of a city platform (004 art. 10)', () => {
  it('takes a resource from draft to the integrated catalog: agency creates and submits, its own authority approves and publishes', async () => {
    const created = await draft();
    expect(created).toMatchObject({ state: 'DRAFT', version: 1, jurisdictionCode: '150100', providerUscc: agency.uscc, review: null });
    expect(created.code).toMatch(/^150100-[0-9A-F]{8}$/);
    const sent = await ok('submitCityResource', { id: created.id }, tokens.agency);
    expect(sent.state).toBe('SUBMITTED');
    expect(sent.review).toMatchObject({ kind: 'CATALOG_APPROVAL', workingDays: 5, citation: '004 art. 11' });
    expect((await ok('reviewCityResource', { id: created.id, decision: 'APPROVE' }, tokens.authority)).state).toBe('APPROVED');
    const done = await ok('publishCityResource', { id: created.id }, tokens.authority);
    expect(done).toMatchObject({ state: 'PUBLISHED', publishedAt: expect.any(String), review: null });
    expect(done.transitions).toEqual([
      step(null, 'DRAFT', agency, 'AGENCY_USER'),
      step('DRAFT', 'SUBMITTED', agency, 'AGENCY_USER'),
      step('SUBMITTED', 'APPROVED', authority, 'AUTHORITY_REVIEWER'),
      step('APPROVED', 'PUBLISHED', authority, 'AUTHORITY_REVIEWER'),
    ]);

    // Once the region authority has reviewed the report, another city's agency finds it in the region's
    // integrated catalog, answered by the city platform.
    await approvedOneLevelUp(created.id);
    const listed = await stack.query(CATALOG, { filter: { providerUscc: agency.uscc } }, tokens.otherCityAgency);
    expect(listed.body.data.catalog.edges.map((e: any) => e.node)).toEqual([
      { __typename: 'CityResource', id: created.id, code: created.code, version: 1, state: 'PUBLISHED', provider: { uscc: agency.uscc }, items: [{ code: 'record_no' }, { code: 'holder_name' }] },
    ]);
  });

  it('returns a submission only with a reason; the agency edits and resubmits it', async () => {
    const { id } = await submitted();
    await refused('reviewCityResource', { id, decision: 'RETURN' }, tokens.authority, 'BAD_USER_INPUT', /^reason: /);
    await refused('reviewCityResource', { id, decision: 'RETURN', reason: '   ' }, tokens.authority, 'BAD_USER_INPUT', /^reason: /);
    expect((await ok('cityResource', { id }, tokens.agency)).state).toBe('SUBMITTED');

    const reason = '共享条件未写明使用场景';
    expect((await ok('reviewCityResource', { id, decision: 'RETURN', reason }, tokens.authority)).state).toBe('RETURNED');
    const edited = await ok('updateCityResource', { id, input: resourceInput('卫生健康测试资源（修改）', [unconditionalItem('record_no', '登记编号')]) }, tokens.agency);
    expect(edited).toMatchObject({ state: 'RETURNED', name: '卫生健康测试资源（修改）', items: [expect.objectContaining({ code: 'record_no' })] });
    expect(edited.items).toHaveLength(1);
    const again = await ok('submitCityResource', { id }, tokens.agency);
    expect(again.state).toBe('SUBMITTED');
    expect(again.transitions).toEqual([
      step(null, 'DRAFT', agency, 'AGENCY_USER'),
      step('DRAFT', 'SUBMITTED', agency, 'AGENCY_USER'),
      step('SUBMITTED', 'RETURNED', authority, 'AUTHORITY_REVIEWER', reason),
      step('RETURNED', 'SUBMITTED', agency, 'AGENCY_USER'),
    ]);
  });

  it('lets only the authority of the same jurisdiction review, and only an agency of the level compile (FORBIDDEN)', async () => {
    const { id } = await submitted();
    await refused('reviewCityResource', { id, decision: 'APPROVE' }, tokens.agency, 'FORBIDDEN', /AUTHORITY_REVIEWER.*004 art\. 10/);
    // The region's authority sees Hohhot's submissions (it is above them) but does not review them.
    await refused('reviewCityResource', { id, decision: 'APPROVE' }, tokens.regionAuthority, 'FORBIDDEN', /authority of 150100/);
    await refused('submitCityResource', { id: (await draft()).id }, tokens.authority, 'FORBIDDEN', /providing agency/);
    await refused('createCityResource', { input: resourceInput('县级资源') }, tokens.countyAgency, 'FORBIDDEN', /COUNTY agency compiles its catalog on the county platform/);
    await refused('createCityResource', { input: resourceInput('主管部门资源') }, tokens.authority, 'FORBIDDEN', /AGENCY_USER/);
    expect((await ok('cityResource', { id }, tokens.agency)).transitions.map((t: any) => t.toState)).toEqual(['DRAFT', 'SUBMITTED']);
  });

  it('does not even show another city\'s authority a submission it has no say over (NOT_FOUND, not FORBIDDEN)', async () => {
    const { id } = await submitted();
    await refused('reviewCityResource', { id, decision: 'APPROVE' }, tokens.otherCityAuthority, 'NOT_FOUND', /^id: no catalog resource/);
    expect((await ok('cityResource', { id }, tokens.agency)).state).toBe('SUBMITTED');
  });

  it('refuses a step the state does not allow (CONFLICT)', async () => {
    const drafted = await draft();
    await refused('reviewCityResource', { id: drafted.id, decision: 'APPROVE' }, tokens.authority, 'CONFLICT', /it is DRAFT; approve needs SUBMITTED/);
    await refused('reviseCityResource', { id: drafted.id, trigger: '职责调整' }, tokens.agency, 'CONFLICT', /it is DRAFT; revise needs PUBLISHED/);
    const sent = await submitted();
    await refused('publishCityResource', { id: sent.id }, tokens.authority, 'CONFLICT', /it is SUBMITTED; publish needs APPROVED/);
    await refused('updateCityResource', { id: sent.id, input: resourceInput('提交后修改') }, tokens.agency, 'CONFLICT', /it is SUBMITTED; edit needs DRAFT or RETURNED/);
    const done = await published();
    await refused('submitCityResource', { id: done.id }, tokens.agency, 'CONFLICT', /it is PUBLISHED; submit needs DRAFT or RETURNED/);
    await refused('updateCityResource', { id: done.id, input: resourceInput('发布后修改') }, tokens.agency, 'CONFLICT', /it is PUBLISHED/);
  });

  it('hides drafts from every agency but the provider and the authorities above it', async () => {
    const { id } = await draft();
    for (const outsider of [tokens.sameCityAgency, tokens.otherCityAgency, tokens.otherCityAuthority]) {
      await refused('cityResource', { id }, outsider, 'NOT_FOUND', new RegExp(`^id: no CityResource ${id}`));
      const list = await stack.query('{ platform(level: CITY) { resources(jurisdictionCode: "150100", first: 200) { nodes { id } } } }', {}, outsider);
      expect(list.body.data.platform.resources.nodes.map((r: any) => r.id)).not.toContain(id);
    }
    for (const insider of [tokens.agency, tokens.authority, tokens.regionAuthority]) expect((await ok('cityResource', { id }, insider)).state).toBe('DRAFT');
    const catalog = await stack.query(CATALOG, { filter: { providerUscc: agency.uscc, includeSuperseded: true } }, tokens.authority);
    expect(catalog.body.data.catalog.edges.map((e: any) => e.node.id)).not.toContain(id);
  });
});

describe('revising a published resource (004 art. 11)', () => {
  it('starts version 2 as a draft due within 15 working days; publishing it supersedes version 1, which stays queryable', async () => {
    const v1 = await published();
    const triggeredAt = '2026-09-29T02:00:00.000Z';
    const v2 = await ok('reviseCityResource', { id: v1.id, trigger: '《条例》修订，增加信息项', triggeredAt }, tokens.agency);
    expect(v2).toMatchObject({ version: 2, state: 'DRAFT', lineageId: v1.lineageId, code: v1.code, revisionTrigger: '《条例》修订，增加信息项', items: v1.items });
    expect(v2.id).not.toBe(v1.id);
    // Tue 29 Sep + 15 working days, skipping National Day (1-7 Oct) and counting Sat 10 Oct.
    expect(v2.updateDeadline).toEqual({ kind: 'CATALOG_UPDATE', dueDay: '2026-10-26', workingDays: 15, citation: '004 art. 11', startedAt: triggeredAt });
    expect(v2.transitions).toEqual([step(null, 'DRAFT', agency, 'AGENCY_USER', expect.stringContaining('revision of version 1'))]);
    expect(errorCodes(await call('reviseCityResource', { id: v1.id, trigger: '再次修订' }, tokens.agency))).toEqual(['CONFLICT']);
    expect((await ok('cityResource', { id: v1.id }, tokens.otherCityAgency)).state).toBe('PUBLISHED');

    await ok('submitCityResource', { id: v2.id }, tokens.agency);
    await ok('reviewCityResource', { id: v2.id, decision: 'APPROVE' }, tokens.authority);
    expect((await ok('publishCityResource', { id: v2.id }, tokens.authority)).state).toBe('PUBLISHED');
    await approvedOneLevelUp(v2.id);

    const old = await ok('cityResource', { id: v1.id }, tokens.otherCityAgency);
    expect(old.state).toBe('SUPERSEDED');
    expect(old.transitions.at(-1)).toEqual(step('PUBLISHED', 'SUPERSEDED', authority, 'AUTHORITY_REVIEWER', 'superseded by version 2'));
    const versions = await stack.query('query($id: ID!) { node(id: $id) { ... on CityResource { versions { version state } } } }', { id: v2.id }, tokens.otherCityAgency);
    expect(versions.body.data.node.versions).toEqual([{ version: 1, state: 'SUPERSEDED' }, { version: 2, state: 'PUBLISHED' }]);

    const inCatalog = async (includeSuperseded: boolean) => {
      const response = await stack.query(CATALOG, { filter: { text: v1.name, includeSuperseded } }, tokens.otherCityAgency);
      return response.body.data.catalog.edges.map((e: any) => [e.node.version, e.node.state]).sort();
    };
    expect(await inCatalog(false)).toEqual([[2, 'PUBLISHED']]);
    expect(await inCatalog(true)).toEqual([[1, 'SUPERSEDED'], [2, 'PUBLISHED']]);
  });
});
