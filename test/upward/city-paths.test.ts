import { demoAgency, Sector } from '../../subgraphs/modules/agency/demo-agencies';
import { PersonRow } from '../../subgraphs/modules/records/record.entities';
import { dataOf, errorOf, resourceIds } from '../sharing/sharing-fixtures';
import { errorAt } from '../support/responses';
import { startTestStack, TestStack } from '../support/stack';
import { filed, parties, upwardApi } from './upward-fixtures';

// The other two routes of 000 art. 23 / 004 art. 25: a city answers data of its own itself, and a
// request for another city's data goes city → region → that city's data source department.
let stack: TestStack;
let persons: Record<string, string>;
let tokens: ReturnType<typeof parties>;

const county = () => upwardApi(stack, 'COUNTY');
const city = () => upwardApi(stack, 'CITY');
const region = () => upwardApi(stack, 'REGION');

beforeAll(async () => {
  stack = await startTestStack();
  tokens = parties(stack);
  persons = await resourceIds(stack, await tokens.agency('150100', Sector.CIVIL_AFFAIRS), '人口基础信息');
});
afterAll(() => stack?.stop());

/** A person of the city platform's own records in `prefix` (a league's four-digit code prefix). */
const cityPersonIn = (prefix: string) =>
  stack.subgraphs.CITY.db.getRepository(PersonRow).createQueryBuilder('p').where('p.divisionCode LIKE :prefix', { prefix: `${prefix}%` }).orderBy('p.idNumber').getOneOrFail();

const readCityPerson = (token: string, idNumber: string) => stack.query(`query($id: ID!) { platform(level: CITY) { ... on PersonRegister { person(idNumber: $id, purpose: "城乡低保家庭经济状况核对") { name householdAddress maritalStatus } } } }`, { id: idNumber }, token);

describe('the city answers data at its own level itself (000 art. 23)', () => {
  it('county → Hohhot authority routes to its own data source department, which approves; no region step (004 art. 25)', async () => {
    const requester = await tokens.agency('150102', Sector.CIVIL_AFFAIRS);
    const id = await filed(stack, 'COUNTY', requester, persons['150100-RK-0001'], ['household_address']);
    dataOf(await county().review(await tokens.authority('150102'), id, 'FORWARD'));
    const hohhot = await tokens.authority('150100');
    expect(errorOf(await city().review(hohhot, id, 'FORWARD'))).toMatchObject({ code: 'BAD_USER_INPUT', extensions: { field: 'decision' } });
    const routed = dataOf(await city().review(hohhot, id, 'ROUTE'));
    expect(routed.cityStep).toMatchObject({ jurisdictionCode: '150100', state: 'ROUTED' });
    expect(routed.cityHolderStep).toMatchObject({ kind: 'HOLDER', level: 'CITY', jurisdictionCode: '150100', state: 'WAITING' });

    dataOf(await city().decide(await tokens.personSourceReviewer('150100'), id, { decision: 'APPROVE' }));
    const chain = dataOf(await county().application(requester, id));
    expect([chain.countyStep.state, chain.cityStep.state, chain.cityHolderStep.state, chain.regionStep, chain.regionHolderStep]).toEqual(['FORWARDED', 'ROUTED', 'APPROVED', null, null]);

    const person = await cityPersonIn('1501');
    const read = await readCityPerson(requester, person.idNumber);
    expect(read.body.data.platform.person).toMatchObject({ householdAddress: person.householdAddress, maritalStatus: null });
    expect(errorAt(read, ['platform', 'person', 'maritalStatus'])?.extensions).toMatchObject({ code: 'SHARE_DENIED', reason: 'OUTSIDE_GRANTED_ITEMS' });
  });
});

describe('cross-city: a Hohhot agency asks for Hulunbuir data (004 art. 25, 000 art. 23)', () => {
  it('goes Hohhot authority → region → Hulunbuir source department, under Hulunbuir\'s own 10-day reply limit (001 art. 24)', async () => {
    const requester = await tokens.agency('150100', Sector.CIVIL_AFFAIRS);
    const id = await filed(stack, 'CITY', requester, persons['150700-RK-0001'], ['household_address', 'marital_status']);
    const filedChain = dataOf(await city().application(requester, id));
    expect(filedChain).not.toHaveProperty('countyStep');
    expect(filedChain).toMatchObject({ __typename: 'CityUpwardApplication', requesterLevel: 'CITY', resourceJurisdiction: '150700', cityStep: { jurisdictionCode: '150100', state: 'WAITING' } });

    expect(errorOf(await city().review(await tokens.authority('150700'), id, 'FORWARD')).code).toBe('FORBIDDEN');
    dataOf(await city().review(await tokens.authority('150100'), id, 'FORWARD'));
    const routed = dataOf(await region().review(await tokens.authority('150000'), id, 'ROUTE'));
    expect(routed.cityHolderStep).toMatchObject({
      level: 'CITY', jurisdictionCode: '150700', state: 'WAITING',
      deadline: { kind: 'SHARE_REPLY', profile: 'HULUNBUIR_2022_DRAFT', citation: '001 art. 24', workingDays: 10 },
    });

    expect(errorOf(await city().decide(await tokens.personSourceReviewer('150100'), id, { decision: 'APPROVE' })).code).toBe('FORBIDDEN');
    dataOf(await city().decide(await tokens.personSourceReviewer('150700'), id, { decision: 'APPROVE' }));
    const chain = dataOf(await city().application(requester, id));
    expect([chain.cityStep.state, chain.regionStep.state, chain.cityHolderStep.state]).toEqual(['FORWARDED', 'ROUTED', 'APPROVED']);
    expect(chain.cityHolderStep.actor).toEqual({ sub: expect.any(String), agencyUscc: demoAgency('150700', Sector.PUBLIC_SECURITY).uscc });

    const person = await cityPersonIn('1507');
    const read = await readCityPerson(requester, person.idNumber);
    expect(read.body.data.platform.person).toMatchObject({ householdAddress: person.householdAddress, maritalStatus: person.maritalStatus });
  });

  it("a city agency's own city's data is not applied for upward (004 art. 23)", async () => {
    const requester = await tokens.agency('150100', Sector.HEALTH);
    const response = await city().file(requester, { resourceId: persons['150100-RK-0001'], items: ['phone'] });
    expect(errorOf(response)).toMatchObject({ code: 'BAD_USER_INPUT', extensions: { field: 'input.resourceId' } });
  });
});
