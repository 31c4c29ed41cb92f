import { demoAgency, demoAuthority, Sector } from '../../subgraphs/modules/agency/demo-agencies';
import { PersonRow } from '../../subgraphs/modules/records/record.entities';
import { dataOf, errorOf, resourceIds } from '../sharing/sharing-fixtures';
import { errorAt } from '../support/responses';
import { GraphQLResponse, startTestStack, TestStack } from '../support/stack';
import { localId, nodesOf, onPlatform } from '../support/api';
import { Level } from '../../subgraphs/kernel/levels';
import { CONDITIONAL_PERSON_ITEMS, filed, parties, upwardApi } from './upward-fixtures';

// Issue 6 through :4000: a county agency's upward application for data the region holds travels
// county → city → region → the region's data source department (004 art. 25, 000 art. 23); every
// authority acts with its own token on its own platform, and the holder's approval opens exactly the
// approved items (least authorisation, 004 art. 23).
let stack: TestStack;
let regionPersons: string;
let person: PersonRow;
let tokens: ReturnType<typeof parties>;
let approvedId: string;

const county = () => upwardApi(stack, 'COUNTY');
const city = () => upwardApi(stack, 'CITY');
const region = () => upwardApi(stack, 'REGION');

const READ = (id: string) => `{ platform(level: REGION) { ... on PersonRegister { person(idNumber: "${id}", purpose: "城乡低保家庭经济状况核对") { name householdAddress maritalStatus phone } } } }`;
const denialOf = (response: GraphQLResponse, field: string) => errorAt(response, ['platform', 'person', field])?.extensions;

beforeAll(async () => {
  stack = await startTestStack();
  tokens = parties(stack);
  const anyone = await tokens.agency('150102', Sector.CIVIL_AFFAIRS);
  regionPersons = (await resourceIds(stack, anyone, '人口基础信息'))['150000-RK-0001'];
  person = await stack.subgraphs.REGION.db.getRepository(PersonRow).findOneOrFail({ where: { divisionCode: '150102' }, order: { idNumber: 'ASC' } });
});
afterAll(() => stack?.stop());

/** Files at the county and passes the application up to the region's data source department. */
async function routedToRegionHolder(requester: string): Promise<string> {
  const id = await filed(stack, 'COUNTY', requester, regionPersons);
  dataOf(await county().review(await tokens.authority('150102'), id, 'FORWARD'));
  dataOf(await city().review(await tokens.authority('150100'), id, 'FORWARD'));
  dataOf(await region().review(await tokens.authority('150000'), id, 'ROUTE'));
  return id;
}

