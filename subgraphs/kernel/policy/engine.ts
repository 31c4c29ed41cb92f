import { decodeGlobalId } from '../graphql/global-id';
import { isWithin } from '../identifiers/division-code';
import { Decision, DenyReason, Effect, GrantView, ItemPolicy, OpenGrantView, OpenItemPolicy, Purpose, Requester, ShareMode, ShareScope, ShareType } from './types';

/** Where a grant stands at the moment of the request, whatever state its row was last saved in. */
type Standing = 'VALID' | 'EXPIRED' | 'REVOKED' | 'PENDING';

interface GrantAtNow {
  grant: GrantView;
  standing: Standing;
  namesItem: boolean;
}

function standingOf(grant: GrantView, now: Date): Standing {
  // A revocation time on a row still marked APPROVED is an inconsistent row: fail closed, treat it as revoked.
  if (grant.state === 'REVOKED' || grant.revokedAt !== null) return 'REVOKED';
  if (grant.state === 'PENDING') return 'PENDING';
  // The approval fixes an end date (004 art. 23); the grant holds strictly before it. An invalid
  // date compares false, so it counts as expired rather than eternal.
  return now.getTime() < grant.endsAt.getTime() ? 'VALID' : 'EXPIRED';
}

/*
 * Why a CONDITIONAL item is refused when no valid grant names it. Several grants may explain it; the
 * requester is told the one that best says what to do next:
 *  1. OUTSIDE_GRANTED_ITEMS: it holds a valid grant for this resource that leaves the item out (least
 *     authorisation, 004 art. 23). That is the live relationship, so it outranks the history of older
 *     grants; the action is to apply for this item too.
 *  2. GRANT_REVOKED or GRANT_EXPIRED, from the grant naming this item that ended LAST (revoked at its
 *     revocation, expired at its end date). That is where the requester stands now: a revocation
 *     followed by a newer approval that has since run out was dealt with, and the expiry is what to
 *     act on (renew); a revocation after an expiry is the live problem (possibly a sanction, 004 art. 50).
 *  3. GRANT_PENDING: an application for this resource is under review: wait for the reply. It may not
 *     even name the item, which is why facts about grants naming the item (2) come before it.
 *  4. NO_GRANT: nothing on record: apply.
 * Revoked or expired grants that never named the item say nothing about it and are passed over.
 */
const endedAt = (g: GrantAtNow) => (g.standing === 'REVOKED' ? (g.grant.revokedAt ?? g.grant.endsAt) : g.grant.endsAt).getTime();

function latestEnded(atNow: readonly GrantAtNow[]): GrantAtNow | undefined {
  let latest: GrantAtNow | undefined;
  for (const g of atNow) {
    if (!g.namesItem || (g.standing !== 'REVOKED' && g.standing !== 'EXPIRED')) continue;
    // Invalid dates compare as NaN and never win; the first such grant still stands in if none is valid.
    if (!latest || endedAt(g) > endedAt(latest)) latest = g;
  }
  return latest;
}

function decision(effect: Effect, reason: DenyReason | null, grantId: string | null, shareType: ShareType): Decision {
  return { effect, reason, grantId, shareType };
}

/**
 * 004 art. 22: an item marked for masked delivery only is always desensitised; otherwise a MASKED-mode
 * grant desensitises it. An item without a mask rule is then delivered with the FULL mask (see maskRuleFor)
 * rather than in the clear.
 */
function allowEffect(item: ItemPolicy, grantMode: ShareMode | null): Effect {
  return item.maskedDeliveryOnly || grantMode === 'MASKED' ? 'ALLOW_MASKED' : 'ALLOW';
}

const normalised = (text: string) => text.trim().replace(/\s+/g, ' ');

/**
 * 004 art. 20, 23: shared data serves only the scenario its approval fixed. A read of a CONDITIONAL
 * item says which: the grant's id, or its scenario as approved (spacing aside).
 */
export function servesGrant(grant: Pick<GrantView, 'id' | 'scenario'>, statedPurpose: string | null): boolean {
  if (!statedPurpose) return false;
  const stated = statedPurpose.trim();
  // The grant named by its id: the API's global id, or the platform's own.
  const named = decodeGlobalId(stated);
  const grantId = named && /ShareGrant$/.test(named.typeName) ? named.localId : stated;
  return grantId === grant.id || normalised(statedPurpose) === normalised(grant.scenario);
}

