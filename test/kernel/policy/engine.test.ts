import { applyMask, decide, decideMany, GrantView, maskRuleFor } from '../../../subgraphs/kernel/policy';
import {
  ENTERPRISES, expiredGrant, grant, item, NOW, OTHER_AGENCY_USCC, pendingGrant, REQUESTER, revokedGrant, SUSPENDED, SCENARIO } from './fixtures';

const readConditional = (grants: GrantView[], itemCode = 'NAME') => decide(REQUESTER, item({ itemCode }), grants, 'READ', NOW, SCENARIO);

describe('share type and suspension (004 art. 21, 50)', () => {
  it('denies a suspended agency every item and purpose, even with a valid grant (004 art. 50)', () => {
    for (const shareType of ['UNCONDITIONAL', 'CONDITIONAL', 'NOT_SHARED'] as const) {
      for (const purpose of ['READ', 'VERIFY'] as const) {
        expect(decide(SUSPENDED, item({ shareType }), [grant()], purpose, NOW, SCENARIO)).toEqual({
          effect: 'DENY', reason: 'AGENCY_SUSPENDED', grantId: null, shareType,
        });
      }
    }
  });

  it('never returns a NOT_SHARED item, even under a grant that names it (004 art. 21)', () => {
    expect(decide(REQUESTER, item({ shareType: 'NOT_SHARED' }), [grant()], 'READ', NOW, SCENARIO)).toEqual({
      effect: 'DENY', reason: 'NOT_SHARED', grantId: null, shareType: 'NOT_SHARED',
    });
  });

  it('answers verification requests for NOT_SHARED and CONDITIONAL items without any grant (004 art. 21)', () => {
    for (const shareType of ['NOT_SHARED', 'CONDITIONAL'] as const) {
      expect(decide(REQUESTER, item({ shareType }), [], 'VERIFY', NOW, SCENARIO)).toEqual({
        effect: 'ALLOW', reason: null, grantId: null, shareType,
      });
    }
  });

  it('gives an UNCONDITIONAL item to any agency without a grant (004 art. 21)', () => {
    expect(decide(REQUESTER, item({ shareType: 'UNCONDITIONAL' }), [], 'READ', NOW, SCENARIO)).toEqual({
      effect: 'ALLOW', reason: null, grantId: null, shareType: 'UNCONDITIONAL',
    });
  });
});

describe('CONDITIONAL items: each reason from a minimal case (004 art. 21, 23)', () => {
  it.each([
    ['an approved, valid grant naming the item allows it', [grant()], 'ALLOW', null, 'G-APPROVED'],
    ['no grant at all', [], 'DENY', 'NO_GRANT', null],
    ['an application under review', [pendingGrant()], 'DENY', 'GRANT_PENDING', 'G-PENDING'],
    ['a grant past its end date', [expiredGrant()], 'DENY', 'GRANT_EXPIRED', 'G-EXPIRED'],
    ['a revoked grant', [revokedGrant()], 'DENY', 'GRANT_REVOKED', 'G-REVOKED'],
    ['an approved row that carries a revocation time', [grant({ id: 'G-X', revokedAt: NOW })], 'DENY', 'GRANT_REVOKED', 'G-X'],
    ['a valid grant for other items', [grant({ itemCodes: ['PHONE'] })], 'DENY', 'OUTSIDE_GRANTED_ITEMS', 'G-APPROVED'],
  ] as const)('%s', (_case, grants, effect, reason, grantId) => {
    expect(readConditional([...grants])).toEqual({ effect, reason, grantId, shareType: 'CONDITIONAL' });
  });
});

