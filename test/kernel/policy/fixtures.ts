import { GrantView, ItemPolicy, Requester } from '../../../subgraphs/kernel/policy';

export const NOW = new Date('2026-03-02T08:00:00Z');
const DAY_MS = 24 * 60 * 60 * 1000;
export const IN_30_DAYS = new Date(NOW.getTime() + 30 * DAY_MS);
export const YESTERDAY = new Date(NOW.getTime() - DAY_MS);

export const REQUESTER: Requester = { agencyUscc: '111500000015000070', level: 'REGION', jurisdiction: '150000', suspended: false };
export const SUSPENDED: Requester = { ...REQUESTER, suspended: true };
export const OTHER_AGENCY_USCC = '91350100M000100Y43';

/** The scenario the fixtures' grants approve; reads of CONDITIONAL items state it (004 art. 20, 23). */
export const SCENARIO = '城乡低保家庭经济状况核对';

export const POPULATION = 'RES-POPULATION';
export const ENTERPRISES = 'RES-ENTERPRISES';

/** A CONDITIONAL item NAME of the population resource, unless overridden. */
export function item(overrides: Partial<ItemPolicy> = {}): ItemPolicy {
  return { resourceId: POPULATION, itemCode: 'NAME', shareType: 'CONDITIONAL', maskRule: null, maskedDeliveryOnly: false, ...overrides };
}

/** An approved, valid INTERFACE grant of REQUESTER naming the population item NAME, unless overridden. */
export function grant(overrides: Partial<GrantView> = {}): GrantView {
  return {
    id: 'G-APPROVED',
    agencyUscc: REQUESTER.agencyUscc,
    resourceId: POPULATION,
    itemCodes: ['NAME'],
    scenario: SCENARIO,
    mode: 'INTERFACE',
    state: 'APPROVED',
    endsAt: IN_30_DAYS,
    revokedAt: null,
    ...overrides,
  };
}

export const pendingGrant = (overrides: Partial<GrantView> = {}) => grant({ id: 'G-PENDING', state: 'PENDING', ...overrides });
export const expiredGrant = (overrides: Partial<GrantView> = {}) => grant({ id: 'G-EXPIRED', endsAt: YESTERDAY, ...overrides });
export const revokedGrant = (overrides: Partial<GrantView> = {}) =>
  grant({ id: 'G-REVOKED', state: 'REVOKED', revokedAt: YESTERDAY, ...overrides });
