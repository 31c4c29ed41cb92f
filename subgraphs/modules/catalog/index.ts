import { levelNodeTypes } from '../../kernel/graphql/node-registry';
import { PlatformModule } from '../../kernel/module';
import { canSee } from './catalog.service';
import { CatalogFacetFields, IntegratedCatalogResolver, indexedResourceReferences } from './graphql/integrated.resolver';
import { CatalogMutations } from './graphql/mutations';
import { PlatformCatalog } from './graphql/platform.fields';
import { CatalogReportResolver } from './graphql/reports.resolver';
import { CatalogResourceFields, LevelResourceFields } from './graphql/resource.fields';
import { RESOURCE_TYPES } from './graphql/types';
import { CatalogIndexEntry } from './index-entry.entity';
import { CatalogItem } from './item.entity';
import { resourceById } from './loaders';
import { CatalogResourceRow } from './resource.entity';
import { seedDemoCatalog } from './seed/seed';
import { CatalogTransition } from './transition.entity';

/**
 * The public data catalog (issue 3), mounted by every level: each level keeps its own resources and
 * their review workflow; `Platform.resources` lists them, the level-named mutations move them.
 */
export const catalogModule: PlatformModule = {
  name: 'catalog',
  entities: [CatalogResourceRow, CatalogItem, CatalogTransition],
  resolvers: [CatalogResourceFields, LevelResourceFields, PlatformCatalog, CatalogMutations],
  // Work in progress is found by id only by those who may see it.
  nodes: levelNodeTypes('Resource', RESOURCE_TYPES, async (ctx, localId) => {
    const row = await resourceById(ctx).load(localId);
    return row && canSee(ctx, row) ? row : null;
  }),
  seedDemo: seedDemoCatalog,
  // What the open catalog tells anyone of a resource and its items (004 art. 26-27); workflow, share attributes and providers' links need a token.
  openToPublic: [
    ...['id', 'code', 'name', 'summary', 'level', 'version', 'jurisdictionCode', 'providerUscc', 'publishedAt', 'lineageId', 'dataForm', 'format', 'updateFrequency', 'basicDatabase', 'sourceDepartmentUscc', 'openType', 'items'].map((f) => `CatalogResource.${f}`),
    ...['position', 'code', 'name', 'dataType', 'description', 'openType', 'openGrounds', 'openLegalBasis', 'openConditions'].map((f) => `DataItem.${f}`),
  ],
  // Share types, conditions and mask rules of published items decide what is released.
  policyTables: ['catalog_resource', 'catalog_item'],
};

/**
 * The integrated three-level catalog (004 art. 10), at the region only: the index every level reports
 * its published versions to, `catalog(filter)`, and the summary of any level's resource from it.
 */
export const integratedCatalogModule: PlatformModule = {
  name: 'integrated-catalog',
  entities: [CatalogIndexEntry],
  // Its pages and facets are kept between queries (kernel/db/kept-rows.ts): a change must move the policy generation.
  policyTables: ['catalog_index'],
  resolvers: [IntegratedCatalogResolver, CatalogFacetFields, CatalogReportResolver],
  referenceResolvers: indexedResourceReferences,
  openToPublic: ['Query.catalog', 'CatalogResourceConnection.*', 'CatalogResourceEdge.*', 'Query.catalogFacets', 'FacetCount.*',
    // Share types are agencies' business: the public is refused that facet at its path.
    ...['totalCount', 'level', 'provider', 'openType', 'format'].map((f) => `CatalogFacets.${f}`)],
};
