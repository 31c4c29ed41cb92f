import type { Level } from '../levels';

/** Share type of one catalog data item (共享属性), 004 art. 21. */
export type ShareType = 'UNCONDITIONAL' | 'CONDITIONAL' | 'NOT_SHARED';

/** Sharing mode an approval fixes (004 art. 23); MASKED delivers desensitised values (004 art. 22). */
export type ShareMode = 'INTERFACE' | 'FILE' | 'MASKED';

export type GrantState = 'PENDING' | 'APPROVED' | 'REVOKED';

/** READ returns the value; VERIFY only answers "does this value match the record?" (核验、比对). */
export type Purpose = 'READ' | 'VERIFY';

export type Effect = 'ALLOW' | 'ALLOW_MASKED' | 'DENY';

export type DenyReason =
  | 'NOT_SHARED'
  | 'NO_GRANT'
  | 'GRANT_PENDING'
  | 'GRANT_EXPIRED'
  | 'GRANT_REVOKED'
  | 'OUTSIDE_GRANTED_ITEMS'
  | 'AGENCY_SUSPENDED'
  /** A CONDITIONAL item read under a grant without saying which approved scenario the read serves (004 art. 20, 23). */
  | 'PURPOSE_REQUIRED'
  /** A CONDITIONAL item read for a purpose other than the scenario its grant approved (004 art. 20, 23). */
  | 'PURPOSE_MISMATCH'
  /** Verification answered as often today as it answers for this record and item (or this agency). */
  | 'VERIFICATION_BUDGET_EXHAUSTED'
  /** A public caller and an item the catalog does not open (004 art. 27 (1)). */
  | 'NOT_OPEN'
  /** A public caller and a CONDITIONAL_OPEN item: only an approved application opens it (004 art. 28 ¶2). */
  | 'OPEN_APPLICATION_REQUIRED'
  /** Opening suspended by an objection until the source department has verified it (004 art. 28 ¶3). */
  | 'OPEN_SUSPENDED'
  /** The requester is outside the resource's share scope (共享范围, 004 art. 10 ¶4). */
  | 'OUTSIDE_SHARE_SCOPE'
  /** A CONDITIONAL_OPEN item whose approved application's usage period has ended (004 art. 28 ¶2). */
  | 'OPEN_GRANT_EXPIRED';

/**
 * An approved application of a registered person or organisation for CONDITIONAL_OPEN items of one
 * resource (004 art. 28 ¶2): exactly these items, until the usage period ends.
 */
export interface OpenGrantView {
  id: string;
  resourceId: string;
  itemCodes: readonly string[];
  endsAt: Date;
}

/**
 * 共享范围 (004 art. 10 ¶4): which agencies a resource's sharing applies to. Every condition given
 * applies; null means no restriction of that kind, and a resource without a scope is shared with all.
 */
export interface ShareScope {
  /** Agencies of these levels only. */
  levels: readonly Level[] | null;
  /** Agencies in this division or below it only. */
  jurisdictionCode: string | null;
  /** These agencies (USCC) only. */
  agencies: readonly string[] | null;
}

/** What the catalog says about one data item (信息项) of a resource. */
export interface ItemPolicy {
  resourceId: string;
  itemCode: string;
  shareType: ShareType;
  /** A key of MASK_RULES, or null when the catalog names no rule. */
  maskRule: string | null;
  /** The item is only ever delivered desensitised, whatever the grant's mode. */
  maskedDeliveryOnly: boolean;
  /** The share scope of the item's resource; absent or null: every agency. */
  scope?: ShareScope | null;
}

/** Open attribute of one data item (开放属性), 004 art. 27. */
export type OpenType = 'UNCONDITIONAL_OPEN' | 'CONDITIONAL_OPEN' | 'NOT_OPEN';

/**
 * What objections on file do to opened data (004 art. 28 ¶3): opening SUSPENDED until the source
 * department has verified, WITHDRAWN after it, or reopened MASKED after treatment.
 */
export type ObjectionEffect = 'SUSPENDED' | 'WITHDRAWN' | 'MASKED';

/** What the catalog and the objections on file say about opening one item (of one record) to the public. */
export interface OpenItemPolicy extends ItemPolicy {
  openType: OpenType;
  objection: ObjectionEffect | null;
}

/** One approval (or application) of an agency for items of one resource, 004 art. 23. */
export interface GrantView {
  id: string;
  agencyUscc: string;
  resourceId: string;
  /** Exactly the items approved: least authorisation (最小授权). */
  itemCodes: readonly string[];
  /** The application scenario the approval fixed: shared data serves only it (004 art. 20, 23). */
  scenario: string;
  mode: ShareMode;
  state: GrantState;
  endsAt: Date;
  revokedAt: Date | null;
}

export interface Requester {
  agencyUscc: string;
  /** From the registry: the level and jurisdiction a share scope is checked against. */
  level: Level;
  jurisdiction: string;
  /** Access suspended for misuse until corrected, 004 art. 50. */
  suspended: boolean;
}

export interface Decision {
  effect: Effect;
  /** Null exactly when the effect is not DENY. */
  reason: DenyReason | null;
  /** The grant that allowed the access, or the grant the deny reason refers to; otherwise null. */
  grantId: string | null;
  shareType: ShareType;
}
