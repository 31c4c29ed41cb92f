import { AuditRecord } from '../../subgraphs/kernel/audit/audit.entity';
import { demoAgency, Sector } from '../../subgraphs/modules/agency/demo-agencies';
import { AssistanceRow, PersonRow } from '../../subgraphs/modules/records/record.entities';
import { dataOf, resourceIds, sharingApi } from '../sharing/sharing-fixtures';
import { errorAt } from '../support/responses';
import { startTestStack, TestStack } from '../support/stack';
import { localId } from '../support/api';

// Issue 12, purpose binding: shared data serves only the duty it was approved for (004 art. 20) and the
// approval fixes the application scenario (004 art. 23). A read of CONDITIONAL items states which approved
// scenario it serves — a purpose argument, or the x-data-purpose header for reads without one — and is
// refused PURPOSE_MISMATCH when it states another, PURPOSE_REQUIRED when it states none.
const SOCIAL_ASSISTANCE = '城乡低保家庭经济状况核对';
const READER = demoAgency('150102', Sector.CIVIL_AFFAIRS);

let stack: TestStack;
let token: string;
let grantId: string;
let person: PersonRow;

beforeAll(async () => {
  stack = await startTestStack();
  token = await stack.token(READER);
  const resourceId = (await resourceIds(stack, token, '人口基础信息'))['150000-RK-0001'];
  const application = dataOf(await sharingApi(stack, 'REGION').apply(token, { resourceId, items: ['household_address', 'marital_status'], scenario: SOCIAL_ASSISTANCE }));
  grantId = dataOf(await sharingApi(stack, 'REGION').decide(await stack.token(demoAgency('150000', Sector.PUBLIC_SECURITY), 'SOURCE_REVIEWER'), application.id, { decision: 'APPROVE' })).grant.id;
  // A person on Xincheng's assistance roll, so that the county's list reaches it through _entities.
  const rolled = await stack.subgraphs.COUNTY.db.getRepository(AssistanceRow).find({ where: { divisionCode: '150102' }, order: { idNumber: 'ASC' }, take: 1 });
  person = await stack.subgraphs.REGION.db.getRepository(PersonRow).findOneByOrFail({ idNumber: rolled[0].idNumber });
});
afterAll(() => stack?.stop());

const read = (purpose: string | null) =>
  stack.query(`query($id: ID!, $p: String) { platform(level: REGION) { ... on PersonRegister { person(idNumber: $id, purpose: $p) { name householdAddress maritalStatus } } } }`, { id: person.idNumber, p: purpose }, token);

describe('CONDITIONAL items serve the scenario their grant approved (004 art. 20, 23)', () => {
  it('releases them to a read stating the approved scenario', async () => {
    const response = await read(SOCIAL_ASSISTANCE);
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data.platform.person).toEqual({ name: person.name, householdAddress: person.householdAddress, maritalStatus: person.maritalStatus });
  });

  it('releases them to a read naming the grant', async () => {
    expect((await read(grantId)).body.data.platform.person.householdAddress).toBe(person.householdAddress);
  });

  it('refuses them to a read stating another purpose: PURPOSE_MISMATCH, naming the grant that would serve', async () => {
    const response = await read('商业营销');
    expect(response.body.data.platform.person).toEqual({ name: person.name, householdAddress: null, maritalStatus: null });
    expect(errorAt(response, ['platform', 'person', 'householdAddress'])).toMatchObject({
      message: expect.stringMatching(/PURPOSE_MISMATCH; state the scenario grant .* approved/),
      extensions: { code: 'SHARE_DENIED', reason: 'PURPOSE_MISMATCH', grantId },
    });
  });

  it('refuses them to a read stating no purpose: PURPOSE_REQUIRED; UNCONDITIONAL items need none', async () => {
    const response = await read(null);
    expect(response.body.data.platform.person.name).toBe(person.name);
    expect(errorAt(response, ['platform', 'person', 'maritalStatus'])?.extensions).toMatchObject({ code: 'SHARE_DENIED', reason: 'PURPOSE_REQUIRED', grantId });
  });

  it('takes the purpose of a read across levels from the x-data-purpose header', async () => {
    const query = `{ platform(level: COUNTY) { ... on AssistanceRoll { assistanceRecords(divisionCode: "150102", first: 1) { edges { node { idNumber person { householdAddress } } } } } } }`;
    const stated = await stack.query(query, {}, token, { 'x-data-purpose': encodeURIComponent(SOCIAL_ASSISTANCE) });
    expect(stated.body.data.platform.assistanceRecords.edges[0].node.person.householdAddress).toBe(person.householdAddress);
    const unstated = await stack.query(query, {}, token);
    expect(errorAt(unstated, ['platform', 'assistanceRecords', 'edges', 0, 'node', 'person', 'householdAddress'])?.extensions).toMatchObject({ reason: 'PURPOSE_REQUIRED' });
  });

  it('records the purpose and the grant of every conditional release, and of every refusal', async () => {
    await stack.query(`query($id: ID!) { platform(level: REGION) { ... on PersonRegister { person(idNumber: $id, purpose: "${SOCIAL_ASSISTANCE}") { householdAddress } } } }`, { id: person.idNumber }, token, { 'x-request-id': 'purpose-audit-1' });
    await stack.query(`query($id: ID!) { platform(level: REGION) { ... on PersonRegister { person(idNumber: $id, purpose: "商业营销") { householdAddress } } } }`, { id: person.idNumber }, token, { 'x-request-id': 'purpose-audit-2' });
    const trail = stack.subgraphs.REGION.db.getRepository(AuditRecord);
    expect(await trail.findBy({ requestId: 'purpose-audit-1', action: 'READ' })).toEqual([
      expect.objectContaining({ effect: 'ALLOW', purpose: SOCIAL_ASSISTANCE, grantId: localId(grantId), itemsJson: '["household_address"]' }),
    ]);
    expect(await trail.findBy({ requestId: 'purpose-audit-2', action: 'READ' })).toEqual([
      expect.objectContaining({ effect: 'DENY', reason: 'PURPOSE_MISMATCH', purpose: '商业营销', grantId: localId(grantId) }),
    ]);
  });

  it('refuses a purpose header that is not percent-encoded UTF-8, at the gateway', async () => {
    const response = await stack.query('{ platform(level: REGION) { ... on PersonRegister { persons(first: 1) { edges { node { name } } } } } }', {}, token, { 'x-data-purpose': '%E7%A4' });
    expect(response.status).toBe(400);
    expect(response.body.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_REQUEST' }, message: expect.stringMatching(/x-data-purpose/) });
  });
});
