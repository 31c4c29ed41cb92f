import { Level, levelName } from '../../subgraphs/kernel/levels';
import { onPlatform } from '../support/api';
import { GraphQLResponse, TestStack } from '../support/stack';

/** The scenario these tests' applications state; reads of what they are granted state it (004 art. 20, 23). */
export const SHARE_SCENARIO = '城乡低保家庭经济状况核对';

export const GRANT_FIELDS = 'id application { id } agencyUscc resource { id } itemCodes scenario mode endsAt status revokedAt revokeReason';

/** Every field of an application, its deadlines, progress and grant. */
export const APPLICATION_FIELDS = `__typename id resource { id } applicantUscc applicantLevel applicantJurisdiction applicantUser sourceDepartmentUscc
  resourceJurisdiction scenario purpose shareMode requestedEndDate state submittedAt decidedBy decidedAt
  requestedItems approvedItems refusedItems refusalReason refusalLegalBasis deliveredAt deliveredBy withdrawnAt withdrawnBy
  replyDeadline { kind profile citation workingDays startedAt dueDay overdue remainingWorkingDays }
  deliveryDeadline { kind profile citation workingDays startedAt dueDay }
  progress { step done at by dueDay onTime }
  grant { ${GRANT_FIELDS} }`;
export const SUSPENSION_FIELDS = 'agencyUscc reason imposedBy suspendedBy suspendedAt liftedAt liftedBy liftReason active';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Whole seconds, so the value survives a MySQL DATETIME column unchanged. */
export const daysFromNow = (days: number) => new Date(Math.floor((Date.now() + days * DAY_MS) / 1000) * 1000).toISOString();

export interface ApplicationInput {
  resourceId: string;
  items: string[];
  scenario?: string;
  purpose?: string;
  shareMode?: 'INTERFACE' | 'FILE' | 'MASKED';
  requestedEndDate?: string;
}

export interface DecisionArgs {
  decision: 'APPROVE' | 'REFUSE';
  approvedItems?: string[];
  endDate?: string;
  reason?: string;
  legalBasis?: string;
}

/**
 * The sharing API of one level's platform through the gateway: that level's mutations, its lists as
 * fields of `platform(level:)`, an application by its id through `node`.
 */
export function sharingApi(stack: TestStack, level: Level) {
  const name = (pattern: string) => levelName(level, pattern);
  return {
    apply: (token: string, input: ApplicationInput) =>
      stack.query(`mutation($input: ShareApplicationInput!) { ${name('apply{Level}Share')}(input: $input) { ${APPLICATION_FIELDS} } }`, {
        input: { scenario: SHARE_SCENARIO, purpose: '核实申请人户籍与家庭关系（社会救助法定职责）', shareMode: 'INTERFACE', requestedEndDate: daysFromNow(180), ...input },
      }, token),
    decide: (token: string, id: string, args: DecisionArgs) =>
      stack.query(
        `mutation($id: ID!, $decision: ShareDecision!, $approvedItems: [String!], $endDate: DateTimeISO, $reason: String, $legalBasis: String) {
          ${name('decide{Level}ShareApplication')}(id: $id, decision: $decision, approvedItems: $approvedItems, endDate: $endDate, reason: $reason, legalBasis: $legalBasis) { ${APPLICATION_FIELDS} } }`,
        { id, ...args },
        token,
      ),
    withdraw: (token: string, id: string) => stack.query(`mutation($id: ID!) { ${name('withdraw{Level}ShareApplication')}(id: $id) { ${APPLICATION_FIELDS} } }`, { id }, token),
    deliver: (token: string, id: string) => stack.query(`mutation($id: ID!) { ${name('deliver{Level}ShareApplication')}(id: $id) { ${APPLICATION_FIELDS} } }`, { id }, token),
    revoke: (token: string, id: string, reason: string) =>
      stack.query(`mutation($id: ID!, $reason: String!) { ${name('revoke{Level}ShareGrant')}(id: $id, reason: $reason) { ${GRANT_FIELDS} } }`, { id, reason }, token),
    application: (token: string, id: string) => stack.query(`query($id: ID!) { node(id: $id) { ... on ShareApplication { ${APPLICATION_FIELDS} } } }`, { id }, token),
    applications: (token: string, role: 'APPLICANT' | 'REVIEWER', state?: string) =>
      stack.query(onPlatform(level, 'shareApplications(role: $role, state: $state) { nodes { id state applicantUscc } }', '$role: ShareApplicationRole!, $state: ShareApplicationState'), { role, state }, token),
    due: (token: string, withinWorkingDays: number) =>
      stack.query(onPlatform(level, 'shareApplicationsDue(withinWorkingDays: $n) { id replyDeadline { dueDay overdue remainingWorkingDays } }', '$n: Int!'), { n: withinWorkingDays }, token),
    grants: (token: string, agencyUscc?: string) => stack.query(onPlatform(level, `shareGrants(agencyUscc: $a) { nodes { ${GRANT_FIELDS} } }`, '$a: ID'), { a: agencyUscc }, token),
    suspend: (token: string, uscc: string, reason: string) =>
      stack.query(`mutation($u: ID!, $r: String!) { ${name('suspend{Level}Agency')}(uscc: $u, reason: $r) { ${SUSPENSION_FIELDS} } }`, { u: uscc, r: reason }, token),
    lift: (token: string, uscc: string, reason: string) =>
      stack.query(`mutation($u: ID!, $r: String!) { ${name('lift{Level}AgencySuspension')}(uscc: $u, reason: $r) { ${SUSPENSION_FIELDS} } }`, { u: uscc, r: reason }, token),
    suspensions: (token: string, activeOnly = true) =>
      stack.query(onPlatform(level, `suspensions(activeOnly: $a) { nodes { ${SUSPENSION_FIELDS} } }`, '$a: Boolean!'), { a: activeOnly }, token),
  };
}

/** The single root field of a successful response (of `platform(level:)`: the one field asked of it). */
export function dataOf<T = any>(response: GraphQLResponse): T {
  expect(response.body.errors).toBeUndefined();
  const root = Object.values(response.body.data ?? {})[0] as Record<string, unknown>;
  return (response.body.data?.platform && Object.keys(root).length === 1 ? Object.values(root)[0] : root) as T;
}

/** The single error of a failed response, with its code. */
export function errorOf(response: GraphQLResponse): { message: string; code: string; extensions: Record<string, any> } {
  expect(response.body.errors).toHaveLength(1);
  const [error] = response.body.errors!;
  return { message: error.message, code: error.extensions?.code, extensions: error.extensions ?? {} };
}

/** Ids of seeded resources by catalog code, found through the integrated catalog by words of their name. */
export async function resourceIds(stack: TestStack, token: string, text: string): Promise<Record<string, string>> {
  const response = await stack.query('query($text: String!) { catalog(filter: {text: $text}, first: 20) { edges { node { id code } } } }', { text }, token);
  const edges: { node: { id: string; code: string } }[] = dataOf(response).edges;
  return Object.fromEntries(edges.map((e) => [e.node.code, e.node.id]));
}
