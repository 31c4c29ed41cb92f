import { Like } from 'typeorm';
import { assignProfile } from '../../subgraphs/kernel/calendar/policy-profiles';
import { DEMO_AGENCIES, demoAgency, demoAuthority, Sector } from '../../subgraphs/modules/agency/demo-agencies';
import { CatalogState } from '../../subgraphs/modules/catalog/enums';
import { CatalogResourceRow } from '../../subgraphs/modules/catalog/resource.entity';
import { QualityReport } from '../../subgraphs/modules/quality/report.entity';
import { AssistanceRow, LegalPersonRow, PersonRow } from '../../subgraphs/modules/records/record.entities';
import { errorAt } from '../support/responses';
import { levelId, onlyError } from '../support/api';
import { startTestStack, TestStack } from '../support/stack';
import { HOHHOT_AUTHORITY, PERSON_ITEMS, REFLOW_TEST_ENV, REGION_AUTHORITY, runAt, subscribe } from '../reflow/reflow-fixtures';

// 004 art. 45: a data user who finds a value wrong or missing reports it through the platform; the
// providing agency marks it, verifies, handles and answers. Anhui 002 art. 26: within 7 working days,
// extendable once by at most 7. A correction is a change of the record: reflow carries it to the copies.

let stack: TestStack;
const MONDAY = new Date('2026-11-30T02:00:00Z');

/** The published resource of `code`, its global id and the demo agency providing it. */
async function resourceOf(level: 'REGION' | 'CITY' | 'COUNTY', code: string) {
  const row = await stack.subgraphs[level].db.getRepository(CatalogResourceRow).findOneByOrFail({ code, state: CatalogState.PUBLISHED });
  return { id: levelId(level, 'Resource', row.id), provider: DEMO_AGENCIES.find((a) => a.uscc === row.providerUscc)! };
}

const FIELDS = 'id state item recordKey issue statement suggestedValue reporter answer correctedValue extendedAt verification { kind workingDays citation dueDay overdue }';
const report = (level: string, input: Record<string, unknown>, token?: string) =>
  stack.query(`mutation($input: DataQualityReportInput!) { report${level}DataQuality(input: $input) { ${FIELDS} } }`, { input }, token);
const answer = (level: string, id: string, outcome: string, reason: string, correctedValue: string | null, token: string) =>
  stack.query(`mutation($id: ID!, $o: QualityOutcome!, $r: String!, $v: String) { answer${level}QualityReport(id: $id, outcome: $o, reason: $r, correctedValue: $v) { ${FIELDS} } }`, { id, o: outcome, r: reason, v: correctedValue }, token);
const extend = (level: string, id: string, reason: string, token: string) =>
  stack.query(`mutation($id: ID!, $r: String!) { extend${level}QualityReport(id: $id, reason: $r) { ${FIELDS} } }`, { id, r: reason }, token);
const value = (response: any) => {
  expect(response.body.errors).toBeUndefined();
  return response.body.data[Object.keys(response.body.data)[0]];
};

beforeAll(async () => {
  stack = await startTestStack(REFLOW_TEST_ENV);
});
// Time is an input: every test runs on Monday 30 November 2026 unless it moves the clock itself.
beforeEach(() => stack.clock.set(MONDAY));
afterEach(() => stack.clock.reset());
afterAll(() => stack?.stop());

