import { demoAgency, demoAuthority, Sector } from '../../subgraphs/modules/agency/demo-agencies';
import { dataOf, errorOf } from '../sharing/sharing-fixtures';
import { startTestStack, TestStack } from '../support/stack';
import { HOHHOT_AUTHORITY, HULUNBUIR_AUTHORITY, PERSON_ITEMS, REFLOW_TEST_ENV, reflowApi, REGION_AUTHORITY, resourceIdOf } from './reflow-fixtures';
import { localId, nodesOf } from '../support/api';
import { ReflowSubscription } from '../../subgraphs/modules/reflow/subscription.entity';

// Issue 5 item 1: a city authority applies to the region for reflow (000 art. 16); the region's
// authority approves — creating a subscription the city platform learns of — or refuses with reasons,
// within the REFLOW_REPLY limit of the policy profile.
let stack: TestStack;
let api: ReturnType<typeof reflowApi>;
let personResource: string;
let legalPersonResource: string;
let hohhot: string;
let hulunbuir: string;
let region: string;

beforeAll(async () => {
  stack = await startTestStack(REFLOW_TEST_ENV);
  api = reflowApi(stack, 'REGION');
  personResource = await resourceIdOf(stack, '150000-RK-0001');
  legalPersonResource = await resourceIdOf(stack, '150000-FR-0001');
  hohhot = await stack.token(HOHHOT_AUTHORITY, 'AUTHORITY_REVIEWER');
  hulunbuir = await stack.token(HULUNBUIR_AUTHORITY, 'AUTHORITY_REVIEWER');
  region = await stack.token(REGION_AUTHORITY, 'AUTHORITY_REVIEWER');
});
afterAll(() => stack?.stop());

