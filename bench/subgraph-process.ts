import '../gateway/no-phone-home';
import 'reflect-metadata';
import { loadConfig } from '../subgraphs/kernel/config';
import { isLevel } from '../subgraphs/kernel/levels';
import { RunningSubgraph, startSubgraph } from '../subgraphs/kernel/server/subgraph-server';
import { LEVEL_DEFINITIONS } from '../subgraphs/levels';
import { addIndexEntries, padCatalog } from './catalog-padding';
import { AccessToGrant, grantAccess } from './records-access';

/**
 * One level's platform as the benchmark runs it: exactly `start-level`, plus answers to the
 * benchmark over the IPC channel (SQL statement counts, setup of extra catalog rows).
 * IPC protocol: `{ id, command, payload }` in, `{ id, result }` or `{ id, error }` out.
 */
type Command = (subgraph: RunningSubgraph, payload: any) => Promise<unknown> | unknown;

const COMMANDS: Record<string, Command> = {
  statements: (subgraph) => subgraph.statements.count,
  'reset-statements': (subgraph) => {
    subgraph.statements.count = 0;
    return 0;
  },
  'pad-catalog': (subgraph, payload: { count: number }) => padCatalog(subgraph.db, payload.count),
  'add-index-entries': (subgraph, payload: { entries: Parameters<typeof addIndexEntries>[1] }) => addIndexEntries(subgraph.db, payload.entries),
  'grant-access': (subgraph, payload: AccessToGrant) => grantAccess(subgraph.db, payload),
};

async function main() {
  const level = (process.argv[2] ?? '').toUpperCase();
  if (!isLevel(level)) throw new Error('usage: subgraph-process REGION|CITY|COUNTY');
  const subgraph = await startSubgraph(LEVEL_DEFINITIONS[level], loadConfig());
  console.log(`${level} platform ${subgraph.url}`);

  process.on('message', async (message: { id: string; command: string; payload?: unknown }) => {
    const command = COMMANDS[message.command];
    try {
      if (!command) throw new Error(`unknown command ${message.command}`);
      process.send!({ id: message.id, result: await command(subgraph, message.payload) });
    } catch (error) {
      process.send!({ id: message.id, error: (error as Error).message });
    }
  });
  const stop = () => subgraph.stop().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
