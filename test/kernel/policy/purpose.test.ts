import { decide } from '../../../subgraphs/kernel/policy';
import { grant, item, NOW, REQUESTER, SCENARIO } from './fixtures';

// 004 art. 20: shared data serves only the duty it was approved for; 004 art. 23: the approval fixes the
// application scenario. A read of a CONDITIONAL item says which approved scenario it serves.
describe('purpose binding of CONDITIONAL items (004 art. 20, 23)', () => {
  const conditional = item();

  it('releases the item to a read stating the approved scenario, or the grant id', () => {
    expect(decide(REQUESTER, conditional, [grant()], 'READ', NOW, SCENARIO)).toMatchObject({ effect: 'ALLOW', grantId: 'G-APPROVED' });
    expect(decide(REQUESTER, conditional, [grant()], 'READ', NOW, `  ${SCENARIO}\n`)).toMatchObject({ effect: 'ALLOW' });
    expect(decide(REQUESTER, conditional, [grant()], 'READ', NOW, 'G-APPROVED')).toMatchObject({ effect: 'ALLOW', grantId: 'G-APPROVED' });
  });

  it('refuses a read stating another purpose: PURPOSE_MISMATCH, naming the grant that would serve', () => {
    expect(decide(REQUESTER, conditional, [grant()], 'READ', NOW, '商业营销')).toEqual({ effect: 'DENY', reason: 'PURPOSE_MISMATCH', grantId: 'G-APPROVED', shareType: 'CONDITIONAL' });
  });

  it('refuses a read stating no purpose: PURPOSE_REQUIRED', () => {
    expect(decide(REQUESTER, conditional, [grant()], 'READ', NOW, null)).toEqual({ effect: 'DENY', reason: 'PURPOSE_REQUIRED', grantId: 'G-APPROVED', shareType: 'CONDITIONAL' });
  });

  it('serves each of two grants for its own scenario only', () => {
    const grants = [grant(), grant({ id: 'G-HEALTH', scenario: '传染病密切接触者排查', mode: 'MASKED' })];
    expect(decide(REQUESTER, conditional, grants, 'READ', NOW, SCENARIO)).toMatchObject({ effect: 'ALLOW', grantId: 'G-APPROVED' });
    expect(decide(REQUESTER, conditional, grants, 'READ', NOW, '传染病密切接触者排查')).toMatchObject({ effect: 'ALLOW_MASKED', grantId: 'G-HEALTH' });
  });

  it('asks no purpose of UNCONDITIONAL items, nor of a verification', () => {
    expect(decide(REQUESTER, item({ shareType: 'UNCONDITIONAL' }), [], 'READ', NOW, null).effect).toBe('ALLOW');
    expect(decide(REQUESTER, conditional, [], 'VERIFY', NOW, null).effect).toBe('ALLOW');
  });
});
