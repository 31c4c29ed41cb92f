import { demoAgency, demoAuthority, Sector } from '../../subgraphs/modules/agency/demo-agencies';
import { PersonRow } from '../../subgraphs/modules/records/record.entities';
import { SHARE_SCENARIO } from '../sharing/sharing-fixtures';
import { errorAt } from '../support/responses';
import { errorCodes, GraphQLResponse, startTestStack, TestStack } from '../support/stack';
import { localId } from '../support/api';

// Issue 4 through :4000 with seeded tokens: a county agency reading a region record, before and
// after applying for its CONDITIONAL items (004 art. 21-23), masked delivery (art. 22),
// suspension (art. 50) and verification of NOT_SHARED items (art. 21).

let stack: TestStack;
let resourceId: string;
let person: PersonRow;
let county: string;
let sourceReviewer: string;
let regionAuthority: string;

// Reads state the scenario the applications were approved for (004 art. 20, 23).
const READ = (id: string) => `{ platform(level: REGION) { ... on PersonRegister { person(idNumber: "${id}", purpose: "${SHARE_SCENARIO}") { name gender birthDate householdAddress maritalStatus phone ethnicity healthStatus } } } }`;
const reasonOf = (r: GraphQLResponse, field: string) => errorAt(r, ['platform', 'person', field])?.extensions?.reason ?? null;
const read = () => stack.query(READ(person.idNumber), {}, county);

async function apply(items: string[], shareMode = 'INTERFACE') {
  const response = await stack.query(
    `mutation($input: ShareApplicationInput!) { applyRegionShare(input: $input) { id } }`,
    { input: { resourceId, items, scenario: '城乡低保家庭经济状况核对', purpose: '核实申请人户籍与婚姻状况', shareMode, requestedEndDate: new Date(Date.now() + 30 * 86400_000).toISOString() } },
    county,
  );
  expect(response.body.errors).toBeUndefined();
  return response.body.data.applyRegionShare.id as string;
}

async function approve(id: string, approvedItems: string[], endDate?: Date, leavesItemsOut = false) {
  const response = await stack.query(
    `mutation($id: ID!, $items: [String!], $end: DateTimeISO, $reason: String, $basis: String) { decideRegionShareApplication(id: $id, decision: APPROVE, approvedItems: $items, endDate: $end, reason: $reason, legalBasis: $basis) { grant { id itemCodes } } }`,
    // Leaving out requested items must be explained (least authorisation, 004 art. 23).
    leavesItemsOut
      ? { id, items: approvedItems, end: endDate?.toISOString(), reason: '联系电话超出核对业务的最小必要范围', basis: '《中华人民共和国个人信息保护法》第六条' }
      : { id, items: approvedItems, end: endDate?.toISOString() },
    sourceReviewer,
  );
  expect(response.body.errors).toBeUndefined();
  return response.body.data.decideRegionShareApplication.grant as { id: string; itemCodes: string[] };
}

beforeAll(async () => {
  stack = await startTestStack();
  county = await stack.token(demoAgency('150102', Sector.CIVIL_AFFAIRS));
  sourceReviewer = await stack.token(demoAgency('150000', Sector.PUBLIC_SECURITY), 'SOURCE_REVIEWER');
  regionAuthority = await stack.token(demoAuthority('150000'), 'AUTHORITY_REVIEWER');
  const found = await stack.query('{ catalog(filter: { text: "人口基础信息", level: REGION }) { edges { node { id } } } }', {}, county);
  resourceId = found.body.data.catalog.edges[0].node.id;
  person = await stack.subgraphs.REGION.db.getRepository(PersonRow).findOneOrFail({ where: { divisionCode: '150102' }, order: { idNumber: 'ASC' } });
});
afterAll(() => stack?.stop());

