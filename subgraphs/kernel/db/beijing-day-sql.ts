import { DataSource } from 'typeorm';
import { isSqlite } from './triggers';

/**
 * The Beijing day (YYYY-MM-DD) of a stored UTC instant, in the database's own dialect, for grouping
 * by day in one statement. `storedAs`: a DATETIME column (UTC), or ISO-8601 text ending in Z.
 */
export function beijingDaySql(db: DataSource, column: string, storedAs: 'datetime' | 'iso-text' = 'datetime'): string {
  if (isSqlite(db)) return `strftime('%Y-%m-%d', ${column}, '+8 hours')`;
  const instant = storedAs === 'datetime' ? column : `STR_TO_DATE(LEFT(${column}, 19), '%Y-%m-%dT%H:%i:%s')`;
  return `DATE_FORMAT(DATE_ADD(${instant}, INTERVAL 8 HOUR), '%Y-%m-%d')`;
}
