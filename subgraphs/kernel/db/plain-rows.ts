import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { DriverUtils } from 'typeorm/driver/DriverUtils';

/**
 * The rows of a select of one entity's columns as plain objects keyed by property, each value
 * converted as TypeORM converts it for an entity (dates, booleans, column transformers), without
 * building entities. On a 1 000-row reflow page TypeORM's entity transformer took most of the time
 * the SQL itself took. The query must select only columns, each as `alias.property` of its main alias.
 */
export async function plainRows<T extends ObjectLiteral>(query: SelectQueryBuilder<T>): Promise<Partial<T>[]> {
  const { driver } = query.connection;
  const alias = query.expressionMap.mainAlias!;
  const columns = query.expressionMap.selects.map(({ selection }) => {
    const column = selection.startsWith(`${alias.name}.`) ? alias.metadata.findColumnWithPropertyPath(selection.slice(alias.name.length + 1)) : undefined;
    if (!column) throw new Error(`plainRows reads columns selected as ${alias.name}.<property> of ${alias.metadata.name}, not '${selection}'`);
    return { property: column.propertyName, rawName: DriverUtils.buildAlias(driver, undefined, alias.name, column.databaseName), column };
  });
  const rows = await query.getRawMany();
  return rows.map((raw) => {
    const row: Record<string, unknown> = {};
    for (const { property, rawName, column } of columns) row[property] = driver.prepareHydratedValue(raw[rawName], column);
    return row as Partial<T>;
  });
}
