import './no-phone-home';
import './deferred-modules';
import { loadConfig } from '../subgraphs/kernel/config';
import { startGateway } from './gateway';
import { installProcessPolicy } from '../subgraphs/kernel/process-policy';
import { installConfiguredTracing } from '../subgraphs/kernel/tracing';

/** One gateway process: a node:cluster worker (see cluster.ts), or on its own. */
async function main() {
  installProcessPolicy({ name: 'gateway' });
  const config = loadConfig();
  await installConfiguredTracing('gateway', config.otlpEndpoint);
  const gateway = await startGateway(config);
  const stop = () => gateway.stop().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error) => {
  console.error(error.message ?? error);
  process.exit(1);
});
