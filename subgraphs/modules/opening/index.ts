import { PlatformModule } from '../../kernel/module';
import { OpenApplicationFields, OpenApplicationMutations, PlatformOpenApplications } from './graphql/application.resolver';
import { DEMO_PARTIES } from './demo-parties';
import { PartyRegistration, PartyReplication } from './graphql/party.resolver';
import { partyRegistry } from './party';
import { OpenDataParty } from './party.entity';
import { NegativeListEntryFields, PlatformNegativeList } from './graphql/negative-list.resolver';
import { ObjectionMutations, OpenObjectionFields, PlatformObjections } from './graphql/objection.resolver';

/**
 * Opening public data to the public (004 art. 26-29), mounted by every level: objections that suspend
 * opening at once and the source department's decision on them. The objection table and what it does
 * to each read live with the records (records/objection.entity.ts, records/open-standing.ts), where
 * every value is released; this module is how objections are filed, followed and decided.
 */
export const openingModule: PlatformModule = {
  name: 'opening',
  entities: [OpenDataParty],
  resolvers: [
    ObjectionMutations, OpenObjectionFields, PlatformObjections, PlatformNegativeList, NegativeListEntryFields,
    OpenApplicationMutations, OpenApplicationFields, PlatformOpenApplications,
  ],
  // Registered persons' and organisations' tokens are checked in this register (kernel/auth/identity.ts partyFrom).
  partyRegistry,
  policyTables: ['open_data_party'],
  async seedDemo({ db }) {
    const repo = db.getRepository(OpenDataParty);
    if ((await repo.count()) > 0) return;
    await repo.insert(DEMO_PARTIES.map((party) => ({ ...party, registeredAt: new Date(), registeredBy: 'demo-seed' })));
  },
  // Anyone may object and follow their objection by its id (004 art. 28 ¶3); the contact and evidence stay with the source department.
  openToPublic: [
    'Mutation.file{Level}OpenDataObjection',
    'Platform.openDataObjection',
    ...['id', 'item', 'recordKey', 'ground', 'statement', 'state', 'filedAt', 'decidedAt', 'decisionReason', 'verification'].map((f) => `OpenDataObjection.${f}`),
    'Deadline.*',
    // Registered persons and organisations apply and follow their applications (004 art. 28 ¶2); the
    // anonymous public reaching these is refused by the service, which needs a registered party.
    'Mutation.apply{Level}OpenData',
    'Platform.openDataApplication',
    'Platform.openDataApplications',
    'OpenDataApplicationConnection.*',
    'OpenDataApplicationEdge.*',
    ...['id', 'partyId', 'partyKind', 'resource', 'items', 'scenario', 'deliveryMethod', 'usageEndsAt', 'securityMeasures', 'sourceDepartmentUscc', 'jurisdictionCode', 'state',
      'submittedAt', 'reviewedAt', 'decidedAt', 'approvedUse', 'refusalReason', 'refusalLegalBasis', 'reviewDeadline', 'decisionDeadline'].map((f) => `OpenDataApplication.${f}`),
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

/** The register of open-data users' API, at the region that keeps it for every level. */
export const openDataUserRegistryModule: PlatformModule = { name: 'open-data-users', entities: [], resolvers: [PartyRegistration] };

/** A lower level's copy of the register takes the region's registrations (city and county). */
export const openDataUserReplicaModule: PlatformModule = { name: 'open-data-user-replica', entities: [], resolvers: [PartyReplication] };
