import './no-phone-home';
import './deferred-modules';
import { loadConfig } from '../subgraphs/kernel/config';
import { startGateway } from './gateway';

/** One gateway process: a node:cluster worker (see cluster.ts), or on its own. */
async function main() {
  const gateway = await startGateway(loadConfig());
  const stop = () => gateway.stop().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error) => {
  console.error(error.message ?? error);
  process.exit(1);
});
