import { ChildProcess } from 'node:child_process';
import { DataSource } from 'typeorm';
import { loadConfig, PlatformConfig } from '../subgraphs/kernel/config';
import { insertRows, ROWS_PER_STATEMENT } from '../subgraphs/kernel/db/multi-row';
import { freePort } from '../subgraphs/kernel/server/http';
import { SyncProgress } from '../subgraphs/kernel/sync/types';
import { ReflowRunTrigger } from '../subgraphs/modules/reflow/enums';
import { reconcile } from '../subgraphs/modules/reflow/target/reconcile';
import { runSubscription } from '../subgraphs/modules/reflow/target/runner';
import { PersonRow } from '../subgraphs/modules/records/record.entities';
import { benchDatabase, benchSubscription, dropBenchDatabases, insertSourcePersons, startSourcePlatform, stopSourcePlatform } from './reflow-setup';

/** Rows per INSERT statement, on both sides: the sync engine's upsert and the raw INSERT share the kernel's statement writer. */
export const RAW_ROWS_PER_STATEMENT = ROWS_PER_STATEMENT;

/**
 * What a reflow measurement runs on: the region platform (the source) in its own process on its own
 * database, and a city database (the target) written from this process as `npm run reflow` would.
 */
export interface ReflowBench {
  config: Readonly<PlatformConfig>;
  region: DataSource;
  city: DataSource;
  source: ChildProcess;
}

export interface TimedWrite {
  rows: number;
  ms: number;
}

export const rowsPerSecond = ({ rows, ms }: TimedWrite) => (ms > 0 ? (rows * 1000) / ms : 0);

/**
 * Fresh region and city databases named with `databasePrefix` (MySQL when `baseEnv` has
 * DATABASE_URL, else SQLite files under its SQLITE_DIR), the source platform started on a free
 * port with the Node flags `execArgv` (the benchmark's profiling), and `persons` generated persons of
 * Hohhot at the source (on top of the region's demo seeds).
 */
export async function openReflowBench(baseEnv: NodeJS.ProcessEnv, databasePrefix: string, persons: number, execArgv: string[] = []): Promise<ReflowBench> {
  const env: NodeJS.ProcessEnv = {
    ...baseEnv,
    // As deployed, like every other scenario's services (the run's secrets are in baseEnv).
    NODE_ENV: 'production',
    DATABASE_PREFIX: databasePrefix,
    REGION_PORT: String(await freePort()),
    // Nothing may run a subscription behind the measurement's back, and every row is handed out at once.
    REFLOW_SCHEDULER: 'false',
    REFLOW_SETTLE_MS: '0',
  };
  delete env.REGION_URL;
  const config = loadConfig(env);
  const opened: DataSource[] = [];
  let source: ChildProcess | undefined;
  try {
    const region = await benchDatabase(config, 'REGION');
    opened.push(region);
    const city = await benchDatabase(config, 'CITY');
    opened.push(city);
    source = await startSourcePlatform(env, config.subgraphs.REGION.url, execArgv);
    await insertSourcePersons(region, persons);
    return { config, region, city, source };
  } catch (error) {
    if (source) await stopSourcePlatform(source);
    await Promise.all(opened.map((db) => db.destroy()));
    await dropBenchDatabases(config, ['REGION', 'CITY']);
    throw error;
  }
}

/** Stops the source platform, closes both databases and drops them (or deletes their files). */
export async function closeReflowBench(bench: ReflowBench): Promise<void> {
  await stopSourcePlatform(bench.source);
  await Promise.all([bench.region.destroy(), bench.city.destroy()]);
  await dropBenchDatabases(bench.config, ['REGION', 'CITY']);
}

/** Empties the target's person table, so that each measured write starts from the same state. */
export async function emptyTarget(bench: ReflowBench): Promise<void> {
  await bench.city.getRepository(PersonRow).clear();
}

/**
 * One reflow run of a new one-off subscription into the (emptied) target, timed from the run's
 * recorded start to its finish, then reconciled with the source.
 */
export async function timedReflow(bench: ReflowBench, onProgress?: (progress: SyncProgress) => void): Promise<TimedWrite & { subscriptionId: string }> {
  const target = { level: 'CITY' as const, db: bench.city, config: bench.config };
  const subscriptionId = await benchSubscription(bench.region, bench.city);
  const run = await runSubscription(target, subscriptionId, { trigger: ReflowRunTrigger.COMMAND, onProgress });
  if (run.state !== 'SUCCEEDED') throw new Error(`the reflow run failed: ${run.error}`);
  const check = await reconcile(target, subscriptionId);
  if (!check.identical) throw new Error(`reflowed rows differ from the source: ${JSON.stringify(check).slice(0, 500)}`);
  return { subscriptionId, rows: run.rowsWritten, ms: run.finishedAt!.getTime() - run.startedAt!.getTime() };
}

/** The rows a reflow run wrote, as stored: what the raw INSERT writes again. */
export function reflowedRows(bench: ReflowBench, subscriptionId: string): Promise<PersonRow[]> {
  return bench.city.getRepository(PersonRow).find({ where: { originSubscription: subscriptionId } });
}

/**
 * The same rows written into the same (emptied) table the plain way: multi-row INSERT statements
 * (kernel/db/multi-row.ts, which also writes the reflow's upserts), one transaction per reflow page,
 * nothing else.
 */
export async function timedRawInsert(bench: ReflowBench, rows: PersonRow[]): Promise<TimedWrite> {
  const { city: db, config } = bench;
  const pageSize = config.reflow.pageSize;
  const started = performance.now();
  for (let page = 0; page < rows.length; page += pageSize) {
    await db.transaction((m) => insertRows(m, PersonRow, rows.slice(page, page + pageSize)));
  }
  const ms = performance.now() - started;
  const stored = await db.getRepository(PersonRow).count();
  if (stored !== rows.length) throw new Error(`the raw INSERT stored ${stored} of ${rows.length} rows`);
  return { rows: rows.length, ms };
}
