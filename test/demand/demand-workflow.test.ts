import { demoAgency, demoAuthority, Sector } from '../../subgraphs/modules/agency/demo-agencies';
import { startTestStack, TestStack } from '../support/stack';
import { APPLICANT, AUTHORITY, DEMAND_FIELDS, DEMAND_INPUT, ENTRY_FIELDS, SOURCE, dataOf, hohhotTokens, onlyError, subjectOf, submitCityDemand } from './demand-fixtures';

let stack: TestStack;
let tokens: Awaited<ReturnType<typeof hohhotTokens>>;

beforeAll(async () => {
  stack = await startTestStack();
  tokens = await hohhotTokens(stack);
});
afterAll(() => stack?.stop());

const REVIEW = `mutation($id: ID!, $decision: DemandReviewDecision!, $source: ID, $reason: String) {
  reviewCityDemand(id: $id, decision: $decision, sourceDepartmentUscc: $source, reason: $reason) { ${DEMAND_FIELDS} } }`;
const CONFIRM = `mutation($id: ID!, $item: String!, $code: String, $due: String) {
  confirmCityDemand(id: $id, itemName: $item, resourceCode: $code, dueDate: $due) { ${DEMAND_FIELDS} } }`;
const REFUSE = `mutation($id: ID!, $reason: String, $basis: String) { refuseCityDemand(id: $id, reason: $reason, legalBasis: $basis) { ${DEMAND_FIELDS} } }`;
const DELIVER = `mutation($id: ID!, $resource: ID!) { deliverCityDemand(id: $id, resourceId: $resource) { ${DEMAND_FIELDS} } }`;
const LIST = `query($state: DemandState) { platform(level: CITY) { demands(state: $state) { nodes { id state } } } }`;
const RESPONSIBILITIES = `query($uscc: ID) { platform(level: CITY) { responsibilityList(agencyUscc: $uscc) { nodes { ${ENTRY_FIELDS} } } } }`;

const approve = (id: string, token = tokens.authority) => stack.query(REVIEW, { id, decision: 'APPROVE', source: SOURCE.uscc }, token);
const confirm = (id: string, token = tokens.sourceReviewer) => stack.query(CONFIRM, { id, item: '婚姻登记状态' }, token);
const listIds = async (token: string, state?: string) => dataOf(await stack.query(LIST, { state }, token)).platform.demands.nodes.map((d: { id: string }) => d.id);

async function publishedCityResource(code: string): Promise<string> {
  const response = await stack.query('{ platform(level: CITY) { resources(jurisdictionCode: "150100", state: PUBLISHED, first: 200) { nodes { id code } } } }', {}, tokens.applicant);
  return dataOf(response).platform.resources.nodes.find((r: { code: string }) => r.code === code).id;
}

