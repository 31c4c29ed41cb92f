import './no-phone-home';
import { loadConfig } from '../subgraphs/kernel/config';
import { startGatewayCluster } from './cluster';
import { installProcessPolicy } from '../subgraphs/kernel/process-policy';

/**
 * The gateway as its own process tree (subgraphs started separately): one worker per core, or
 * GATEWAY_WORKERS. This primary stays small: the gateway itself is loaded by the workers only.
 */
async function main() {
  installProcessPolicy({ name: 'gateway' });
  const config = loadConfig();
  const gateway = await startGatewayCluster(config.gateway.workers);
  console.log(`gateway ${gateway.url} (${gateway.workers} worker${gateway.workers === 1 ? '' : 's'})`);
  const stop = () => gateway.stop().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error) => {
  console.error(error.message ?? error);
  process.exit(1);
});
