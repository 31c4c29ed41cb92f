import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/** Rows per statement: 1 000 rows of the widest record table stay well under SQLite's 32 766 bound parameters. */
const ROWS_PER_STATEMENT = 1000;

/**
 * Inserts or updates rows with one multi-row statement per chunk — `INSERT … ON DUPLICATE KEY
 * UPDATE` on MySQL/MariaDB, `INSERT … ON CONFLICT (key) DO UPDATE` on SQLite — instead of a read
 * and a save per row. Every property of the first row other than the key is overwritten.
 *
 * The statement is written here rather than by TypeORM's insert builder, which produces the same
 * SQL but spends two to three times as long in JavaScript per row (measured on 1 000-row pages);
 * identifiers and values still go through the driver (escaping, date and boolean conversion).
 */
export async function upsertRows<T extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<T>, keyProperty: string, rows: T[]): Promise<void> {
  if (rows.length === 0) return;
  const { driver, options } = manager.connection;
  const metadata = manager.connection.getMetadata(entity);
  const properties = Object.keys(rows[0]);
  const columns = properties.map((property) => {
    const column = metadata.findColumnWithPropertyName(property);
    if (!column) throw new Error(`${metadata.tableName} has no column for property ${property}`);
    return column;
  });
  const names = columns.map((column) => driver.escape(column.databaseName));
  const key = names[properties.indexOf(keyProperty)];
  if (!key) throw new Error(`the rows for ${metadata.tableName} have no key property ${keyProperty}`);
  const updated = names.filter((name) => name !== key);
  const conflict =
    options.type === 'mysql' || options.type === 'mariadb'
      ? `ON DUPLICATE KEY UPDATE ${updated.map((name) => `${name} = VALUES(${name})`).join(', ')}`
      : `ON CONFLICT (${key}) DO UPDATE SET ${updated.map((name) => `${name} = excluded.${name}`).join(', ')}`;
  const placeholders = `(${names.map(() => '?').join(', ')})`;
  const head = `INSERT INTO ${driver.escape(metadata.tableName)} (${names.join(', ')}) VALUES `;

  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(i, i + ROWS_PER_STATEMENT);
    const values = chunk.flatMap((row) => columns.map((column, c) => driver.preparePersistentValue(row[properties[c]], column)));
    await manager.query(`${head}${chunk.map(() => placeholders).join(', ')} ${conflict}`, values);
  }
}
