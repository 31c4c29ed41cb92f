import { createLogger, ServiceMetrics } from '../../subgraphs/kernel/observability';
import '../../gateway/no-phone-home';
import { readFileSync } from 'node:fs';
import { AddressInfo, createServer, Server } from 'node:net';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { KNOWN_OPERATIONS } from '../../gateway/known-operations';
import { SignedSubgraphDataSource } from '../../gateway/subgraph-data-source';
import { stopWarmUpAfterPlanning, warmUp } from '../../gateway/warm-up';
import { loadConfig } from '../../subgraphs/kernel/config';

// The warm-up plans the platform's own operations at start (issue 7): it must reach the query plan
// of each, and must never send anything to a subgraph.
let subgraphConnections = 0;
let subgraphs: Server;
let apollo: ApolloServer;

beforeAll(async () => {
  subgraphs = createServer((socket) => {
    subgraphConnections++;
    socket.destroy();
  });
  await new Promise<void>((resolve) => subgraphs.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(subgraphs.address() as AddressInfo).port}/graphql`;
  const config = loadConfig({ ...process.env, NODE_ENV: 'test' });
  apollo = new ApolloServer({
    gateway: new ApolloGateway({
      supergraphSdl: readFileSync(config.gateway.supergraphPath, 'utf8'),
      buildService: () => new SignedSubgraphDataSource('REGION', url, config.gatewaySigningSecret, { maxSockets: 1, maxResponseBytes: 1 << 20 }, { metrics: new ServiceMetrics('warm-up-test', { processMetrics: false }), log: createLogger('warm-up-test', 'silent') }),
      experimental_didResolveQueryPlan: stopWarmUpAfterPlanning,
    }),
  });
  await apollo.start();
});
afterAll(async () => {
  await apollo?.stop();
  subgraphs?.close();
});

describe('the gateway warm-up', () => {
  it('plans every known operation against the committed supergraph', async () => {
    expect(await warmUp(apollo, KNOWN_OPERATIONS)).toEqual([]);
  });

  it('sends nothing to any subgraph while warming up', async () => {
    await warmUp(apollo, KNOWN_OPERATIONS);
    expect(subgraphConnections).toBe(0);
  });

  it('names an operation that no longer fits the supergraph', async () => {
    const stale = { name: 'Stale', query: '{ noSuchField }', variables: {} };
    expect(await warmUp(apollo, [stale])).toEqual([expect.stringMatching(/^Stale: .*noSuchField/)]);
  });
});
