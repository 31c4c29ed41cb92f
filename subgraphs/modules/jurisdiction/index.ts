import { DIVISIONS } from '../../kernel/divisions';
import { PlatformModule } from '../../kernel/module';
import { Jurisdiction } from './jurisdiction.entity';
import { JurisdictionResolver, jurisdictionReference } from './jurisdiction.resolver';

/** The jurisdiction registry: owned by the region platform (issue 2, item 5). */
export const jurisdictionModule: PlatformModule = {
  name: 'jurisdiction',
  entities: [Jurisdiction],
  // Kept between queries (kernel/db/kept-rows.ts): a change must move the policy generation.
  policyTables: ['jurisdiction'],
  resolvers: [JurisdictionResolver],
  referenceResolvers: jurisdictionReference,
  async seed({ db }) {
    const repo = db.getRepository(Jurisdiction);
    if ((await repo.count()) > 0) return;
    await repo.insert(DIVISIONS.map((d) => ({ ...d })));
  },
};

export { Jurisdiction };
