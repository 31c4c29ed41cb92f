import '../gateway/no-phone-home';
import 'reflect-metadata';
import { loadConfig } from '../subgraphs/kernel/config';
import { isLevel } from '../subgraphs/kernel/levels';
import { startSubgraph } from '../subgraphs/kernel/server/subgraph-server';
import { LEVEL_DEFINITIONS } from '../subgraphs/levels';
import { installProcessPolicy } from '../subgraphs/kernel/process-policy';
import { installConfiguredTracing } from '../subgraphs/kernel/tracing';

/** One level's platform as its own process: `node dist/scripts/start-level.js CITY`. */
async function main() {
  installProcessPolicy({ name: 'platform' });
  const level = (process.argv[2] ?? '').toUpperCase();
  if (!isLevel(level)) throw new Error('usage: start-level REGION|CITY|COUNTY');
  const config = loadConfig();
  await installConfiguredTracing(`${level.toLowerCase()}-platform`, config.otlpEndpoint);
  const running = await startSubgraph(LEVEL_DEFINITIONS[level], config);
  console.log(`${level} platform ${running.url}`);
  const stop = () => running.stop().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error) => {
  console.error(error.message ?? error);
  process.exit(1);
});
