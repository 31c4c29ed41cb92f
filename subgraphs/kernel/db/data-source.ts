import { createConnection } from 'mysql2/promise';
import { DataSource, Logger, MixedList, EntitySchema } from 'typeorm';
import { DatabaseConfig } from '../config';
import { recordStatement } from '../tracing';
import { mkdirSync } from 'node:fs';
import path from 'node:path';

/** Counts SQL statements, so tests and benchmarks can show that a query does not grow with its rows. */
export class StatementCounter implements Logger {
  count = 0;
  constructor(private readonly echo = false) {}
  logQuery(query: string) {
    this.count++;
    recordStatement(query);
    if (this.echo) console.log(`[sql] ${query}`);
  }
  logQueryError(error: string | Error, query: string) {
    if (this.echo) console.error(`[sql error] ${error} in ${query}`);
  }
  logQuerySlow() {}
  logSchemaBuild() {}
  logMigration() {}
  log() {}
}

export interface DataSourceOptions {
  database: DatabaseConfig;
  entities: MixedList<Function | string | EntitySchema>;
  migrations: MixedList<Function | string>;
  logSql?: boolean;
}

/**
 * MySQL/MariaDB in production: schema changes only through migrations.
 * Embedded SQLite (the zero-configuration default): schema synchronised from the entities.
 */
export function createDataSource(options: DataSourceOptions): { dataSource: DataSource; statements: StatementCounter } {
  const statements = new StatementCounter(options.logSql);
  const common = { entities: options.entities, logger: statements, logging: true as const };
  if (options.database.kind === 'mysql') {
    return {
      statements,
      dataSource: new DataSource({
        ...common,
        type: options.database.flavor,
        connectorPackage: 'mysql2',
        url: options.database.url,
        database: options.database.database,
        charset: 'utf8mb4_unicode_ci',
        timezone: 'Z',
        migrations: options.migrations,
        migrationsTransactionMode: 'each',
        synchronize: false,
        extra: { connectionLimit: 16 },
      }),
    };
  }
  mkdirSync(path.dirname(options.database.file), { recursive: true });
  return {
    statements,
    dataSource: new DataSource({
      ...common,
      type: 'better-sqlite3',
      database: options.database.file,
      synchronize: true, // embedded SQLite default only; MySQL migrates (see above)
      prepareDatabase: (db: { pragma(sql: string): unknown }) => {
        db.pragma('journal_mode = WAL');
        db.pragma('busy_timeout = 5000');
        db.pragma('synchronous = NORMAL');
      },
    }),
  };
}

/** Creates the MySQL database if it is missing (utf8mb4: names are Chinese). */
export async function ensureMysqlDatabase(database: DatabaseConfig): Promise<void> {
  if (database.kind !== 'mysql') return;
  const connection = await createConnection({ uri: database.url });
  try {
    await connection.query(`CREATE DATABASE IF NOT EXISTS \`${database.database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await connection.end();
  }
}

export async function dropMysqlDatabase(database: DatabaseConfig): Promise<void> {
  if (database.kind !== 'mysql') return;
  const connection = await createConnection({ uri: database.url });
  try {
    await connection.query(`DROP DATABASE IF EXISTS \`${database.database}\``);
  } finally {
    await connection.end();
  }
}

/** Opens the database and brings its schema up to date (migrations on MySQL). */
export async function openDatabase(dataSource: DataSource, database: DatabaseConfig): Promise<void> {
  await ensureMysqlDatabase(database);
  await dataSource.initialize();
  if (database.kind === 'mysql') await dataSource.runMigrations({ transaction: 'each' });
}
