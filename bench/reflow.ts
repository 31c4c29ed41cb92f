import '../gateway/no-phone-home';
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { progressPrinter } from '../subgraphs/kernel/sync/progress-printer';
import { closeReflowBench, emptyTarget, openReflowBench, RAW_ROWS_PER_STATEMENT, reflowedRows, rowsPerSecond, timedRawInsert, timedReflow } from './reflow-measure';

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
  console.error(`starting the region platform, generating ${generated} persons at the source…`);
  const bench = await openReflowBench(process.env, `benchreflow${process.pid}_`, generated);
  // Interrupted, the source platform must not outlive the benchmark (its databases are dropped on a normal end).
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      bench.source.kill();
      process.exit(130);
    });
  }
  try {
    const printer = progressPrinter('reflow');
    const reflow = await timedReflow(bench, printer.update).finally(printer.done);
    const written = await reflowedRows(bench, reflow.subscriptionId);
    await emptyTarget(bench);
    const raw = await timedRawInsert(bench, written);

    const [{ version }] = await bench.city.query('SELECT VERSION() AS version');
    const pageSize = bench.config.reflow.pageSize;
    const ratio = rowsPerSecond(reflow) / rowsPerSecond(raw);
    console.log(`\n### Reflow vs raw INSERT — ${version}, ${raw.rows} rows, page ${pageSize}\n`);
    console.log('| write path | rows | seconds | rows/s |');
    console.log('| --- | ---: | ---: | ---: |');
    console.log(`| raw multi-row INSERT (${RAW_ROWS_PER_STATEMENT} rows/statement, one transaction per page) | ${raw.rows} | ${(raw.ms / 1000).toFixed(2)} | ${Math.round(rowsPerSecond(raw))} |`);
    console.log(`| reflow: streamed over HTTP from the region platform (policy, masking, audit per page), upserted with its watermark | ${reflow.rows} | ${(reflow.ms / 1000).toFixed(2)} | ${Math.round(rowsPerSecond(reflow))} |`);
    console.log(`| **reflow / raw** | | | **${ratio.toFixed(2)}** (goal ≥ 0.70: ${ratio >= 0.7 ? 'met' : 'not met'}) |`);
  } finally {
    await closeReflowBench(bench);
  }
}

main().catch((error) => {
  console.error(error.message ?? error);
  process.exit(1);
});
