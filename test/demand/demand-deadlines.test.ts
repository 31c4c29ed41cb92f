import { demoAuthority } from '../../subgraphs/modules/agency/demo-agencies';
import { DemandState } from '../../subgraphs/modules/demand/enums';
import { startTestStack, TestStack } from '../support/stack';
import { DEMAND_FIELDS, ENTRY_FIELDS, SOURCE, dataOf, hohhotTokens, insertCityDemand, insertCityResponsibility, onlyError, submitCityDemand } from './demand-fixtures';
import { levelId } from '../support/api';

let stack: TestStack;
let tokens: Awaited<ReturnType<typeof hohhotTokens>>;

/** Monday 2 November 2026, 10:00 in Beijing: the demands dated before National Day are overdue by then. */
const TODAY = new Date('2026-11-02T02:00:00Z');

beforeAll(async () => {
  stack = await startTestStack();
  stack.clock.set(TODAY);
  tokens = await hohhotTokens(stack);
});
afterAll(() => stack?.stop());

/** Tuesday 29 September 2026, 10:00 in Beijing: two working days before the National Day break (1-7 October). */
const BEFORE_NATIONAL_DAY = new Date('2026-09-29T02:00:00Z');

/** A demand read again by its id; one written straight into the database is named by its row's id. */
const demandById = async (id: string, token = tokens.applicant) =>
  dataOf(await stack.query(`query($id: ID!) { node(id: $id) { ... on DemandApplication { ${DEMAND_FIELDS} } } }`, { id: id.includes('-') ? levelId('CITY', 'DemandApplication', id) : id }, token)).node;

describe('demand deadlines count working days under the statutory holiday calendar (004 art. 24)', () => {
  it('gives the reply 5 working days from submission, skipping National Day 2026, and flags it overdue once past', async () => {
    const demand = await insertCityDemand(stack, { submittedAt: BEFORE_NATIONAL_DAY });
    // 30 Sep, then 8, 9, 10 (an adjusted working Saturday) and 12 October; a weekday count would end on 6 October.
    expect((await demandById(demand.id)).replyDeadline).toEqual({
      kind: 'DEMAND_REPLY',
      profile: 'INNER_MONGOLIA_2024',
      citation: '004 art. 24',
      workingDays: 5,
      startedAt: BEFORE_NATIONAL_DAY.toISOString(),
      dueDay: '2026-10-12',
      overdue: true,
      remainingWorkingDays: 0,
      provisional: false,
    });
  });

  it('gives the delivery 7 working days from confirmation and flags it and the responsibility entry overdue once past', async () => {
    const demand = await insertCityDemand(stack, {
      submittedAt: new Date('2026-09-24T02:00:00Z'),
      state: DemandState.CONFIRMED,
      sourceDepartmentUscc: SOURCE.uscc,
      answeredAt: BEFORE_NATIONAL_DAY,
    });
    await insertCityResponsibility(stack, demand, '2026-10-14');
    const read = await demandById(demand.id);
    expect(read.replyDeadline).toBeNull();
    expect(read.deliveryDeadline).toMatchObject({ kind: 'DEMAND_DELIVERY', workingDays: 7, citation: '004 art. 24', dueDay: '2026-10-14', overdue: true, remainingWorkingDays: 0 });
    const entries = dataOf(await stack.query(`{ platform(level: CITY) { responsibilityList(agencyUscc: "${SOURCE.uscc}") { nodes { ${ENTRY_FIELDS} } } } }`, {}, tokens.sourceReviewer)).platform.responsibilityList.nodes;
    expect(entries.find((e: { demand: { id: string } | null }) => e.demand?.id === levelId('CITY', 'DemandApplication', demand.id))).toMatchObject({ dueDate: '2026-10-14', fulfilled: false, overdue: true });
  });

  it('gives a demand submitted on a working day its full 5 working days, counting none of today', async () => {
    stack.clock.set('2026-03-02T02:00:00Z'); // Monday 2 March 2026, 10:00 in Beijing
    try {
      const demand = await submitCityDemand(stack, tokens.applicant);
      expect(demand.replyDeadline).toMatchObject({ dueDay: '2026-03-09', overdue: false, remainingWorkingDays: 5, provisional: false });
    } finally {
      stack.clock.set(TODAY);
    }
  });
});

