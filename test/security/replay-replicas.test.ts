import { randomUUID } from 'node:crypto';
import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { RunningGateway, startGateway } from '../../gateway/gateway';
import { PlatformConfig } from '../../subgraphs/kernel/config';
import { freePort } from '../../subgraphs/kernel/server/http';
import { RunningSubgraph, startSubgraph } from '../../subgraphs/kernel/server/subgraph-server';
import { LEVEL_DEFINITIONS } from '../../subgraphs/levels';
import { demoAgency, Sector } from '../../subgraphs/modules/agency/demo-agencies';
import { startTestStack, TestStack } from '../support/stack';

// Issue 11, replay protection across replicas: a request the gateway signed is accepted once — by one
// replica of a level, never again by another — when the platforms share their nonces through Redis
// (REDIS_URL). Without it each replica remembers only its own, which is what one replica needs.
interface Captured {
  headers: Record<string, string>;
  body: Buffer;
}

/** A second replica of the city platform on the same database, and a gateway that reaches the first through a recording proxy. */
async function replicasBehindGateway(stack: TestStack) {
  const port = await freePort();
  const replicaConfig: Readonly<PlatformConfig> = { ...stack.config, subgraphs: { ...stack.config.subgraphs, CITY: { ...stack.config.subgraphs.CITY, port, url: `http://127.0.0.1:${port}/graphql` } } };
  const second: RunningSubgraph = await startSubgraph(LEVEL_DEFINITIONS.CITY, replicaConfig);

  const captured: Captured[] = [];
  const proxy: Server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const headers = Object.fromEntries(Object.entries(req.headers).filter(([name]) => name !== 'host' && name !== 'content-length' && name !== 'connection').map(([k, v]) => [k, String(v)]));
      const body = Buffer.concat(chunks);
      captured.push({ headers, body });
      const answer = await fetch(stack.subgraphs.CITY.url, { method: 'POST', headers, body });
      res.writeHead(answer.status, { 'content-type': 'application/json' }).end(await answer.text());
    });
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}/graphql`;
  const gatewayConfig: Readonly<PlatformConfig> = {
    ...stack.config,
    subgraphs: { ...stack.config.subgraphs, CITY: { ...stack.config.subgraphs.CITY, url: proxyUrl } },
    gateway: { ...stack.config.gateway, port: await freePort() },
  };
  const gateway: RunningGateway = await startGateway(gatewayConfig);
  return {
    gateway,
    captured,
    replay: (to: string, request: Captured) => fetch(to, { method: 'POST', headers: request.headers, body: new Uint8Array(request.body) }).then(async (r) => ({ status: r.status, body: (await r.json()) as any })),
    secondUrl: replicaConfig.subgraphs.CITY.url,
    async stop() {
      await gateway.stop();
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
      await second.stop();
    },
  };
}

async function captureOne(stack: TestStack, setup: Awaited<ReturnType<typeof replicasBehindGateway>>): Promise<Captured> {
  const token = await stack.token(demoAgency('150100', Sector.HEALTH));
  const response = await fetch(setup.gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: '{ platform(level: CITY) { calendarCoverage(years: [2026]) { year } } }' }),
  });
  expect(response.status).toBe(200);
  expect(setup.captured).toHaveLength(1);
  return setup.captured[0];
}

describe('with REDIS_URL, replicas of a level share their nonces', () => {
  let stack: TestStack;
  let setup: Awaited<ReturnType<typeof replicasBehindGateway>>;
  beforeAll(async () => {
    stack = await startTestStack({ REDIS_URL: 'redis://127.0.0.1:6379', REDIS_KEY_PREFIX: `test:${randomUUID()}:` });
    setup = await replicasBehindGateway(stack);
  });
  afterAll(async () => {
    await setup?.stop();
    await stack?.stop();
  });

  it('refuses a captured request replayed to the other replica, and to the one that served it', async () => {
    const request = await captureOne(stack, setup);
    const atOther = await setup.replay(setup.secondUrl, request);
    expect(atOther).toEqual({ status: 401, body: { errors: [{ message: 'request signature was already used', extensions: { code: 'UNAUTHENTICATED' } }] } });
    expect((await setup.replay(stack.subgraphs.CITY.url, request)).status).toBe(401);
  });
});

describe('without REDIS_URL, each replica remembers only its own nonces', () => {
  let stack: TestStack;
  let setup: Awaited<ReturnType<typeof replicasBehindGateway>>;
  beforeAll(async () => {
    stack = await startTestStack();
    setup = await replicasBehindGateway(stack);
  });
  afterAll(async () => {
    await setup?.stop();
    await stack?.stop();
  });

  it('refuses the replay at the replica that served it, but the other replica cannot know: the reason to set REDIS_URL with replicas', async () => {
    const request = await captureOne(stack, setup);
    expect((await setup.replay(stack.subgraphs.CITY.url, request)).status).toBe(401);
    expect((await setup.replay(setup.secondUrl, request)).status).toBe(200);
  });
});
