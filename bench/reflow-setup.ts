import { ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { PlatformConfig, projectRoot } from '../subgraphs/kernel/config';
import { createDataSource, dropMysqlDatabase, openDatabase } from '../subgraphs/kernel/db/data-source';
import { Level } from '../subgraphs/kernel/levels';
import { demoAuthority } from '../subgraphs/modules/agency/demo-agencies';
import { CatalogState, ShareMode } from '../subgraphs/modules/catalog/enums';
import { CatalogResourceRow } from '../subgraphs/modules/catalog/resource.entity';
import { ReflowDirection, ReflowFrequency } from '../subgraphs/modules/reflow/enums';
import { ReflowSubscription, subscriptionIdFor } from '../subgraphs/modules/reflow/subscription.entity';
import { generatePersons, householdDivisionCodes } from '../subgraphs/modules/records/generators';
import { PersonRow } from '../subgraphs/modules/records/record.entities';
import { GrantStatus, ShareGrant } from '../subgraphs/modules/sharing/grant.entity';
import { LEVEL_DEFINITIONS } from '../subgraphs/levels';

/** Above the demo seeds' identifier ranges (region 0…, city 1 000 000…), below the generator's capacity. */
const FIRST_BENCH_PERSON = 1_200_000;
const HOHHOT = demoAuthority('150100');
export const SUBSCRIBED_ITEMS = ['name', 'id_number', 'gender', 'birth_date', 'household_address', 'marital_status', 'phone'];

/** A throwaway database of one level, migrated like a platform's own (dropped at the end). */
export async function benchDatabase(config: Readonly<PlatformConfig>, level: Level): Promise<DataSource> {
  const database = config.subgraphs[level].database;
  const definition = LEVEL_DEFINITIONS[level];
  const { dataSource } = createDataSource({ database, entities: definition.modules.flatMap((m) => m.entities), migrations: definition.migrations });
  await openDatabase(dataSource, database);
  return dataSource;
}

/** Drops the MySQL databases, or deletes the SQLite files (with their WAL and shared-memory files). */
export async function dropBenchDatabases(config: Readonly<PlatformConfig>, levels: Level[]): Promise<void> {
  await Promise.all(
    levels.map(async (level) => {
      const database = config.subgraphs[level].database;
      if (database.kind === 'mysql') return dropMysqlDatabase(database);
      for (const suffix of ['', '-wal', '-shm']) rmSync(database.file + suffix, { force: true });
    }),
  );
}

/**
 * `start-level` as Node runs it from here: compiled under dist/ when this file is (npm run bench),
 * the TypeScript source under ts-node otherwise (npm run bench:reflow).
 */
const startLevelArgs = (): string[] =>
  __filename.endsWith('.ts') ? ['-r', 'ts-node/register/transpile-only', 'scripts/start-level.ts'] : [path.join(__dirname, '..', 'scripts', 'start-level.js')];

/** The source platform in its own process, as in production (scripts/start-level.ts). */
export async function startSourcePlatform(env: NodeJS.ProcessEnv, url: string, execArgv: string[] = []): Promise<ChildProcess> {
  const child = spawn(process.execPath, [...execArgv, ...startLevelArgs(), 'REGION'], { cwd: projectRoot(), env, stdio: ['ignore', 'ignore', 'inherit'] });
  const health = url.replace(/\/graphql$/, '/readyz');
  for (let waited = 0; waited < 180_000; waited += 250) {
    if (child.exitCode !== null) throw new Error(`the region platform exited with code ${child.exitCode}`);
    if (await fetch(health).then((r) => r.ok, () => false)) return child;
    await sleep(250);
  }
  child.kill();
  throw new Error('the region platform did not start within 3 minutes');
}

/** Stops the source platform and waits until it has exited, so nothing holds its database any more. */
export async function stopSourcePlatform(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  // Unreferenced: a pending timeout must not keep a finished benchmark alive.
  const timeout = sleep(10_000, 'timeout' as const, { ref: false });
  if ((await Promise.race([exited, timeout])) === 'timeout') {
    child.kill('SIGKILL');
    await exited;
  }
}

/** `count` generated persons of Hohhot's divisions at the source, each with its own change stamp. */
export async function insertSourcePersons(region: DataSource, count: number): Promise<void> {
  const persons = generatePersons({ count, divisionCodes: householdDivisionCodes('150100'), seed: 2026, startIndex: FIRST_BENCH_PERSON });
  const base = Date.now() - count;
  const rows = persons.map((person, i) => ({ ...person, updatedAt: new Date(base + i), deletedAt: null }));
  // Without reading the rows back (updateEntity): on SQLite that read names every inserted key in one expression, too deep for 1 000 rows.
  for (let i = 0; i < rows.length; i += 1000) await region.createQueryBuilder().insert().into(PersonRow).values(rows.slice(i, i + 1000)).updateEntity(false).execute();
}

/**
 * Hohhot's subscription to the region's population register, written straight into both databases
 * (the approval workflow is not what is measured), with a MASKED grant for two CONDITIONAL items so
 * the pull decides, masks and withholds like a real one.
 */
export async function benchSubscription(region: DataSource, city: DataSource): Promise<string> {
  const resource = await region.getRepository(CatalogResourceRow).findOneByOrFail({ code: '150000-RK-0001', state: CatalogState.PUBLISHED });
  const applicationId = randomUUID();
  await region.getRepository(ShareGrant).insert({
    id: randomUUID(), applicationId: randomUUID(), agencyUscc: HOHHOT.uscc, resourceId: resource.id, itemCodesJson: JSON.stringify(['household_address', 'phone']),
    scenario: 'benchmark', mode: ShareMode.MASKED, endsAt: new Date(Date.now() + 86_400_000), status: GrantStatus.APPROVED, revokedAt: null, revokeReason: null,
  });
  const subscription = Object.assign(new ReflowSubscription(), {
    id: subscriptionIdFor(applicationId, 'CITY'), applicationId, direction: ReflowDirection.REFLOW, sourceLevel: 'REGION', targetLevel: 'CITY',
    resourceId: resource.id, resourceCode: resource.code, dataTable: 'person', scopeDivisionCode: '150100', scopePrefix: '1501',
    itemsJson: JSON.stringify(SUBSCRIBED_ITEMS), subscriberUscc: HOHHOT.uscc, subscriberJurisdiction: '150100', purpose: 'benchmark',
    frequency: ReflowFrequency.ONE_OFF, intervalMinutes: null, createdAt: new Date(),
  });
  await region.getRepository(ReflowSubscription).insert(subscription);
  await city.getRepository(ReflowSubscription).insert(subscription);
  return subscription.id;
}