// 004 art. 24: data a department can share as it is goes out within 7 working days of its answer; for
// data that needs processing it tells when it can be shared, and that day is the deadline.
describe('the delivery deadline a source department announces (004 art. 24)', () => {
  /** Monday 2 March 2026, 10:00 in Beijing: 7 working days later is Wednesday 11 March. */
  const MONDAY = '2026-03-02T02:00:00Z';
  let confirm: (due: string | null, processingReason?: string) => ReturnType<TestStack['query']>;

  beforeEach(async () => {
    stack.clock.set(MONDAY);
    const demand = await submitCityDemand(stack, tokens.applicant);
    dataOf(await stack.query(`mutation($id: ID!, $s: ID) { reviewCityDemand(id: $id, decision: APPROVE, sourceDepartmentUscc: $s) { id } }`, { id: demand.id, s: SOURCE.uscc }, tokens.authority));
    confirm = (due, processingReason) =>
      stack.query(
        `mutation($id: ID!, $due: String, $why: String) { confirmCityDemand(id: $id, itemName: "婚姻登记状态", dueDate: $due, processingReason: $why) { ${DEMAND_FIELDS} } }`,
        { id: demand.id, due, why: processingReason ?? null },
        tokens.sourceReviewer,
      );
  });
  afterEach(() => stack.clock.set(TODAY));

  it('refuses a day that has passed or does not exist', async () => {
    expect(onlyError(await confirm('2026-03-01')).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'dueDate' });
    expect(onlyError(await confirm('2026-02-30')).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'dueDate' });
  });

  it('takes a day within the 7-working-day limit as it is, and the deadline follows it', async () => {
    const confirmed = dataOf(await confirm('2026-03-06')).confirmCityDemand;
    expect(confirmed.responsibility).toMatchObject({ dueDate: '2026-03-06' });
    expect(confirmed.deliveryDeadline).toMatchObject({ dueDay: '2026-03-06', profile: 'ANNOUNCED', remainingWorkingDays: 4, overdue: false });
  });

  it('refuses a day past the limit unless it says what processing the data needs', async () => {
    const refused = onlyError(await confirm('2026-06-30'));
    expect(refused.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'processingReason', rule: '004 art. 24' });
    expect(refused.message).toMatch(/past the 7-working-day limit \(2026-03-11\)/);
    const confirmed = dataOf(await confirm('2026-06-30', '需与民政婚姻登记系统历史数据比对清洗')).confirmCityDemand;
    expect(confirmed.deliveryDeadline).toMatchObject({ dueDay: '2026-06-30', profile: 'ANNOUNCED', citation: expect.stringMatching(/^004 art\. 24/), overdue: false });
  });

  it('refuses a processing reason without the day it leads to', async () => {
    expect(onlyError(await confirm(null, '需加工')).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'dueDate' });
  });
});

describe('a due day counted into a year without an arrangement', () => {
  const ARRANGEMENT_2027 = {
    year: 2027,
    // A make-up day on Monday 4 January, as a notice gives when a holiday falls on a weekend.
    holidays: ['2027-01-01', '2027-01-02', '2027-01-03', '2027-01-04', '2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11'],
    workdays: ['2027-02-14'],
    source: 'test: shaped like a State Council notice, not the official 2027 arrangement',
  };

  it('is provisional, and is counted again when the arrangement is loaded', async () => {
    stack.clock.set('2026-12-24T02:00:00Z'); // Thursday 24 December 2026
    try {
      const demand = await submitCityDemand(stack, tokens.applicant);
      dataOf(await stack.query(`mutation($id: ID!, $s: ID) { reviewCityDemand(id: $id, decision: APPROVE, sourceDepartmentUscc: $s) { id } }`, { id: demand.id, s: SOURCE.uscc }, tokens.authority));
      dataOf(await stack.query(`mutation($id: ID!) { confirmCityDemand(id: $id, itemName: "婚姻登记状态") { id } }`, { id: demand.id }, tokens.sourceReviewer));
      const entryOf = async () =>
        (dataOf(await stack.query(`{ platform(level: CITY) { responsibilityList(agencyUscc: "${SOURCE.uscc}") { nodes { ${ENTRY_FIELDS} } } } }`, {}, tokens.sourceReviewer)).platform.responsibilityList.nodes as any[]).find((e) => e.demand?.id === demand.id);
      // 25, 28, 29, 30, 31 Dec, then 4 and 5 Jan: New Year's Day is a statutory holiday.
      expect(await entryOf()).toMatchObject({ dueDate: '2027-01-05', dueDateAnnounced: false, deadline: { provisional: true } });
      const regionAuthority = await stack.token(demoAuthority('150000'), 'AUTHORITY_REVIEWER');
      dataOf(await stack.query('mutation($a: YearArrangementInput!) { loadRegionWorkingCalendar(arrangement: $a) }', { a: ARRANGEMENT_2027 }, regionAuthority));
      // The loaded notice gives 4 January off as well: 5 and 6 January, no longer provisional.
      expect(await entryOf()).toMatchObject({ dueDate: '2027-01-06', deadline: { provisional: false } });
    } finally {
      stack.clock.set(TODAY);
    }
  });
});
