import { DataSource } from 'typeorm';

/**
 * A database trigger a module relies on, for both databases the platform runs on. Triggers keep a
 * fact true whoever writes the table — a service, another replica, an import, an operator's SQL.
 */
export interface DatabaseTrigger {
  name: string;
  /** Created at start on the embedded SQLite database (its schema is synchronised from the entities). */
  sqlite: string;
  /** Created by a migration on MySQL/MariaDB. */
  mysql: string;
}

export const isSqlite = (db: DataSource) => db.options.type === 'better-sqlite3';

/** The statements a MySQL migration runs to add, and to drop again, a set of triggers. */
export function mysqlTriggerStatements(triggers: readonly DatabaseTrigger[]): { up: string[]; down: string[] } {
  return { up: triggers.map((t) => t.mysql), down: triggers.map((t) => `DROP TRIGGER \`${t.name}\``) };
}

/**
 * At start: on SQLite creates the triggers the modules declare; on MySQL checks the migrations did,
 * and refuses to start without one — a platform whose trigger is missing would be silently wrong.
 */
export async function prepareTriggers(db: DataSource, triggers: readonly DatabaseTrigger[]): Promise<void> {
  if (isSqlite(db)) {
    for (const trigger of triggers) await db.query(trigger.sqlite);
    return;
  }
  const present = new Set<string>(
    (await db.query('SELECT TRIGGER_NAME AS name FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE()')).map((row: { name: string }) => row.name),
  );
  const missing = triggers.map((t) => t.name).filter((name) => !present.has(name));
  if (missing.length > 0) throw new Error(`the database lacks the triggers ${missing.join(', ')}: run the migrations of this release`);
}
