import { randomUUID } from 'node:crypto';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { RunningGateway, startGateway } from '../../gateway/gateway';
import { verifyAuditChain } from '../../subgraphs/kernel/audit/verify';
import { AuditRecord } from '../../subgraphs/kernel/audit/audit.entity';
import { PlatformConfig } from '../../subgraphs/kernel/config';
import { Level, LEVELS } from '../../subgraphs/kernel/levels';
import { closeServer, freePort } from '../../subgraphs/kernel/server/http';
import { RunningSubgraph, startSubgraph } from '../../subgraphs/kernel/server/subgraph-server';
import { LEVEL_DEFINITIONS } from '../../subgraphs/levels';
import { demoAgency, Sector } from '../../subgraphs/modules/agency/demo-agencies';
import { startTestStack, TestStack } from '../support/stack';

// Scale-out (docs/scaling.md): two replicas of every level on the same database, behind a round-robin
// balancer each, and two gateways, sharing replay protection and limits through Redis. Under concurrent
// load every request is answered without error, and each platform still has one audit chain that
// verifies, written by both of its replicas.

let stack: TestStack;
const extra: RunningSubgraph[] = [];
const balancers: Server[] = [];
const gateways: RunningGateway[] = [];
/** Which replica answered each request, per level: both must have served. */
const served: Record<Level, number[]> = { REGION: [0, 0], CITY: [0, 0], COUNTY: [0, 0] };

/** A round-robin balancer over two replicas of a level: forwards method, headers and body unchanged. */
async function balancer(level: Level, urls: string[]): Promise<string> {
  let next = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const replica = next++ % urls.length;
      served[level][replica]++;
      const headers = Object.fromEntries(Object.entries(req.headers).filter(([name]) => !['host', 'content-length', 'connection'].includes(name)).map(([k, v]) => [k, String(v)]));
      try {
        const answer = await fetch(urls[replica], { method: req.method, headers, body: req.method === 'POST' ? Buffer.concat(chunks) : undefined });
        res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' }).end(Buffer.from(await answer.arrayBuffer()));
      } catch {
        res.writeHead(502).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  balancers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
}

beforeAll(async () => {
  stack = await startTestStack({ REDIS_URL: 'redis://127.0.0.1:6379', REDIS_KEY_PREFIX: `test:${randomUUID()}:`, PUBLIC_REQUESTS_PER_MINUTE: '10000' });
  const balanced = {} as PlatformConfig['subgraphs'];
  for (const level of LEVELS) {
    const port = await freePort();
    const second = await startSubgraph(LEVEL_DEFINITIONS[level], { ...stack.config, subgraphs: { ...stack.config.subgraphs, [level]: { ...stack.config.subgraphs[level], port, url: `http://127.0.0.1:${port}/graphql` } } });
    extra.push(second);
    balanced[level] = { ...stack.config.subgraphs[level], url: await balancer(level, [stack.subgraphs[level].url, second.url]) };
  }
  for (let i = 0; i < 2; i++) gateways.push(await startGateway({ ...stack.config, subgraphs: balanced, gateway: { ...stack.config.gateway, port: await freePort() } }));
}, 60_000);
afterAll(async () => {
  await Promise.all(gateways.map((g) => g.stop()));
  await Promise.all(balancers.map(closeServer));
  await Promise.all(extra.map((s) => s.stop()));
  await stack?.stop();
});

describe('two replicas of every level and two gateways (docs/scaling.md)', () => {
  it('answer concurrent load without an error, and each platform keeps one audit chain written by both replicas', async () => {
    const token = await stack.token(demoAgency('150102', Sector.HEALTH));
    const before = Object.fromEntries(await Promise.all(LEVELS.map(async (level) => [level, await stack.subgraphs[level].db.getRepository(AuditRecord).count()])));
    const queries = [
      '{ catalog(first: 5) { nodes { code items { code } } } }',
      '{ platform(level: COUNTY) { ... on AssistanceRoll { assistanceRecords(divisionCode: "150102", first: 3) { nodes { idNumber name person { name gender } } } } } }',
      '{ platform(level: CITY) { ... on LegalPersonRegister { legalPersons(first: 3) { nodes { uscc name } } } } }',
    ];
    const requests = Array.from({ length: 120 }, (_, i) =>
      fetch(gateways[i % 2].url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query: queries[i % queries.length] }) })
        .then(async (r) => ({ status: r.status, body: (await r.json()) as { errors?: unknown[] } })));
    const answers = await Promise.all(requests);
    expect(answers.filter((a) => a.status !== 200 || a.body.errors)).toEqual([]);

    for (const level of LEVELS) {
      expect(served[level][0]).toBeGreaterThan(0);
      expect(served[level][1]).toBeGreaterThan(0);
      const verdict = await verifyAuditChain(stack.subgraphs[level].db);
      expect(verdict).toMatchObject({ ok: true });
    }
    // The region and the county recorded reads from both replicas into their single chains.
    for (const level of ['REGION', 'COUNTY'] as const) expect(await stack.subgraphs[level].db.getRepository(AuditRecord).count()).toBeGreaterThan(before[level]);
  }, 60_000);
});
