import { Sector } from '../../subgraphs/modules/agency/demo-agencies';
import { dataOf, errorOf, resourceIds } from '../sharing/sharing-fixtures';
import { startTestStack, TestStack } from '../support/stack';
import { filed, parties, upwardApi } from './upward-fixtures';

// The requester may withdraw while nothing has been decided; every level the application reached is
// told, and a decision anywhere on the way makes it too late (CONFLICT).
let stack: TestStack;
let persons: Record<string, string>;
let tokens: ReturnType<typeof parties>;

const county = () => upwardApi(stack, 'COUNTY');
const city = () => upwardApi(stack, 'CITY');
const region = () => upwardApi(stack, 'REGION');

beforeAll(async () => {
  stack = await startTestStack();
  tokens = parties(stack);
  persons = await resourceIds(stack, await tokens.agency('150102', Sector.CIVIL_AFFAIRS), '人口基础信息');
});
afterAll(() => stack?.stop());

/** A county agency's application for `code`, passed up through the county and city authorities. */
async function forwardedTwice(sector: Sector, code: string): Promise<{ id: string; requester: string }> {
  const requester = await tokens.agency('150102', sector);
  const id = await filed(stack, 'COUNTY', requester, persons[code]);
  dataOf(await county().review(await tokens.authority('150102'), id, 'FORWARD'));
  dataOf(await city().review(await tokens.authority('150100'), id, 'FORWARD'));
  return { id, requester };
}

describe('withdrawal by the requester', () => {
  it('while waiting at the region: the region step is withdrawn, the steps before it stay as taken, and the region can no longer act', async () => {
    const { id, requester } = await forwardedTwice(Sector.CIVIL_AFFAIRS, '150000-RK-0001');
    expect(errorOf(await county().withdraw(await tokens.agency('150102', Sector.HEALTH), id)).code).toBe('FORBIDDEN');
    // A write goes to the level that holds the object: the city names the one to use.
    expect(errorOf(await city().withdraw(requester, id))).toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringContaining('use withdrawCountyUpwardApplication'), extensions: { field: 'id' } });

    const withdrawn = dataOf(await county().withdraw(requester, id));
    expect(withdrawn).toMatchObject({ withdrawnAt: expect.any(String), countyStep: { state: 'FORWARDED' }, cityStep: { state: 'FORWARDED' }, regionStep: { state: 'WITHDRAWN', deadline: null } });
    expect(dataOf(await region().application(requester, id)).withdrawnAt).toEqual(withdrawn.withdrawnAt);
    expect(errorOf(await region().review(await tokens.authority('150000'), id, 'ROUTE')).code).toBe('CONFLICT');
    expect(errorOf(await county().withdraw(requester, id)).code).toBe('CONFLICT');
  });

  it("once routed: the holder's share application is withdrawn too, and the department can no longer decide", async () => {
    const { id, requester } = await forwardedTwice(Sector.MARKET_SUPERVISION, '150000-RK-0001');
    dataOf(await region().review(await tokens.authority('150000'), id, 'ROUTE'));
    const withdrawn = dataOf(await county().withdraw(requester, id));
    expect([withdrawn.regionStep.state, withdrawn.regionHolderStep.state]).toEqual(['ROUTED', 'WITHDRAWN']);
    expect(errorOf(await region().decide(await tokens.personSourceReviewer('150000'), id, { decision: 'APPROVE' })).code).toBe('CONFLICT');
  });

  it('after the holder approved → CONFLICT, and no level marks it withdrawn', async () => {
    const { id, requester } = await forwardedTwice(Sector.HEALTH, '150000-RK-0001');
    dataOf(await region().review(await tokens.authority('150000'), id, 'ROUTE'));
    dataOf(await region().decide(await tokens.personSourceReviewer('150000'), id, { decision: 'APPROVE' }));
    expect(errorOf(await county().withdraw(requester, id)).code).toBe('CONFLICT');
    for (const level of [county(), city(), region()]) expect(dataOf(await level.application(requester, id)).withdrawnAt).toBeNull();
  });

  it('after the region refused a cross-city request → CONFLICT, and the city that forwarded it keeps it unwithdrawn', async () => {
    const { id, requester } = await forwardedTwice(Sector.NATURAL_RESOURCES, '150700-RK-0001');
    dataOf(await region().review(await tokens.authority('150000'), id, 'REFUSE', { reason: '呼伦贝尔市数据请向呼伦贝尔市申请', legalBasis: '《内蒙古自治区公共数据管理暂行办法》第二十五条' }));
    expect(errorOf(await county().withdraw(requester, id))).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('refused') });
    expect(dataOf(await city().application(requester, id))).toMatchObject({ withdrawnAt: null, cityStep: { state: 'FORWARDED' } });
  });
});
