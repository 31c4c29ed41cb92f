import { beijingDay } from '../../subgraphs/kernel/calendar';
import { DemandState } from '../../subgraphs/modules/demand/enums';
import { startTestStack, TestStack } from '../support/stack';
import { DEMAND_FIELDS, ENTRY_FIELDS, SOURCE, dataOf, hohhotTokens, insertCityDemand, insertCityResponsibility, onlyError, submitCityDemand } from './demand-fixtures';

let stack: TestStack;
let tokens: Awaited<ReturnType<typeof hohhotTokens>>;

beforeAll(async () => {
  stack = await startTestStack();
  tokens = await hohhotTokens(stack);
});
afterAll(() => stack?.stop());

/** Tuesday 29 September 2026, 10:00 in Beijing: two working days before the National Day break (1-7 October). */
const BEFORE_NATIONAL_DAY = new Date('2026-09-29T02:00:00Z');

const demandById = async (id: string, token = tokens.applicant) => dataOf(await stack.query(`query($id: ID!) { cityDemand(id: $id) { ${DEMAND_FIELDS} } }`, { id }, token)).cityDemand;

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
      calendarUncertain: false,
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
    const entries = dataOf(await stack.query(`{ cityResponsibilityList(agencyUscc: "${SOURCE.uscc}") { ${ENTRY_FIELDS} } }`, {}, tokens.sourceReviewer)).cityResponsibilityList;
    expect(entries.find((e: { demandId: string }) => e.demandId === demand.id)).toMatchObject({ dueDate: '2026-10-14', fulfilled: false, overdue: true });
  });

  it('does not flag a demand submitted now: its reply is due after today with working days left', async () => {
    const demand = await submitCityDemand(stack, tokens.applicant);
    expect(demand.replyDeadline).toMatchObject({ overdue: false });
    expect(demand.replyDeadline.dueDay > beijingDay(new Date())).toBe(true);
    // Five working days after today, plus today when it is a working day itself.
    expect([5, 6]).toContain(demand.replyDeadline.remainingWorkingDays);
  });

  it('takes a due date the source department announces for data that needs processing, but not one that has passed', async () => {
    const demand = await submitCityDemand(stack, tokens.applicant);
    dataOf(await stack.query(`mutation($id: ID!, $s: ID) { reviewCityDemand(id: $id, decision: APPROVE, sourceDepartmentUscc: $s) { id } }`, { id: demand.id, s: SOURCE.uscc }, tokens.authority));
    const confirm = (due: string) =>
      stack.query(`mutation($id: ID!, $due: String) { confirmCityDemand(id: $id, itemName: "婚姻登记状态", dueDate: $due) { ${DEMAND_FIELDS} } }`, { id: demand.id, due }, tokens.sourceReviewer);
    expect(onlyError(await confirm('2026-01-05')).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'dueDate' });
    expect(onlyError(await confirm('2026-02-30')).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'dueDate' });
    const later = `${new Date().getUTCFullYear() + 1}-06-30`;
    const confirmed = dataOf(await confirm(later)).confirmCityDemand;
    expect(confirmed.responsibility).toMatchObject({ dueDate: later, fulfilled: false });
  });
});
