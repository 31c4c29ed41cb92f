import { randomUUID } from 'node:crypto';
import { demoAgency, demoAuthority, Sector } from '../../subgraphs/modules/agency/demo-agencies';
import { DemandApplication } from '../../subgraphs/modules/demand/demand.entity';
import { DemandState } from '../../subgraphs/modules/demand/enums';
import { ResponsibilityEntry } from '../../subgraphs/modules/demand/responsibility.entity';
import { GraphQLResponse, TestStack } from '../support/stack';

/** The Hohhot cast of 004 art. 24: an applicant, the city's authority, and the source department it names. */
export const APPLICANT = demoAgency('150100', Sector.CIVIL_AFFAIRS);
export const AUTHORITY = demoAuthority('150100');
export const SOURCE = demoAgency('150100', Sector.PUBLIC_SECURITY);

export async function hohhotTokens(stack: TestStack) {
  return {
    applicant: await stack.token(APPLICANT),
    authority: await stack.token(AUTHORITY, 'AUTHORITY_REVIEWER'),
    sourceReviewer: await stack.token(SOURCE, 'SOURCE_REVIEWER'),
  };
}

/** The token subject stack.token() gives a demo agency's user holding exactly `role`. */
export const subjectOf = (uscc: string, role: string) => `tester-${uscc}-${role}`;

const DEADLINE = 'kind profile citation workingDays startedAt dueDay overdue remainingWorkingDays provisional';

export const DEMAND_FIELDS = `__typename id state applicantUscc applicantUser applicantJurisdiction description desiredItems scenario purpose legalBasis
  suggestedSourceUscc sourceDepartmentUscc submittedAt reviewedAt reviewedBy reviewedByAgency answeredAt answeredBy
  deliveredAt deliveredBy deliveredResource { id } refusalStep refusalReason refusalLegalBasis
  replyDeadline { ${DEADLINE} } deliveryDeadline { ${DEADLINE} }
  responsibility { itemName resourceCode dueDate fulfilled resource { id } }`;

export const ENTRY_FIELDS = `id agencyUscc itemName resourceCode dueDate dueDateAnnounced processingReason confirmedAt fulfilled fulfilledAt resource { id } overdue
  deadline { ${DEADLINE} } demand { id state }`;

export const DEMAND_INPUT = {
  description: '本市户籍居民的婚姻登记状态，用于低保对象家庭关系核查',
  desiredItems: ['婚姻登记状态', '登记日期'],
  scenario: '最低生活保障对象家庭经济状况核对',
  purpose: '依法认定低保对象的共同生活家庭成员',
  legalBasis: '《社会救助暂行办法》第十一条',
  suggestedSourceUscc: SOURCE.uscc,
};

export { onlyError } from '../support/api';

/** The data of a response that must have succeeded. */
export function dataOf(response: GraphQLResponse) {
  expect(response.body.errors).toBeUndefined();
  return response.body.data;
}

/** Files a demand with the city platform as the Hohhot applicant and returns it. */
export async function submitCityDemand(stack: TestStack, token: string, input: Record<string, unknown> = DEMAND_INPUT) {
  const response = await stack.query(`mutation($input: DemandInput!) { submitCityDemand(input: $input) { ${DEMAND_FIELDS} } }`, { input }, token);
  return dataOf(response).submitCityDemand;
}

/** Test SETUP only: a demand written straight into the city database, as if it had come this far at the given times. */
export async function insertCityDemand(stack: TestStack, setup: Partial<DemandApplication> & { submittedAt: Date }): Promise<DemandApplication> {
  const demand = Object.assign(new DemandApplication(), {
    id: randomUUID(),
    applicantUscc: APPLICANT.uscc,
    applicantUser: subjectOf(APPLICANT.uscc, 'AGENCY_USER'),
    applicantJurisdiction: APPLICANT.jurisdictionCode,
    description: DEMAND_INPUT.description,
    desiredItems: DEMAND_INPUT.desiredItems,
    scenario: DEMAND_INPUT.scenario,
    purpose: DEMAND_INPUT.purpose,
    legalBasis: null,
    suggestedSourceUscc: null,
    sourceDepartmentUscc: null,
    state: DemandState.SUBMITTED,
    ...setup,
  });
  await stack.subgraphs.CITY.db.getRepository(DemandApplication).insert(demand);
  return demand;
}

/** Test SETUP only: a responsibility list entry for a confirmed setup demand. */
export async function insertCityResponsibility(stack: TestStack, demand: DemandApplication, dueDate: string): Promise<void> {
  await stack.subgraphs.CITY.db.getRepository(ResponsibilityEntry).insert({
    id: randomUUID(),
    agencyUscc: demand.sourceDepartmentUscc!,
    demandId: demand.id,
    itemName: demand.desiredItems[0],
    resourceCode: null,
    dueDate,
    dueDateAnnounced: false,
    processingReason: null,
    jurisdictionCode: demand.applicantJurisdiction,
    confirmedAt: demand.answeredAt!,
    fulfilledAt: null,
    resourceId: null,
  });
}
