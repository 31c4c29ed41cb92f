import { In } from 'typeorm';
import { RequestContext } from '../../kernel/context';
import { partyOf } from '../../kernel/auth/caller';
import type { ObjectionEffect, OpenGrantView } from '../../kernel/policy';
import { OpenApplication, OpenApplicationState } from './open-application.entity';
import { ObjectionState, OpenObjection } from './objection.entity';

/** What objections on file do to opening: by resource and item, and by resource, item and record key. */
export interface OpenStanding {
  byItem: ReadonlyMap<string, ObjectionEffect>;
  byRecord: ReadonlyMap<string, ObjectionEffect>;
  /** The approved applications of the registered person or organisation asking (none for the anonymous public). */
  grants: readonly OpenGrantView[];
}

const EFFECT: Partial<Record<ObjectionState, ObjectionEffect>> = {
  [ObjectionState.SUSPENDED]: 'SUSPENDED',
  [ObjectionState.WITHDRAWN]: 'WITHDRAWN',
  [ObjectionState.REOPENED_MASKED]: 'MASKED',
};
/** When several objections concern the same data, the one that opens least prevails. */
const SEVERITY: readonly ObjectionEffect[] = ['WITHDRAWN', 'SUSPENDED', 'MASKED'];
export const strongest = (a: ObjectionEffect | undefined, b: ObjectionEffect | undefined) =>
  a === undefined ? b : b === undefined ? a : SEVERITY.indexOf(a) <= SEVERITY.indexOf(b) ? a : b;

export const itemKey = (resourceId: string, item: string) => `${resourceId}\u0000${item}`;
export const recordItemKey = (resourceId: string, item: string, key: string) => `${resourceId}\u0000${item}\u0000${key}`;

/**
 * Objections that still limit opening, read once per request and kept while the policy generation
 * stands (open_objection is a policy table): a filed objection suspends from the very next read.
 */
export function openStandingOf(ctx: RequestContext): Promise<OpenStanding> {
  return ctx.loaders.once('records.openStanding', async () => {
    const party = partyOf(ctx);
    const [objections, grants] = await Promise.all([objectionsOf(ctx), party ? openGrantsOf(ctx, party.id) : []]);
    return { ...objections, grants };
  });
}

/**
 * A party's approved applications: its grants, kept while the policy generation stands (open_application
 * is a policy table: an approval opens the very next read). Ended ones are kept too: they say why.
 */
function openGrantsOf(ctx: RequestContext, partyId: string): Promise<OpenGrantView[]> {
  return ctx.snapshots.get(ctx, `records.openGrants:${partyId}`, async () => {
    const rows = await ctx.db.getRepository(OpenApplication).find({ where: { partyId, state: OpenApplicationState.APPROVED }, select: ['id', 'resourceId', 'items', 'usageEndsAt'] });
    return rows.map((row) => ({ id: row.id, resourceId: row.resourceId, itemCodes: row.items, endsAt: row.usageEndsAt }));
  });
}

function objectionsOf(ctx: RequestContext): Promise<Omit<OpenStanding, 'grants'>> {
  return ctx.snapshots.get(ctx, 'records.openStanding', async () => {
    const rows = await ctx.db.getRepository(OpenObjection).find({ where: { state: In(Object.keys(EFFECT)) }, select: ['resourceId', 'item', 'recordKey', 'state'] });
    const byItem = new Map<string, ObjectionEffect>();
    const byRecord = new Map<string, ObjectionEffect>();
    for (const row of rows) {
      const effect = EFFECT[row.state]!;
      if (row.recordKey === null) byItem.set(itemKey(row.resourceId, row.item), strongest(byItem.get(itemKey(row.resourceId, row.item)), effect)!);
      else byRecord.set(recordItemKey(row.resourceId, row.item, row.recordKey), strongest(byRecord.get(recordItemKey(row.resourceId, row.item, row.recordKey)), effect)!);
    }
    return { byItem, byRecord };
  });
}
