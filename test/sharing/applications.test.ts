import { PolicySnapshots } from '../../subgraphs/kernel/db/policy-generation';
import { Identity } from '../../subgraphs/kernel/auth/identity';
import { RequestContext } from '../../subgraphs/kernel/context';
import { LoaderRegistry } from '../../subgraphs/kernel/loaders';
import { decide } from '../../subgraphs/kernel/policy';
import { DemoAgency, demoAgency, demoAuthority, Sector } from '../../subgraphs/modules/agency/demo-agencies';
import { standingOf } from '../../subgraphs/modules/sharing/standing';
import { startTestStack, TestStack } from '../support/stack';
import { ApplicationInput, daysFromNow, dataOf, errorOf, resourceIds, sharingApi, SHARE_SCENARIO } from './sharing-fixtures';
import { localId, nodesOf } from '../support/api';

// Issue 4 item 4: conditional sharing on the region platform, against the seeded 人口基础信息
// (150000-RK-0001), provided by the region's public security department, which is also its source department.
let stack: TestStack;
let api: ReturnType<typeof sharingApi>;
let resourceId: string;
let reviewer: string;

const SOURCE = demoAgency('150000', Sector.PUBLIC_SECURITY);
const CONDITIONAL_ITEMS = ['household_address', 'marital_status', 'phone'];
const subject = (agency: DemoAgency, role = 'AGENCY_USER') => `tester-${agency.uscc}-${role}`;

beforeAll(async () => {
  stack = await startTestStack();
  api = sharingApi(stack, 'REGION');
  reviewer = await stack.token(SOURCE, 'SOURCE_REVIEWER');
  resourceId = (await resourceIds(stack, reviewer, '人口基础信息'))['150000-RK-0001'];
});
afterAll(() => stack?.stop());

/** A region agency's user applies; each test uses its own applicant so pending applications never collide. */
async function applied(applicant: DemoAgency, input: Partial<ApplicationInput> = {}) {
  const token = await stack.token(applicant);
  const application = dataOf(await api.apply(token, { resourceId, items: CONDITIONAL_ITEMS, ...input }));
  return { token, application };
}

/** The applicant's standing at the region platform as field-level enforcement reads it, decided for one item. */
async function decisionFor(applicant: DemoAgency, itemCode: string) {
  const identity: Identity = { sub: 'standing-check', agency: applicant.uscc, jurisdiction: applicant.jurisdictionCode, level: applicant.level, roles: ['AGENCY_USER'] };
  const ctx = { identity, caller: { kind: 'AGENCY', identity }, db: stack.subgraphs.REGION.db, loaders: new LoaderRegistry(), snapshots: new PolicySnapshots() } as Pick<RequestContext, 'identity' | 'caller' | 'db' | 'loaders' | 'snapshots'>;
  const standing = await standingOf(ctx as RequestContext);
  return decide(standing.requester, { resourceId: localId(resourceId), itemCode, shareType: 'CONDITIONAL', maskRule: null, maskedDeliveryOnly: false }, standing.grants, 'READ', new Date(), SHARE_SCENARIO);
}

