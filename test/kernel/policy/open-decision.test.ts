import { decideOpen, OpenGrantView, OpenItemPolicy } from '../../../subgraphs/kernel/policy';
import { IN_30_DAYS, item, NOW, POPULATION, YESTERDAY } from './fixtures';

// What the public may have of an item (004 art. 27-28): the open type decides, an approved application
// of the registered applicant opens a CONDITIONAL_OPEN item until its usage period ends, and an objection
// on file suspends, withdraws, or masks opened data (art. 28 ¶3).

const open = (overrides: Partial<OpenItemPolicy> = {}): OpenItemPolicy => ({ ...item({ shareType: 'UNCONDITIONAL' }), openType: 'UNCONDITIONAL_OPEN', objection: null, ...overrides });
const grant = (overrides: Partial<OpenGrantView> = {}): OpenGrantView => ({ id: 'A-VALID', resourceId: POPULATION, itemCodes: ['NAME'], endsAt: IN_30_DAYS, ...overrides });
const ended = (id: string, endsAt: Date) => grant({ id, endsAt });

const CASES: Array<[string, OpenItemPolicy, OpenGrantView[], { effect: string; reason: string | null; grantId: string | null }]> = [
  ['UNCONDITIONAL_OPEN is released to anyone', open(), [], { effect: 'ALLOW', reason: null, grantId: null }],
  ['… masked when agencies too get it only masked (004 art. 22)', open({ maskedDeliveryOnly: true }), [], { effect: 'ALLOW_MASKED', reason: null, grantId: null }],
  ['NOT_OPEN is refused, whatever the applications', open({ openType: 'NOT_OPEN' }), [grant()], { effect: 'DENY', reason: 'NOT_OPEN', grantId: null }],
  ['CONDITIONAL_OPEN needs an approved application', open({ openType: 'CONDITIONAL_OPEN' }), [], { effect: 'DENY', reason: 'OPEN_APPLICATION_REQUIRED', grantId: null }],
  ['… naming the item', open({ openType: 'CONDITIONAL_OPEN' }), [grant({ itemCodes: ['ADDRESS'] })], { effect: 'DENY', reason: 'OPEN_APPLICATION_REQUIRED', grantId: null }],
  ['… for its resource', open({ openType: 'CONDITIONAL_OPEN' }), [grant({ resourceId: 'RES-OTHER' })], { effect: 'DENY', reason: 'OPEN_APPLICATION_REQUIRED', grantId: null }],
  ['… within its usage period', open({ openType: 'CONDITIONAL_OPEN' }), [grant()], { effect: 'ALLOW', reason: null, grantId: 'A-VALID' }],
  ['… and not after it: the application that ended last is named', open({ openType: 'CONDITIONAL_OPEN' }), [ended('A-OLD', new Date(NOW.getTime() - 9e8)), ended('A-LAST', YESTERDAY)], { effect: 'DENY', reason: 'OPEN_GRANT_EXPIRED', grantId: 'A-LAST' }],
  ['… a valid one beside ended ones opens it', open({ openType: 'CONDITIONAL_OPEN' }), [ended('A-LAST', YESTERDAY), grant()], { effect: 'ALLOW', reason: null, grantId: 'A-VALID' }],
  ['… an end instant is exclusive', open({ openType: 'CONDITIONAL_OPEN' }), [ended('A-NOW', NOW)], { effect: 'DENY', reason: 'OPEN_GRANT_EXPIRED', grantId: 'A-NOW' }],
  ['an objection under verification suspends opened data', open({ objection: 'SUSPENDED' }), [], { effect: 'DENY', reason: 'OPEN_SUSPENDED', grantId: null }],
  ['… conditionally opened data too', open({ openType: 'CONDITIONAL_OPEN', objection: 'SUSPENDED' }), [grant()], { effect: 'DENY', reason: 'OPEN_SUSPENDED', grantId: null }],
  ['withdrawn after an objection: not open', open({ objection: 'WITHDRAWN' }), [], { effect: 'DENY', reason: 'NOT_OPEN', grantId: null }],
  ['reopened after treatment: masked', open({ objection: 'MASKED' }), [], { effect: 'ALLOW_MASKED', reason: null, grantId: null }],
];

describe('decideOpen (004 art. 27-28)', () => {
  it.each(CASES)('%s', (_, policy, grants, expected) => {
    expect(decideOpen(policy, 'READ', NOW, grants)).toMatchObject(expected);
  });

  it('has no verification path for the public: verification serves agencies (004 art. 21)', () => {
    expect(decideOpen(open(), 'VERIFY', NOW, [grant()])).toMatchObject({ effect: 'DENY', reason: 'NOT_OPEN' });
  });
});