describe('precedence between deny reasons: what helps the requester act', () => {
  const TWO_DAYS_AGO = new Date(NOW.getTime() - 2 * 24 * 3600 * 1000);
  const naming = { itemCodes: ['NAME'] };
  const notNaming = { itemCodes: ['PHONE'] };
  it.each([
    ['a live grant without the item beats a revoked one with it', [revokedGrant(naming), grant(notNaming)], 'OUTSIDE_GRANTED_ITEMS', 'G-APPROVED'],
    ['a revoked grant naming the item beats a pending application', [pendingGrant(), revokedGrant(naming)], 'GRANT_REVOKED', 'G-REVOKED'],
    ['a revocation after an expiry is where the requester stands', [expiredGrant({ ...naming, endsAt: TWO_DAYS_AGO }), revokedGrant(naming)], 'GRANT_REVOKED', 'G-REVOKED'],
    ['an expiry after a revocation (a newer approval ran out) is where it stands', [revokedGrant({ ...naming, revokedAt: TWO_DAYS_AGO }), expiredGrant(naming)], 'GRANT_EXPIRED', 'G-EXPIRED'],
    ['an expired grant naming the item beats a pending application', [pendingGrant(), expiredGrant(naming)], 'GRANT_EXPIRED', 'G-EXPIRED'],
    ['revoked and expired grants for other items are passed over for a pending one', [revokedGrant(notNaming), expiredGrant(notNaming), pendingGrant(notNaming)], 'GRANT_PENDING', 'G-PENDING'],
    ['revoked and expired grants for other items alone mean no grant', [revokedGrant(notNaming), expiredGrant(notNaming)], 'NO_GRANT', null],
  ] as const)('%s', (_case, grants, reason, grantId) => {
    expect(readConditional([...grants])).toMatchObject({ effect: 'DENY', reason, grantId });
  });

  it('a valid grant naming the item allows it whatever else is on record', () => {
    const grants = [revokedGrant(), expiredGrant(), pendingGrant(), grant({ id: 'G-OTHER', itemCodes: ['PHONE'] }), grant({ id: 'G-OK' })];
    expect(readConditional(grants)).toEqual({ effect: 'ALLOW', reason: null, grantId: 'G-OK', shareType: 'CONDITIONAL' });
  });
});

describe('least authorisation: a grant covers exactly the items it names (004 art. 23)', () => {
  const grantForAAndB = [grant({ id: 'G-AB', itemCodes: ['A', 'B'] })];

  it('allows the named items A and B', () => {
    expect(readConditional(grantForAAndB, 'A')).toMatchObject({ effect: 'ALLOW', grantId: 'G-AB' });
    expect(readConditional(grantForAAndB, 'B')).toMatchObject({ effect: 'ALLOW', grantId: 'G-AB' });
  });

  it('refuses item C of the same resource as outside the granted items', () => {
    expect(readConditional(grantForAAndB, 'C')).toMatchObject({ effect: 'DENY', reason: 'OUTSIDE_GRANTED_ITEMS', grantId: 'G-AB' });
  });

  it('refuses item A of another resource as having no grant', () => {
    const itemAOfEnterprises = item({ resourceId: ENTERPRISES, itemCode: 'A' });
    expect(decide(REQUESTER, itemAOfEnterprises, grantForAAndB, 'READ', NOW, SCENARIO)).toMatchObject({
      effect: 'DENY', reason: 'NO_GRANT', grantId: null,
    });
  });

  it('ignores grants of another agency passed in by mistake', () => {
    expect(readConditional([grant({ agencyUscc: OTHER_AGENCY_USCC })])).toMatchObject({ effect: 'DENY', reason: 'NO_GRANT' });
  });
});

describe('end date of a grant (004 art. 23)', () => {
  it('has expired at exactly its end date', () => {
    expect(readConditional([grant({ id: 'G-END', endsAt: NOW })])).toMatchObject({ effect: 'DENY', reason: 'GRANT_EXPIRED', grantId: 'G-END' });
  });

  it('still holds one millisecond before its end date', () => {
    const endsAt = new Date(NOW.getTime() + 1);
    expect(readConditional([grant({ id: 'G-END', endsAt })])).toMatchObject({ effect: 'ALLOW', grantId: 'G-END' });
  });
});

