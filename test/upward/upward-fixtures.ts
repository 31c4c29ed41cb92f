import { Level, levelName } from '../../subgraphs/kernel/levels';
import { onPlatform } from '../support/api';
import { demoAgency, demoAuthority, Sector } from '../../subgraphs/modules/agency/demo-agencies';
import { dataOf, daysFromNow } from '../sharing/sharing-fixtures';
import { TestStack } from '../support/stack';

export const STEP_FIELDS = `kind level jurisdictionCode state actor { sub agencyUscc } reason legalBasis receivedAt decidedAt dueDay overdue approvedItems grantId
  deadline { kind profile citation workingDays dueDay overdue remainingWorkingDays }`;

/** The whole chain in one query: the filed facts and every level's step. */
export const CHAIN_FIELDS = `__typename id requesterUscc requesterLevel requesterJurisdiction resource { id } resourceCode resourceLevel resourceJurisdiction sourceDepartmentUscc
  items scenario purpose legalBasis shareMode filedAt withdrawnAt withdrawnBy
  ... on CountyUpwardApplication { countyStep { ${STEP_FIELDS} } }
  cityStep { ${STEP_FIELDS} } cityHolderStep { ${STEP_FIELDS} } regionStep { ${STEP_FIELDS} } regionHolderStep { ${STEP_FIELDS} }`;

export const CONDITIONAL_PERSON_ITEMS = ['household_address', 'marital_status', 'phone'];

export interface Refusal {
  reason?: string;
  legalBasis?: string;
}

/** The upward-application API of one level's platform through the gateway: its mutations, its lists on `platform(level:)`, an application through `node`. */
export function upwardApi(stack: TestStack, level: Level) {
  const name = (pattern: string) => levelName(level, pattern);
  return {
    file: (token: string, input: { resourceId: string; items: string[]; shareMode?: string; requestedEndDate?: string }) =>
      stack.query(`mutation($input: UpwardApplicationInput!) { ${name('file{Level}UpwardApplication')}(input: $input) { ${CHAIN_FIELDS} } }`, {
        input: {
          scenario: '城乡低保家庭经济状况核对',
          purpose: '核实低保申请人户籍与婚姻状况',
          legalBasis: '《社会救助暂行办法》第十一条',
          requestedEndDate: daysFromNow(180),
          ...input,
        },
      }, token),
    review: (token: string, id: string, decision: 'FORWARD' | 'ROUTE' | 'REFUSE', grounds: Refusal = {}) =>
      stack.query(`mutation($id: ID!, $decision: UpwardReview!, $reason: String, $legalBasis: String) {
          ${name('review{Level}UpwardApplication')}(id: $id, decision: $decision, reason: $reason, legalBasis: $legalBasis) { ${CHAIN_FIELDS} } }`, { id, decision, ...grounds }, token),
    decide: (token: string, id: string, args: { decision: 'APPROVE' | 'REFUSE'; approvedItems?: string[] } & Refusal) =>
      stack.query(`mutation($id: ID!, $decision: ShareDecision!, $approvedItems: [String!], $reason: String, $legalBasis: String) {
          ${name('decide{Level}UpwardApplication')}(id: $id, decision: $decision, approvedItems: $approvedItems, reason: $reason, legalBasis: $legalBasis) { ${CHAIN_FIELDS} } }`, { id, ...args }, token),
    withdraw: (token: string, id: string) => stack.query(`mutation($id: ID!) { ${name('withdraw{Level}UpwardApplication')}(id: $id) { ${CHAIN_FIELDS} } }`, { id }, token),
    application: (token: string, id: string) => stack.query(`query($id: ID!) { node(id: $id) { ... on UpwardApplication { ${CHAIN_FIELDS} } } }`, { id }, token),
    applications: (token: string, first: number) => stack.query(onPlatform(level, `upwardApplications(first: $first) { nodes { ${CHAIN_FIELDS} } }`, '$first: Int!'), { first }, token),
    waiting: (token: string, dueWithinWorkingDays?: number) =>
      stack.query(onPlatform(level, `upwardApplicationsWaiting(dueWithinWorkingDays: $n) { ${CHAIN_FIELDS} }`, '$n: Int'), { n: dueWithinWorkingDays }, token),
  };
}

/** Tokens of the demo parties: requesters by jurisdiction and sector, authorities, and each holder's source reviewers. */
export function parties(stack: TestStack) {
  return {
    agency: (jurisdiction: string, sector: Sector) => stack.token(demoAgency(jurisdiction, sector)),
    authority: (jurisdiction: string) => stack.token(demoAuthority(jurisdiction), 'AUTHORITY_REVIEWER'),
    /** The person databases (RK) are kept by public security, their data source department. */
    personSourceReviewer: (jurisdiction: string) => stack.token(demoAgency(jurisdiction, Sector.PUBLIC_SECURITY), 'SOURCE_REVIEWER'),
  };
}

/** Files an application and returns its id (asserting success). */
export async function filed(stack: TestStack, level: Level, token: string, resourceId: string, items = CONDITIONAL_PERSON_ITEMS): Promise<string> {
  return dataOf(await upwardApi(stack, level).file(token, { resourceId, items })).id;
}
