import { PUBLIC_CALLER_HEADER } from '../../subgraphs/kernel/auth/caller';
import { signRequest } from '../../subgraphs/kernel/auth/request-signature';
import { AuditRecord } from '../../subgraphs/kernel/audit/audit.entity';
import { demoAgency, Sector } from '../../subgraphs/modules/agency/demo-agencies';
import { errorCodes, startTestStack, TestStack } from '../support/stack';

/*
 * 004 art. 28 ¶1: unconditionally open data any person or organisation obtains directly from the
 * platform — here, through the same gateway without a token. Everything else stays an agency's.
 */

let stack: TestStack;
let agencyToken: string;

beforeAll(async () => {
  stack = await startTestStack();
  agencyToken = await stack.token(demoAgency('150102', Sector.HEALTH));
});
afterAll(() => stack?.stop());

const LEGAL_PERSONS = '150100-FR-0001';
const LAND = '150100-ZY-0001';
const PERSONS = '150100-RK-0001';

/** Words of each resource's name, to find it alone in the catalog. */
const NAMED: Record<string, string> = { [LEGAL_PERSONS]: '法人', [LAND]: '自然资源', [PERSONS]: '人口' };

/** One resource of the open catalog, found by division and name as the public finds it. */
const resourceQuery = (code: string, selection: string) =>
  `{ catalog(filter: { jurisdictionCode: "${code.slice(0, 6)}", text: "${NAMED[code]}" }, first: 50) { nodes { code ${selection} } } }`;
async function openResource(code: string, selection: string) {
  const response = await stack.query(resourceQuery(code, selection));
  const nodes = response.body.data?.catalog?.nodes ?? [];
  return { response, resource: nodes.find((n: { code: string }) => n.code === code) };
}

