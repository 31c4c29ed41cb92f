import { decide, GrantView, Purpose, Requester, ShareType } from '../../../subgraphs/kernel/policy';
import { expiredGrant, grant, item, NOW, pendingGrant, REQUESTER, revokedGrant, SUSPENDED, SCENARIO } from './fixtures';

// The item under test has a mask rule but is not masked-delivery-only, so only the grant mode masks it.
const ITEM_CODE = 'ID_NUMBER';
const forItem = { itemCodes: [ITEM_CODE] };

const GRANT_SITUATIONS: Record<string, GrantView[]> = {
  none: [],
  pending: [pendingGrant(forItem)],
  approved: [grant(forItem)],
  'approved-expired': [expiredGrant(forItem)],
  revoked: [revokedGrant(forItem)],
  'approved-other-items': [grant({ itemCodes: ['NAME', 'PHONE'] })],
  'approved-masked': [grant({ ...forItem, mode: 'MASKED' })],
};
type Situation = keyof typeof GRANT_SITUATIONS;

// Expected outcome of a READ by an agency in good standing: the effect, and the reason when denied.
// 004 art. 21 (share types), 22 (masked delivery), 23 (grants name items and an end date).
const READ_BY_AGENCY_IN_GOOD_STANDING: Record<Situation, Record<ShareType, string>> = {
  none:                   { UNCONDITIONAL: 'ALLOW', CONDITIONAL: 'DENY NO_GRANT',              NOT_SHARED: 'DENY NOT_SHARED' },
  pending:                { UNCONDITIONAL: 'ALLOW', CONDITIONAL: 'DENY GRANT_PENDING',         NOT_SHARED: 'DENY NOT_SHARED' },
  approved:               { UNCONDITIONAL: 'ALLOW', CONDITIONAL: 'ALLOW',                      NOT_SHARED: 'DENY NOT_SHARED' },
  'approved-expired':     { UNCONDITIONAL: 'ALLOW', CONDITIONAL: 'DENY GRANT_EXPIRED',         NOT_SHARED: 'DENY NOT_SHARED' },
  revoked:                { UNCONDITIONAL: 'ALLOW', CONDITIONAL: 'DENY GRANT_REVOKED',         NOT_SHARED: 'DENY NOT_SHARED' },
  'approved-other-items': { UNCONDITIONAL: 'ALLOW', CONDITIONAL: 'DENY OUTSIDE_GRANTED_ITEMS', NOT_SHARED: 'DENY NOT_SHARED' },
  'approved-masked':      { UNCONDITIONAL: 'ALLOW', CONDITIONAL: 'ALLOW_MASKED',               NOT_SHARED: 'DENY NOT_SHARED' },
};
// Whatever the share type and grants: a suspended agency gets nothing (004 art. 50); otherwise a
// verification (true/false only) is answered for every share type (004 art. 21).
const SUSPENDED_ANY_PURPOSE = 'DENY AGENCY_SUSPENDED';
const VERIFY_BY_AGENCY_IN_GOOD_STANDING = 'ALLOW';

const SHARE_TYPES: ShareType[] = ['UNCONDITIONAL', 'CONDITIONAL', 'NOT_SHARED'];
const PURPOSES: Purpose[] = ['READ', 'VERIFY'];
const REQUESTERS: Array<[string, Requester]> = [['in good standing', REQUESTER], ['suspended', SUSPENDED]];

const combinations = SHARE_TYPES.flatMap((shareType) =>
  (Object.keys(GRANT_SITUATIONS) as Situation[]).flatMap((situation) =>
    REQUESTERS.flatMap(([standing, requester]) => PURPOSES.map((purpose) => ({ shareType, situation, standing, requester, purpose }))),
  ),
);

function expectedOutcome({ shareType, situation, requester, purpose }: (typeof combinations)[number]): string {
  if (requester.suspended) return SUSPENDED_ANY_PURPOSE;
  if (purpose === 'VERIFY') return VERIFY_BY_AGENCY_IN_GOOD_STANDING;
  return READ_BY_AGENCY_IN_GOOD_STANDING[situation][shareType];
}

function actualOutcome({ shareType, situation, requester, purpose }: (typeof combinations)[number]): string {
  const decision = decide(requester, item({ itemCode: ITEM_CODE, shareType, maskRule: 'ID_NUMBER' }), GRANT_SITUATIONS[situation], purpose, NOW, SCENARIO);
  return decision.reason ? `${decision.effect} ${decision.reason}` : decision.effect;
}

describe('authorization matrix: share type × grant situation × agency standing × purpose', () => {
  it('covers 3 share types × 7 grant situations × 2 standings × 2 purposes', () => {
    expect(combinations).toHaveLength(84);
  });

  it.each(combinations)('$shareType, grant $situation, agency $standing, $purpose', (combination) => {
    expect(actualOutcome(combination)).toBe(expectedOutcome(combination));
  });

  it('never lets a NOT_SHARED item be read (004 art. 21)', () => {
    const reads = combinations.filter((c) => c.shareType === 'NOT_SHARED' && c.purpose === 'READ');
    expect(reads).toHaveLength(14);
    expect(reads.filter((c) => actualOutcome(c).startsWith('ALLOW'))).toEqual([]);
  });

  it('never lets a suspended agency have anything (004 art. 50)', () => {
    const bySuspended = combinations.filter((c) => c.requester.suspended);
    expect(bySuspended).toHaveLength(42);
    expect(bySuspended.filter((c) => actualOutcome(c).startsWith('ALLOW'))).toEqual([]);
  });
});
