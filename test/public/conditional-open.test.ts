import { AuditRecord } from '../../subgraphs/kernel/audit/audit.entity';
import { composeCitizenId } from '../../subgraphs/kernel/identifiers';
import { DEMO_AGENCIES, demoAuthority } from '../../subgraphs/modules/agency/demo-agencies';
import { demoParty } from '../../subgraphs/modules/opening/demo-parties';
import { OpenApplication } from '../../subgraphs/modules/records/open-application.entity';
import { OpenDataParty } from '../../subgraphs/modules/opening/party.entity';
import { errorAt } from '../support/responses';
import { localId, onlyError } from '../support/api';
import { startTestStack, TestStack } from '../support/stack';

// 004 art. 28 ¶2, 000 art. 26: conditionally open data is obtained on application. A registered person
// or organisation states the scenario, the items, the delivery method, the usage period and its security
// measures; the public data authority reviews the application for form and norms, then the source
// department decides — a refusal with reasons and legal basis. An approval opens exactly those items
// to that applicant until the period ends, decided per field like every other release.

const LAND = '150100-ZY-0001';
const person = demoParty('PERSON');
const organisation = demoParty('ORGANISATION');
const MONDAY = new Date('2026-11-30T02:00:00Z');

let stack: TestStack;
let landId: string;

let tokens: { person: string; organisation: string; authority: string; otherAuthority: string; source: string; agency: string; researcher: string; student: string };

/** Registers a person at the city platform through its authority, and returns the person's token. */
async function registered(birthDate: string, authorityToken: string): Promise<string> {
  const id = composeCitizenId('150104', birthDate, 52);
  const response = await stack.query('mutation($id: String!) { registerOpenDataUser(kind: PERSON, id: $id, name: "测试申请人") { id } }', { id }, authorityToken);
  expect(response.body.errors).toBeUndefined();
  return stack.partyToken({ id, kind: 'PERSON' });
}

beforeAll(async () => {
  stack = await startTestStack();
  const authority = demoAuthority('150100');
  const lookup = await stack.query(`{ catalog(filter: { jurisdictionCode: "150100", text: "自然资源" }) { nodes { id code sourceDepartmentUscc } } }`, {}, await stack.token(authority));
  const land = lookup.body.data.catalog.nodes.find((n: any) => n.code === LAND);
  landId = land.id;
  const sourceDepartment = DEMO_AGENCIES.find((a) => a.uscc === land.sourceDepartmentUscc)!;
  tokens = {
    person: await stack.partyToken(person),
    organisation: await stack.partyToken(organisation),
    authority: await stack.token(authority, 'AUTHORITY_REVIEWER'),
    otherAuthority: await stack.token(demoAuthority('150700'), 'AUTHORITY_REVIEWER'),
    source: await stack.token(sourceDepartment, 'SOURCE_REVIEWER'),
    agency: await stack.token(sourceDepartment),
    researcher: '',
    student: '',
  };
  tokens.researcher = await registered('19810203', tokens.authority);
  tokens.student = await registered('20010911', tokens.authority);
});
// Time is an input: every test runs on Monday 30 November 2026 unless it moves the clock itself.
beforeEach(() => stack.clock.set(MONDAY));
afterEach(() => stack.clock.reset());
afterAll(() => stack?.stop());

const FIELDS = `id state partyId partyKind items scenario deliveryMethod usageEndsAt approvedUse refusalReason refusalLegalBasis
  resource { code } reviewDeadline { kind workingDays citation dueDay } decisionDeadline { kind workingDays citation dueDay }`;

const input = (overrides: Record<string, unknown> = {}) => ({
  resourceId: landId,
  items: ['area_mu'],
  scenario: '国土空间规划研究：按旗县统计耕地面积变化',
  deliveryMethod: 'INTERFACE',
  usageEndsAt: '2027-03-31T16:00:00.000Z',
  securityMeasures: '数据仅存放于单位内网服务器，专人管理，用后删除',
  ...overrides,
});
const apply = (token: string | undefined, overrides: Record<string, unknown> = {}) =>
  stack.query(`mutation($input: OpenDataApplicationInput!) { applyCityOpenData(input: $input) { ${FIELDS} } }`, { input: input(overrides) }, token);
