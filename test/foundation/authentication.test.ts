import { SIGNATURE_HEADERS, signRequest } from '../../subgraphs/kernel/auth/request-signature';
import { signToken } from '../../subgraphs/kernel/auth/jwt';
import { demoAgency, Sector } from '../../subgraphs/modules/agency/demo-agencies';
import { errorCodes, startTestStack, TestStack } from '../support/stack';

let stack: TestStack;
let token: string;

beforeAll(async () => {
  stack = await startTestStack();
  token = await stack.token(demoAgency('150102', Sector.HEALTH));
});
afterAll(() => stack?.stop());

describe('the gateway authenticates every request', () => {
  it('serves a request without a token as the public: nothing an agency reads, UNAUTHENTICATED at the field (test/public)', async () => {
    const response = await stack.query('{ jurisdiction(code: "150000") { name } }');
    expect(response.body.data).toBeNull();
    expect(response.body.errors!.map((e) => [e.path, e.extensions!.code])).toEqual([[['jurisdiction'], 'UNAUTHENTICATED']]);
  });

  it('refuses an Authorization header that is not a bearer token, rather than reading it as the public', async () => {
    const response = await stack.query('{ jurisdiction(code: "150000") { name } }', {}, undefined, { authorization: 'Basic dXNlcjpwYXNz' });
    expect(response.status).toBe(401);
    expect(response.body.data).toBeUndefined();
    expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
  });

  it('refuses a token signed with another secret, an expired token, and one with bad claims', async () => {
    const agency = demoAgency('150102', Sector.HEALTH);
    const identity = { sub: 'x', agency: agency.uscc, jurisdiction: agency.jurisdictionCode, level: agency.level, roles: ['AGENCY_USER'] as const };
    const forged = await signToken(identity, 'another-secret-that-is-long-enough-0000000');
    const expired = await signToken(identity, (stack.config.jwt as { secret: string }).secret, { expiresIn: '-1m' });
    const badAgency = await signToken({ ...identity, agency: '91350100M000100Y44' }, (stack.config.jwt as { secret: string }).secret);
    for (const bad of [forged, expired, badAgency, 'not-a-jwt']) {
      const response = await stack.query('{ jurisdiction(code: "150000") { name } }', {}, bad);
      expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
      expect(response.body.data).toBeUndefined();
    }
  });
});

describe('each subgraph authenticates every request itself', () => {
  const probes = {
    'a root field': '{ jurisdiction(code: "150000") { name } }',
    _entities: '{ _entities(representations: [{ __typename: "Jurisdiction", code: "150100" }]) { ... on Jurisdiction { code } } }',
    '_service { sdl }': '{ _service { sdl } }',
  };

  it.each(Object.entries(probes))('refuses %s with a valid token but no gateway signature, at every level', async (_name, query) => {
    for (const level of ['REGION', 'CITY', 'COUNTY'] as const) {
      const response = await stack.direct(level, query, { token });
      expect(response.status).toBe(401);
      expect(response.body.data).toBeUndefined();
      expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
    }
  });

  it('refuses a signed request without a token', async () => {
    const response = await stack.direct('REGION', probes._entities, { signed: true });
    expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
  });

  it('answers a signed request with a valid token', async () => {
    const response = await stack.direct('CITY', probes._entities, { token, signed: true });
    expect(response.body).toEqual({ data: { _entities: [{ code: '150100' }] } });
  });

  it('refuses a replayed, a tampered and a re-targeted signature', async () => {
    const url = stack.subgraphs.REGION.url;
    const authorization = `Bearer ${token}`;
    const body = JSON.stringify({ query: probes['a root field'] });
    const signature = signRequest(stack.config.gatewaySigningSecret, { method: 'POST', path: '/graphql', authorization, body });
    const send = (payload: string, auth = authorization, headers = signature) =>
      fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: auth, ...headers }, body: payload }).then(async (r) => ({ status: r.status, body: (await r.json()) as any }));

    expect((await send(body)).status).toBe(200);
    const replay = await send(body);
    expect(replay.status).toBe(401);
    expect(replay.body.errors[0].message).toMatch(/already used/);

    const fresh = signRequest(stack.config.gatewaySigningSecret, { method: 'POST', path: '/graphql', authorization, body });
    const tampered = await send(JSON.stringify({ query: probes._entities }), authorization, fresh);
    expect(tampered.status).toBe(401);
    const otherToken = await stack.token(demoAgency('150000', Sector.PUBLIC_SECURITY));
    const swapped = await send(body, `Bearer ${otherToken}`, fresh);
    expect(swapped.status).toBe(401);

    const stale = signRequest(stack.config.gatewaySigningSecret, { method: 'POST', path: '/graphql', authorization, body }, Date.now() - 10 * 60_000);
    const old = await send(body, authorization, stale);
    expect(old.status).toBe(401);
    expect(old.body.errors[0].message).toMatch(/replay window/);
    expect(Object.values(SIGNATURE_HEADERS)).toHaveLength(3);
  });
});