describe('a demand for data not yet in the catalog goes applicant → authority → source department (004 art. 24)', () => {
  it('runs submit → review → confirm → deliver, recording who acted at each step and filling the responsibility list', async () => {
    const submitted = await submitCityDemand(stack, tokens.applicant);
    expect(submitted).toMatchObject({
      state: 'SUBMITTED',
      applicantUscc: APPLICANT.uscc,
      applicantUser: subjectOf(APPLICANT.uscc, 'AGENCY_USER'),
      applicantJurisdiction: '150100',
      desiredItems: DEMAND_INPUT.desiredItems,
      suggestedSourceUscc: SOURCE.uscc,
      sourceDepartmentUscc: null,
      replyDeadline: { kind: 'DEMAND_REPLY', workingDays: 5, citation: '004 art. 24', overdue: false },
      deliveryDeadline: null,
    });
    // Until the authority names it, the suggested source department has nothing waiting on it.
    expect(await listIds(tokens.authority)).toContain(submitted.id);
    expect(await listIds(tokens.sourceReviewer)).not.toContain(submitted.id);

    const approved = dataOf(await approve(submitted.id)).reviewCityDemand;
    expect(approved).toMatchObject({
      state: 'AUTHORITY_APPROVED',
      sourceDepartmentUscc: SOURCE.uscc,
      reviewedBy: subjectOf(AUTHORITY.uscc, 'AUTHORITY_REVIEWER'),
      reviewedByAgency: AUTHORITY.uscc,
      replyDeadline: { kind: 'DEMAND_REPLY', dueDay: submitted.replyDeadline.dueDay },
    });
    expect(await listIds(tokens.sourceReviewer, 'AUTHORITY_APPROVED')).toContain(submitted.id);

    const confirmed = dataOf(await stack.query(CONFIRM, { id: submitted.id, item: '婚姻登记状态', code: '150100-RK-0001' }, tokens.sourceReviewer)).confirmCityDemand;
    expect(confirmed).toMatchObject({
      state: 'CONFIRMED',
      answeredBy: subjectOf(SOURCE.uscc, 'SOURCE_REVIEWER'),
      replyDeadline: null,
      deliveryDeadline: { kind: 'DEMAND_DELIVERY', workingDays: 7, citation: '004 art. 24', overdue: false },
      responsibility: { itemName: '婚姻登记状态', resourceCode: '150100-RK-0001', fulfilled: false, resource: null },
    });
    expect(confirmed.responsibility.dueDate).toBe(confirmed.deliveryDeadline.dueDay);
    const entryOf = async () =>
      dataOf(await stack.query(RESPONSIBILITIES, { uscc: SOURCE.uscc }, tokens.sourceReviewer)).platform.responsibilityList.nodes.find((e: { demand: { id: string } | null }) => e.demand?.id === submitted.id);
    const entry = await entryOf();
    expect(entry).toMatchObject({ agencyUscc: SOURCE.uscc, fulfilled: false, overdue: false, demand: { id: submitted.id, state: 'CONFIRMED' } });

    const otherDepartmentsResource = await publishedCityResource('150100-FR-0001');
    const wrongResource = onlyError(await stack.query(DELIVER, { id: submitted.id, resource: otherDepartmentsResource }, tokens.sourceReviewer));
    expect(wrongResource.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'resourceId' });

    const resourceId = await publishedCityResource('150100-RK-0001');
    const delivered = dataOf(await stack.query(DELIVER, { id: submitted.id, resource: resourceId }, tokens.sourceReviewer)).deliverCityDemand;
    expect(delivered).toMatchObject({ state: 'DELIVERED', deliveredResource: { id: resourceId }, deliveredBy: subjectOf(SOURCE.uscc, 'SOURCE_REVIEWER'), deliveryDeadline: null });
    expect(await entryOf()).toMatchObject({ fulfilled: true, resource: { id: resourceId }, overdue: false });
  });

  it('lets the region authority, above Hohhot, review a Hohhot demand', async () => {
    const demand = await submitCityDemand(stack, tokens.applicant);
    const regionAuthority = await stack.token(demoAuthority('150000'), 'AUTHORITY_REVIEWER');
    expect(dataOf(await approve(demand.id, regionAuthority)).reviewCityDemand).toMatchObject({ state: 'AUTHORITY_APPROVED', reviewedByAgency: demoAuthority('150000').uscc });
  });
});

describe('the demand list (需求清单) shows each caller the demands that concern it (004 art. 20)', () => {
  it('the applicant and its authority see a demand, an unrelated agency does not, and the state filter applies', async () => {
    const demand = await submitCityDemand(stack, tokens.applicant);
    expect(await listIds(tokens.applicant, 'SUBMITTED')).toContain(demand.id);
    expect(await listIds(tokens.authority, 'SUBMITTED')).toContain(demand.id);
    expect(await listIds(tokens.applicant, 'CONFIRMED')).not.toContain(demand.id);
    expect(await listIds(await stack.token(demoAgency('150100', Sector.HEALTH)))).not.toContain(demand.id);
    expect(await listIds(await stack.token(demoAuthority('150700'), 'AUTHORITY_REVIEWER'))).not.toContain(demand.id);
  });
});

describe('refusals state a reason (004 art. 24)', () => {
  it('the authority refuses at review only with a reason, and the demand then stops', async () => {
    const demand = await submitCityDemand(stack, tokens.applicant);
    const noReason = onlyError(await stack.query(REVIEW, { id: demand.id, decision: 'REFUSE', reason: '  ' }, tokens.authority));
    expect(noReason.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });

    const refused = dataOf(await stack.query(REVIEW, { id: demand.id, decision: 'REFUSE', reason: '所需数据已在共享目录中，请直接申请' }, tokens.authority)).reviewCityDemand;
    expect(refused).toMatchObject({ state: 'REFUSED', refusalStep: 'AUTHORITY_REVIEW', refusalReason: '所需数据已在共享目录中，请直接申请', sourceDepartmentUscc: null, replyDeadline: null });
    expect(onlyError(await approve(demand.id)).extensions).toMatchObject({ code: 'CONFLICT', state: 'REFUSED' });
  });

  it('the source department refuses only with a reason and its legal basis, and nothing enters its responsibility list', async () => {
    const demand = await submitCityDemand(stack, tokens.applicant);
    dataOf(await approve(demand.id));
    const noBasis = onlyError(await stack.query(REFUSE, { id: demand.id, reason: '涉及国家秘密' }, tokens.sourceReviewer));
    expect(noBasis.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'legalBasis' });
    const noReason = onlyError(await stack.query(REFUSE, { id: demand.id, basis: '《中华人民共和国保守国家秘密法》' }, tokens.sourceReviewer));
    expect(noReason.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });

    const refused = dataOf(await stack.query(REFUSE, { id: demand.id, reason: '涉及国家秘密', basis: '《中华人民共和国保守国家秘密法》' }, tokens.sourceReviewer)).refuseCityDemand;
    expect(refused).toMatchObject({ state: 'REFUSED', refusalStep: 'SOURCE_DEPARTMENT', refusalLegalBasis: '《中华人民共和国保守国家秘密法》', responsibility: null, replyDeadline: null });
    const entries = dataOf(await stack.query(RESPONSIBILITIES, { uscc: SOURCE.uscc }, tokens.sourceReviewer)).platform.responsibilityList.nodes;
    expect(entries.map((e: { demand: { id: string } | null }) => e.demand?.id)).not.toContain(demand.id);
  });
});

