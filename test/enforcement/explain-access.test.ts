import { AuditRecord } from '../../subgraphs/kernel/audit/audit.entity';
import { demoAgency, demoAuthority, Sector } from '../../subgraphs/modules/agency/demo-agencies';
import { onlyError } from '../support/api';
import { startTestStack, TestStack } from '../support/stack';
import { dataOf, resourceIds, sharingApi } from '../sharing/sharing-fixtures';

// "Why is this denied?": explainAccess answers, without reading a value or recording an access, what the
// live path decides for each item (authorization-matrix.test.ts checks the two agree on every case), the
// article it rests on, and what would change it (004 art. 21-23, 50).

const READER = demoAgency('150100', Sector.HEALTH);
const POLICE = demoAgency('150000', Sector.PUBLIC_SECURITY);
let stack: TestStack;
let resourceId: string;

beforeAll(async () => {
  stack = await startTestStack();
  resourceId = (await resourceIds(stack, await stack.token(READER), '人口基础信息'))['150000-RK-0001'];
});
beforeEach(() => stack.clock.set(new Date('2026-11-30T02:00:00Z')));
afterEach(() => stack.clock.reset());
afterAll(() => stack?.stop());

const explain = (token: string, agency = READER.uscc, items: string[] | null = ['name', 'household_address', 'ethnicity']) =>
  stack.query(`query($a: ID!, $r: ID!, $i: [String!]) { platform(level: REGION) { explainAccess(agency: $a, resource: $r, items: $i) {
    agency { uscc } resource { code } items { item shareType effect reason grantId article remedy } } } }`, { a: agency, r: resourceId, i: items }, token);
const byItem = (response: any) => Object.fromEntries(response.body.data.platform.explainAccess.items.map((i: any) => [i.item, i]));

describe('explainAccess (004 art. 21-23, 50)', () => {
  it('says, item by item, the decision, its article and what would change it', async () => {
    const response = await explain(await stack.token(READER));
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data.platform.explainAccess).toMatchObject({ agency: { uscc: READER.uscc }, resource: { code: '150000-RK-0001' } });
    const items = byItem(response);
    expect(items.name).toMatchObject({ effect: 'ALLOW', reason: null, article: '004 art. 21 (1)', remedy: null });
    expect(items.household_address).toMatchObject({ effect: 'DENY', reason: 'NO_GRANT', article: '004 art. 21 (2), 23' });
    expect(items.household_address.remedy).toBe(`apply for a CONDITIONAL share to the source department ${POLICE.uscc}; reply due within 5 working days under the INNER_MONGOLIA_2024 profile (004 art. 23)`);
    expect(items.ethnicity).toMatchObject({ effect: 'DENY', reason: 'NOT_SHARED', article: '004 art. 21 (3)', remedy: expect.stringMatching(/^NOT_SHARED: only verification/) });
  });

  it('names the application under review and the day its reply is due', async () => {
    const token = await stack.token(READER);
    const applied = dataOf(await sharingApi(stack, 'REGION').apply(token, { resourceId, items: ['household_address'] }));
    const item = byItem(await explain(token)).household_address;
    expect(item).toMatchObject({ effect: 'DENY', reason: 'GRANT_PENDING', grantId: applied.id });
    expect(item.remedy).toMatch(/its reply is due on 2026-12-07/);
  });

  it('reads no value and records no access', async () => {
    const trail = stack.subgraphs.REGION.db.getRepository(AuditRecord);
    const before = await trail.count();
    await explain(await stack.token(READER), READER.uscc, null);
    expect(await trail.count()).toBe(before);
  });

  it('is for the agency itself and the authorities over it', async () => {
    expect(byItem(await explain(await stack.token(demoAuthority('150100'), 'AUTHORITY_REVIEWER'))).name.effect).toBe('ALLOW');
    expect(byItem(await explain(await stack.token(demoAuthority('150000'), 'AUTHORITY_REVIEWER'))).name.effect).toBe('ALLOW');
    for (const token of [await stack.token(demoAgency('150100', Sector.CIVIL_AFFAIRS)), await stack.token(demoAuthority('150700'), 'AUTHORITY_REVIEWER')]) {
      const response = await explain(token);
      expect(response.body.data.platform.explainAccess).toBeNull();
      expect(onlyError(response).extensions).toMatchObject({ code: 'FORBIDDEN' });
    }
  });

  it('refuses an unknown item or agency with the field named', async () => {
    const token = await stack.token(demoAuthority('150000'), 'AUTHORITY_REVIEWER');
    expect(onlyError(await explain(token, READER.uscc, ['shoe_size'])).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'items[0]' });
    expect(onlyError(await explain(token, '12345')).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'agency' });
  });

  it('explains a suspension: nothing until the authority lifts it (004 art. 50)', async () => {
    const suspended = demoAgency('150102', Sector.HEALTH);
    const authority = await stack.token(demoAuthority('150000'), 'AUTHORITY_REVIEWER');
    dataOf(await sharingApi(stack, 'REGION').suspend(authority, suspended.uscc, '超范围使用共享数据'));
    const item = byItem(await explain(authority, suspended.uscc)).name;
    expect(item).toMatchObject({ effect: 'DENY', reason: 'AGENCY_SUSPENDED', article: '004 art. 50', remedy: expect.stringMatching(/suspended since 2026-11-30 for misuse/) });
  });
});
