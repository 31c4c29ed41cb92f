import '../gateway/no-phone-home';
import 'reflect-metadata';
import { loadConfig } from '../subgraphs/kernel/config';
import { LEVELS } from '../subgraphs/kernel/levels';
import { startStack } from './stack';

/** `npm start`: the three level platforms and the gateway, on MySQL if configured, else embedded SQLite. */
async function main() {
  const config = loadConfig();
  const stack = await startStack(config);
  for (const level of LEVELS) {
    const db = config.subgraphs[level].database;
    console.log(`${level.padEnd(6)} platform ${stack.subgraphs[level].url} (${db.kind === 'mysql' ? `MySQL ${db.database}` : `SQLite ${db.file}`})`);
  }
  console.log(`gateway         ${stack.gateway.url}`);
  console.log('get a token:    npm run token -- --list');
  const shutdown = async () => {
    await stack.stop();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error) => {
  console.error(error.message ?? error);
  process.exit(1);
});