describe('county → city → region → the region holder (004 art. 25, 000 art. 23)', () => {
  it('shows every step with its due day in one query, and after approval the county agency reads exactly the approved items (004 art. 23, 25; 000 art. 23)', async () => {
    const requester = await tokens.agency('150102', Sector.CIVIL_AFFAIRS);
    const read = () => stack.query(READ(person.idNumber), {}, requester);
    expect(denialOf(await read(), 'householdAddress')).toMatchObject({ code: 'SHARE_DENIED', reason: 'NO_GRANT' });

    const application = dataOf(await county().file(requester, { resourceId: regionPersons, items: CONDITIONAL_PERSON_ITEMS }));
    approvedId = application.id;
    expect(application).toMatchObject({
      requesterUscc: demoAgency('150102', Sector.CIVIL_AFFAIRS).uscc, requesterLevel: 'COUNTY', requesterJurisdiction: '150102',
      resourceCode: '150000-RK-0001', resourceLevel: 'REGION', sourceDepartmentUscc: demoAgency('150000', Sector.PUBLIC_SECURITY).uscc,
      items: CONDITIONAL_PERSON_ITEMS, withdrawnAt: null,
      countyStep: { kind: 'AUTHORITY', level: 'COUNTY', jurisdictionCode: '150102', state: 'WAITING', actor: null, overdue: false,
        deadline: { kind: 'UPWARD_STEP', profile: 'INNER_MONGOLIA_2024', citation: '004 art. 25 (limit of art. 23)', workingDays: 5, overdue: false } },
      cityStep: null, regionStep: null, regionHolderStep: null, cityHolderStep: null,
    });

    const atCity = dataOf(await county().review(await tokens.authority('150102'), approvedId, 'FORWARD'));
    expect(atCity.countyStep).toMatchObject({ state: 'FORWARDED', actor: { agencyUscc: demoAuthority('150102').uscc }, deadline: null });
    expect(atCity.cityStep).toMatchObject({ level: 'CITY', jurisdictionCode: '150100', state: 'WAITING', deadline: { kind: 'UPWARD_STEP' } });
    const atRegion = dataOf(await city().review(await tokens.authority('150100'), approvedId, 'FORWARD'));
    expect(atRegion.regionStep).toMatchObject({ level: 'REGION', jurisdictionCode: '150000', state: 'WAITING' });
    const routed = dataOf(await region().review(await tokens.authority('150000'), approvedId, 'ROUTE'));
    expect(routed.regionHolderStep).toMatchObject({
      kind: 'HOLDER', level: 'REGION', jurisdictionCode: '150000', state: 'WAITING',
      deadline: { kind: 'SHARE_REPLY', profile: 'INNER_MONGOLIA_2024', citation: '004 art. 23', workingDays: 5 },
    });
    expect(denialOf(await read(), 'householdAddress')).toMatchObject({ code: 'SHARE_DENIED', reason: 'GRANT_PENDING' });

    const chain = dataOf(await county().application(requester, approvedId));
    expect([chain.countyStep, chain.cityStep, chain.regionStep, chain.regionHolderStep].map((step) => [step.state, typeof step.dueDay])).toEqual([
      ['FORWARDED', 'string'], ['FORWARDED', 'string'], ['ROUTED', 'string'], ['WAITING', 'string'],
    ]);

    const decided = dataOf(await region().decide(await tokens.personSourceReviewer('150000'), approvedId, {
      decision: 'APPROVE', approvedItems: ['household_address', 'marital_status'], reason: '联系电话超出核对业务的最小必要范围', legalBasis: '《中华人民共和国个人信息保护法》第六条',
    }));
    expect(decided.regionHolderStep).toMatchObject({
      state: 'APPROVED', approvedItems: ['household_address', 'marital_status'], actor: { agencyUscc: demoAgency('150000', Sector.PUBLIC_SECURITY).uscc },
      deadline: null, overdue: false, grantId: expect.any(String),
    });

    const after = await read();
    expect(after.body.data.platform.person).toEqual({ name: person.name, householdAddress: person.householdAddress, maritalStatus: person.maritalStatus, phone: null });
    expect(denialOf(after, 'phone')).toMatchObject({ code: 'SHARE_DENIED', reason: 'OUTSIDE_GRANTED_ITEMS' });
  });

  it("records every step in the trail of the level where it was taken, like a data access (004 art. 44)", async () => {
    const trail = async (level: Level, jurisdiction: string, action: string) => {
      const response = await stack.query(onPlatform(level, 'auditTrail(filter: { action: $a }) { nodes { agencyUscc action resourceId items effect grantId purpose recordKeys } }', '$a: String!'),
        { a: action }, await tokens.authority(jurisdiction));
      return nodesOf(response).filter((record) => record.recordKeys.includes(localId(approvedId)));
    };
    const requester = demoAgency('150102', Sector.CIVIL_AFFAIRS).uscc;
    expect(await trail('COUNTY', '150102', 'UPWARD_FILE')).toEqual([expect.objectContaining({ agencyUscc: requester, resourceId: localId(regionPersons), items: CONDITIONAL_PERSON_ITEMS, effect: 'DONE', purpose: '核实低保申请人户籍与婚姻状况' })]);
    expect(await trail('COUNTY', '150102', 'UPWARD_FORWARD')).toEqual([expect.objectContaining({ agencyUscc: demoAuthority('150102').uscc, effect: 'DONE' })]);
    expect(await trail('CITY', '150100', 'UPWARD_FORWARD')).toEqual([expect.objectContaining({ agencyUscc: demoAuthority('150100').uscc })]);
    expect(await trail('REGION', '150000', 'UPWARD_ROUTE')).toEqual([expect.objectContaining({ agencyUscc: demoAuthority('150000').uscc })]);
    expect(await trail('REGION', '150000', 'UPWARD_APPROVE')).toEqual([
      expect.objectContaining({ agencyUscc: demoAgency('150000', Sector.PUBLIC_SECURITY).uscc, items: ['household_address', 'marital_status'], grantId: expect.any(String) }),
    ]);
  });
});

describe('refusals reach the requester with reasons and legal basis (004 art. 23)', () => {
  it('the county authority refuses: no legal basis → BAD_USER_INPUT; with it, the requester sees both and the application goes no further', async () => {
    const requester = await tokens.agency('150102', Sector.HEALTH);
    const id = await filed(stack, 'COUNTY', requester, regionPersons);
    const countyAuthority = await tokens.authority('150102');
    expect(errorOf(await county().review(countyAuthority, id, 'REFUSE', { reason: '申请用途与本部门职责无关' }))).toMatchObject({ code: 'BAD_USER_INPUT', extensions: { field: 'legalBasis' } });
    dataOf(await county().review(countyAuthority, id, 'REFUSE', { reason: '申请用途与本部门职责无关', legalBasis: '《内蒙古自治区公共数据管理暂行办法》第二十条' }));

    const chain = dataOf(await county().application(requester, id));
    expect(chain.countyStep).toMatchObject({ state: 'REFUSED', reason: '申请用途与本部门职责无关', legalBasis: '《内蒙古自治区公共数据管理暂行办法》第二十条', deadline: null });
    expect(chain.cityStep).toBeNull();
    expect(errorOf(await city().review(await tokens.authority('150100'), id, 'FORWARD')).code).toBe('CONFLICT');
  });

  it('the region holder refuses: the requester sees the reasons in the holder step and still gets SHARE_DENIED', async () => {
    const requester = await tokens.agency('150102', Sector.MARKET_SUPERVISION);
    const id = await routedToRegionHolder(requester);
    dataOf(await region().decide(await tokens.personSourceReviewer('150000'), id, { decision: 'REFUSE', reason: '市场监管业务不需要户籍与婚姻信息', legalBasis: '《中华人民共和国个人信息保护法》第六条' }));

    const chain = dataOf(await county().application(requester, id));
    expect(chain.regionHolderStep).toMatchObject({ state: 'REFUSED', reason: '市场监管业务不需要户籍与婚姻信息', legalBasis: '《中华人民共和国个人信息保护法》第六条', approvedItems: null, grantId: null });
    expect(chain.regionStep.state).toBe('ROUTED');
    const read = await stack.query(READ(person.idNumber), {}, requester);
    expect(denialOf(read, 'maritalStatus')).toMatchObject({ code: 'SHARE_DENIED' });
  });
});