const review = (id: string, review: string, token: string, reason?: string, legalBasis?: string) =>
  stack.query(`mutation($id: ID!, $r: OpenDataNormativeReview!, $reason: String, $basis: String) { reviewCityOpenDataApplication(id: $id, review: $r, reason: $reason, legalBasis: $basis) { ${FIELDS} } }`, { id, r: review, reason, basis: legalBasis }, token);
const decide = (id: string, decision: string, token: string, args: { approvedUse?: string; reason?: string; legalBasis?: string } = {}) =>
  stack.query(`mutation($id: ID!, $d: OpenDataDecision!, $use: String, $reason: String, $basis: String) { decideCityOpenDataApplication(id: $id, decision: $d, approvedUse: $use, reason: $reason, legalBasis: $basis) { ${FIELDS} } }`, { id, d: decision, use: args.approvedUse, reason: args.reason, basis: args.legalBasis }, token);
const follow = (id: string, token: string) => stack.query(`query($id: ID!) { platform(level: CITY) { openDataApplication(id: $id) { ${FIELDS} } } }`, { id }, token);
const followed = async (id: string, token: string) => (await follow(id, token)).body.data.platform.openDataApplication;
/** The first land parcels' area (CONDITIONAL_OPEN) and use (UNCONDITIONAL_OPEN), read through the open catalog as the public reads. */
async function readArea(token?: string) {
  const response = await stack.query(`{ catalog(filter: { jurisdictionCode: "150100", text: "自然资源" }) { nodes { code records(first: 2, items: ["area_mu", "land_use"]) { nodes { fields { item value } } } } } }`, {}, token);
  if (!response.body.data) throw new Error(JSON.stringify(response.body.errors));
  const at = response.body.data.catalog.nodes.findIndex((n: any) => n.code === LAND);
  return { response, fields: response.body.data.catalog.nodes[at].records?.nodes[0]?.fields, areaError: errorAt(response, ['catalog', 'nodes', at, 'records', 'nodes', 0, 'fields', 0, 'value']) };
}
const value = (response: any) => response.body.data?.[Object.keys(response.body.data)[0]];

async function approved(applicant = tokens.person): Promise<string> {
  const applied = value(await apply(applicant));
  await review(applied.id, 'PASS', tokens.authority);
  const decided = await decide(applied.id, 'APPROVE', tokens.source, { approvedUse: '仅用于所述规划研究，不得向第三方提供' });
  expect(value(decided).state).toBe('APPROVED');
  return applied.id;
}

