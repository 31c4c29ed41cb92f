import { PlatformModule } from '../../kernel/module';
import { Agency } from './agency.entity';
import { AgencyResolver, JurisdictionAgenciesResolver, agencyReference } from './agency.resolver';
import { DEMO_AGENCIES } from './demo-agencies';
import { agencyRegistry } from './registry';
import { AgencyReplication } from './replication';

/**
 * The agency registry, at every level: each platform resolves every request's identity from its own
 * copy (registry.ts). The region owns it; the other levels take what the region passes down.
 */
export const agencyRegistryModule: PlatformModule = {
  name: 'agency-registry',
  entities: [Agency],
  resolvers: [],
  agencyRegistry,
  // An identity looked up once is kept until the registry changes.
  policyTables: ['agency'],
  async seedDemo({ db }) {
    const repo = db.getRepository(Agency);
    if ((await repo.count()) > 0) return;
    await repo.insert(DEMO_AGENCIES.map((a) => repo.create(a)));
  },
};

/** A lower level's copy of the registry takes the region's registrations (city and county). */
export const agencyReplicaModule: PlatformModule = { name: 'agency-replica', entities: [], resolvers: [AgencyReplication] };

/** The registry's API, at the region that owns it: agencies by USCC or division, and registration. */
export const agencyApiModule: PlatformModule = {
  name: 'agency',
  entities: [],
  resolvers: [AgencyResolver, JurisdictionAgenciesResolver],
  referenceResolvers: agencyReference,
};

export { Agency };
