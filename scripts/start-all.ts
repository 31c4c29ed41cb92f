import '../gateway/no-phone-home';
import 'reflect-metadata';
import { startGatewayCluster } from '../gateway/cluster';
import { loadConfig } from '../subgraphs/kernel/config';
import { startLevels } from './stack';
import { installProcessPolicy } from '../subgraphs/kernel/process-policy';
import { installConfiguredTracing } from '../subgraphs/kernel/tracing';

/** Cores the level platforms of this process use (one JavaScript thread). */
const LEVEL_PLATFORM_CORES = 1;

/**
 * `npm start`: the three level platforms in this process, on MySQL if configured, else embedded
 * SQLite; the gateway as worker processes (gateway/cluster.ts), this process handing them connections.
 * The platforms run in this process, on one core: the gateway takes the others, one worker each, and
 * one worker on a machine of two cores or fewer, where a second worker would only compete with the
 * platforms for the same core and hold another ~100 MB (docs/performance.md, P1 and P6).
 */
async function main() {
  installProcessPolicy({ name: 'platform' });
  const config = loadConfig();
  await installConfiguredTracing('platform', config.otlpEndpoint);
  const subgraphs = Object.values(await startLevels(config));
  const stopSubgraphs = () => Promise.all(subgraphs.map((s) => s.stop()));
  for (const subgraph of subgraphs) {
    const db = config.subgraphs[subgraph.level].database;
    console.log(`${subgraph.level.padEnd(6)} platform ${subgraph.url} (${db.kind === 'mysql' ? `MySQL ${db.database}` : `SQLite ${db.file}`})`);
  }
  const gateway = await startGatewayCluster(config.gateway.workers, LEVEL_PLATFORM_CORES);
  console.log(`gateway         ${gateway.url} (${gateway.workers} worker${gateway.workers === 1 ? '' : 's'})`);
  console.log('get a token:    npm run token -- --list');
  const shutdown = async () => {
    await gateway.stop();
    await stopSubgraphs();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error) => {
  console.error(error.message ?? error);
  process.exit(1);
});
