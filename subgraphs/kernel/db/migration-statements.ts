/**
 * Corrections to the statements TypeORM's schema builder proposes for MySQL/MariaDB, applied by
 * `npm run migration:generate` so every generated migration gets them:
 * - a column whose type changes is proposed as DROP COLUMN then ADD, which erases its data (for the
 *   audit trail it would also break the hash chain); it becomes one in-place MODIFY;
 * - MariaDB reports DOUBLE with a display width that it then rejects in DDL (`double(22)`).
 */
export function tidyMigrationStatements(statements: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < statements.length; i++) {
    const drop = /^ALTER TABLE (`[^`]+`) DROP COLUMN (`[^`]+`)$/.exec(statements[i]);
    const next = statements[i + 1];
    if (drop && next?.startsWith(`ALTER TABLE ${drop[1]} ADD ${drop[2]} `)) {
      out.push(`ALTER TABLE ${drop[1]} MODIFY ${drop[2]} ${next.slice(`ALTER TABLE ${drop[1]} ADD ${drop[2]} `.length)}`);
      i++;
      continue;
    }
    out.push(statements[i]);
  }
  return out.map((s) => s.replace(/\bdouble\(\d+\)/g, 'double'));
}
