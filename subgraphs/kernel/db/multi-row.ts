import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/** Rows per statement: 1 000 rows of the widest record table stay well under SQLite's 32 766 bound parameters. */
export const ROWS_PER_STATEMENT = 1000;

/**
 * Multi-row statements written here rather than by TypeORM's insert builder, which produces the same
 * SQL but spends two to three times as long in JavaScript per row (measured on 1 000-row pages);
 * identifiers and values still go through the driver (escaping, date and boolean conversion). The
 * columns are the properties of the first row.
 */
interface RowStatement<T> {
  /** `INSERT INTO t (a, b, …) VALUES `, to be followed by the rows' placeholders. */
  head: string;
  placeholders: string;
  names: string[];
  values(rows: T[]): unknown[];
}

function rowStatement<T extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<T>, firstRow: T): RowStatement<T> {
  const { driver } = manager.connection;
  const metadata = manager.connection.getMetadata(entity);
  const properties = Object.keys(firstRow);
  const columns = properties.map((property) => {
    const column = metadata.findColumnWithPropertyName(property);
    if (!column) throw new Error(`${metadata.tableName} has no column for property ${property}`);
    return column;
  });
  const names = columns.map((column) => driver.escape(column.databaseName));
  return {
    head: `INSERT INTO ${driver.escape(metadata.tableName)} (${names.join(', ')}) VALUES `,
    placeholders: `(${names.map(() => '?').join(', ')})`,
    names,
    values: (rows) => {
      // Plain loops into one array of its final length: `flatMap` over per-row arrays cost 3.8–4.5 ms
      // on a 1 000-row person page against 1.4–1.8 ms, on the reflow's and the audit's path.
      const width = columns.length;
      const values = new Array<unknown>(rows.length * width);
      let at = 0;
      for (const row of rows) {
        for (let c = 0; c < width; c++) values[at++] = driver.preparePersistentValue(row[properties[c]], columns[c]);
      }
      return values;
    },
  };
}

async function inChunks<T>(rows: T[], write: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) await write(rows.slice(i, i + ROWS_PER_STATEMENT));
}

/** Inserts rows with one multi-row INSERT per chunk. */
export async function insertRows<T extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<T>, rows: T[]): Promise<void> {
  if (rows.length === 0) return;
  const statement = rowStatement(manager, entity, rows[0]);
  await inChunks(rows, (chunk) => manager.query(statement.head + chunk.map(() => statement.placeholders).join(', '), statement.values(chunk)));
}

/**
 * Inserts or updates rows with one multi-row statement per chunk — `INSERT … ON DUPLICATE KEY
 * UPDATE` on MySQL/MariaDB, `INSERT … ON CONFLICT (key) DO UPDATE` on SQLite — instead of a read
 * and a save per row. Every property of the first row other than the key is overwritten.
 */
export async function upsertRows<T extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<T>, keyProperty: string, rows: T[]): Promise<void> {
  if (rows.length === 0) return;
  const statement = rowStatement(manager, entity, rows[0]);
  const key = statement.names[Object.keys(rows[0]).indexOf(keyProperty)];
  if (!key) throw new Error(`the rows for ${manager.connection.getMetadata(entity).tableName} have no key property ${keyProperty}`);
  const updated = statement.names.filter((name) => name !== key);
  const type = manager.connection.options.type;
  const conflict =
    type === 'mysql' || type === 'mariadb'
      ? `ON DUPLICATE KEY UPDATE ${updated.map((name) => `${name} = VALUES(${name})`).join(', ')}`
      : `ON CONFLICT (${key}) DO UPDATE SET ${updated.map((name) => `${name} = excluded.${name}`).join(', ')}`;
  await inChunks(rows, (chunk) => manager.query(`${statement.head}${chunk.map(() => statement.placeholders).join(', ')} ${conflict}`, statement.values(chunk)));
}