describe('applying for reflow (000 art. 16, 004 art. 19)', () => {
  it("scopes to the applicant's jurisdiction by default and starts the REFLOW_REPLY clock", async () => {
    const application = dataOf(await api.apply(hulunbuir, { resourceId: personResource, items: PERSON_ITEMS }));
    expect(application).toMatchObject({
      direction: 'REFLOW',
      state: 'PENDING',
      resourceCode: '150000-RK-0001',
      applicantUscc: HULUNBUIR_AUTHORITY.uscc,
      applicantLevel: 'CITY',
      scopeDivisionCode: '150700',
      scopePrefix: '1507',
      frequency: 'INCREMENTAL',
      intervalMinutes: 60,
      subscription: null,
      replyDeadline: { kind: 'REFLOW_REPLY', workingDays: 5, citation: '004 art. 19 (limit of art. 23)', profile: 'INNER_MONGOLIA_2024', overdue: false },
    });
    expect(dataOf(await api.application(region, application.id)).id).toBe(application.id);
    expect(errorOf(await api.application(hohhot, application.id)).code).toBe('NOT_FOUND');
    const again = errorOf(await api.apply(hulunbuir, { resourceId: personResource, items: ['name'] }));
    expect(again).toMatchObject({ code: 'CONFLICT', extensions: { applicationId: application.id } });
  });

  it.each([
    ['a division outside its jurisdiction', { scopeDivisionCode: '150702' }, 'input.scopeDivisionCode', /150702 is outside the applicant's jurisdiction 150100/],
    ['a NOT_SHARED item', { items: ['name', 'ethnicity'] }, 'input.items[1]', /ethnicity is NOT_SHARED: it never flows .*\(004 art\. 21\)/],
    ['an item the resource does not have', { items: ['name', 'shoe_size'] }, 'input.items[1]', /has no item 'shoe_size'/],
    ['an incremental reflow without an interval', { intervalMinutes: null as unknown as number }, 'input.intervalMinutes', /needs intervalMinutes/],
    ['a one-off reflow with an interval', { frequency: 'ONE_OFF' as const }, 'input.intervalMinutes', /runs once/],
  ])('refuses %s as BAD_USER_INPUT, naming the field', async (_case, change, field, message) => {
    const error = errorOf(await api.apply(hohhot, { resourceId: personResource, items: PERSON_ITEMS, ...change }));
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', extensions: { field } });
    expect(error.message).toMatch(message);
  });

  it('is applied for by an authority of the level directly below', async () => {
    const agencyUser = await stack.token(demoAgency('150100', Sector.HEALTH), 'AGENCY_USER');
    expect(errorOf(await api.apply(agencyUser, { resourceId: personResource, items: PERSON_ITEMS })).code).toBe('FORBIDDEN');
    const county = await stack.token(demoAuthority('150102'), 'AUTHORITY_REVIEWER');
    expect(errorOf(await api.apply(county, { resourceId: personResource, items: PERSON_ITEMS })).message).toMatch(/one level below/);
  });
});

describe('deciding (REFLOW_REPLY)', () => {
  it('is for the authority of the resource: the applicant cannot approve its own application', async () => {
    const application = dataOf(await api.apply(hohhot, { resourceId: legalPersonResource, items: ['uscc', 'name'], frequency: 'ONE_OFF', intervalMinutes: undefined }));
    expect(errorOf(await api.decide(hohhot, application.id, 'APPROVE')).code).toBe('FORBIDDEN');
    const refusal = errorOf(await api.decide(region, application.id, 'REFUSE'));
    expect(refusal).toMatchObject({ code: 'BAD_USER_INPUT', extensions: { field: 'reason' } });
    const refused = dataOf(await api.decide(region, application.id, 'REFUSE', '法人信息已通过国家系统直连，无需回流'));
    expect(refused).toMatchObject({ state: 'REFUSED', refusalReason: '法人信息已通过国家系统直连，无需回流', subscription: null, replyDeadline: null });
    expect(errorOf(await api.decide(region, application.id, 'APPROVE')).code).toBe('CONFLICT');
  });

  it('approval creates the subscription at the region and registers it at the city platform', async () => {
    const application = dataOf(await api.apply(hohhot, { resourceId: personResource, items: PERSON_ITEMS, scopeDivisionCode: '150102' }));
    const approved = dataOf(await api.decide(region, application.id, 'APPROVE'));
    expect(approved).toMatchObject({ state: 'APPROVED', decidedBy: `tester-${REGION_AUTHORITY.uscc}-AUTHORITY_REVIEWER`, subscription: { id: expect.any(String) } });
    expect(localId(approved.subscription.id)).toMatch(/^city-/);
    const expected = {
      id: approved.subscription.id,
      application: { id: application.id },
      direction: 'REFLOW',
      sourceLevel: 'REGION',
      targetLevel: 'CITY',
      dataTable: 'person',
      scopeDivisionCode: '150102',
      scopePrefix: '150102',
      items: PERSON_ITEMS,
      subscriberUscc: HOHHOT_AUTHORITY.uscc,
      subscriberJurisdiction: '150100',
    };
    expect(nodesOf(await reflowApi(stack, 'REGION').subscriptions(region))).toContainEqual(expect.objectContaining(expected));
    expect(nodesOf(await reflowApi(stack, 'CITY').subscriptions(hohhot))).toEqual([expect.objectContaining(expected)]);
    expect(nodesOf(await reflowApi(stack, 'CITY').subscriptions(hulunbuir))).toEqual([]);
    const trail = await stack.query('{ platform(level: REGION) { auditTrail(filter: { resourceId: "' + personResource + '" }) { nodes { action agencyUscc recordKeys } } } }', {}, region);
    const steps = (nodesOf(trail) as { action: string; agencyUscc: string; recordKeys: string[] }[]).filter((r) => r.recordKeys.includes(localId(application.id)));
    expect(steps.map((r) => [r.action, r.agencyUscc])).toEqual([['REFLOW_APPROVE', REGION_AUTHORITY.uscc], ['REFLOW_APPLY', HOHHOT_AUTHORITY.uscc]]);
  });

  it('keeps the terms a subscription was registered with at the city platform', async () => {
    // What the region sent when it approved: the terms as the city keeps them.
    const [row] = await stack.subgraphs.CITY.db.getRepository(ReflowSubscription).find();
    const { itemsJson, cancelledAt: _a, cancelReason: _r, cancelledBy: _b, ...terms } = row;
    const subscription = { ...terms, items: JSON.parse(itemsJson), createdAt: row.createdAt.toISOString() };
    const register = 'mutation($s: ReflowSubscriptionInput!) { registerCityReflowSubscription(subscription: $s) }';
    const same = { ...subscription };
    expect((await stack.direct('CITY', register, { token: hohhot, signed: true, variables: { s: same } })).body).toEqual({ data: { registerCityReflowSubscription: subscription.id } });
    const widened = { ...subscription, scopeDivisionCode: '150100', scopePrefix: '1501' };
    const refused = await stack.direct('CITY', register, { token: hohhot, signed: true, variables: { s: widened } });
    expect(refused.body.errors?.[0].extensions?.code).toBe('CONFLICT');
    // Platform-internal: the gateway's API does not have it.
    const viaGateway = await stack.query(register, { s: same }, hohhot);
    expect(viaGateway.body.errors?.map((e) => e.message)).toContainEqual(expect.stringMatching(/^Cannot query field "registerCityReflowSubscription" on type "Mutation"\./));
  });

  it('refuses a second subscription overlapping the rows of one that exists (they would overwrite each other)', async () => {
    const error = errorOf(await api.apply(hohhot, { resourceId: personResource, items: ['name'] }));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toMatch(/already delivers person rows of 150102/);
  });
});
