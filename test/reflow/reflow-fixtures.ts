import { signServiceToken } from '../../subgraphs/kernel/auth/service-token';
import { levelName } from '../../subgraphs/kernel/levels';
import { levelId, localId, onPlatform } from '../support/api';
import { levelOfDivisionCode } from '../../subgraphs/kernel/identifiers';
import { Level } from '../../subgraphs/kernel/levels';
import { demoAgency, demoAuthority, Sector } from '../../subgraphs/modules/agency/demo-agencies';
import { CatalogState } from '../../subgraphs/modules/catalog/enums';
import { CatalogResourceRow } from '../../subgraphs/modules/catalog/resource.entity';
import { ReflowRunTrigger } from '../../subgraphs/modules/reflow/enums';
import { reconcile } from '../../subgraphs/modules/reflow/target/reconcile';
import { runSubscription } from '../../subgraphs/modules/reflow/target/runner';
import { dataOf } from '../sharing/sharing-fixtures';
import { TestStack } from '../support/stack';

/** Tests pull immediately after changing the source, so nothing is held back for settling. */
export const REFLOW_TEST_ENV = { REFLOW_SETTLE_MS: '0' };

/** What the subscriptions of these tests serve; a grant for CONDITIONAL items that flow must approve the same scenario. */
export const REFLOW_PURPOSE = '本级政务服务“一网通办”人口信息核验（000 第十六条按需回流）';

export const APPLICATION_FIELDS = `__typename id direction resource { id } resourceCode resourceJurisdiction requestedItems purpose scopeDivisionCode scopePrefix
  frequency intervalMinutes applicantUscc applicantLevel applicantJurisdiction applicantUser state submittedAt decidedBy decidedAt refusalReason subscription { id }
  replyDeadline { kind profile citation workingDays dueDay overdue }`;
export const SUBSCRIPTION_FIELDS = `__typename id application { id } direction sourceLevel targetLevel resource { id } resourceCode dataTable scopeDivisionCode scopePrefix items
  subscriberUscc subscriberJurisdiction purpose frequency intervalMinutes createdAt`;
export const RUN_FIELDS = 'id subscription { id } trigger state pages rowsRead rowsWritten rowsDeleted rate error queuedAt startedAt finishedAt';

export interface ReflowInput {
  resourceId: string;
  items: string[];
  purpose?: string;
  scopeDivisionCode?: string;
  frequency?: 'ONE_OFF' | 'INCREMENTAL';
  intervalMinutes?: number;
}

/** The reflow API of the platform of `level` through the gateway: its mutations, its lists on `platform(level:)`, objects through `node`. */
export function reflowApi(stack: TestStack, level: Level) {
  const name = (pattern: string) => levelName(level, pattern);
  return {
    apply: (token: string, input: ReflowInput) =>
      stack.query(`mutation($input: ReflowApplicationInput!) { ${name('apply{Level}Reflow')}(input: $input) { ${APPLICATION_FIELDS} } }`, {
        input: { purpose: REFLOW_PURPOSE, frequency: 'INCREMENTAL', intervalMinutes: 60, ...input },
      }, token),
    decide: (token: string, id: string, decision: 'APPROVE' | 'REFUSE', reason?: string) =>
      stack.query(`mutation($id: ID!, $d: ReflowDecision!, $r: String) { ${name('decide{Level}Reflow')}(id: $id, decision: $d, reason: $r) { ${APPLICATION_FIELDS} } }`, { id, d: decision, r: reason }, token),
    application: (token: string, id: string) => stack.query(`query($id: ID!) { node(id: $id) { ... on ReflowApplication { ${APPLICATION_FIELDS} } } }`, { id }, token),
    subscriptions: (token: string) => stack.query(onPlatform(level, `reflowSubscriptions { nodes { ${SUBSCRIPTION_FIELDS} } }`), {}, token),
    /** Runs at this (receiving) level; `subscriptionId` is a subscription's global id. */
    runs: (token: string, subscriptionId?: string) => stack.query(onPlatform(level, `reflowRuns(subscriptionId: $s) { nodes { ${RUN_FIELDS} } }`, '$s: ID'), { s: subscriptionId }, token),
  };
}

/** The id (global) of the published version of a seeded resource, by code, from the database of the level that owns it. */
export async function resourceIdOf(stack: TestStack, code: string): Promise<string> {
  const level = levelOfDivisionCode(code.slice(0, 6));
  const row = await stack.subgraphs[level].db.getRepository(CatalogResourceRow).findOneByOrFail({ code, state: CatalogState.PUBLISHED });
  return levelId(level, 'Resource', row.id);
}

/** The global id of a subscription (by its local id, `city-…`) served by `sourceLevel`. */
export const subscriptionGid = (sourceLevel: Level, subscriptionId: string) => levelId(sourceLevel, 'ReflowSubscription', subscriptionId);

/**
 * Applies as `applicant` at the platform of `sourceLevel` and, for reflow, has `decider` approve:
 * the subscription's own id (`city-…`, what the reflow commands and the databases use). Aggregation
 * is approved on submission.
 */
export async function subscribe(stack: TestStack, sourceLevel: Level, applicant: string, decider: string | null, input: ReflowInput): Promise<string> {
  const api = reflowApi(stack, sourceLevel);
  const applied = dataOf(await api.apply(applicant, input));
  if (applied.state === 'APPROVED') return localId(applied.subscription.id);
  return localId(dataOf(await api.decide(decider!, applied.id, 'APPROVE')).subscription.id);
}

/**
 * Hohhot's authority subscribes to the region's population register (PERSON_ITEMS), approved by the
 * region's authority: the subscription's own id. `options` sets its frequency.
 */
export async function hohhotSubscribesToPersons(stack: TestStack, options: Pick<ReflowInput, 'frequency' | 'intervalMinutes'> = {}): Promise<string> {
  const hohhot = await stack.token(HOHHOT_AUTHORITY, 'AUTHORITY_REVIEWER');
  const region = await stack.token(REGION_AUTHORITY, 'AUTHORITY_REVIEWER');
  return subscribe(stack, 'REGION', hohhot, region, { resourceId: await resourceIdOf(stack, '150000-RK-0001'), items: PERSON_ITEMS, ...options });
}

/** A SERVICE token as the city platform mints it to pull for `agency` (`secret`: to forge one with another key). */
export const cityServiceToken = (stack: TestStack, agency = HOHHOT_AUTHORITY, secret = stack.config.serviceTokenSecret) =>
  signServiceToken(secret, { level: 'CITY', agency: agency.uscc, jurisdiction: agency.jurisdictionCode });

/** One run, in this process, at the receiving platform of the stack (what `npm run reflow` does). */
export const runAt = (stack: TestStack, level: Level, subscriptionId: string) =>
  runSubscription({ level, db: stack.subgraphs[level].db, config: stack.config }, subscriptionId, { trigger: ReflowRunTrigger.COMMAND });

export const reconcileAt = (stack: TestStack, level: Level, subscriptionId: string) => reconcile({ level, db: stack.subgraphs[level].db, config: stack.config }, subscriptionId);

export const HOHHOT_AUTHORITY = demoAuthority('150100');
export const HULUNBUIR_AUTHORITY = demoAuthority('150700');
export const REGION_AUTHORITY = demoAuthority('150000');
export const REGION_POLICE = demoAgency('150000', Sector.PUBLIC_SECURITY);
export const PERSON_ITEMS = ['name', 'id_number', 'gender', 'birth_date', 'household_address', 'marital_status', 'phone'];