describe('applying for conditional items (004 art. 21, 23)', () => {
  it('records the applicant, the source department and the jurisdiction, and starts a 5-working-day reply clock (004 art. 23)', async () => {
    const applicant = demoAgency('150000', Sector.CIVIL_AFFAIRS);
    const { token, application } = await applied(applicant);
    expect(application).toMatchObject({
      resource: { id: resourceId },
      state: 'PENDING',
      applicantUscc: applicant.uscc,
      applicantLevel: 'REGION',
      applicantJurisdiction: '150000',
      applicantUser: subject(applicant),
      sourceDepartmentUscc: SOURCE.uscc,
      resourceJurisdiction: '150000',
      requestedItems: CONDITIONAL_ITEMS,
      approvedItems: null,
      refusedItems: [],
      grant: null,
      deliveryDeadline: null,
      replyDeadline: { kind: 'SHARE_REPLY', workingDays: 5, citation: '004 art. 23', profile: 'INNER_MONGOLIA_2024', startedAt: application.submittedAt, overdue: false },
    });
    expect(application.progress).toEqual([
      { step: 'SUBMITTED', done: true, at: application.submittedAt, by: subject(applicant), dueDay: null, onTime: null },
      { step: 'DECIDED', done: false, at: null, by: null, dueDay: application.replyDeadline.dueDay, onTime: null },
    ]);
    expect(nodesOf(await api.applications(token, 'APPLICANT')).map((a: any) => a.id)).toEqual([application.id]);
    expect(nodesOf(await api.applications(reviewer, 'REVIEWER', 'PENDING')).map((a: any) => a.id)).toContain(application.id);
    expect((await decisionFor(applicant, 'household_address')).reason).toBe('GRANT_PENDING');
  });

  it.each([
    ['name', /^input\.items\[1\]: name is UNCONDITIONAL: .*no application is needed \(004 art\. 21\)/],
    ['ethnicity', /^input\.items\[1\]: ethnicity is NOT_SHARED: .*only verified .*\(004 art\. 21\)/],
    ['no_such_item', /^input\.items\[1\]: resource 150000-RK-0001 has no item 'no_such_item'/],
  ])('refuses item %s, naming it (004 art. 21: only CONDITIONAL items are applied for)', async (item, message) => {
    const token = await stack.token(demoAgency('150100', Sector.HEALTH));
    const error = errorOf(await api.apply(token, { resourceId, items: ['household_address', item] }));
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', extensions: { field: 'input.items[1]', item } });
    expect(error.message).toMatch(message);
  });

  it.each([
    ['in the past', daysFromNow(-1), /is not in the future/],
    ['more than 3 years ahead', daysFromNow(3 * 366 + 1), /more than 3 years ahead/],
  ])('refuses an end date %s', async (_, requestedEndDate, message) => {
    const token = await stack.token(demoAgency('150100', Sector.HEALTH));
    const error = errorOf(await api.apply(token, { resourceId, items: ['phone'], requestedEndDate }));
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', extensions: { field: 'input.requestedEndDate' } });
    expect(error.message).toMatch(message);
  });

  it('refuses MASKED delivery of an item with no mask rule, and grants MASKED delivery of items that have one (004 art. 22)', async () => {
    const token = await stack.token(demoAgency('150100', Sector.CIVIL_AFFAIRS));
    const error = errorOf(await api.apply(token, { resourceId, items: ['phone', 'marital_status'], shareMode: 'MASKED' }));
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', extensions: { field: 'input.items[1]', item: 'marital_status' } });
    expect(error.message).toMatch(/marital_status has no mask rule/);
    const { application } = await applied(demoAgency('150100', Sector.CIVIL_AFFAIRS), { items: ['phone', 'household_address'], shareMode: 'MASKED' });
    const approved = dataOf(await api.decide(reviewer, application.id, { decision: 'APPROVE' }));
    expect(approved.grant).toMatchObject({ mode: 'MASKED', itemCodes: ['phone', 'household_address'] });
    expect(approved.deliveredAt).toBe(approved.decidedAt);
  });

  it('a second pending application by the same agency for the same resource is a CONFLICT; after withdrawal it may apply again', async () => {
    const applicant = demoAgency('150000', Sector.MARKET_SUPERVISION);
    const { token, application } = await applied(applicant, { items: ['phone'] });
    const error = errorOf(await api.apply(token, { resourceId, items: ['marital_status'] }));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain(application.id);
    dataOf(await api.withdraw(token, application.id));
    expect(dataOf(await api.apply(token, { resourceId, items: ['marital_status'] })).state).toBe('PENDING');
  });
});