describe('masked delivery (004 art. 22)', () => {
  const idNumber = item({ itemCode: 'ID_NUMBER', maskRule: 'ID_NUMBER' });

  it('masks an item delivered under a MASKED-mode grant', () => {
    const masked = [grant({ id: 'G-MASKED', itemCodes: ['ID_NUMBER'], mode: 'MASKED' })];
    expect(decide(REQUESTER, idNumber, masked, 'READ', NOW, SCENARIO)).toMatchObject({ effect: 'ALLOW_MASKED', grantId: 'G-MASKED' });
  });

  it('masks an item marked for masked delivery only, under any grant mode and for UNCONDITIONAL items', () => {
    const onlyMasked = { ...idNumber, maskedDeliveryOnly: true };
    const interfaceGrant = [grant({ itemCodes: ['ID_NUMBER'], mode: 'INTERFACE' })];
    expect(decide(REQUESTER, onlyMasked, interfaceGrant, 'READ', NOW, SCENARIO).effect).toBe('ALLOW_MASKED');
    expect(decide(REQUESTER, { ...onlyMasked, shareType: 'UNCONDITIONAL' }, [], 'READ', NOW, SCENARIO).effect).toBe('ALLOW_MASKED');
    expect(decide(REQUESTER, { ...idNumber, shareType: 'UNCONDITIONAL' }, [], 'READ', NOW, SCENARIO).effect).toBe('ALLOW');
  });

  it('prefers an unmasked grant when a MASKED and a FILE grant both name the item', () => {
    const grants = [
      grant({ id: 'G-MASKED', itemCodes: ['ID_NUMBER'], mode: 'MASKED' }),
      grant({ id: 'G-FILE', itemCodes: ['ID_NUMBER'], mode: 'FILE' }),
    ];
    expect(decide(REQUESTER, idNumber, grants, 'READ', NOW, SCENARIO)).toMatchObject({ effect: 'ALLOW', grantId: 'G-FILE' });
  });

  it('masks an item without a mask rule fully rather than delivering it in the clear', () => {
    const noRule = item({ itemCode: 'NOTE', maskRule: null });
    const masked = [grant({ itemCodes: ['NOTE'], mode: 'MASKED' })];
    expect(decide(REQUESTER, noRule, masked, 'READ', NOW, SCENARIO).effect).toBe('ALLOW_MASKED');
    expect(decide(REQUESTER, { ...noRule, shareType: 'UNCONDITIONAL', maskedDeliveryOnly: true }, [], 'READ', NOW, SCENARIO).effect).toBe('ALLOW_MASKED');
    expect(maskRuleFor(noRule)).toBe('FULL');
    expect(applyMask(maskRuleFor(noRule), 'secret note')).toBe('********');
    expect(maskRuleFor(idNumber)).toBe('ID_NUMBER');
  });
});

describe('decideMany', () => {
  const items = [
    item({ itemCode: 'NAME' }),
    item({ itemCode: 'PHONE' }),
    item({ itemCode: 'GENDER', shareType: 'UNCONDITIONAL' }),
    item({ itemCode: 'FACE', shareType: 'NOT_SHARED' }),
    item({ itemCode: 'LEGAL_REP', resourceId: ENTERPRISES }),
  ];
  const grants = [grant({ itemCodes: ['NAME'] }), pendingGrant({ resourceId: ENTERPRISES, itemCodes: ['LEGAL_REP'] })];

  it('decides every item as decide does, keyed by item code', () => {
    const decisions = decideMany(REQUESTER, items, grants, 'READ', NOW, SCENARIO);
    expect([...decisions.keys()]).toEqual(['NAME', 'PHONE', 'GENDER', 'FACE', 'LEGAL_REP']);
    expect([...decisions.values()].map((d) => d.reason ?? d.effect)).toEqual([
      'ALLOW', 'OUTSIDE_GRANTED_ITEMS', 'ALLOW', 'NOT_SHARED', 'GRANT_PENDING',
    ]);
    for (const one of items) expect(decisions.get(one.itemCode)).toEqual(decide(REQUESTER, one, grants, 'READ', NOW, SCENARIO));
  });

  it('rejects two items with the same code rather than losing one', () => {
    const twice = [item({ itemCode: 'NAME' }), item({ itemCode: 'NAME', resourceId: ENTERPRISES })];
    expect(() => decideMany(REQUESTER, twice, grants, 'READ', NOW, SCENARIO)).toThrow(/item code NAME twice/);
  });
});
