import type { Decision } from '../policy';

export type AccessPath = 'ROOT' | 'ENTITIES';

/** The data an access or event concerns: a catalog resource and the jurisdiction its data belongs to. */
export interface AuditedResource {
  id: string;
  jurisdictionCode: string | null;
}

export interface AuditDraft {
  action: string;
  resourceId: string | null;
  resourceJurisdiction: string | null;
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

type Group = { draft: AuditDraft; items: Set<string>; keys: Set<string> };

/**
 * Gathers one request's data accesses. Deciding 500 rows × 9 items would otherwise mean 4 500
 * audit rows; instead accesses with the same resource, decision, grant, purpose and path become one
 * record listing its items and the keys of the records touched.
 */
export class AuditCollector {
  private readonly groups = new Map<string, Group>();
  private readonly events: AuditDraft[] = [];
  /** The group of the previous access: a page's fields arrive one after another and mostly share it. */
  private last: Group | null = null;

  access(resource: AuditedResource, itemCode: string, decision: Decision, recordKey: string, purpose: string | null, accessPath: AccessPath, action = 'READ') {
    const group = this.groupFor(resource, decision, purpose, accessPath, action);
    group.items.add(itemCode);
    group.keys.add(recordKey);
  }

  /** The same for many records at once (a page of a reflow pull): one group lookup instead of one per record. */
  accessMany(resource: AuditedResource, itemCode: string, decision: Decision, recordKeys: readonly string[], purpose: string | null, accessPath: AccessPath, action = 'READ') {
    const group = this.groupFor(resource, decision, purpose, accessPath, action);
    group.items.add(itemCode);
    for (const key of recordKeys) group.keys.add(key);
  }

  private groupFor(resource: AuditedResource, decision: Decision, purpose: string | null, accessPath: AccessPath, action: string): Group {
    const resourceId = resource.id;
    const last = this.last?.draft;
    if (
      last &&
      last.resourceId === resourceId &&
      last.effect === decision.effect &&
      last.reason === decision.reason &&
      last.grantId === decision.grantId &&
      last.purpose === purpose &&
      last.accessPath === accessPath &&
      last.action === action
    ) {
      return this.last!;
    }
    const groupKey = `${action}|${resourceId}|${decision.effect}|${decision.reason}|${decision.grantId}|${purpose}|${accessPath}`;
    let group = this.groups.get(groupKey);
    if (!group) {
      group = {
        draft: { action, resourceId, resourceJurisdiction: resource.jurisdictionCode, items: [], effect: decision.effect, reason: decision.reason, grantId: decision.grantId, purpose, accessPath, recordKeys: [], recordCount: 0 },
        items: new Set(),
        keys: new Set(),
      };
      this.groups.set(groupKey, group);
    }
    this.last = group;
    return group;
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