describe("the source department's decision (004 art. 23)", () => {
  it('only a SOURCE_REVIEWER of the data source department decides; every other caller is FORBIDDEN', async () => {
    const { application } = await applied(demoAgency('150000', Sector.HEALTH));
    const others = [
      await stack.token(SOURCE, 'AGENCY_USER'),
      await stack.token(demoAgency('150000', Sector.CIVIL_AFFAIRS), 'SOURCE_REVIEWER'),
      await stack.token(demoAuthority('150000'), 'AUTHORITY_REVIEWER'),
    ];
    for (const token of others) {
      const error = errorOf(await api.decide(token, application.id, { decision: 'APPROVE' }));
      expect(error.code).toBe('FORBIDDEN');
      expect(error.message).toContain(`SOURCE_REVIEWER of the data source department ${SOURCE.uscc}`);
    }
    expect(dataOf(await api.application(reviewer, application.id)).state).toBe('PENDING');
  });

  it('approving fewer items grants exactly those (least authorisation, 004 art. 23); the left-out ones need reasons and a legal basis', async () => {
    const applicant = demoAgency('150000', Sector.NATURAL_RESOURCES);
    const { token, application } = await applied(applicant);
    const approvedItems = ['household_address', 'phone'];
    const noGrounds = errorOf(await api.decide(reviewer, application.id, { decision: 'APPROVE', approvedItems }));
    expect(noGrounds).toMatchObject({ code: 'BAD_USER_INPUT', extensions: { field: 'reason' } });
    expect(noGrounds.message).toMatch(/leaving out marital_status must give the reasons \(004 art\. 23\)/);

    const decided = dataOf(await api.decide(reviewer, application.id, { decision: 'APPROVE', approvedItems, reason: '核对户籍无需婚姻状况', legalBasis: '《婚姻登记条例》第二条' }));
    expect(decided).toMatchObject({
      state: 'APPROVED',
      decidedBy: subject(SOURCE, 'SOURCE_REVIEWER'),
      approvedItems,
      refusedItems: ['marital_status'],
      refusalReason: '核对户籍无需婚姻状况',
      replyDeadline: null,
      deliveryDeadline: null,
      deliveredAt: decided.decidedAt,
      grant: { id: expect.any(String), application: { id: application.id }, agencyUscc: applicant.uscc, resource: { id: resourceId }, itemCodes: approvedItems, mode: 'INTERFACE', endsAt: application.requestedEndDate, status: 'APPROVED', scenario: application.scenario },
    });
    expect(decided.progress.map((s: any) => [s.step, s.done, s.onTime])).toEqual([['SUBMITTED', true, null], ['DECIDED', true, true], ['DELIVERED', true, true]]);
    expect(nodesOf(await api.grants(token)).map((g: any) => g.itemCodes)).toEqual([approvedItems]);
    expect((await decisionFor(applicant, 'household_address')).effect).toBe('ALLOW');
    expect((await decisionFor(applicant, 'marital_status')).reason).toBe('OUTSIDE_GRANTED_ITEMS');

    expect(errorOf(await api.decide(reviewer, application.id, { decision: 'REFUSE', reason: 'x', legalBasis: 'y' })).code).toBe('CONFLICT');
  });

  it.each([
    ['an item not applied for', { approvedItems: ['phone', 'ethnicity'] }, 'approvedItems[1]', /ethnicity was not applied for/],
    ['no item at all', { approvedItems: [] }, 'approvedItems', /use decision REFUSE/],
    ['an end date after the requested one', { endDate: daysFromNow(400) }, 'endDate', /may shorten the use, not extend it/],
  ])('an approval of %s is BAD_USER_INPUT (004 art. 23)', async (_, args, field, message) => {
    const { token, application } = await applied(demoAgency('150100', Sector.NATURAL_RESOURCES), { items: ['phone'] });
    const error = errorOf(await api.decide(reviewer, application.id, { decision: 'APPROVE', ...args }));
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', extensions: { field } });
    expect(error.message).toMatch(message);
    dataOf(await api.withdraw(token, application.id));
  });

  it('an approval may end earlier than requested; the grant ends then', async () => {
    const { application } = await applied(demoAgency('150100', Sector.HUMAN_RESOURCES_SOCIAL_SECURITY), { items: ['phone'] });
    const endDate = daysFromNow(30);
    expect(dataOf(await api.decide(reviewer, application.id, { decision: 'APPROVE', endDate })).grant.endsAt).toBe(endDate);
  });

  it('a refusal must give reasons and the legal basis (004 art. 21, 23)', async () => {
    const { application } = await applied(demoAgency('150000', Sector.HUMAN_RESOURCES_SOCIAL_SECURITY));
    const noReason = errorOf(await api.decide(reviewer, application.id, { decision: 'REFUSE', legalBasis: '《个人信息保护法》第三十四条' }));
    expect(noReason).toMatchObject({ code: 'BAD_USER_INPUT', extensions: { field: 'reason' } });
    const noBasis = errorOf(await api.decide(reviewer, application.id, { decision: 'REFUSE', reason: '申请用途不在法定职责范围内' }));
    expect(noBasis).toMatchObject({ code: 'BAD_USER_INPUT', extensions: { field: 'legalBasis' } });
    expect(noBasis.message).toMatch(/^legalBasis: a refusal must cite its legal basis/);

    const refused = dataOf(await api.decide(reviewer, application.id, { decision: 'REFUSE', reason: '申请用途不在法定职责范围内', legalBasis: '《个人信息保护法》第三十四条' }));
    expect(refused).toMatchObject({ state: 'REFUSED', refusedItems: CONDITIONAL_ITEMS, approvedItems: null, grant: null, refusalLegalBasis: '《个人信息保护法》第三十四条' });
    expect(refused.progress.map((s: any) => s.step)).toEqual(['SUBMITTED', 'DECIDED']);
  });
});

