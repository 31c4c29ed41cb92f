import { BENCH_SCENARIO } from '../records-access';

/** The operations the benchmark sends, written once. */

/** A page of the integrated catalog as an agency browses it: all three levels, each resource with its items. */
export const CATALOG_PAGE = `query CatalogPage($filter: CatalogFilter, $first: Int!) {
  catalog(filter: $filter, first: $first) {
    totalCount
    edges { node {
      __typename id code name level shareType
      jurisdiction { code name }
      provider { uscc name }
      items { code name shareType openType }
    } }
  }
}`;

/** The same page without items: the region answers all of it, so the gateway plans a single fetch. */
export const CATALOG_INDEX_PAGE = `query CatalogIndexPage($first: Int!) {
  catalog(first: $first) {
    totalCount
    edges { node { __typename id code name level shareType jurisdiction { code name } provider { uscc name } } }
  }
}`;

/** Person records of the region's basic database, every field enforced per item, read for the scenario the benchmark's grants approve. */
export const REGION_PERSONS = `query RegionPersons($first: Int!) {
  platform(level: REGION) { ... on PersonRegister { persons(first: $first, purpose: "${BENCH_SCENARIO}") { edges { node { name gender birthDate householdAddress } } } } }
}`;

export const graphqlBody = (query: string, variables: Record<string, unknown> = {}) => JSON.stringify({ query, variables });