describe('a county agency reading a region population record', () => {
  it('gets UNCONDITIONAL items, and SHARE_DENIED for CONDITIONAL (NO_GRANT) and NOT_SHARED items (004 art. 21)', async () => {
    const response = await read();
    expect(response.body.data.platform.person).toEqual({
      name: person.name, gender: person.gender, birthDate: person.birthDate,
      householdAddress: null, maritalStatus: null, phone: null, ethnicity: null, healthStatus: null,
    });
    expect(['householdAddress', 'maritalStatus', 'phone'].map((f) => reasonOf(response, f))).toEqual(['NO_GRANT', 'NO_GRANT', 'NO_GRANT']);
    expect(['ethnicity', 'healthStatus'].map((f) => reasonOf(response, f))).toEqual(['NOT_SHARED', 'NOT_SHARED']);
    expect(errorAt(response, ['platform', 'person', 'householdAddress'])!.extensions).toMatchObject({ code: 'SHARE_DENIED', item: 'household_address', shareType: 'CONDITIONAL', resourceId });
  });

  it('after apply → approve with one item removed, gets exactly the approved items (least authorisation, 004 art. 23)', async () => {
    const applicationId = await apply(['household_address', 'marital_status', 'phone']);
    expect(reasonOf(await read(), 'householdAddress')).toBe('GRANT_PENDING');

    const grant = await approve(applicationId, ['household_address', 'marital_status'], undefined, true);
    expect(grant.itemCodes).toEqual(['household_address', 'marital_status']);
    const response = await read();
    expect(response.body.data.platform.person).toMatchObject({ householdAddress: person.householdAddress, maritalStatus: person.maritalStatus, phone: null, ethnicity: null });
    expect(reasonOf(response, 'phone')).toBe('OUTSIDE_GRANTED_ITEMS');

    const revoked = await stack.query(`mutation($id: ID!) { revokeRegionShareGrant(id: $id, reason: "数据使用超出申请场景") { status } }`, { id: grant.id }, sourceReviewer);
    expect(revoked.body.errors).toBeUndefined();
    const after = await read();
    expect(after.body.data.platform.person.householdAddress).toBeNull();
    expect(reasonOf(after, 'householdAddress')).toBe('GRANT_REVOKED');

    // Obtaining the data is traceable end to end (001 art. 25): the application's steps are in the trail too.
    const steps = await stack.query(`{ platform(level: REGION) { auditTrail(first: 1000) { nodes { action items grantId recordKeys } } } }`, {}, regionAuthority);
    const ofThisApplication = steps.body.data.platform.auditTrail.nodes.filter((r: { recordKeys: string[] }) => r.recordKeys.includes(localId(applicationId))).reverse();
    expect(ofThisApplication).toEqual([
      { action: 'SHARE_APPLY', items: ['household_address', 'marital_status', 'phone'], grantId: null, recordKeys: [localId(applicationId)] },
      { action: 'SHARE_APPROVE', items: ['household_address', 'marital_status'], grantId: localId(grant.id), recordKeys: [localId(applicationId)] },
      { action: 'SHARE_REVOKE', items: ['household_address', 'marital_status'], grantId: localId(grant.id), recordKeys: [localId(applicationId)] },
    ]);
  });

  it('loses the items again after the grant end date (004 art. 23)', async () => {
    const applicationId = await apply(['marital_status']);
    await approve(applicationId, ['marital_status'], new Date(Date.now() + 1500));
    expect((await read()).body.data.platform.person.maritalStatus).toBe(person.maritalStatus);
    await new Promise((resolve) => setTimeout(resolve, 1800));
    const expired = await read();
    expect(expired.body.data.platform.person.maritalStatus).toBeNull();
    expect(reasonOf(expired, 'maritalStatus')).toBe('GRANT_EXPIRED');
  });

  it('receives masked values under a masked grant (004 art. 22)', async () => {
    const applicationId = await apply(['household_address', 'phone'], 'MASKED');
    await approve(applicationId, ['household_address', 'phone']);
    const { householdAddress, phone } = (await read()).body.data.platform.person;
    expect(phone).toBe(`${person.phone!.slice(0, 3)}****${person.phone!.slice(-4)}`);
    expect(householdAddress).toMatch(/\*{4}$/);
    expect(householdAddress).not.toBe(person.householdAddress);
    expect(person.householdAddress!.startsWith(householdAddress.replace(/\*+$/, ''))).toBe(true);
  });

  it('can verify a NOT_SHARED item — true or false, never the value (核验, 004 art. 21)', async () => {
    const verify = (value: string) =>
      stack.query(`query($r: ID!, $k: ID!, $v: String!) { platform(level: REGION) { verifyRecord(resourceId: $r, key: $k, item: "ethnicity", value: $v, purpose: "民族加分资格核验") } }`, { r: resourceId, k: person.idNumber, v: value }, county);
    expect((await verify(person.ethnicity!)).body).toEqual({ data: { platform: { verifyRecord: true } } });
    expect((await verify(person.ethnicity === '汉族' ? '蒙古族' : '汉族')).body).toEqual({ data: { platform: { verifyRecord: false } } });
    const trail = await stack.query(`{ platform(level: REGION) { auditTrail(filter: { action: "VERIFY" }) { nodes { agencyUscc items effect purpose recordKeys } } } }`, {}, regionAuthority);
    expect(trail.body.data.platform.auditTrail.nodes).toContainEqual({ agencyUscc: demoAgency('150102', Sector.CIVIL_AFFAIRS).uscc, items: ['ethnicity'], effect: 'ALLOW', purpose: '民族加分资格核验', recordKeys: [person.idNumber] });
    expect(JSON.stringify(trail.body)).not.toContain(`"${person.ethnicity}"`);
  });

  it('is cut off entirely while suspended, and restored when the suspension is lifted (004 art. 50)', async () => {
    const uscc = demoAgency('150102', Sector.CIVIL_AFFAIRS).uscc;
    const suspended = await stack.query(`mutation($u: ID!) { suspendRegionAgency(uscc: $u, reason: "超范围使用共享数据") { agencyUscc } }`, { u: uscc }, regionAuthority);
    expect(suspended.body.errors).toBeUndefined();
    const cut = await read();
    // Not even whether the record exists: the lookup itself is refused (004 art. 50).
    expect(cut.body.data.platform.person).toBeNull();
    expect(errorCodes(cut)).toEqual(['AGENCY_SUSPENDED']);
    expect(errorAt(cut, ['platform', 'person'])?.extensions?.reason).toBe('AGENCY_SUSPENDED');
    const verification = await stack.query(`query($r: ID!, $k: ID!) { platform(level: REGION) { verifyRecord(resourceId: $r, key: $k, item: "name", value: "x") } }`, { r: resourceId, k: person.idNumber }, county);
    expect(errorCodes(verification)).toEqual(['SHARE_DENIED']);

    await stack.query(`mutation($u: ID!) { liftRegionAgencySuspension(uscc: $u, reason: "已整改") { agencyUscc } }`, { u: uscc }, regionAuthority);
    const restored = await read();
    expect(restored.body.data.platform.person).toMatchObject({ name: person.name, phone: expect.stringContaining('****') });
  });
});
