import { signRequest } from '../../subgraphs/kernel/auth/request-signature';
import { globalId } from '../../subgraphs/kernel/graphql/global-id';
import { LEVELS, Level, levelType } from '../../subgraphs/kernel/levels';
import { AuditRecord } from '../../subgraphs/kernel/audit/audit.entity';
import { demoAgency, Sector } from '../../subgraphs/modules/agency/demo-agencies';
import { startTestStack, TestStack } from '../support/stack';

// Issue 11, malformed requests, error hygiene, text inputs and request ids: whatever a client sends, it
// gets a 4xx with a code and a message that says what is wrong — never a 5xx, an internal address, SQL
// text, a driver message or a stack — and nothing is changed.
let stack: TestStack;
let production: TestStack;
let token: string;
let productionToken: string;

const PRODUCTION_SECRETS = {
  NODE_ENV: 'production',
  JWT_SECRET: 'hostile-test-jwt-secret-0123456789abcdef',
  GATEWAY_SIGNING_SECRET: 'hostile-test-signing-secret-0123456789abc',
  SERVICE_TOKEN_SECRET: 'hostile-test-service-secret-0123456789abc',
  // Production as an operator's trial runs it: with the demo agencies, so that their tokens count.
  SEED_DEMO: 'true',
  LOG_LEVEL: 'silent',
};

beforeAll(async () => {
  [stack, production] = await Promise.all([startTestStack(), startTestStack(PRODUCTION_SECRETS)]);
  token = await stack.token(demoAgency('150102', Sector.HEALTH));
  productionToken = await production.token(demoAgency('150102', Sector.HEALTH));
});
afterAll(async () => {
  await Promise.all([stack?.stop(), production?.stop()]);
});

interface Raw {
  status: number;
  text: string;
  requestId: string | null;
}

async function send(url: string, body: string | Buffer, headers: Record<string, string>): Promise<Raw> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : new Uint8Array(body) });
  return { status: response.status, text: await response.text(), requestId: response.headers.get('x-request-id') };
}

const gateway = (s: TestStack, body: string | Buffer, bearer: string, headers: Record<string, string> = {}) => send(s.gateway.url, body, { authorization: `Bearer ${bearer}`, ...headers });

/** The same request straight to a platform, signed as the gateway signs it. */
function platform(s: TestStack, level: Level, body: string | Buffer, bearer: string): Promise<Raw> {
  const url = s.subgraphs[level].url;
  const authorization = `Bearer ${bearer}`;
  return send(url, body, { authorization, ...signRequest(s.config.gatewaySigningSecret, { method: 'POST', path: new URL(url).pathname, authorization, body }) });
}

const op = (query: string, variables: Record<string, unknown> = {}, operationName?: string) => JSON.stringify({ query, variables, operationName });

/** An audit trail query each level answers under its own root field name: text inputs reach every platform. */
/**
 * A selection of a level's audit trail as that level's own platform takes it: the region's subgraph has
 * the platform root field; the others answer their platform object by entity reference.
 */
const trail = (level: Level, args: string) => {
  const selection = `auditTrail${args} { nodes { seq } }`;
  if (level === 'REGION') return `{ platform(level: REGION) { ${selection} } }`;
  const type = levelType(level, 'Platform');
  return `{ _entities(representations: [{ __typename: "${type}", id: "${globalId(type, level)}" }]) { ... on ${type} { ${selection} } } }`;
};

/** Requests a client may send on purpose or by mistake, as each level would get them, and the code each is answered with. */
const HOSTILE: [name: string, body: (level: Level) => string | Buffer, code: string][] = [
  ['a syntax error', () => op('{ __typename'), 'GRAPHQL_PARSE_FAILED'],
  // Past the gateway's limit and the platforms' own (PLATFORM_MAX_TOKENS).
  ['a document over the token limit', () => op(`{ ${Array.from({ length: 12_000 }, (_, i) => `a${i}: __typename`).join(' ')} }`), 'GRAPHQL_PARSE_FAILED'],
  ['a body that is not UTF-8', () => Buffer.from([0x7b, 0x22, 0x71, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]), 'BAD_REQUEST'],
  ['a body that is not JSON', () => '{"query": ', 'BAD_REQUEST'],
  ['a body without a query', () => '{}', 'BAD_REQUEST'],
  ['an operationName that names no operation', () => op('query A { __typename }', {}, 'B'), 'OPERATION_RESOLUTION_FAILURE'],
  ['two operations and no operationName', () => op('query A { __typename } query B { __typename }'), 'OPERATION_RESOLUTION_FAILURE'],
  ['two operations without a name', () => op('{ __typename } { __typename }'), 'GRAPHQL_VALIDATION_FAILED'],
  ['a subscription', () => op('subscription { __typename }'), 'GRAPHQL_VALIDATION_FAILED'],
  ['a field that does not exist', () => op('{ nothingHere }'), 'GRAPHQL_VALIDATION_FAILED'],
  ['a variable of the wrong type', (level) => op(`query($f: Int!) ${trail(level, '(first: $f)')}`, { f: 'many' }), 'BAD_USER_INPUT'],
  ['a text 50 000 characters long', (level) => op(`query($a: String) ${trail(level, '(filter: { action: $a })')}`, { a: 'x'.repeat(50_000) }), 'BAD_USER_INPUT'],
  ['a NUL in a text', (level) => op(`query($a: String) ${trail(level, '(filter: { action: $a })')}`, { a: '\u0000' }), 'BAD_USER_INPUT'],
  ['a control character written in the document', (level) => op(trail(level, '(filter: { action: "a\\u0007b" })')), 'BAD_USER_INPUT'],
];

