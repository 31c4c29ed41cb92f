import { PlatformModule } from '../../kernel/module';
import { Agency } from './agency.entity';
import { AgencyResolver, JurisdictionAgenciesResolver, agencyReference } from './agency.resolver';
import { DEMO_AGENCIES } from './demo-agencies';

/** The agency registry: owned by the region platform (issue 2, item 6). */
export const agencyModule: PlatformModule = {
  name: 'agency',
  entities: [Agency],
  resolvers: [AgencyResolver, JurisdictionAgenciesResolver],
  referenceResolvers: agencyReference,
  async seed({ db }) {
    const repo = db.getRepository(Agency);
    if ((await repo.count()) > 0) return;
    await repo.insert(DEMO_AGENCIES.map((a) => repo.create(a)));
  },
};

export { Agency };