function decideConditional(item: ItemPolicy, resourceGrants: readonly GrantView[], now: Date, statedPurpose: string | null): Decision {
  const atNow: GrantAtNow[] = resourceGrants.map((grant) => ({
    grant,
    standing: standingOf(grant, now),
    namesItem: grant.itemCodes.includes(item.itemCode),
  }));
  const covering = atNow.filter((g) => g.standing === 'VALID' && g.namesItem);
  const serving = covering.filter((g) => servesGrant(g.grant, statedPurpose));
  // With several valid grants naming the item for this purpose, an unmasked one authorises the fuller delivery.
  const allowing = serving.find((g) => g.grant.mode !== 'MASKED') ?? serving[0];
  if (allowing) return decision(allowEffect(item, allowing.grant.mode), null, allowing.grant.id, 'CONDITIONAL');
  // A grant covers the item, but not for the purpose stated (or none was stated): the grant says which scenario would do.
  if (covering.length) return decision('DENY', statedPurpose ? 'PURPOSE_MISMATCH' : 'PURPOSE_REQUIRED', covering[0].grant.id, 'CONDITIONAL');

  const outside = atNow.find((g) => g.standing === 'VALID' && !g.namesItem);
  if (outside) return decision('DENY', 'OUTSIDE_GRANTED_ITEMS', outside.grant.id, 'CONDITIONAL');
  const ended = latestEnded(atNow);
  if (ended) return decision('DENY', ended.standing === 'REVOKED' ? 'GRANT_REVOKED' : 'GRANT_EXPIRED', ended.grant.id, 'CONDITIONAL');
  const pending = atNow.find((g) => g.standing === 'PENDING');
  if (pending) return decision('DENY', 'GRANT_PENDING', pending.grant.id, 'CONDITIONAL');
  return decision('DENY', 'NO_GRANT', null, 'CONDITIONAL');
}

/** Whether the requester is one of the agencies a resource's sharing applies to (004 art. 10 ¶4). */
export function withinShareScope(requester: Pick<Requester, 'agencyUscc' | 'level' | 'jurisdiction'>, scope: ShareScope | null | undefined): boolean {
  if (!scope) return true;
  if (scope.levels && !scope.levels.includes(requester.level)) return false;
  if (scope.jurisdictionCode && !isWithin(requester.jurisdiction, scope.jurisdictionCode)) return false;
  if (scope.agencies && !scope.agencies.includes(requester.agencyUscc)) return false;
  return true;
}

/** `resourceGrants`: the requester's own grants for the item's resource, nothing else. */
function decideItem(
  requester: Requester,
  item: ItemPolicy,
  resourceGrants: readonly GrantView[],
  purpose: Purpose,
  now: Date,
  statedPurpose: string | null,
): Decision {
  const { shareType } = item;
  // 004 art. 50: a suspended agency gets nothing, not even a verification answer.
  if (requester.suspended) return decision('DENY', 'AGENCY_SUSPENDED', null, shareType);
  // Verification answers only true/false and is the one use even NOT_SHARED items allow (004 art. 21):
  // it is every agency's, whatever the scope of sharing.
  if (purpose === 'VERIFY') return decision('ALLOW', null, null, shareType);
  // The scope says whom sharing applies to at all (004 art. 10 ¶4): outside it no grant helps.
  if (!withinShareScope(requester, item.scope)) return decision('DENY', 'OUTSIDE_SHARE_SCOPE', null, shareType);
  switch (shareType) {
    case 'NOT_SHARED':
      return decision('DENY', 'NOT_SHARED', null, shareType);
    case 'UNCONDITIONAL':
      return decision(allowEffect(item, null), null, null, shareType);
    case 'CONDITIONAL':
      return decideConditional(item, resourceGrants, now, statedPurpose);
    default: {
      const unknown: never = shareType;
      throw new Error(`item ${item.itemCode} of resource ${item.resourceId} has unknown share type '${unknown}'`);
    }
  }
}