describe('a report marks the value under verification for every reader (004 art. 45: 标注)', () => {
  it('an agency reports a wrong name; readers see the mark on that value only', async () => {
    const persons = await resourceOf('REGION', '150000-RK-0001');
    const reader = await stack.token(demoAgency('150100', Sector.HEALTH));
    const [first, second] = await stack.subgraphs.REGION.db.getRepository(PersonRow).find({ order: { idNumber: 'ASC' }, take: 2 });
    const filed = value(await report('Region', { resourceId: persons.id, recordKey: first.idNumber, item: 'name', issue: 'ERROR', statement: '姓名中的字写错了', suggestedValue: '王小明' }, reader));
    expect(filed).toMatchObject({ state: 'UNDER_VERIFICATION', item: 'name', reporter: demoAgency('150100', Sector.HEALTH).uscc, verification: { kind: 'QUALITY_VERIFICATION', workingDays: 7 } });
    const read = await stack.query(`query($id: ID!, $keys: [ID!]) { node(id: $id) { ... on CatalogResource { records(keys: $keys, items: ["name", "gender"]) { nodes { key fields { item underVerification } } } } } }`, { id: persons.id, keys: [first.idNumber, second.idNumber] }, reader);
    expect(read.body.errors).toBeUndefined();
    const marks = Object.fromEntries(read.body.data.node.records.nodes.map((n: any) => [n.key, n.fields.map((f: any) => `${f.item}:${f.underVerification}`)]));
    expect(marks).toEqual({ [first.idNumber]: ['name:true', 'gender:false'], [second.idNumber]: ['name:false', 'gender:false'] });
    // One report per value at a time: the second reporter is sent to the first report.
    expect(onlyError(await report('Region', { resourceId: persons.id, recordKey: first.idNumber, item: 'name', issue: 'ERROR', statement: '同上' }, reader)).extensions).toMatchObject({ code: 'CONFLICT', reportId: expect.any(String) });
  });

  it.each([
    ['an item the resource does not have', { item: 'shoe_size' }, 'BAD_USER_INPUT', 'input.item'],
    ['a record the resource does not have', { recordKey: '150102199901019999' }, 'NOT_FOUND', 'input.recordKey'],
    ['no statement', { statement: ' ' }, 'BAD_USER_INPUT', 'input.statement'],
  ])('refuses %s, writing nothing', async (_, overrides, code, field) => {
    const persons = await resourceOf('REGION', '150000-RK-0001');
    const [person] = await stack.subgraphs.REGION.db.getRepository(PersonRow).find({ order: { idNumber: 'DESC' }, take: 1 });
    const before = await stack.subgraphs.REGION.db.getRepository(QualityReport).count();
    const response = await report('Region', { resourceId: persons.id, recordKey: person.idNumber, item: 'gender', issue: 'ERROR', statement: '性别有误', ...overrides }, await stack.token(demoAgency('150100', Sector.HEALTH)));
    expect(onlyError(response).extensions).toMatchObject({ code, field });
    expect(await stack.subgraphs.REGION.db.getRepository(QualityReport).count()).toBe(before);
  });
});