describe('withdrawal, delivery and revocation', () => {
  it('the applicant withdraws while PENDING; another agency is FORBIDDEN, and a withdrawn application is a CONFLICT', async () => {
    const applicant = demoAgency('150100', Sector.PUBLIC_SECURITY);
    const { token, application } = await applied(applicant, { items: ['household_address'] });
    expect(errorOf(await api.withdraw(await stack.token(demoAgency('150000', Sector.CIVIL_AFFAIRS)), application.id)).code).toBe('FORBIDDEN');
    const withdrawn = dataOf(await api.withdraw(token, application.id));
    expect(withdrawn).toMatchObject({ state: 'WITHDRAWN', withdrawnBy: subject(applicant), replyDeadline: null });
    expect(withdrawn.progress.map((s: any) => [s.step, s.done])).toEqual([['SUBMITTED', true], ['WITHDRAWN', true]]);
    expect(errorOf(await api.withdraw(token, application.id)).code).toBe('CONFLICT');
    expect(errorOf(await api.decide(reviewer, application.id, { decision: 'APPROVE' })).code).toBe('CONFLICT');
  });

  it('a FILE grant is delivered after approval by the source department, within 5 working days (004 art. 23)', async () => {
    const { application } = await applied(demoAgency('150100', Sector.MARKET_SUPERVISION), { items: ['household_address'], shareMode: 'FILE' });
    const approved = dataOf(await api.decide(reviewer, application.id, { decision: 'APPROVE' }));
    expect(approved).toMatchObject({ deliveredAt: null, deliveryDeadline: { kind: 'SHARE_DELIVERY', workingDays: 5, citation: '004 art. 23', startedAt: approved.decidedAt } });
    expect(approved.progress[2]).toEqual({ step: 'DELIVERED', done: false, at: null, by: null, dueDay: approved.deliveryDeadline.dueDay, onTime: null });

    expect(errorOf(await api.deliver(await stack.token(demoAgency('150000', Sector.HEALTH), 'SOURCE_REVIEWER'), application.id)).code).toBe('FORBIDDEN');
    const delivered = dataOf(await api.deliver(reviewer, application.id));
    expect(delivered).toMatchObject({ deliveryDeadline: null, deliveredBy: subject(SOURCE, 'SOURCE_REVIEWER') });
    expect(delivered.progress[2]).toMatchObject({ step: 'DELIVERED', done: true, at: delivered.deliveredAt, onTime: true });
    expect(errorOf(await api.deliver(reviewer, application.id)).code).toBe('CONFLICT');
  });

  it('a grant is revoked by the source department or an authority over the jurisdiction, and stops working at once', async () => {
    const applicant = demoAgency('150102', Sector.CIVIL_AFFAIRS);
    const { token, application } = await applied(applicant, { items: ['household_address'] });
    const grantId = dataOf(await api.decide(reviewer, application.id, { decision: 'APPROVE' })).grant.id;
    expect((await decisionFor(applicant, 'household_address')).effect).toBe('ALLOW');

    for (const outsider of [token, await stack.token(demoAuthority('150100'), 'AUTHORITY_REVIEWER')]) {
      expect(errorOf(await api.revoke(outsider, grantId, '超范围使用')).code).toBe('FORBIDDEN');
    }
    const authority = await stack.token(demoAuthority('150000'), 'AUTHORITY_REVIEWER');
    expect(errorOf(await api.revoke(authority, grantId, '  '))).toMatchObject({ code: 'BAD_USER_INPUT', extensions: { field: 'reason' } });
    const revoked = dataOf(await api.revoke(authority, grantId, '将共享数据提供给第三方（004 第二十条）'));
    expect(revoked).toMatchObject({ id: grantId, status: 'REVOKED', revokeReason: '将共享数据提供给第三方（004 第二十条）' });
    expect(revoked.revokedAt).not.toBeNull();
    expect(await decisionFor(applicant, 'household_address')).toMatchObject({ effect: 'DENY', reason: 'GRANT_REVOKED', grantId: localId(grantId) });
    expect(errorOf(await api.revoke(reviewer, grantId, 'again')).code).toBe('CONFLICT');
  });

  it('an application is seen by the applicant, the source department and authorities over the resource; to others it does not exist', async () => {
    const applicant = demoAgency('150700', Sector.CIVIL_AFFAIRS);
    const { token, application } = await applied(applicant, { items: ['phone'] });
    dataOf(await api.decide(reviewer, application.id, { decision: 'APPROVE' }));
    for (const viewer of [token, reviewer, await stack.token(demoAuthority('150000'), 'AUTHORITY_REVIEWER')]) {
      expect(dataOf(await api.application(viewer, application.id)).id).toBe(application.id);
    }
    const outsider = await stack.token(demoAgency('150000', Sector.HEALTH));
    for (const viewer of [outsider, await stack.token(demoAuthority('150700'), 'AUTHORITY_REVIEWER')]) {
      expect(errorOf(await api.application(viewer, application.id)).code).toBe('NOT_FOUND');
    }
    expect(nodesOf(await api.grants(outsider, applicant.uscc))).toEqual([]);
    expect(nodesOf(await api.grants(reviewer, applicant.uscc)).map((g: any) => g.application.id)).toEqual([application.id]);
  });
});
