import '../gateway/no-phone-home';
import 'reflect-metadata';
import { loadConfig } from '../subgraphs/kernel/config';
import { WorkingCalendar } from '../subgraphs/kernel/calendar';
import { LEVELS } from '../subgraphs/kernel/levels';
import { openLevelDatabase, seedLevel } from '../subgraphs/kernel/server/subgraph-server';
import { LEVEL_DEFINITIONS } from '../subgraphs/levels';

/**
 * `npm run seed`: puts the demo agencies, catalogs and records into the configured databases (every
 * level), for a trial of a production-like setup. Only into empty tables: running it twice, or on a
 * database in use, adds nothing.
 */
async function main() {
  const config = loadConfig();
  for (const level of LEVELS) {
    const { dataSource } = await openLevelDatabase(LEVEL_DEFINITIONS[level], config);
    try {
      await seedLevel(LEVEL_DEFINITIONS[level], dataSource, config, new WorkingCalendar(), true);
      console.log(`${level.toLowerCase()} platform: demo data in place`);
    } finally {
      await dataSource.destroy();
    }
  }
}

main().catch((error) => {
  console.error(error.message ?? error);
  process.exit(1);
});
