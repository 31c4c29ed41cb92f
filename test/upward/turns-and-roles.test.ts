import { demoAgency, demoAuthority, Sector } from '../../subgraphs/modules/agency/demo-agencies';
import { dataOf, errorOf, resourceIds } from '../sharing/sharing-fixtures';
import { startTestStack, TestStack } from '../support/stack';
import { localId } from '../support/api';
import { UpwardApplicationRow } from '../../subgraphs/modules/upward/application.entity';
import { filed, parties, upwardApi } from './upward-fixtures';

// Each step is taken by its own authority, on its own level, in its turn (004 art. 25, 000 art. 23):
// the wrong role or jurisdiction is FORBIDDEN, a step not waiting (out of turn, decided) is CONFLICT.
let stack: TestStack;
let persons: Record<string, string>;
let tokens: ReturnType<typeof parties>;

const county = () => upwardApi(stack, 'COUNTY');
const city = () => upwardApi(stack, 'CITY');
const region = () => upwardApi(stack, 'REGION');
const codeOf = (response: Awaited<ReturnType<TestStack['query']>>) => errorOf(response).code;

beforeAll(async () => {
  stack = await startTestStack();
  tokens = parties(stack);
  persons = await resourceIds(stack, await tokens.agency('150102', Sector.CIVIL_AFFAIRS), '人口基础信息');
});
afterAll(() => stack?.stop());

describe('filing (004 art. 21, 25)', () => {
  it('a county agency files on the county platform, not on the city one → FORBIDDEN', async () => {
    const response = await city().file(await tokens.agency('150102', Sector.CIVIL_AFFAIRS), { resourceId: persons['150000-RK-0001'], items: ['phone'] });
    expect(errorOf(response)).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('county platform') });
  });

  it.each([
    ['name', 'UNCONDITIONAL'],
    ['ethnicity', 'NOT_SHARED'],
    ['no_such_item', 'has no item'],
  ])('only CONDITIONAL items are applied for: %s → BAD_USER_INPUT naming it (004 art. 21)', async (item, said) => {
    const response = await county().file(await tokens.agency('150102', Sector.CIVIL_AFFAIRS), { resourceId: persons['150000-RK-0001'], items: ['phone', item] });
    expect(errorOf(response)).toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringContaining(said), extensions: { field: 'input.items[1]', item } });
  });

  it("a county platform's own resource is not asked for upward (004 art. 25)", async () => {
    const rolls = await resourceIds(stack, await tokens.agency('150102', Sector.CIVIL_AFFAIRS), '最低生活保障');
    const response = await county().file(await tokens.agency('150102', Sector.CIVIL_AFFAIRS), { resourceId: rolls['150102-DB-0001'], items: ['household_size'] });
    expect(errorOf(response)).toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringContaining('names a county resource'), extensions: { field: 'input.resourceId' } });
  });
});

