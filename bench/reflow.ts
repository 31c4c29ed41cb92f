import '../gateway/no-phone-home';
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { loadConfig } from '../subgraphs/kernel/config';
import { progressPrinter } from '../subgraphs/kernel/sync/progress-printer';
import { ReflowRunTrigger } from '../subgraphs/modules/reflow/enums';
import { reconcile } from '../subgraphs/modules/reflow/target/reconcile';
import { runSubscription } from '../subgraphs/modules/reflow/target/runner';
import { PersonRow } from '../subgraphs/modules/records/record.entities';
import { freePort } from '../subgraphs/kernel/server/http';
import { benchDatabase, benchSubscription, dropBenchDatabases, insertSourcePersons, startSourcePlatform } from './reflow-setup';

const ROWS_PER_STATEMENT = 1000;

/**
 * The same rows, written into the same (emptied) table of the same MariaDB the plain way: multi-row
 * INSERT statements of 500 rows, one transaction per page, nothing else.
 */
async function rawInsert(db: DataSource, rows: PersonRow[], pageSize: number): Promise<number> {
  const columns = db.getMetadata(PersonRow).columns;
  const placeholders = `(${columns.map(() => '?').join(', ')})`;
  const head = `INSERT INTO \`person_record\` (${columns.map((c) => `\`${c.databaseName}\``).join(', ')}) VALUES `;
  const started = performance.now();
  for (let page = 0; page < rows.length; page += pageSize) {
    await db.transaction(async (m) => {
      const pageRows = rows.slice(page, page + pageSize);
      for (let i = 0; i < pageRows.length; i += ROWS_PER_STATEMENT) {
        const chunk = pageRows.slice(i, i + ROWS_PER_STATEMENT);
        await m.query(head + chunk.map(() => placeholders).join(', '), chunk.flatMap((row) => columns.map((c) => (row as any)[c.propertyName])));
      }
    });
  }
  return performance.now() - started;
}

const perSecond = (rows: number, ms: number) => Math.round((rows * 1000) / ms);

/**
 * `npm run bench:reflow [-- --rows 200000]`: reflow rows/s next to a raw multi-row INSERT of the
 * same rows into the same MariaDB, in one run. The region platform (the source) runs in its own
 * process; the pull runs here as `npm run reflow` would, into the city database.
 */
async function main() {
  if (!process.env.DATABASE_URL) {
    console.log('bench:reflow skipped: it measures MariaDB/MySQL writes; set DATABASE_URL (e.g. mariadb://root@127.0.0.1:3306)');
    return;
  }
  const { values } = parseArgs({ options: { rows: { type: 'string', default: '200000' } } });
  const generated = Number(values.rows);
  if (!Number.isInteger(generated) || generated < 1) throw new Error(`--rows must be a positive integer, got '${values.rows}'`);
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'development', DATABASE_PREFIX: `benchreflow${process.pid}_`, REGION_PORT: String(port), REFLOW_SCHEDULER: 'false', REFLOW_SETTLE_MS: '0' };
  delete env.REGION_URL;
  const config = loadConfig(env);

  const region = await benchDatabase(config, 'REGION');
  const city = await benchDatabase(config, 'CITY');
  const source = await startSourcePlatform(env, config.subgraphs.REGION.url);
  // Interrupted, the source platform must not outlive the benchmark (its databases are dropped on a normal end).
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      source.kill();
      process.exit(130);
    });
  }
  try {
    console.error(`generating ${generated} persons at the source…`);
    await insertSourcePersons(region, generated);
    const subscriptionId = await benchSubscription(region, city);

    const printer = progressPrinter('reflow');
    const run = await runSubscription({ level: 'CITY', db: city, config }, subscriptionId, { trigger: ReflowRunTrigger.COMMAND, onProgress: printer.update }).finally(printer.done);
    if (run.state !== 'SUCCEEDED') throw new Error(`the reflow run failed: ${run.error}`);
    const reflowMs = run.finishedAt!.getTime() - run.startedAt!.getTime();
    const check = await reconcile({ level: 'CITY', db: city, config }, subscriptionId);
    if (!check.identical) throw new Error(`reflowed rows differ from the source: ${JSON.stringify(check).slice(0, 500)}`);

    const written = await city.getRepository(PersonRow).find({ where: { originSubscription: subscriptionId } });
    await city.getRepository(PersonRow).delete({ originSubscription: subscriptionId });
    const rawMs = await rawInsert(city, written, config.reflow.pageSize);
    if ((await city.getRepository(PersonRow).countBy({ originSubscription: subscriptionId })) !== written.length) throw new Error('the raw INSERT lost rows');

    const [{ version }] = await city.query('SELECT VERSION() AS version');
    const raw = perSecond(written.length, rawMs);
    const reflow = perSecond(run.rowsWritten, reflowMs);
    const ratio = reflow / raw;
    console.log(`\n### Reflow vs raw INSERT — ${version}, ${written.length} rows, page ${config.reflow.pageSize}\n`);
    console.log('| write path | rows | seconds | rows/s |');
    console.log('| --- | ---: | ---: | ---: |');
    console.log(`| raw multi-row INSERT (${ROWS_PER_STATEMENT} rows/statement, one transaction per page) | ${written.length} | ${(rawMs / 1000).toFixed(2)} | ${raw} |`);
    console.log(`| reflow: pulled over HTTP from the region platform (policy, masking, audit), upserted with its watermark | ${run.rowsWritten} | ${(reflowMs / 1000).toFixed(2)} | ${reflow} |`);
    console.log(`| **reflow / raw** | | | **${ratio.toFixed(2)}** (goal ≥ 0.70: ${ratio >= 0.7 ? 'met' : 'not met'}) |`);
  } finally {
    source.kill();
    await Promise.all([region.destroy(), city.destroy()]);
    await dropBenchDatabases(config, ['REGION', 'CITY']);
  }
}

main().catch((error) => {
  console.error(error.message ?? error);
  process.exit(1);
});
