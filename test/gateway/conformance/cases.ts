/**
 * Federation conformance cases, each a query (with its variables and caller) whose answer two gateways
 * must give identically. Grouped by what the Federation spec defines; every case runs on this
 * platform's own supergraph, whose three subgraphs exercise the features it uses. The spec's
 * @requires and unions across subgraphs are not used by this supergraph; their cases wait for a
 * field that uses them (a conformance case needs a schema that has the feature). Requests without a
 * token are this platform's own (the public, signed as such) and have no stock counterpart.
 */
export type Caller = 'regionAuthority' | 'countyAgency';

export interface ConformanceCase {
  feature: string;
  name: string;
  query: string;
  variables?: Record<string, unknown>;
  caller: Caller;
}

export const CASES: ConformanceCase[] = [
  {
    feature: 'entities across subgraphs',
    name: 'a page of the region index with each node completed by its owning level',
    caller: 'regionAuthority',
    query: '{ catalog(first: 12) { totalCount nodes { __typename id code level state items { code shareType } } } }',
  },
  {
    feature: 'entities across subgraphs',
    name: "a county roll's records joined with the region's persons through _entities",
    caller: 'countyAgency',
    query: '{ platform(level: COUNTY) { ... on AssistanceRoll { assistanceRecords(divisionCode: "150102", first: 3) { nodes { idNumber name person { name gender householdAddress } } } } } }',
  },
  {
    feature: '@provides and @external',
    name: 'fields the region provides from its index, beside fields only the owner has',
    caller: 'regionAuthority',
    query: '{ catalog(filter: { level: CITY }, first: 5) { nodes { code name summary providerUscc publishedAt format updateFrequency } } }',
  },
  {
    feature: 'interfaces across subgraphs',
    name: 'the Platform interface and its per-level capabilities',
    caller: 'regionAuthority',
    query: '{ platforms { __typename level name ... on PersonRegister { persons(divisionCode: "150102", first: 1) { totalCount } } ... on AssistanceRoll { assistanceRecords(divisionCode: "150102", first: 1) { totalCount } } } }',
  },
  {
    feature: 'interfaces across subgraphs',
    name: 'an entity interface by global id, with inline fragments on its implementations',
    caller: 'regionAuthority',
    query: 'query($ids: [ID!]!) { nodes(ids: $ids) { __typename ... on CatalogResource { code level } ... on CityResource { state } ... on RegionResource { version } } }',
    variables: { ids: ['Q2l0eVJlc291cmNlOmRhODFhOTA3LTc0NTctNTJkNi1hMjZjLWYxZDAxMTM2OTYzMA', 'bm90LWFuLWlk'] },
  },
  {
    feature: '@inaccessible',
    name: 'a platform-internal mutation is not part of the API',
    caller: 'regionAuthority',
    query: 'mutation { registerCatalogEntries(entries: []) }',
  },
  {
    feature: '@skip and @include',
    name: 'directives with variables across a subgraph boundary',
    caller: 'regionAuthority',
    query: 'query($withItems: Boolean!, $noState: Boolean!) { catalog(first: 4) { nodes { code items @include(if: $withItems) { code } state @skip(if: $noState) } } }',
    variables: { withItems: true, noState: true },
  },
  {
    feature: 'aliases',
    name: 'the same field under two aliases with different arguments, on two levels',
    caller: 'regionAuthority',
    query: '{ city: platform(level: CITY) { level n: name } county: platform(level: COUNTY) { level n: name } first: catalog(first: 1) { nodes { code } } second: catalog(first: 2) { nodes { c: code } } }',
  },
  {
    feature: 'variables',
    name: 'input objects and lists in variables',
    caller: 'regionAuthority',
    query: 'query($f: CatalogFilter, $n: Int) { catalog(filter: $f, first: $n) { totalCount nodes { code } } }',
    variables: { f: { level: 'COUNTY', includeSuperseded: true }, n: 3 },
  },
  {
    feature: 'null propagation and error paths',
    name: 'refused fields are null with an error at their path, inside _entities',
    caller: 'countyAgency',
    query: '{ platform(level: COUNTY) { ... on AssistanceRoll { assistanceRecords(divisionCode: "150102", first: 2) { nodes { idNumber person { ethnicity healthStatus maritalStatus } } } } } }',
  },
  {
    feature: 'null propagation and error paths',
    name: 'an error in a nullable root field leaves the others',
    caller: 'regionAuthority',
    query: '{ ok: platform(level: REGION) { level } bad: jurisdiction(code: "999999") { code } }',
  },
  {
    feature: 'validation',
    name: 'an unknown field is refused before planning',
    caller: 'regionAuthority',
    query: '{ catalog { nodes { nope } } }',
  },
];
