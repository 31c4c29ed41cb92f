import type { Decision } from '../policy';

export type AccessPath = 'ROOT' | 'ENTITIES';

export interface AuditDraft {
  action: string;
  resourceId: string | null;
  items: string[];
  effect: string;
  reason: string | null;
  grantId: string | null;
  purpose: string | null;
  accessPath: AccessPath;
  recordKeys: string[];
  recordCount: number;
}

const MAX_KEYS = 1000;

/**
 * Gathers one request's data accesses. Deciding 500 rows × 9 items would otherwise mean 4 500
 * audit rows; instead accesses with the same resource, decision, grant, purpose and path become one
 * record listing its items and the keys of the records touched.
 */
export class AuditCollector {
  private readonly groups = new Map<string, { draft: AuditDraft; items: Set<string>; keys: Set<string> }>();
  private readonly events: AuditDraft[] = [];

  access(resourceId: string, itemCode: string, decision: Decision, recordKey: string, purpose: string | null, accessPath: AccessPath, action = 'READ') {
    this.accessMany(resourceId, itemCode, decision, [recordKey], purpose, accessPath, action);
  }

  /** The same for many records at once (a page of a reflow pull): one group lookup instead of one per record. */
  accessMany(resourceId: string, itemCode: string, decision: Decision, recordKeys: readonly string[], purpose: string | null, accessPath: AccessPath, action = 'READ') {
    const groupKey = `${action}|${resourceId}|${decision.effect}|${decision.reason}|${decision.grantId}|${purpose}|${accessPath}`;
    let group = this.groups.get(groupKey);
    if (!group) {
      group = {
        draft: { action, resourceId, items: [], effect: decision.effect, reason: decision.reason, grantId: decision.grantId, purpose, accessPath, recordKeys: [], recordCount: 0 },
        items: new Set(),
        keys: new Set(),
      };
      this.groups.set(groupKey, group);
    }
    group.items.add(itemCode);
    for (const key of recordKeys) group.keys.add(key);
  }

  /** A workflow step or another event that is recorded as it is. */
  event(draft: AuditDraft) {
    this.events.push(draft);
  }

  drafts(): AuditDraft[] {
    const accesses = [...this.groups.values()].map(({ draft, items, keys }) => ({
      ...draft,
      items: [...items].sort(),
      recordKeys: [...keys].slice(0, MAX_KEYS),
      recordCount: keys.size,
    }));
    return [...accesses, ...this.events];
  }
}
