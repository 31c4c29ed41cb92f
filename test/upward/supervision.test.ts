import { Sector } from '../../subgraphs/modules/agency/demo-agencies';
import { ShareApplication } from '../../subgraphs/modules/sharing/application.entity';
import { UpwardApplicationRow } from '../../subgraphs/modules/upward/application.entity';
import { dataOf, errorOf, resourceIds } from '../sharing/sharing-fixtures';
import { startTestStack, TestStack } from '../support/stack';
import { localId, nodesOf } from '../support/api';
import { filed, parties, upwardApi } from './upward-fixtures';

// Deadlines and supervision (督办) of upward applications: each step's limit counts working days of
// its jurisdiction's policy profile (004 art. 25 with the limit of art. 23), overdue steps head each
// authority's list (004 art. 49 names overdue reviews), and the chain query costs the same SQL for
// 1 application as for 20.
let stack: TestStack;
let regionPersons: string;
let tokens: ReturnType<typeof parties>;

/** Tuesday 29 September 2026, 10:00 in Beijing: 30 Sept, 8, 9, 10 (adjusted Saturday) and 12 October are the next five working days. */
const BEFORE_NATIONAL_DAY = new Date('2026-09-29T02:00:00Z');
const DUE_AFTER_NATIONAL_DAY = '2026-10-12';

const county = () => upwardApi(stack, 'COUNTY');
const city = () => upwardApi(stack, 'CITY');
const region = () => upwardApi(stack, 'REGION');
const idsOf = (list: { id: string }[]) => list.map((application) => application.id);

/** Tuesday 20 October 2026, 10:00 in Beijing: after the holidays, the day the "fresh" applications are filed. */
const TODAY = new Date('2026-10-20T02:00:00Z');

beforeAll(async () => {
  stack = await startTestStack();
  stack.clock.set(TODAY);
  tokens = parties(stack);
  regionPersons = (await resourceIds(stack, await tokens.agency('150102', Sector.CIVIL_AFFAIRS), '人口基础信息'))['150000-RK-0001'];
});
afterAll(() => stack?.stop());

describe('deadlines across the 2026 National Day holidays (004 art. 23, 25; 000 art. 23)', () => {
  let old: string;
  let fresh: string;

  it('a county step received before the holidays is due on 12 October and overdue, and heads the county authority\'s list', async () => {
    old = await filed(stack, 'COUNTY', await tokens.agency('150102', Sector.CIVIL_AFFAIRS), regionPersons);
    fresh = await filed(stack, 'COUNTY', await tokens.agency('150102', Sector.HEALTH), regionPersons);
    await stack.subgraphs.COUNTY.db.getRepository(UpwardApplicationRow).update({ id: localId(old) }, { stepReceivedAt: BEFORE_NATIONAL_DAY });
    const countyAuthority = await tokens.authority('150102');

    expect(dataOf(await county().application(countyAuthority, old)).countyStep).toMatchObject({
      state: 'WAITING', dueDay: DUE_AFTER_NATIONAL_DAY, overdue: true,
      deadline: { kind: 'UPWARD_STEP', workingDays: 5, dueDay: DUE_AFTER_NATIONAL_DAY, overdue: true, remainingWorkingDays: 0 },
    });
    expect(idsOf(dataOf(await county().waiting(countyAuthority, 0)))).toEqual([old]);
    expect(idsOf(dataOf(await county().waiting(countyAuthority, 5)))).toEqual([old, fresh]);
    expect(idsOf(dataOf(await county().waiting(countyAuthority)))).toEqual([old, fresh]);
    expect(dataOf(await county().waiting(await tokens.authority('150121')))).toEqual([]);
    expect(errorOf(await county().waiting(await tokens.agency('150102', Sector.CIVIL_AFFAIRS))).code).toBe('FORBIDDEN');

    const forwarded = dataOf(await county().review(countyAuthority, old, 'FORWARD'));
    expect(forwarded.countyStep).toMatchObject({ state: 'FORWARDED', dueDay: DUE_AFTER_NATIONAL_DAY, deadline: null, overdue: true });
    expect(forwarded.cityStep).toMatchObject({ state: 'WAITING', overdue: false });
  });

  it("a holder step received before the holidays is overdue on the data source department's list, not on the region authority's", async () => {
    dataOf(await city().review(await tokens.authority('150100'), old, 'FORWARD'));
    dataOf(await region().review(await tokens.authority('150000'), old, 'ROUTE'));
    await stack.subgraphs.REGION.db.getRepository(ShareApplication).update({ id: localId(old) }, { submittedAt: BEFORE_NATIONAL_DAY });

    const holderList = dataOf(await region().waiting(await tokens.personSourceReviewer('150000'), 0));
    expect(idsOf(holderList)).toEqual([old]);
    expect(holderList[0].regionHolderStep).toMatchObject({ state: 'WAITING', dueDay: DUE_AFTER_NATIONAL_DAY, overdue: true, deadline: { kind: 'SHARE_REPLY', remainingWorkingDays: 0 } });
    expect(dataOf(await region().waiting(await tokens.authority('150000')))).toEqual([]);
  });
});

describe('the chain query', () => {
  it('runs the same SQL statements at every level for 1 application as for 20, with every step (N+1 free)', async () => {
    const requester = await tokens.agency('150121', Sector.CIVIL_AFFAIRS);
    const [countyAuthority, cityAuthority] = [await tokens.authority('150121'), await tokens.authority('150100')];
    for (let i = 0; i < 20; i += 1) {
      const id = await filed(stack, 'COUNTY', requester, regionPersons, ['marital_status']);
      dataOf(await county().review(countyAuthority, id, 'FORWARD'));
      dataOf(await city().review(cityAuthority, id, 'FORWARD'));
    }
    // Filing times tie within a second on MySQL: route the application the list shows first (newest, then by id).
    const [listedFirst] = nodesOf(await county().applications(requester, 1));
    dataOf(await region().review(await tokens.authority('150000'), listedFirst.id, 'ROUTE'));
    // Measured after an unmeasured run, as the other statement counts are: the registry entry read once
    // after a change to the policy tables is kept, not per-request work.
    const statementsFor = async (first: number) => {
      await county().applications(requester, first);
      stack.resetStatements();
      const list = nodesOf(await county().applications(requester, first));
      expect(list).toHaveLength(first);
      expect(list.every((application: any) => application.countyStep && application.cityStep && application.regionStep)).toBe(true);
      expect(list[0].regionHolderStep).toMatchObject({ state: 'WAITING' });
      return { REGION: stack.statements('REGION'), CITY: stack.statements('CITY'), COUNTY: stack.statements('COUNTY') };
    };
    const one = await statementsFor(1);
    expect(Math.min(one.REGION, one.CITY, one.COUNTY)).toBeGreaterThan(0);
    expect(await statementsFor(20)).toEqual(one);
  });
});
