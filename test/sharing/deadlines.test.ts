import { Level } from '../../subgraphs/kernel/levels';
import { DemoAgency, demoAgency, Sector } from '../../subgraphs/modules/agency/demo-agencies';
import { ShareApplication } from '../../subgraphs/modules/sharing/application.entity';
import { startTestStack, TestStack } from '../support/stack';
import { dataOf, resourceIds, sharingApi } from './sharing-fixtures';
import { localId, platformValue } from '../support/api';

// 004 art. 23: reply within 5 working days, deliver within 5 of approval, remind before the deadline;
// Hulunbuir's own measures give its source departments 10 working days to reply (001 art. 24).
// Working days follow the 2026 arrangement: National Day 1-7 October off, Saturday 10 October worked.
let stack: TestStack;
let resources: Record<string, string>;

/** Tuesday 29 September 2026, 10:00 in Beijing: two days before the National Day holidays. */
const BEFORE_NATIONAL_DAY = new Date('2026-09-29T02:00:00Z');

/** Monday 2 November 2026, 10:00 in Beijing: after the applications below fell due. */
const TODAY = new Date('2026-11-02T02:00:00Z');

beforeAll(async () => {
  stack = await startTestStack();
  stack.clock.set(TODAY);
  const token = await stack.token(demoAgency('150000', Sector.HEALTH));
  resources = { ...(await resourceIds(stack, token, '人口基础信息')), ...(await resourceIds(stack, token, '最低生活保障')) };
});
afterAll(() => stack?.stop());

/** Test SETUP: an application made through the API, then moved back to a fixed submission time. */
async function submittedAt(level: Level, code: string, applicant: DemoAgency, at: Date): Promise<string> {
  const items = code.includes('-DB-') ? ['household_size'] : ['phone'];
  const { id } = dataOf(await sharingApi(stack, level).apply(await stack.token(applicant), { resourceId: resources[code], items, shareMode: 'FILE' }));
  await stack.subgraphs[level].db.getRepository(ShareApplication).update({ id: localId(id) }, { submittedAt: at });
  return id;
}

const reviewerOf = (jurisdiction: string) => stack.token(demoAgency(jurisdiction, Sector.PUBLIC_SECURITY), 'SOURCE_REVIEWER');

describe('reply deadlines follow the policy profile of the resource\'s jurisdiction', () => {
  // From Tuesday 29 September: 30 September, 8, 9, 10 (adjusted Saturday), 12 October are the first five
  // working days; 13, 14, 15, 16, 19 October the next five.
  it.each([
    ['the region', 5, '2026-10-12', 'REGION', '150000-RK-0001', 'INNER_MONGOLIA_2024', '004 art. 23'],
    ['Hohhot', 5, '2026-10-12', 'CITY', '150100-RK-0001', 'INNER_MONGOLIA_2024', '004 art. 23'],
    ['Hulunbuir', 10, '2026-10-19', 'CITY', '150700-RK-0001', 'HULUNBUIR_2022_DRAFT', '001 art. 24'],
  ] as const)('%s: the reply is due %i working days later, on %s, across the National Day holidays (004 art. 23, 001 art. 24)', async (_, workingDays, dueDay, level, code, profile, citation) => {
    const id = await submittedAt(level, code, demoAgency('150102', Sector.HEALTH), BEFORE_NATIONAL_DAY);
    const application = dataOf(await sharingApi(stack, level).application(await reviewerOf(code.slice(0, 6)), id));
    expect(application.replyDeadline).toEqual({
      kind: 'SHARE_REPLY',
      profile,
      citation,
      workingDays,
      startedAt: BEFORE_NATIONAL_DAY.toISOString(),
      dueDay,
      overdue: true,
      remainingWorkingDays: 0,
    });
    expect(application.progress[1]).toMatchObject({ step: 'DECIDED', done: false, dueDay });
  });

  it('a reply after the due day shows in the progress as late', async () => {
    const id = await submittedAt('CITY', '150700-RK-0001', demoAgency('150102', Sector.CIVIL_AFFAIRS), BEFORE_NATIONAL_DAY);
    const decided = dataOf(await sharingApi(stack, 'CITY').decide(await reviewerOf('150700'), id, { decision: 'APPROVE' }));
    expect(decided.progress[1]).toMatchObject({ step: 'DECIDED', done: true, dueDay: '2026-10-19', onTime: false });
  });

  it("delivery is due 5 working days after approval, even for Hulunbuir's data (its measures set no delivery limit)", async () => {
    const id = await submittedAt('CITY', '150700-RK-0001', demoAgency('150102', Sector.MARKET_SUPERVISION), BEFORE_NATIONAL_DAY);
    dataOf(await sharingApi(stack, 'CITY').decide(await reviewerOf('150700'), id, { decision: 'APPROVE' }));
    // Approved on Wednesday 30 September: 8, 9, 10 (adjusted Saturday), 12, 13 October.
    await stack.subgraphs.CITY.db.getRepository(ShareApplication).update({ id: localId(id) }, { decidedAt: new Date('2026-09-30T02:00:00Z') });
    const application = dataOf(await sharingApi(stack, 'CITY').application(await reviewerOf('150700'), id));
    expect(application.deliveryDeadline).toEqual({
      kind: 'SHARE_DELIVERY',
      profile: 'INNER_MONGOLIA_2024',
      citation: '004 art. 23',
      workingDays: 5,
      startedAt: '2026-09-30T02:00:00.000Z',
      dueDay: '2026-10-13',
    });
    expect(application.progress[2]).toMatchObject({ step: 'DELIVERED', done: false, dueDay: '2026-10-13' });
  });
});

