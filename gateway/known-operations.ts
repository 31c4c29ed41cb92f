/**
 * Operations the platform's own clients send, verbatim: the gateway plans them at start (warm-up.ts).
 * Plans are cached by the exact text, so a client that sends these strings is served from the cache
 * from its first request. Variables are only examples that make the operation valid: a plan does not
 * depend on variable values.
 */
export interface KnownOperation {
  name: string;
  query: string;
  variables: Record<string, unknown>;
}

export const KNOWN_OPERATIONS: readonly KnownOperation[] = [
  {
    name: 'CatalogPage',
    query: `query CatalogPage($filter: CatalogFilter, $first: Int, $after: String) {
  catalog(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node {
      __typename id code name level shareType openType
      jurisdiction { code name }
      provider { uscc name }
      items { code name shareType openType }
    } }
  }
}`,
    variables: { first: 20 },
  },
  {
    name: 'Jurisdiction',
    query: `query Jurisdiction($code: ID!) {
  jurisdiction(code: $code) { code name platform { level name } children { code name platform { level name } } }
}`,
    variables: { code: '150000' },
  },
  {
    name: 'MyApplications',
    query: `query MyApplications($first: Int) {
  platforms {
    level
    shareApplications(role: APPLICANT, first: $first) { totalCount nodes { id state submittedAt resource { id name } } }
  }
}`,
    variables: { first: 20 },
  },
];