describe('the public reports on open data (004 art. 45: 数据利用主体)', () => {
  it('without a token, on an opened item, leaving a contact; it follows the answer by the report id', async () => {
    const companies = await resourceOf('CITY', '150100-FR-0001');
    const [company] = await stack.subgraphs.CITY.db.getRepository(LegalPersonRow).find({ where: { divisionCode: Like('1501%') }, order: { uscc: 'ASC' }, take: 1 });
    const input = { resourceId: companies.id, recordKey: company.uscc, item: 'name', issue: 'ERROR', statement: '企业已更名' };
    expect(onlyError(await report('City', input)).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.contact' });
    expect(onlyError(await report('City', { ...input, item: 'legal_representative_id', contact: '0471-1234567' })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.item' });
    const filed = value(await report('City', { ...input, contact: '0471-1234567' }));
    expect(filed).toMatchObject({ state: 'UNDER_VERIFICATION', reporter: 'PUBLIC' });

    const provider = await stack.token(companies.provider);
    const answered = value(await answer('City', filed.id, 'CORRECT', '已核实，按营业执照更正', '呼和浩特演示更名有限公司', provider));
    expect(answered).toMatchObject({ state: 'CORRECTED', correctedValue: '呼和浩特演示更名有限公司', verification: null });
    const followed = await stack.query(`query($id: ID!) { platform(level: CITY) { qualityReport(id: $id) { state answer contact } } }`, { id: filed.id });
    expect(followed.body.data.platform.qualityReport).toEqual({ state: 'CORRECTED', answer: '已核实，按营业执照更正', contact: null });
    expect(errorAt(followed, ['platform', 'qualityReport', 'contact'])?.extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect((await stack.subgraphs.CITY.db.getRepository(LegalPersonRow).findOneByOrFail({ uscc: company.uscc })).name).toBe('呼和浩特演示更名有限公司');
  });
});

describe("Anhui's limit: 7 working days, extended once by 7 (002 art. 26)", () => {
  // Setup: the operator assigns Anhui's measures to Xincheng (as a jurisdiction following them would be).
  beforeAll(() => assignProfile('150102', 'ANHUI_2021'));
  afterAll(() => assignProfile('150102', 'INNER_MONGOLIA_2024'));

  it('is due in 7 working days, 14 once extended, once only; overdue reports are on the authority\'s supervision list until answered', async () => {
    const roll = await resourceOf('COUNTY', '150102-DB-0001');
    const [row] = await stack.subgraphs.COUNTY.db.getRepository(AssistanceRow).find({ where: { divisionCode: '150102' }, order: { idNumber: 'ASC' }, take: 1 });
    const filed = value(await report('County', { resourceId: roll.id, recordKey: row.idNumber, item: 'household_size', issue: 'ERROR', statement: '家庭人口数未计入新生儿', suggestedValue: String((row.householdSize ?? 1) + 1) }, await stack.token(demoAgency('150102', Sector.HEALTH))));
    expect(filed.verification).toEqual({ kind: 'QUALITY_VERIFICATION', workingDays: 7, citation: '002 art. 26', dueDay: '2026-12-09', overdue: false });

    const department = await stack.token(roll.provider, 'SOURCE_REVIEWER');
    expect(onlyError(await extend('County', filed.id, '需入户核实', await stack.token(roll.provider))).extensions).toMatchObject({ code: 'FORBIDDEN' });
    const extended = value(await extend('County', filed.id, '需入户核实', department));
    expect(extended.verification).toEqual({ kind: 'QUALITY_VERIFICATION_EXTENDED', workingDays: 14, citation: '002 art. 26 (7, extended once by 7)', dueDay: '2026-12-18', overdue: false });
    expect(onlyError(await extend('County', filed.id, '再次延期', department)).extensions).toMatchObject({ code: 'CONFLICT' });

    const supervision = async () => {
      const response = await stack.query('{ platform(level: COUNTY) { qualityReports(overdue: true) { nodes { id } } } }', {}, await stack.token(demoAuthority('150102'), 'AUTHORITY_REVIEWER'));
      return response.body.data.platform.qualityReports.nodes.map((n: any) => n.id);
    };
    expect(await supervision()).not.toContain(filed.id);
    stack.clock.set(new Date('2026-12-21T02:00:00Z'));
    expect(await supervision()).toContain(filed.id);

    expect(onlyError(await answer('County', filed.id, 'CORRECT', '已入户核实', '四口', department)).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'correctedValue' });
    value(await answer('County', filed.id, 'CORRECT', '已入户核实', '4', department));
    expect((await stack.subgraphs.COUNTY.db.getRepository(AssistanceRow).findOneByOrFail({ idNumber: row.idNumber })).householdSize).toBe(4);
    expect(await supervision()).not.toContain(filed.id);
  });
});

describe('answers', () => {
  it('a rejection states its reasons, lifts the mark, and changes no value', async () => {
    const persons = await resourceOf('REGION', '150000-RK-0001');
    const [person] = await stack.subgraphs.REGION.db.getRepository(PersonRow).find({ order: { idNumber: 'ASC' }, skip: 5, take: 1 });
    const reporter = await stack.token(demoAgency('150100', Sector.CIVIL_AFFAIRS));
    const filed = value(await report('Region', { resourceId: persons.id, recordKey: person.idNumber, item: 'gender', issue: 'ERROR', statement: '性别有误' }, reporter));
    const provider = await stack.token(persons.provider);
    expect(onlyError(await answer('Region', filed.id, 'REJECT', ' ', null, provider)).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    expect(onlyError(await answer('Region', filed.id, 'REJECT', '与户籍档案一致', null, reporter)).extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect(value(await answer('Region', filed.id, 'REJECT', '与户籍档案一致', null, provider))).toMatchObject({ state: 'REJECTED', answer: '与户籍档案一致', verification: null });
    expect(onlyError(await answer('Region', filed.id, 'CORRECT', '再改', '女', provider)).extensions).toMatchObject({ code: 'CONFLICT' });
    expect((await stack.subgraphs.REGION.db.getRepository(PersonRow).findOneByOrFail({ idNumber: person.idNumber })).gender).toBe(person.gender);
  });

  it('a correction at the source reaches the reflowed copy at the next incremental run', async () => {
    const persons = await resourceOf('REGION', '150000-RK-0001');
    const subscription = await subscribe(stack, 'REGION', await stack.token(HOHHOT_AUTHORITY, 'AUTHORITY_REVIEWER'), await stack.token(REGION_AUTHORITY, 'AUTHORITY_REVIEWER'), { resourceId: persons.id, items: PERSON_ITEMS, scopeDivisionCode: '150100' });
    expect(await runAt(stack, 'CITY', subscription)).toMatchObject({ state: 'SUCCEEDED' });
    const [copy] = await stack.subgraphs.CITY.db.getRepository(PersonRow).find({ where: { originSubscription: subscription }, order: { idNumber: 'ASC' }, skip: 1, take: 1 });

    // The copy is corrected at its source: a report on it here is sent there.
    const cityPersons = await resourceOf('CITY', '150100-RK-0001');
    const reporter = await stack.token(demoAgency('150100', Sector.HEALTH));
    expect(onlyError(await report('City', { resourceId: cityPersons.id, recordKey: copy.idNumber, item: 'name', issue: 'ERROR', statement: '姓名有误' }, reporter)).message).toMatch(/reflowed from the region platform: report it there/);

    const filed = value(await report('Region', { resourceId: persons.id, recordKey: copy.idNumber, item: 'name', issue: 'ERROR', statement: '姓名有误', suggestedValue: '更正后的姓名' }, reporter));
    value(await answer('Region', filed.id, 'CORRECT', '已按户籍档案更正', '更正后的姓名', await stack.token(persons.provider)));
    expect(await runAt(stack, 'CITY', subscription)).toMatchObject({ state: 'SUCCEEDED', rowsWritten: 1 });
    expect((await stack.subgraphs.CITY.db.getRepository(PersonRow).findOneByOrFail({ idNumber: copy.idNumber })).name).toBe('更正后的姓名');
  });
});