describe('each step is taken only by its actor and only from its state', () => {
  it('FORBIDDEN: the applicant reviewing, the authority confirming, a source-department user without SOURCE_REVIEWER confirming', async () => {
    const demand = await submitCityDemand(stack, tokens.applicant);
    expect(onlyError(await approve(demand.id, tokens.applicant)).extensions?.code).toBe('FORBIDDEN');
    dataOf(await approve(demand.id));
    expect(onlyError(await confirm(demand.id, tokens.authority)).extensions?.code).toBe('FORBIDDEN');
    expect(onlyError(await confirm(demand.id, await stack.token(SOURCE))).extensions?.code).toBe('FORBIDDEN');
    expect(dataOf(await confirm(demand.id)).confirmCityDemand.state).toBe('CONFIRMED');
  });

  it('a department that is not the named source, or an authority not over the applicant, does not see the demand (NOT_FOUND)', async () => {
    const demand = await submitCityDemand(stack, tokens.applicant);
    // Only the authority names the source department: the applicant's suggestion gives it no access before that.
    expect(onlyError(await confirm(demand.id)).extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    const hulunbuirAuthority = await stack.token(demoAuthority('150700'), 'AUTHORITY_REVIEWER');
    expect(onlyError(await approve(demand.id, hulunbuirAuthority)).extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    dataOf(await approve(demand.id));
    const healthReviewer = await stack.token(demoAgency('150100', Sector.HEALTH), 'SOURCE_REVIEWER');
    expect(onlyError(await confirm(demand.id, healthReviewer)).extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    expect(await listIds(healthReviewer)).not.toContain(demand.id);
  });

  it('CONFLICT: reviewing twice, delivering before confirmation, confirming after a refusal', async () => {
    const demand = await submitCityDemand(stack, tokens.applicant);
    dataOf(await approve(demand.id));
    expect(onlyError(await approve(demand.id)).extensions).toMatchObject({ code: 'CONFLICT', state: 'AUTHORITY_APPROVED' });
    const early = onlyError(await stack.query(DELIVER, { id: demand.id, resource: await publishedCityResource('150100-RK-0001') }, tokens.sourceReviewer));
    expect(early.extensions).toMatchObject({ code: 'CONFLICT', state: 'AUTHORITY_APPROVED', action: 'deliver' });
    dataOf(await stack.query(REFUSE, { id: demand.id, reason: '数据尚未采集', basis: '《中华人民共和国户口登记条例》' }, tokens.sourceReviewer));
    expect(onlyError(await confirm(demand.id)).extensions).toMatchObject({ code: 'CONFLICT', state: 'REFUSED', action: 'confirm' });
  });

  it('an agency files with the platform of its own level; a county agency cannot file at the city platform', async () => {
    const countyAgency = await stack.token(demoAgency('150102', Sector.CIVIL_AFFAIRS));
    const response = await stack.query(`mutation($input: DemandInput!) { submitCityDemand(input: $input) { id } }`, { input: DEMAND_INPUT }, countyAgency);
    expect(onlyError(response).extensions?.code).toBe('FORBIDDEN');
  });

  it('names the field of bad input: an invalid suggested source USCC, an empty item list', async () => {
    const submit = (input: Record<string, unknown>) => stack.query(`mutation($input: DemandInput!) { submitCityDemand(input: $input) { id } }`, { input }, tokens.applicant);
    const badUscc = onlyError(await submit({ ...DEMAND_INPUT, suggestedSourceUscc: '11150100MB0000000X' }));
    expect(badUscc.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.suggestedSourceUscc' });
    const noItems = onlyError(await submit({ ...DEMAND_INPUT, desiredItems: [] }));
    expect(noItems.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.desiredItems' });
  });
});