describe('the open catalog is served without a token (004 art. 26-28)', () => {
  it('lists only resources with an item the public may have or apply for, and only such items', async () => {
    const response = await stack.query('{ catalog(first: 200) { totalCount nodes { code openType items { code openType openConditions } } } }');
    expect(response.body.errors).toBeUndefined();
    const nodes = response.body.data.catalog.nodes as { code: string; openType: string; items: { code: string; openType: string }[] }[];
    const codes = nodes.map((n) => n.code);
    expect(codes).toContain(LEGAL_PERSONS);
    expect(codes).not.toContain(PERSONS);
    for (const node of nodes) {
      expect(node.openType).not.toBe('NOT_OPEN');
      expect(node.items.length).toBeGreaterThan(0);
      expect(node.items.every((item) => item.openType !== 'NOT_OPEN')).toBe(true);
    }
    const land = nodes.find((n) => n.code === LAND)!;
    expect(land.items).toContainEqual({ code: 'area_mu', openType: 'CONDITIONAL_OPEN', openConditions: expect.stringContaining('科研') });
  });

  it('reads the values of UNCONDITIONAL_OPEN items of a lower level, through the gateway', async () => {
    const { response, resource } = await openResource(LEGAL_PERSONS, 'records(first: 3) { totalCount nodes { key fields { item value } } }');
    expect(response.body.errors).toBeUndefined();
    const records = resource.records.nodes;
    expect(records).toHaveLength(3);
    for (const record of records) {
      expect(record.key).toMatch(/^[0-9A-Z]{18}$/);
      expect(record.fields.map((f: { item: string }) => f.item)).toEqual(['uscc', 'name', 'status', 'established_on']);
      expect(record.fields.every((f: { value: string | null }) => typeof f.value === 'string' && f.value.length > 0)).toBe(true);
    }
  });

  it('refuses every other item at its path: NOT_OPEN, and CONDITIONAL_OPEN without an approved application', async () => {
    const notOpen = await openResource(LEGAL_PERSONS, 'records(first: 2, items: ["name", "address"]) { nodes { fields { item value } } }');
    const refused = notOpen.response.body.errors!;
    expect(refused.map((e) => [e.path!.slice(-5).join('.'), e.extensions!.code, e.extensions!.reason])).toEqual([
      ['nodes.0.fields.1.value', 'UNAUTHENTICATED', 'NOT_OPEN'],
      ['nodes.1.fields.1.value', 'UNAUTHENTICATED', 'NOT_OPEN'],
    ]);
    expect(notOpen.resource.records.nodes.map((r: any) => r.fields.map((f: any) => f.value === null))).toEqual([[false, true], [false, true]]);

    const conditional = await openResource(LAND, 'records(first: 1, items: ["area_mu"]) { nodes { fields { value } } }');
    expect(conditional.response.body.errors!.map((e) => [e.extensions!.code, e.extensions!.reason])).toEqual([['UNAUTHENTICATED', 'OPEN_APPLICATION_REQUIRED']]);
    expect(conditional.response.body.errors![0].message).toMatch(/area_mu of 150100-ZY-0001 is opened only on an approved application \(CONDITIONAL_OPEN, 004 art\. 28 ¶2\)/);
  });

  it('refuses every field that needs an agency at its own path, and leaves the open ones standing', async () => {
    const { response, resource } = await openResource(LEGAL_PERSONS, 'name state review { kind } items { code legalBasis shareConditions }');
    expect(resource).toMatchObject({ name: '呼和浩特市法人基础信息', state: null, review: null });
    expect(resource.items.map((i: any) => [i.code, i.legalBasis, i.shareConditions])).toEqual(['uscc', 'name', 'status', 'established_on'].map((code) => [code, null, null]));
    const refusals = response.body.errors!;
    expect(new Set(refusals.map((e) => e.path![e.path!.length - 1]))).toEqual(new Set(['state', 'review', 'legalBasis', 'shareConditions']));
    expect(refusals.every((e) => e.extensions!.code === 'UNAUTHENTICATED')).toBe(true);
    expect(refusals[0].message).toMatch(/needs an agency's bearer token; without one, only the open catalog and unconditionally open data are served/);
  });

  it('refuses a non-null agency field at its path too; GraphQL then nulls the object holding it', async () => {
    const response = await stack.query(resourceQuery(LEGAL_PERSONS, 'shareType'));
    expect(response.body.data).toBeNull();
    expect(response.body.errors!.map((e) => [e.path!.slice(-1)[0], e.extensions!.code])).toEqual([['shareType', 'UNAUTHENTICATED']]);
  });

  it.each([
    ['the caller', '{ viewer { sub } }'],
    ['an agency', '{ agency(uscc: "12150100MB0000010D") { name } }'],
    ["a platform's lists", '{ platform(level: CITY) { shareApplications(role: APPLICANT) { totalCount } } }'],
    ['a record by global id', '{ node(id: "Q2l0eVJlc291cmNlOng") { id } }'],
    ['a mutation', 'mutation { suspendCityAgency(uscc: "12150100MB0000010D", reason: "x") { reason } }'],
  ])('refuses %s with UNAUTHENTICATED at its path', async (_what, query) => {
    const response = await stack.query(query);
    expect(response.status).toBe(200);
    expect(errorCodes(response).length).toBeGreaterThan(0);
    expect(new Set(errorCodes(response))).toEqual(new Set(['UNAUTHENTICATED']));
    expect(response.body.errors!.every((e) => Array.isArray(e.path) && e.path.length > 0)).toBe(true);
  });

  it('still refuses a token that does not verify: a bad token is never read as the public', async () => {
    const response = await stack.query('{ catalog(first: 1) { totalCount } }', {}, 'not-a-jwt');
    expect(response.status).toBe(401);
    expect(response.body.data).toBeUndefined();
  });

  it('records every public read in the audit trail as PUBLIC, with the client address (001 art. 25)', async () => {
    await openResource(LEGAL_PERSONS, 'records(first: 2, items: ["name", "address"]) { nodes { fields { value } } }');
    const rows = await stack.subgraphs.CITY.db.getRepository(AuditRecord).findBy({ agencyUscc: 'PUBLIC' });
    const effects = new Set(rows.map((r) => `${r.effect}:${r.reason}`));
    expect([...effects]).toEqual(expect.arrayContaining(['ALLOW:null', 'DENY:NOT_OPEN']));
    expect(rows.every((r) => /^public@(::ffff:)?127\.0\.0\.1$|^public@::1$/.test(r.userSub) && r.agencyJurisdiction === null)).toBe(true);
  });
});

describe('each platform enforces the open attribute itself (the gateway is not the only line of defence)', () => {
  const url = () => stack.subgraphs.CITY.url;
  const entities = (id: string) => JSON.stringify({ query: `{ _entities(representations: [{ __typename: "CityResource", id: "${id}" }]) { ... on CityResource { code state items { code legalBasis } } } }` });
  async function cityResourceId() {
    const { resource } = await openResource(LEGAL_PERSONS, 'id');
    return resource.id as string;
  }
  const post = (body: string, headers: Record<string, string>) =>
    fetch(url(), { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body }).then(async (r) => ({ status: r.status, body: (await r.json()) as any }));

  it('gives nothing to a request with no signature, or with a public caller the gateway did not sign', async () => {
    const body = entities(await cityResourceId());
    expect((await post(body, {})).status).toBe(401);
    const signedAsNobody = signRequest(stack.config.gatewaySigningSecret, { method: 'POST', path: '/graphql', authorization: '', body });
    const forged = await post(body, { ...signedAsNobody, [PUBLIC_CALLER_HEADER]: '10.0.0.1' });
    expect(forged.status).toBe(401);
    expect(forged.body.data).toBeUndefined();
  });

  it('answers a signed public request field by field: open fields served, agency fields refused at the platform', async () => {
    const body = entities(await cityResourceId());
    const headers = { ...signRequest(stack.config.gatewaySigningSecret, { method: 'POST', path: '/graphql', authorization: '', publicCaller: '10.0.0.1', body }), [PUBLIC_CALLER_HEADER]: '10.0.0.1' };
    const answer = await post(body, headers);
    expect(answer.body.data._entities[0]).toEqual({ code: LEGAL_PERSONS, state: null, items: ['uscc', 'name', 'status', 'established_on'].map((code) => ({ code, legalBasis: null })) });
    expect(answer.body.errors.map((e: any) => [e.path.join('.'), e.extensions.code])).toEqual([
      ['_entities.0.state', 'UNAUTHENTICATED'],
      ...[0, 1, 2, 3].map((i) => [`_entities.0.items.${i}.legalBasis`, 'UNAUTHENTICATED']),
    ]);
  });

  it('serves an agency everything it served before', async () => {
    const response = await stack.query(resourceQuery(PERSONS, 'shareType items { code }'), {}, agencyToken);
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data.catalog.nodes.find((n: any) => n.code === PERSONS).items.length).toBeGreaterThan(5);
  });
});