describe('acting out of turn, at the wrong level or with the wrong role (004 art. 25)', () => {
  let id: string;
  beforeAll(async () => {
    id = await filed(stack, 'COUNTY', await tokens.agency('150102', Sector.NATURAL_RESOURCES), persons['150000-RK-0001']);
  });

  it('before the county authority has acted, the city and region steps and the holder cannot act → CONFLICT', async () => {
    expect(codeOf(await city().review(await tokens.authority('150100'), id, 'FORWARD'))).toBe('CONFLICT');
    expect(codeOf(await region().review(await tokens.authority('150000'), id, 'ROUTE'))).toBe('CONFLICT');
    expect(codeOf(await region().decide(await tokens.personSourceReviewer('150000'), id, { decision: 'APPROVE' }))).toBe('CONFLICT');
  });

  it('the county step is taken by the authority of 150102 only → FORBIDDEN for the requester, another county and the region', async () => {
    expect(codeOf(await county().review(await tokens.agency('150102', Sector.NATURAL_RESOURCES), id, 'FORWARD'))).toBe('FORBIDDEN');
    expect(codeOf(await county().review(await tokens.authority('150121'), id, 'FORWARD'))).toBe('FORBIDDEN');
    expect(codeOf(await county().review(await tokens.authority('150000'), id, 'FORWARD'))).toBe('FORBIDDEN');
    expect(codeOf(await county().review(await stack.token(demoAuthority('150102'), 'SOURCE_REVIEWER'), id, 'FORWARD'))).toBe('FORBIDDEN');
  });

  it('a step is taken once → CONFLICT; the next level\'s step belongs to that level\'s authority → FORBIDDEN', async () => {
    const countyAuthority = await tokens.authority('150102');
    dataOf(await county().review(countyAuthority, id, 'FORWARD'));
    expect(codeOf(await county().review(countyAuthority, id, 'FORWARD'))).toBe('CONFLICT');
    expect(codeOf(await city().review(countyAuthority, id, 'FORWARD'))).toBe('FORBIDDEN');
    expect(codeOf(await city().review(await tokens.authority('150700'), id, 'FORWARD'))).toBe('FORBIDDEN');
    expect(codeOf(await city().review(await tokens.authority('150100'), id, 'ROUTE'))).toBe('BAD_USER_INPUT');
  });

  it('the holder decides through its data source department only → FORBIDDEN for the region authority and another department', async () => {
    dataOf(await city().review(await tokens.authority('150100'), id, 'FORWARD'));
    dataOf(await region().review(await tokens.authority('150000'), id, 'ROUTE'));
    expect(codeOf(await region().decide(await tokens.authority('150000'), id, { decision: 'APPROVE' }))).toBe('FORBIDDEN');
    expect(codeOf(await region().decide(await stack.token(demoAgency('150000', Sector.HEALTH), 'SOURCE_REVIEWER'), id, { decision: 'APPROVE' }))).toBe('FORBIDDEN');
    expect(codeOf(await city().decide(await tokens.personSourceReviewer('150000'), id, { decision: 'APPROVE' }))).toBe('CONFLICT');
    dataOf(await region().decide(await tokens.personSourceReviewer('150000'), id, { decision: 'APPROVE', approvedItems: ['marital_status'], reason: '仅需核实婚姻状况', legalBasis: '《中华人民共和国个人信息保护法》第六条' }));
    expect(codeOf(await region().decide(await tokens.personSourceReviewer('150000'), id, { decision: 'REFUSE', reason: 'x', legalBasis: 'y' }))).toBe('CONFLICT');
  });
});

describe('the hand-over between levels is platform-internal', () => {
  it('is not part of the gateway API (@inaccessible)', async () => {
    const response = await stack.query('mutation { receiveCityUpwardHolding(id: "x") }', {}, await tokens.authority('150000'));
    expect(response.body.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('refuses a signed call by anyone but the authority one step down → FORBIDDEN', async () => {
    const id = await filed(stack, 'COUNTY', await tokens.agency('150102', Sector.HUMAN_RESOURCES_SOCIAL_SECURITY), persons['150000-RK-0001']);
    const transfer = dataOf(await county().application(await tokens.authority('150102'), id));
    const { __typename, resource, countyStep, cityStep, cityHolderStep, regionStep, regionHolderStep, withdrawnAt, withdrawnBy, ...facts } = transfer;
    const requestedEndDate = new Date(Date.now() + 86400_000).toISOString();
    const attempt = (token: string) => stack.direct('CITY', 'mutation($a: UpwardApplicationTransfer!) { receiveCityUpwardApplication(application: $a) }', {
      token, signed: true, variables: { a: { ...facts, id: localId(id), resourceId: localId(resource.id), requesterUser: 'someone', requestedEndDate } },
    });
    expect(errorOf(await attempt(await tokens.agency('150102', Sector.HUMAN_RESOURCES_SOCIAL_SECURITY))).code).toBe('FORBIDDEN');
    expect(errorOf(await attempt(await tokens.authority('150121'))).code).toBe('FORBIDDEN');
    expect(dataOf(await county().application(await tokens.authority('150102'), id)).cityStep).toBeNull();
    expect(await stack.subgraphs.CITY.db.getRepository(UpwardApplicationRow).countBy({ id: localId(id) })).toBe(0);
  });
});
