import { Level } from '../../kernel/levels';
import { PlatformModule } from '../../kernel/module';
import { IntegratedCatalogResolver, regionCatalogReferences, regionViewResolvers } from './graphql/integrated.resolver';
import { catalogLevelResolvers, ownResourceReference } from './graphql/level.resolver';
import { regionViewOf } from './graphql/types';
import { CatalogIndexEntry } from './index-entry.entity';
import { CatalogItem } from './item.entity';
import { CatalogResourceRow } from './resource.entity';
import { seedDemoCatalog } from './seed/seed';
import { CatalogTransition } from './transition.entity';

const built = new Map<Level, PlatformModule>();

/**
 * The public data catalog (issue 3), mounted by every level: each level keeps its own resources
 * and review workflow; the region also keeps the integrated three-level index and serves `catalog`.
 */
export function catalogModule(level: Level): PlatformModule {
  const existing = built.get(level);
  if (existing) return existing;
  const isRegion = level === 'REGION';
  const module: PlatformModule = {
    name: 'catalog',
    entities: [CatalogResourceRow, CatalogItem, CatalogTransition, ...(isRegion ? [CatalogIndexEntry] : [])],
    resolvers: [...catalogLevelResolvers(level), ...(isRegion ? [IntegratedCatalogResolver, ...regionViewResolvers()] : [])],
    orphanedTypes: isRegion ? [regionViewOf('CITY'), regionViewOf('COUNTY')] : [],
    referenceResolvers: { ...ownResourceReference(level), ...(isRegion ? regionCatalogReferences : {}) },
    seed: seedDemoCatalog,
    // Share types, conditions and mask rules of published items decide what is released.
    policyTables: ['catalog_resource', 'catalog_item'],
  };
  built.set(level, module);
  return module;
}
