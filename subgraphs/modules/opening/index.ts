import { PlatformModule } from '../../kernel/module';
import { NegativeListEntryFields, PlatformNegativeList } from './negative-list.resolver';
import { ObjectionMutations, OpenObjectionFields, PlatformObjections } from './objection.resolver';

/**
 * Opening public data to the public (004 art. 26-29), mounted by every level: objections that suspend
 * opening at once and the source department's decision on them. The objection table and what it does
 * to each read live with the records (records/objection.entity.ts, records/open-standing.ts), where
 * every value is released; this module is how objections are filed, followed and decided.
 */
export const openingModule: PlatformModule = {
  name: 'opening',
  entities: [],
  resolvers: [ObjectionMutations, OpenObjectionFields, PlatformObjections, PlatformNegativeList, NegativeListEntryFields],
  // Anyone may object and follow their objection by its id (004 art. 28 ¶3); the contact and evidence stay with the source department.
  openToPublic: [
    'Mutation.file{Level}OpenDataObjection',
    'Platform.openDataObjection',
    ...['id', 'item', 'recordKey', 'ground', 'statement', 'state', 'filedAt', 'decidedAt', 'decisionReason', 'verification'].map((f) => `OpenDataObjection.${f}`),
    'Deadline.*',
    // The negative list is published to the public (001 art. 30 ¶2).
    'Platform.openNegativeList',
    'OpenNegativeListConnection.*',
    'OpenNegativeListEdge.*',
    'OpenNegativeListEntry.*',
    // The way to a platform: its key and what names it.
    'Query.platform',
    'Platform.id',
    'Platform.level',
    'Platform.name',
  ],
};
