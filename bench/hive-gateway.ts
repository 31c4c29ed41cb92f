import '../gateway/no-phone-home';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
import { signRequest } from '../subgraphs/kernel/auth/request-signature';
import { loadConfig } from '../subgraphs/kernel/config';
import { LEVELS, SUBGRAPH_NAME } from '../subgraphs/kernel/levels';

/**
 * The third side of the benchmark (issue 17): Hive Gateway's runtime — what a user would pick instead
 * of @apollo/gateway — serving the same supergraph and subgraph processes, with what the subgraphs
 * demand before they answer: the caller's token, and the gateway signature on every subgraph request
 * (added in its fetch hook, over the exact body it sends). No usage reporting, no CDN: the supergraph
 * is the committed file, with the benchmark's subgraph addresses.
 */
async function main() {
  const config = loadConfig();
  // The committed supergraph names the default ports; the benchmark's subgraphs listen elsewhere.
  let supergraph = readFileSync(config.gateway.supergraphPath, 'utf8');
  for (const level of LEVELS) {
    supergraph = supergraph.replace(new RegExp(`(@join__graph\\(name: "${SUBGRAPH_NAME[level]}", url: ")[^"]*(")`), `$1${config.subgraphs[level].url}$2`);
  }

  const gateway = createGatewayRuntime({
    supergraph,
    logging: false,
    propagateHeaders: { fromClientToSubgraphs: ({ request }) => ({ authorization: request.headers.get('authorization') }) },
    plugins: () => [
      {
        onFetch({ url, options, setOptions }) {
          const headers = Object.fromEntries(new Headers(options.headers as HeadersInit).entries());
          const { pathname, search } = new URL(url);
          const signature = signRequest(config.gatewaySigningSecret, { method: options.method ?? 'POST', path: pathname + search, authorization: headers.authorization ?? '', body: String(options.body ?? '') });
          setOptions({ ...options, headers: { ...headers, ...signature } });
        },
      },
    ],
  });
  const server = createServer(gateway);
  await new Promise<void>((resolve) => server.listen(config.gateway.port, '127.0.0.1', resolve));
  console.log(`hive gateway http://127.0.0.1:${config.gateway.port}/graphql`);
  const stop = () => server.close(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
