import { PassThrough } from 'node:stream';
import { ApolloServer } from '@apollo/server';
import { INTERNAL_ERROR_MESSAGE } from '../../subgraphs/kernel/errors';
import { createLogger, ServiceMetrics } from '../../subgraphs/kernel/observability';
import { createGraphQLHttpServer, closeServer, listen } from '../../subgraphs/kernel/server/http';
import { demoAgency, Sector } from '../../subgraphs/modules/agency/demo-agencies';
import { startTestStack, TestStack } from '../support/stack';

// Issue 14: one JSON log line per request and Prometheus metrics on every service — ids, codes,
// names and durations, never a token or a value.

describe('the log line of a request', () => {
  it('says who asked what, how it ended and how long it took, and nothing of the token', async () => {
    const lines: Record<string, unknown>[] = [];
    const destination = new PassThrough();
    destination.on('data', (chunk: Buffer) => chunk.toString().split('\n').filter(Boolean).forEach((line) => lines.push(JSON.parse(line))));
    const apollo = new ApolloServer<{ agency: string }>({ typeDefs: 'type Query { hello: String secret: String }', resolvers: { Query: { hello: () => 'hi', secret: () => { throw Object.assign(new Error('no'), { extensions: { code: 'FORBIDDEN' } }); } } } });
    await apollo.start();
    const server = createGraphQLHttpServer<{ agency: string }>({
      apollo,
      admit: async () => ({ admit: true, context: { agency: '11150102007501027G' } }),
      ready: async () => ({ ready: true, checks: {} }),
      log: createLogger('log-test', 'info', destination),
      metrics: new ServiceMetrics('log-test', { processMetrics: false }),
      metricsAccess: { served: false, token: null },
      describe: (context) => ({ agency: context.agency, platform: 'COUNTY' }),
    });
    const port = await listen(server, 0, '127.0.0.1');
    const token = 'Bearer eyJhbGciOiJIUzI1NiJ9.c2VjcmV0LXRva2Vu.c2ln';
    await fetch(`http://127.0.0.1:${port}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: token, 'x-request-id': 'log-line-1' }, body: '{"query":"query Mine { hello secret }","operationName":"Mine"}' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await closeServer(server);
    await apollo.stop();

    expect(lines).toEqual([
      expect.objectContaining({ level: 'info', service: 'log-test', msg: 'graphql request', requestId: 'log-line-1', agency: '11150102007501027G', platform: 'COUNTY', operation: 'Mine', status: 200, errorCodes: ['FORBIDDEN'], durationMs: expect.any(Number), time: expect.any(String) }),
    ]);
    expect(JSON.stringify(lines)).not.toContain('eyJ');
    expect(JSON.stringify(lines)).not.toContain('"hi"');
  });
});

describe('a request that fails where nothing answers it', () => {
  it('gets a 500 that names it, and its cause is logged under that name', async () => {
    const lines: Record<string, any>[] = [];
    const destination = new PassThrough();
    destination.on('data', (chunk: Buffer) => chunk.toString().split('\n').filter(Boolean).forEach((line) => lines.push(JSON.parse(line))));
    const apollo = new ApolloServer({ typeDefs: 'type Query { hello: String }', resolvers: { Query: { hello: () => 'hi' } } });
    await apollo.start();
    const server = createGraphQLHttpServer({
      apollo,
      admit: async () => {
        throw new Error('the registry did not answer');
      },
      ready: async () => ({ ready: true, checks: {} }),
      log: createLogger('fail-test', 'info', destination),
      metrics: new ServiceMetrics('fail-test', { processMetrics: false }),
      metricsAccess: { served: false, token: null },
      describe: () => ({ agency: null, platform: null }),
    });
    const port = await listen(server, 0, '127.0.0.1');
    const response = await fetch(`http://127.0.0.1:${port}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': 'failing-1' }, body: '{"query":"{ hello }"}' });
    const body = await response.json();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await closeServer(server);
    await apollo.stop();

    expect(response.status).toBe(500);
    expect(response.headers.get('x-request-id')).toBe('failing-1');
    expect(body).toEqual({ errors: [{ message: INTERNAL_ERROR_MESSAGE, extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
    expect(lines).toContainEqual(expect.objectContaining({ level: 'error', msg: 'request failed', requestId: 'failing-1', route: '/graphql', err: expect.objectContaining({ message: 'the registry did not answer' }) }));
  });
});

describe('/metrics on every service', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(() => stack?.stop());

  const scrape = async (url: string) => {
    const response = await fetch(url.replace(/\/graphql$/, '/metrics'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    return response.text();
  };
  const sample = (text: string, name: string, labels: Record<string, string>) => {
    const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
    const line = text.split('\n').find((l) => l.startsWith(`${name}{`) && wanted.every((w) => l.includes(w)));
    return line ? Number(line.split(' ').at(-1)) : 0;
  };

  it('counts requests by operation and outcome, fetches by level, and decisions by effect and reason', async () => {
    const token = await stack.token(demoAgency('150102', Sector.CIVIL_AFFAIRS));
    const query = 'query PersonsPage { platform(level: REGION) { ... on PersonRegister { persons(first: 3) { edges { node { name householdAddress } } } } } }';
    const before = await scrape(stack.gateway.url);
    for (let i = 0; i < 3; i++) await stack.query(query, {}, token);
    await stack.query('query Broken { nothing }', {}, token);

    const gateway = await scrape(stack.gateway.url);
    expect(sample(gateway, 'graphql_requests_total', { operation: 'PersonsPage', outcome: 'errors' }) - sample(before, 'graphql_requests_total', { operation: 'PersonsPage', outcome: 'errors' })).toBe(3);
    expect(sample(gateway, 'graphql_requests_total', { operation: 'Broken', outcome: 'refused' })).toBe(1);
    expect(sample(gateway, 'graphql_request_duration_seconds_count', { operation: 'PersonsPage', outcome: 'errors' })).toBeGreaterThanOrEqual(3);
    expect(sample(gateway, 'gateway_subgraph_fetch_duration_seconds_count', { level: 'REGION', outcome: 'errors' })).toBeGreaterThanOrEqual(3);

    const region = await scrape(stack.subgraphs.REGION.url);
    // Three pages of three persons: household_address refused each time (CONDITIONAL, no grant), name released.
    expect(sample(region, 'enforcement_decisions_total', { effect: 'DENY', reason: 'NO_GRANT' })).toBeGreaterThanOrEqual(3);
    expect(sample(region, 'enforcement_decisions_total', { effect: 'ALLOW', reason: 'none' })).toBeGreaterThanOrEqual(3);
    expect(sample(region, 'audit_append_duration_seconds_count', {})).toBeGreaterThanOrEqual(3);
    expect(region).toContain('service="region-platform"');
    for (const level of ['CITY', 'COUNTY'] as const) expect(await scrape(stack.subgraphs[level].url)).toContain('graphql_requests_total');
  });
});