/** The requester's own grants by resource; grants of other agencies are dropped in case a caller passes them. */
function ownGrantsByResource(requester: Requester, grants: readonly GrantView[]): Map<string, GrantView[]> {
  const byResource = new Map<string, GrantView[]>();
  for (const grant of grants) {
    if (grant.agencyUscc !== requester.agencyUscc) continue;
    const forResource = byResource.get(grant.resourceId);
    if (forResource) forResource.push(grant);
    else byResource.set(grant.resourceId, [grant]);
  }
  return byResource;
}

/**
 * Whether `requester` may have `item` for `purpose` at `now`, read for `statedPurpose` (the scenario or
 * grant id the request names; a CONDITIONAL item needs one its grant approved). `grants` are the
 * requester's grants; those of other resources or agencies are ignored.
 */
export function decide(
  requester: Requester,
  item: ItemPolicy,
  grants: readonly GrantView[],
  purpose: Purpose,
  now: Date,
  statedPurpose: string | null = null,
): Decision {
  const resourceGrants = ownGrantsByResource(requester, grants).get(item.resourceId) ?? [];
  return decideItem(requester, item, resourceGrants, purpose, now, statedPurpose);
}

/**
 * `decide` for several items, grouping the grants once instead of once per item. Keyed by item code,
 * so two items with the same code (from different resources) are rejected rather than one silently lost.
 */
export function decideMany(
  requester: Requester,
  items: readonly ItemPolicy[],
  grants: readonly GrantView[],
  purpose: Purpose,
  now: Date,
  statedPurpose: string | null = null,
): Map<string, Decision> {
  const grantsByResource = ownGrantsByResource(requester, grants);
  const decisions = new Map<string, Decision>();
  for (const item of items) {
    if (decisions.has(item.itemCode)) {
      throw new Error(`decideMany got item code ${item.itemCode} twice; decide items of different resources separately`);
    }
    const resourceGrants = grantsByResource.get(item.resourceId) ?? [];
    decisions.set(item.itemCode, decideItem(requester, item, resourceGrants, purpose, now, statedPurpose));
  }
  return decisions;
}

/**
 * What the public — a caller with no agency behind it — may have of an item (004 art. 27-28): an
 * UNCONDITIONAL_OPEN item's value, read directly; a CONDITIONAL_OPEN item's only under an approved
 * application of the registered person or organisation asking (`grants`: its own), naming the item,
 * within the usage period; nothing of a NOT_OPEN item. An objection suspends opened data, or had it
 * withdrawn, or reopened masked. Opening is reading: the public has no verification (核验) path, which
 * serves agencies' duties. An item delivered only masked to agencies is opened masked too.
 */
export function decideOpen(item: OpenItemPolicy, purpose: Purpose, now: Date, grants: readonly OpenGrantView[] = []): Decision {
  const deny = (reason: DenyReason, grantId: string | null = null) => decision('DENY', reason, grantId, item.shareType);
  if (purpose !== 'READ') return deny('NOT_OPEN');
  let grantId: string | null = null;
  switch (item.openType) {
    case 'NOT_OPEN':
      return deny('NOT_OPEN');
    case 'CONDITIONAL_OPEN': {
      const naming = grants.filter((g) => g.resourceId === item.resourceId && g.itemCodes.includes(item.itemCode));
      // An invalid end date compares false: it counts as ended, never as eternal.
      const valid = naming.find((g) => now.getTime() < g.endsAt.getTime());
      // Ended: the application that ended last is the one to renew.
      if (!valid) return naming.length ? deny('OPEN_GRANT_EXPIRED', naming.reduce((a, b) => (b.endsAt.getTime() > a.endsAt.getTime() ? b : a)).id) : deny('OPEN_APPLICATION_REQUIRED');
      grantId = valid.id;
      break;
    }
    case 'UNCONDITIONAL_OPEN':
      break;
    default: {
      const unknown: never = item.openType;
      throw new Error(`item ${item.itemCode} of resource ${item.resourceId} has unknown open type '${unknown}'`);
    }
  }
  if (item.objection === 'WITHDRAWN') return deny('NOT_OPEN');
  if (item.objection === 'SUSPENDED') return deny('OPEN_SUSPENDED');
  return decision(item.objection === 'MASKED' ? 'ALLOW_MASKED' : allowEffect(item, null), null, grantId, item.shareType);
}