/** What no answer may contain: an address, a driver or engine message, a stack. */
const LEAKS = [/https?:\/\//, /127\.0\.0\.1/, /ECONNREFUSED/, /SQLITE_/, /\bER_[A-Z_]+/, /QueryFailedError/, /\bat .*\.(ts|js):\d+/, /stacktrace/];

function expectClean(raw: Raw) {
  for (const leak of LEAKS) expect(raw.text).not.toMatch(leak);
}

function codesOf(raw: Raw): string[] {
  return (JSON.parse(raw.text).errors ?? []).map((e: { extensions?: { code?: string } }) => e.extensions?.code);
}

describe('malformed requests are 4xx with a code, at the gateway and at every platform', () => {
  it.each(HOSTILE)('%s', async (_name, body, code) => {
    for (const s of [stack, production]) {
      const bearer = s === stack ? token : productionToken;
      const answers = [await gateway(s, body('REGION'), bearer), ...(await Promise.all(LEVELS.map((level) => platform(s, level, body(level), bearer))))];
      for (const raw of answers) {
        expect(raw.status).toBeGreaterThanOrEqual(400);
        expect(raw.status).toBeLessThan(500);
        expect(codesOf(raw)).toContain(code);
      }
      if (s === production) answers.forEach(expectClean);
    }
  });
});

describe('errors say what is wrong, where, and nothing of the platform behind', () => {
  const APPLY = 'mutation($d: DateTimeISO!) { applyRegionShare(input: { resourceId: "x", items: ["phone"], scenario: "核对", purpose: "核对", shareMode: INTERFACE, requestedEndDate: $d }) { id } }';

  it('answers an invalid date a platform refuses as BAD_USER_INPUT at the field, without its address or raw response', async () => {
    for (const [s, bearer] of [[stack, token], [production, productionToken]] as const) {
      const raw = await gateway(s, op(APPLY, { d: '2024-13-45' }), bearer);
      expect(raw.status).toBeLessThan(500);
      const [error] = JSON.parse(raw.text).errors;
      expect(error).toMatchObject({ path: ['applyRegionShare'], message: expect.stringMatching(/2024-13-45/), extensions: { code: 'BAD_USER_INPUT' } });
      expect(error.extensions.response).toBeUndefined();
      expectClean(raw);
    }
  });

  it('answers with a generic message and the request id, never SQL, when something breaks inside in production', async () => {
    await production.subgraphs.REGION.db.query('DROP TABLE catalog_index');
    const raw = await gateway(production, op('{ catalog(first: 1) { totalCount } }'), productionToken, { 'x-request-id': 'hostile-internal-1' });
    expect(raw.requestId).toBe('hostile-internal-1');
    expect(JSON.parse(raw.text).errors).toEqual([{ message: expect.stringMatching(/^internal error; the x-request-id of this response identifies it in the logs$/), path: ['catalog'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }]);
    expectClean(raw);
  });
});

describe('an unreachable level', () => {
  let partial: TestStack;
  beforeAll(async () => {
    partial = await startTestStack();
  });
  afterAll(() => partial?.stop());

  it('is SUBGRAPH_UNAVAILABLE naming the level, at the paths it would have answered, and the rest arrives', async () => {
    const bearer = await partial.token(demoAgency('150102', Sector.HEALTH));
    await partial.subgraphs.CITY.stop();
    const raw = await gateway(partial, op('{ catalog(first: 50) { edges { node { __typename code items { code } } } } }'), bearer);
    expect(raw.status).toBe(200);
    const { data, errors } = JSON.parse(raw.text);
    const nodes = data.catalog.edges.map((e: { node: { __typename: string; items: unknown } }) => e.node);
    expect(nodes.filter((n: { __typename: string; items: unknown }) => n.__typename !== 'CityResource').every((n: { items: unknown }) => Array.isArray(n.items))).toBe(true);
    const cityIndexes = nodes.flatMap((n: { __typename: string }, i: number) => (n.__typename === 'CityResource' ? [i] : []));
    expect(cityIndexes.length).toBeGreaterThan(0);
    expect(errors.map((e: { path: unknown }) => e.path)).toEqual(cityIndexes.map((i: number) => ['catalog', 'edges', i, 'node']));
    for (const error of errors) expect(error).toMatchObject({ message: 'the city platform is unavailable', extensions: { code: 'SUBGRAPH_UNAVAILABLE', level: 'CITY' } });
    expectClean(raw);

    const platformList = await gateway(partial, op('{ platform(level: CITY) { level resources(first: 1) { nodes { id } } } }'), bearer);
    const answer = JSON.parse(platformList.text);
    expect(answer.errors).toEqual([{ message: 'the city platform is unavailable', path: ['platform'], extensions: { code: 'SUBGRAPH_UNAVAILABLE', level: 'CITY', serviceName: 'city' } }]);
    expect(answer.data).toEqual({ platform: { level: 'CITY', resources: null } });

    // Every level in one operation: the one that does not answer is null where it would have answered.
    const everyLevel = JSON.parse((await gateway(partial, op('{ platforms { level resources(first: 1) { totalCount } } }'), bearer)).text);
    expect(everyLevel.data.platforms.map((p: { level: string; resources: unknown }) => [p.level, p.resources === null])).toEqual([['REGION', false], ['CITY', true], ['COUNTY', false]]);
    expect(everyLevel.errors.map((e: { path: unknown; extensions: { level: string } }) => [e.path, e.extensions.level])).toEqual([[['platforms', 1], 'CITY']]);
  });
});

describe('text inputs', () => {
  const SEARCH = 'query($t: String) { catalog(filter: { text: $t }) { totalCount } }';
  const totalFor = async (text: string) => JSON.parse((await gateway(stack, op(SEARCH, { t: text }), token)).text).data.catalog.totalCount;

  it('bounds a search to 100 characters, saying so', async () => {
    const raw = await gateway(stack, op(SEARCH, { t: '人口'.repeat(51) }), token);
    expect(JSON.parse(raw.text).errors[0]).toMatchObject({ message: 'filter.text: search words are at most 100 characters', extensions: { code: 'BAD_USER_INPUT' } });
  });

  it('bounds every text input, naming the argument', async () => {
    const raw = await gateway(stack, op('mutation($r: String!) { suspendRegionAgency(uscc: "11150000002500009C", reason: $r) { active } }', { r: '滥'.repeat(10_001) }), token);
    expect(raw.status).toBe(400);
    expect(JSON.parse(raw.text).errors[0]).toMatchObject({ message: expect.stringMatching(/^reason: is 10001 characters long; text inputs are at most 10000$/), extensions: { code: 'BAD_USER_INPUT', field: 'reason' } });
  });

  it('matches % and _ as themselves, not as wildcards', async () => {
    expect(await totalFor('人口')).toBeGreaterThan(0);
    expect(await totalFor('%')).toBe(0);
    expect(await totalFor('_')).toBe(0);
    expect(await totalFor('人%口')).toBe(0);
  });
});

describe('request ids', () => {
  const QUERY = op('{ platform(level: REGION) { ... on PersonRegister { persons(first: 1) { edges { node { idNumber name } } } } } }');
  const trailOf = async (requestId: string) => stack.subgraphs.REGION.db.getRepository(AuditRecord).findBy({ requestId });

  it('keeps a short id of safe characters, end to end into the audit trail', async () => {
    const raw = await gateway(stack, QUERY, token, { 'x-request-id': 'client-42.a:b_c' });
    expect(raw.requestId).toBe('client-42.a:b_c');
    expect((await trailOf('client-42.a:b_c')).length).toBeGreaterThan(0);
  });

  it.each([
    ['longer than 64 characters', 'x'.repeat(65)],
    ['with a space', 'a b'],
    ['with a quote', 'a"b'],
  ])('replaces one %s with a fresh id, records the refused one nowhere, and still answers', async (_case, refused) => {
    const raw = await gateway(stack, QUERY, token, { 'x-request-id': refused });
    expect(raw.status).toBe(200);
    expect(raw.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await trailOf(refused)).toEqual([]);
    expect((await trailOf(raw.requestId!)).length).toBeGreaterThan(0);
  });
});