describe('the reminder list (004 art. 23: the platform reminds before the deadline)', () => {
  // On the county platform: applications for Xincheng District's assistance roll, whose source
  // department is the district's civil affairs bureau, submitted in an order unlike their urgency.
  const county = () => sharingApi(stack, 'COUNTY');
  const applicant = (sector: Sector) => demoAgency('150121', sector);
  let ids: { overdueLater: string; overdueFirst: string; current: string };
  let reviewer: string;

  beforeAll(async () => {
    const overdueLater = await submittedAt('COUNTY', '150102-DB-0001', applicant(Sector.HEALTH), new Date('2026-10-09T02:00:00Z'));
    const current = await submittedAt('COUNTY', '150102-DB-0001', applicant(Sector.PUBLIC_SECURITY), TODAY);
    const overdueFirst = await submittedAt('COUNTY', '150102-DB-0001', applicant(Sector.MARKET_SUPERVISION), BEFORE_NATIONAL_DAY);
    const refused = await submittedAt('COUNTY', '150102-DB-0001', applicant(Sector.NATURAL_RESOURCES), BEFORE_NATIONAL_DAY);
    await submittedAt('COUNTY', '150702-DB-0001', applicant(Sector.HEALTH), BEFORE_NATIONAL_DAY);
    reviewer = await stack.token(demoAgency('150102', Sector.CIVIL_AFFAIRS), 'SOURCE_REVIEWER');
    dataOf(await county().decide(reviewer, refused, { decision: 'REFUSE', reason: '不属于申请单位法定职责', legalBasis: '《社会救助暂行办法》第十一条' }));
    ids = { overdueLater, overdueFirst, current };
  });

  it('lists only overdue applications for 0 working days, most overdue first', async () => {
    const due = platformValue(await county().due(reviewer, 0));
    expect(due.map((a: any) => a.id)).toEqual([ids.overdueFirst, ids.overdueLater]);
    // Submitted Friday 9 October: Saturday 10 (worked), 12, 13, 14, 15 October.
    expect(due.map((a: any) => a.replyDeadline.dueDay)).toEqual(['2026-10-12', '2026-10-15']);
  });

  it("adds applications due within the window, leaving out decided ones and other departments'", async () => {
    const due = platformValue(await county().due(reviewer, 30));
    expect(due.map((a: any) => a.id)).toEqual([ids.overdueFirst, ids.overdueLater, ids.current]);
    expect(due[2].replyDeadline).toMatchObject({ overdue: false });
  });

  it('is for source reviewers only', async () => {
    const response = await county().due(await stack.token(demoAgency('150102', Sector.CIVIL_AFFAIRS)), 30);
    expect(response.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
