import { tidyMigrationStatements } from '../../../subgraphs/kernel/db/migration-statements';

describe('generated MySQL migration statements', () => {
  it('widens a column in place instead of dropping it and its data', () => {
    expect(tidyMigrationStatements([
      'ALTER TABLE `audit_record` DROP COLUMN `reason`',
      'ALTER TABLE `audit_record` ADD `reason` varchar(1024) NULL',
      'CREATE TABLE `x` (`id` int NOT NULL)',
    ])).toEqual([
      'ALTER TABLE `audit_record` MODIFY `reason` varchar(1024) NULL',
      'CREATE TABLE `x` (`id` int NOT NULL)',
    ]);
  });

  it('keeps a drop that is not followed by re-adding the same column', () => {
    const statements = ['ALTER TABLE `a` DROP COLUMN `old`', 'ALTER TABLE `a` ADD `new` int NULL', 'ALTER TABLE `b` DROP COLUMN `c`'];
    expect(tidyMigrationStatements(statements)).toEqual(statements);
  });

  it('writes DOUBLE without the display width MariaDB rejects', () => {
    expect(tidyMigrationStatements(['ALTER TABLE `l` CHANGE `areaMu` `areaMu` double(22) NOT NULL'])).toEqual(['ALTER TABLE `l` CHANGE `areaMu` `areaMu` double NOT NULL']);
  });
});
