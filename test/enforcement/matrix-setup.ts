import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { composeUscc } from '../../subgraphs/kernel/identifiers';
import { Level } from '../../subgraphs/kernel/levels';
import { DemoAgency, Sector } from '../../subgraphs/modules/agency/demo-agencies';
import { ShareMode } from '../../subgraphs/modules/catalog/enums';
import { ApplicationState, ShareApplication } from '../../subgraphs/modules/sharing/application.entity';
import { GrantStatus, ShareGrant } from '../../subgraphs/modules/sharing/grant.entity';

/** The grant situations an agency can be in for the region's population resource. */
export const GRANT_STATES = ['NONE', 'PENDING', 'APPROVED', 'APPROVED_OTHER_ITEMS', 'APPROVED_MASKED', 'EXPIRED', 'REVOKED'] as const;
export type GrantState = (typeof GRANT_STATES)[number];

const JURISDICTION: Record<Level, string> = { REGION: '150000', CITY: '150100', COUNTY: '150102' };
export const CONDITIONAL_ITEMS = ['household_address', 'marital_status', 'phone'];

/** A requesting agency per (level, grant state), with a valid USCC of its own. */
export function matrixAgency(level: Level, state: GrantState): DemoAgency {
  const code = JURISDICTION[level];
  const body = `7${String(GRANT_STATES.indexOf(state)).padStart(2, '0')}${code.slice(1)}`.slice(0, 8);
  return { uscc: composeUscc('1', '1', code, body), name: `matrix ${level} ${state}`, sector: Sector.HEALTH, jurisdictionCode: code, level, isSourceDepartment: true };
}

/** Puts the agency in the given grant state for the resource (test setup, written straight to the region's tables). */
export async function arrangeGrantState(db: DataSource, resourceId: string, agency: DemoAgency, state: GrantState, now = new Date()): Promise<void> {
  if (state === 'NONE') return;
  const day = 24 * 3600 * 1000;
  const applicationId = randomUUID();
  await db.getRepository(ShareApplication).insert({
    id: applicationId,
    resourceId,
    applicantUscc: agency.uscc,
    applicantLevel: agency.level,
    applicantJurisdiction: agency.jurisdictionCode,
    applicantUser: 'matrix',
    sourceDepartmentUscc: '000000000000000000',
    resourceJurisdiction: '150000',
    scenario: MATRIX_SCENARIO,
    purpose: 'test',
    requestedItemsJson: JSON.stringify(CONDITIONAL_ITEMS),
    shareMode: state === 'APPROVED_MASKED' ? ShareMode.MASKED : ShareMode.INTERFACE,
    requestedEndDate: new Date(now.getTime() + 30 * day),
    state: state === 'PENDING' ? ApplicationState.PENDING : ApplicationState.APPROVED,
    submittedAt: new Date(now.getTime() - 2 * day),
  });
  if (state === 'PENDING') return;
  const items = state === 'APPROVED_OTHER_ITEMS' ? ['household_address'] : state === 'APPROVED_MASKED' ? ['household_address', 'phone'] : CONDITIONAL_ITEMS;
  await db.getRepository(ShareGrant).insert({
    id: randomUUID(),
    applicationId,
    agencyUscc: agency.uscc,
    resourceId,
    itemCodesJson: JSON.stringify(items),
    scenario: MATRIX_SCENARIO,
    mode: state === 'APPROVED_MASKED' ? ShareMode.MASKED : ShareMode.INTERFACE,
    endsAt: new Date(now.getTime() + (state === 'EXPIRED' ? -day : 30 * day)),
    status: state === 'REVOKED' ? GrantStatus.REVOKED : GrantStatus.APPROVED,
    revokedAt: state === 'REVOKED' ? new Date(now.getTime() - day) : null,
    revokeReason: state === 'REVOKED' ? 'matrix' : null,
  });
}

export type Expected = { effect: 'ALLOW' } | { effect: 'MASKED' } | { effect: 'DENY'; reason: string };

/** The scenario every matrix grant approves. */
export const MATRIX_SCENARIO = 'authorization matrix';

/** What a request says its data serves (004 art. 20, 23): the approved scenario, something else, or nothing. */
export const STATED_PURPOSES = ['APPROVED_SCENARIO', 'OTHER_PURPOSE', 'NONE'] as const;
export type StatedPurpose = (typeof STATED_PURPOSES)[number];

/** The x-data-purpose header a request of the matrix sends. */
export function purposeHeaders(stated: StatedPurpose): Record<string, string> {
  if (stated === 'NONE') return {};
  return { 'x-data-purpose': encodeURIComponent(stated === 'APPROVED_SCENARIO' ? MATRIX_SCENARIO : '商业营销') };
}

/** What the rules say (004 art. 20-23), written out per case rather than computed by the engine. */
export function expectedFor(shareType: 'UNCONDITIONAL' | 'CONDITIONAL' | 'NOT_SHARED', item: string, state: GrantState, stated: StatedPurpose = 'APPROVED_SCENARIO'): Expected {
  if (shareType === 'UNCONDITIONAL') return { effect: 'ALLOW' };
  if (shareType === 'NOT_SHARED') return { effect: 'DENY', reason: 'NOT_SHARED' };
  // A valid grant names the item: it is released only for the scenario the grant approved.
  const underGrant = (released: Expected): Expected =>
    stated === 'APPROVED_SCENARIO' ? released : { effect: 'DENY', reason: stated === 'NONE' ? 'PURPOSE_REQUIRED' : 'PURPOSE_MISMATCH' };
  switch (state) {
    case 'NONE': return { effect: 'DENY', reason: 'NO_GRANT' };
    case 'PENDING': return { effect: 'DENY', reason: 'GRANT_PENDING' };
    case 'APPROVED': return underGrant({ effect: 'ALLOW' });
    case 'APPROVED_OTHER_ITEMS': return item === 'household_address' ? underGrant({ effect: 'ALLOW' }) : { effect: 'DENY', reason: 'OUTSIDE_GRANTED_ITEMS' };
    case 'APPROVED_MASKED': return item === 'marital_status' ? { effect: 'DENY', reason: 'OUTSIDE_GRANTED_ITEMS' } : underGrant({ effect: 'MASKED' });
    case 'EXPIRED': return { effect: 'DENY', reason: 'GRANT_EXPIRED' };
    case 'REVOKED': return { effect: 'DENY', reason: 'GRANT_REVOKED' };
  }
}
