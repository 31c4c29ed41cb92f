import '../gateway/no-phone-home';
import { readFileSync } from 'node:fs';
import { ApolloGateway, GraphQLDataSourceProcessOptions, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { signRequest } from '../subgraphs/kernel/auth/request-signature';
import { loadConfig, PlatformConfig } from '../subgraphs/kernel/config';
import { LEVELS, SUBGRAPH_NAME } from '../subgraphs/kernel/levels';

/**
 * The comparison gateway of the benchmark: stock @apollo/gateway and Apollo Server with their default
 * configuration, in one process, serving the same supergraph and subgraph processes as ours. It has
 * only what the subgraphs demand before they answer at all: the caller's token and the gateway
 * signature on every subgraph request.
 */
interface StockContext {
  authorization?: string;
}

class SignedDataSource extends RemoteGraphQLDataSource<StockContext> {
  constructor(url: string, signingSecret: string) {
    super({ url });
    // The signature must cover exactly the body sent, and RemoteGraphQLDataSource serialises the body
    // itself; so the default fetcher (make-fetch-happen) is wrapped rather than replaced.
    const defaultFetcher = this.fetcher;
    this.fetcher = (input, init = {}) => {
      const headers = { ...(init.headers as Record<string, string>) };
      const { pathname, search } = new URL(input);
      const signature = signRequest(signingSecret, {
        method: init.method ?? 'POST',
        path: pathname + search,
        authorization: headers.authorization ?? '',
        body: String(init.body ?? ''),
      });
      return defaultFetcher(input, { ...init, headers: { ...headers, ...signature } });
    };
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<StockContext>) {
    if (context.authorization) request.http!.headers.set('authorization', context.authorization);
  }
}

/**
 * Stock @apollo/gateway over the configured subgraphs, listening on `port` (0: any free port). Also
 * the reference side of the federation conformance suite (test/gateway/conformance).
 */
export async function startStockGateway(config: Readonly<PlatformConfig>, port: number): Promise<{ url: string; server: ApolloServer<StockContext> }> {
  const urlBySubgraph = new Map<string, string>(LEVELS.map((level) => [SUBGRAPH_NAME[level], config.subgraphs[level].url]));
  const gateway = new ApolloGateway({
    supergraphSdl: readFileSync(config.gateway.supergraphPath, 'utf8'),
    // The committed supergraph names default ports; the benchmark's subgraphs listen elsewhere.
    buildService: ({ name, url }) => new SignedDataSource(urlBySubgraph.get(name) ?? url!, config.gatewaySigningSecret),
  });
  const server = new ApolloServer<StockContext>({ gateway });
  const { url } = await startStandaloneServer(server, {
    context: async ({ req }) => ({ authorization: req.headers.authorization }),
    listen: { port, host: '127.0.0.1' },
  });
  return { url, server };
}

async function main() {
  const config = loadConfig();
  const { url, server } = await startStockGateway(config, config.gateway.port);
  console.log(`stock gateway ${url}`);
  const stop = () => server.stop().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