describe('who may apply (004 art. 28 ¶2: natural persons, legal persons and other organisations)', () => {
  it('a registered person or organisation; the anonymous public is asked to register, an agency to apply for sharing', async () => {
    expect(value(await apply(tokens.organisation))).toMatchObject({ state: 'AUTHORITY_REVIEW', partyId: organisation.id, partyKind: 'ORGANISATION' });
    expect(onlyError(await apply(undefined)).extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(onlyError(await apply(tokens.agency)).extensions).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('a token of a person the platform has not registered is refused as a whole (identity comes from the register)', async () => {
    const stranger = await stack.partyToken({ id: composeCitizenId('150102', '19700101', 33), kind: 'PERSON' });
    const response = await apply(stranger);
    expect(response.status).toBe(401);
    expect(onlyError(response).message).toMatch(/is not registered as an open-data user/);
  });

  it('a city authority registers a person it has checked, at every level; the register refuses bad and repeated numbers', async () => {
    const id = composeCitizenId('150103', '19950704', 41);
    const register = (kind: string, number: string, token = tokens.authority) =>
      stack.query('mutation($k: PartyKind!, $id: String!) { registerOpenDataUser(kind: $k, id: $id, name: "测试登记用户") { id kind name } }', { k: kind, id: number }, token);
    expect(onlyError(await register('PERSON', id, tokens.agency)).extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect(value(await register('PERSON', id))).toEqual({ id, kind: 'PERSON', name: '测试登记用户' });
    for (const level of ['REGION', 'CITY', 'COUNTY'] as const) expect(await stack.subgraphs[level].db.getRepository(OpenDataParty).countBy({ id })).toBe(1);
    expect(onlyError(await register('PERSON', id)).extensions).toMatchObject({ code: 'CONFLICT' });
    expect(onlyError(await register('PERSON', `${id.slice(0, 17)}${id[17] === '1' ? '2' : '1'}`)).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    expect(onlyError(await register('ORGANISATION', id)).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    const registered = await stack.partyToken({ id, kind: 'PERSON' });
    expect(value(await apply(registered)).state).toBe('AUTHORITY_REVIEW');
  });
});

describe('an application states everything 004 art. 28 ¶2 asks, or nothing is written', () => {
  it.each([
    ['an UNCONDITIONAL_OPEN item, which needs no application', { items: ['land_use'] }, 'input.items[0]'],
    ['a NOT_OPEN item', { items: ['rights_holder'] }, 'input.items[0]'],
    ['an item the resource does not have', { items: ['soil_ph'] }, 'input.items[0]'],
    ['no item', { items: [] }, 'input.items'],
    ['the same item twice', { items: ['area_mu', 'area_mu'] }, 'input.items[1]'],
    ['no scenario', { scenario: '  ' }, 'input.scenario'],
    ['no security measures', { securityMeasures: '' }, 'input.securityMeasures'],
    ['a usage period that has ended', { usageEndsAt: '2026-11-01T00:00:00.000Z' }, 'input.usageEndsAt'],
    ['a usage period beyond a year', { usageEndsAt: '2028-06-01T00:00:00.000Z' }, 'input.usageEndsAt'],
  ])('refuses %s with BAD_USER_INPUT naming the field', async (_, overrides, field) => {
    const before = await stack.subgraphs.CITY.db.getRepository(OpenApplication).count();
    expect(onlyError(await apply(tokens.person, overrides)).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await stack.subgraphs.CITY.db.getRepository(OpenApplication).count()).toBe(before);
  });
});

describe('review, decision and reading (000 art. 26; 004 art. 28 ¶2)', () => {
  it('goes to the authority first, then to the source department, each step with its deadline under the profile', async () => {
    const applied = value(await apply(tokens.researcher));
    expect(applied).toMatchObject({ state: 'AUTHORITY_REVIEW', reviewDeadline: { kind: 'OPEN_APPLICATION_REVIEW', workingDays: 5, citation: '004 art. 28 ¶2 (limit of art. 23)', dueDay: '2026-12-07' }, decisionDeadline: null });
    expect(onlyError(await decide(applied.id, 'APPROVE', tokens.source, { approvedUse: '规划研究' })).extensions).toMatchObject({ code: 'CONFLICT' });
    // Another city's authority has no say over Hohhot's data: for it the application does not exist.
    expect(onlyError(await review(applied.id, 'PASS', tokens.otherAuthority)).extensions).toMatchObject({ code: 'NOT_FOUND' });
    const passed = value(await review(applied.id, 'PASS', tokens.authority));
    expect(passed).toMatchObject({ state: 'SOURCE_DECISION', reviewDeadline: null, decisionDeadline: { kind: 'OPEN_APPLICATION_DECISION', dueDay: '2026-12-07' } });
    expect(onlyError(await review(applied.id, 'PASS', tokens.authority)).extensions).toMatchObject({ code: 'CONFLICT' });
    expect(onlyError(await decide(applied.id, 'APPROVE', tokens.source)).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'approvedUse' });
    expect(value(await decide(applied.id, 'APPROVE', tokens.source, { approvedUse: '仅用于规划研究' }))).toMatchObject({ state: 'APPROVED', approvedUse: '仅用于规划研究', decisionDeadline: null });
  });

  it('opens exactly the approved items to the applicant, within the period; nobody else gains anything', async () => {
    expect((await readArea(tokens.person)).areaError?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'OPEN_APPLICATION_REQUIRED' });
    const id = await approved();
    const after = await readArea(tokens.person);
    expect(after.response.body.errors).toBeUndefined();
    expect(after.fields).toEqual([{ item: 'area_mu', value: expect.stringMatching(/^\d+\.\d+$/) }, { item: 'land_use', value: expect.any(String) }]);
    // Another registered applicant and the anonymous public are refused at the field, each with its reason.
    expect((await readArea(tokens.organisation)).areaError?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'OPEN_APPLICATION_REQUIRED' });
    expect((await readArea(undefined)).areaError?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'OPEN_APPLICATION_REQUIRED' });
    // The release is in the audit trail under the applicant, with the application that allowed it.
    const trail = await stack.subgraphs.CITY.db.getRepository(AuditRecord).findBy({ action: 'READ', grantId: localId(id) });
    expect(trail).toContainEqual(expect.objectContaining({ agencyUscc: 'PUBLIC', userSub: expect.stringMatching(new RegExp(`^person:${person.id}@`)), effect: 'ALLOW' }));
  });

  it('refuses the applicant once the usage period has ended, naming the application', async () => {
    const id = await approved(tokens.student);
    stack.clock.set(new Date('2027-04-01T00:00:00Z'));
    expect((await readArea(tokens.student)).areaError?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'OPEN_GRANT_EXPIRED', applicationId: id });
  });

  it('a refusal, by the authority or the source department, states reasons and legal basis, and the applicant reads them', async () => {
    const first = value(await apply(tokens.person));
    expect(onlyError(await review(first.id, 'REFUSE', tokens.authority, '材料不全')).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'legalBasis' });
    await review(first.id, 'REFUSE', tokens.authority, '安全保障措施未说明数据销毁方式', '《内蒙古自治区公共数据管理办法》第二十八条');
    expect(await followed(first.id, tokens.person)).toMatchObject({ state: 'REFUSED', refusalReason: '安全保障措施未说明数据销毁方式', refusalLegalBasis: expect.stringContaining('第二十八条') });

    const second = value(await apply(tokens.person));
    await review(second.id, 'PASS', tokens.authority);
    expect(onlyError(await decide(second.id, 'REFUSE', tokens.source, { reason: '涉及在办确权争议' })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'legalBasis' });
    await decide(second.id, 'REFUSE', tokens.source, { reason: '涉及在办确权争议', legalBasis: '《不动产登记暂行条例》第二十八条' });
    expect(await followed(second.id, tokens.person)).toMatchObject({ state: 'REFUSED', refusalReason: '涉及在办确权争议' });
    // The person's earlier approvals (other tests) aside, a refusal grants nothing: the organisation, refused too, reads nothing.
    expect((await readArea(tokens.organisation)).areaError?.extensions).toMatchObject({ reason: 'OPEN_APPLICATION_REQUIRED' });
  });

  it('is followed by its applicant, the authorities over it and its source department, and by nobody else', async () => {
    const applied = value(await apply(tokens.person));
    const regionAuthority = await stack.token(demoAuthority('150000'), 'AUTHORITY_REVIEWER');
    for (const token of [tokens.person, tokens.authority, regionAuthority, tokens.source]) expect((await followed(applied.id, token)).id).toBe(applied.id);
    // Seeing is not reviewing: the normative review is the city authority's own (000 art. 26).
    expect(onlyError(await review(applied.id, 'PASS', regionAuthority)).extensions).toMatchObject({ code: 'FORBIDDEN' });
    for (const token of [tokens.organisation, tokens.otherAuthority]) expect(errorAt(await follow(applied.id, token), ['platform', 'openDataApplication'])?.extensions).toMatchObject({ code: 'NOT_FOUND' });
    const mine = await stack.query('{ platform(level: CITY) { openDataApplications(first: 200) { totalCount nodes { partyId } } } }', {}, tokens.organisation);
    expect(mine.body.data.platform.openDataApplications.nodes.every((n: any) => n.partyId === organisation.id)).toBe(true);
  });
});
