import '../gateway/no-phone-home';
import 'reflect-metadata';
import { verifyAuditChain } from '../subgraphs/kernel/audit/verify';
import { loadConfig } from '../subgraphs/kernel/config';
import { createDataSource } from '../subgraphs/kernel/db/data-source';
import { isLevel, LEVELS, Level } from '../subgraphs/kernel/levels';
import { levelEntities } from '../subgraphs/kernel/module';
import { LEVEL_DEFINITIONS } from '../subgraphs/levels';

/**
 * `npm run audit:verify [-- REGION|CITY|COUNTY ...]`: recomputes each platform's audit hash chain
 * from its own database and exits non-zero if any record was altered or deleted.
 */
async function main() {
  const args = process.argv.slice(2).map((a) => a.toUpperCase());
  if (!args.every(isLevel)) throw new Error(`usage: npm run audit:verify -- [${LEVELS.join('|')} ...]`);
  const levels = (args.length ? args : [...LEVELS]) as Level[];
  const config = loadConfig();
  let failed = false;
  for (const level of levels) {
    const definition = LEVEL_DEFINITIONS[level];
    const { dataSource } = createDataSource({ database: config.subgraphs[level].database, entities: levelEntities(definition), migrations: [] });
    await dataSource.initialize();
    try {
      const verdict = await verifyAuditChain(dataSource);
      if (verdict.ok) console.log(`${level.padEnd(6)} intact: ${verdict.records} records`);
      else {
        failed = true;
        console.log(`${level.padEnd(6)} BROKEN at record ${verdict.seq}: ${verdict.problem} (${verdict.records} records verified before it)`);
      }
    } finally {
      await dataSource.destroy();
    }
  }
  process.exit(failed ? 1 : 0);
}

main().catch((error) => {
  console.error(error.message ?? error);
  process.exit(2);
});
