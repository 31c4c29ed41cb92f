import { createServer } from 'node:http';
import { ApolloServer } from '@apollo/server';
import { LEVELS } from '../../subgraphs/kernel/levels';
import { createLogger, ServiceMetrics } from '../../subgraphs/kernel/observability';
import { createGraphQLHttpServer, drainServer, listen } from '../../subgraphs/kernel/server/http';
import { startSubgraph } from '../../subgraphs/kernel/server/subgraph-server';
import { LEVEL_DEFINITIONS } from '../../subgraphs/levels';
import { demoAgency, Sector } from '../../subgraphs/modules/agency/demo-agencies';
import { startTestStack, TestStack } from '../support/stack';

// Issue 14: the doors an operator and a browser use — health, readiness, CORS — and a shutdown that
// lets the requests in flight finish.
const ALLOWED = 'https://dashboard.nmg.example';
let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack({ CORS_ORIGINS: `${ALLOWED}, http://localhost:5173` });
});
afterAll(() => stack?.stop());

const base = (url: string) => url.replace(/\/graphql$/, '');
const services = () => [['gateway', base(stack.gateway.url)], ...LEVELS.map((level) => [level, base(stack.subgraphs[level].url)])];

describe('health and readiness, on every service', () => {
  it('/healthz says the process is alive and /readyz that it can work', async () => {
    for (const [name, url] of services()) {
      const alive = await fetch(`${url}/healthz`);
      const ready = await fetch(`${url}/readyz`);
      expect({ name, alive: alive.status, ready: ready.status }).toEqual({ name, alive: 200, ready: 200 });
    }
    expect(await (await fetch(`${base(stack.gateway.url)}/readyz`)).json()).toEqual({ status: 'ready', checks: { REGION: 'ok', CITY: 'ok', COUNTY: 'ok' } });
    expect(await (await fetch(`${base(stack.subgraphs.CITY.url)}/readyz`)).json()).toEqual({ status: 'ready', checks: { database: 'ok' } });
  });

  it('makes the gateway unready, naming the level, while a level is down, and ready again when it returns', async () => {
    const gateway = `${base(stack.gateway.url)}/readyz`;
    await stack.subgraphs.COUNTY.stop();
    const down = await fetch(gateway);
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({ status: 'not ready', checks: { REGION: 'ok', CITY: 'ok', COUNTY: 'the county platform does not answer' } });
    expect((await fetch(`${base(stack.gateway.url)}/healthz`)).status).toBe(200);

    stack.subgraphs.COUNTY = await startSubgraph(LEVEL_DEFINITIONS.COUNTY, stack.config);
    expect((await fetch(gateway)).status).toBe(200);
  });

  it('makes a level unready when its database does not answer', async () => {
    const level = await startSubgraph(LEVEL_DEFINITIONS.CITY, { ...stack.config, subgraphs: { ...stack.config.subgraphs, CITY: { ...stack.config.subgraphs.CITY, port: 0 } } });
    try {
      await level.db.destroy();
      const response = await fetch(`${base(level.url)}/readyz`);
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ status: 'not ready', checks: { database: 'the database does not answer' } });
    } finally {
      await level.db.initialize();
      await level.stop();
    }
  });
});

describe('CORS at the gateway (CORS_ORIGINS)', () => {
  const preflight = (origin: string) =>
    fetch(stack.gateway.url, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' } });

  it('answers the preflight of an allowed origin, with the headers a client sends', async () => {
    const response = await preflight(ALLOWED);
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(response.headers.get('access-control-allow-headers')).toContain('authorization');
    expect(response.headers.get('vary')).toBe('Origin');
  });

  it('lets an allowed origin read the answer, and gives another origin nothing to read', async () => {
    const token = await stack.token(demoAgency('150102', Sector.HEALTH));
    const ask = (origin: string) =>
      fetch(stack.gateway.url, { method: 'POST', headers: { origin, authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: '{"query":"{ viewer { level } }"}' });
    expect((await ask(ALLOWED)).headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect((await ask('https://elsewhere.example')).headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses the preflight of an origin not on the list', async () => {
    const response = await preflight('https://elsewhere.example');
    expect(response.status).toBe(403);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('leaves the subgraphs without CORS: browsers never call them', async () => {
    const response = await fetch(stack.subgraphs.REGION.url, { method: 'OPTIONS', headers: { origin: ALLOWED, 'access-control-request-method': 'POST' } });
    expect(response.status).toBe(405);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('draining on shutdown', () => {
  it('finishes the requests in flight, refuses new connections, and closes', async () => {
    // A GraphQL server whose one field takes 400 ms, behind the same HTTP front as every service.
    const apollo = new ApolloServer({ typeDefs: 'type Query { slow: String }', resolvers: { Query: { slow: () => new Promise((resolve) => setTimeout(() => resolve('done'), 400)) } } });
    await apollo.start();
    const server = createGraphQLHttpServer({
      apollo,
      admit: async () => ({ admit: true, context: {} }),
      ready: async () => ({ ready: true, checks: {} }),
      log: createLogger('drain-test', 'silent'),
      metrics: new ServiceMetrics('drain-test', { processMetrics: false }),
      metricsAccess: { served: false, token: null },
      describe: () => ({ agency: null, platform: null }),
    });
    const port = await listen(server, 0, '127.0.0.1');
    const url = `http://127.0.0.1:${port}/graphql`;
    const ask = () => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ slow }"}' }).then(async (r) => ({ status: r.status, body: await r.json() }));

    const inFlight = [ask(), ask(), ask()];
    await new Promise((resolve) => setTimeout(resolve, 100));
    const drained = drainServer(server, 5000);
    const refused = await fetch(url, { method: 'POST', body: '{}' }).then(() => 'answered', () => 'refused');

    expect(await Promise.all(inFlight)).toEqual(Array(3).fill({ status: 200, body: { data: { slow: 'done' } } }));
    await drained;
    expect(refused).toBe('refused');
    expect(server.listening).toBe(false);
    await apollo.stop();
  });

  it('closes what is still open when the bound is reached', async () => {
    let handlerAnswered = false;
    const server = createServer((_req, res) => {
      const late = setTimeout(() => {
        handlerAnswered = true;
        res.end('late');
      }, 5000);
      res.on('close', () => clearTimeout(late));
    });
    const port = await listen(server, 0, '127.0.0.1');
    const stuck = fetch(`http://127.0.0.1:${port}/`).then(() => 'answered', () => 'cut off');
    await new Promise((resolve) => setTimeout(resolve, 50));
    await drainServer(server, 200);
    // The drain ended at its bound: the request was cut off before its handler could answer.
    expect(handlerAnswered).toBe(false);
    expect(await stuck).toBe('cut off');
  });
});
