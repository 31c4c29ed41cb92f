import { QueryRunner } from 'typeorm';
import { mysqlTriggerStatements } from '../../kernel/db/triggers';
import { DEPARTURE_TRIGGERS } from '../records/departure.entity';
import { RECORD_SOURCES } from '../records/sources';
import { hashedProperties } from './digest';

/*
 * The MySQL schema change every level's ReflowEntitlement migration makes (the same tables exist on
 * each): subscriptions can be cancelled; rows leaving a division are recorded by a trigger on every
 * record table; and tombstones written before this release lose the item values they still held.
 */
const triggers = mysqlTriggerStatements(DEPARTURE_TRIGGERS);

export async function upReflowEntitlement(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.query(
    'CREATE TABLE `record_departure` (`id` int NOT NULL AUTO_INCREMENT, `tableName` varchar(32) NOT NULL, `recordKey` varchar(64) NOT NULL, `fromDivision` varchar(6) NOT NULL, `toDivision` varchar(6) NOT NULL, `originPlatform` varchar(8) NULL, `departedAt` datetime(3) NOT NULL, INDEX `IDX_59609b939e9a777a9796d7c616` (`tableName`, `departedAt`, `recordKey`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
  );
  await queryRunner.query('ALTER TABLE `reflow_subscription` ADD `cancelledAt` datetime(3) NULL');
  await queryRunner.query('ALTER TABLE `reflow_subscription` ADD `cancelReason` varchar(1024) NULL');
  await queryRunner.query('ALTER TABLE `reflow_subscription` ADD `cancelledBy` varchar(128) NULL');
  for (const statement of triggers.up) await queryRunner.query(statement);
  for (const source of Object.values(RECORD_SOURCES)) {
    const cleared = hashedProperties(source).map((property) => `\`${property}\` = NULL`).join(', ');
    await queryRunner.query(`UPDATE \`${source.table}_record\` SET ${cleared} WHERE \`deletedAt\` IS NOT NULL AND \`originSubscription\` IS NOT NULL`);
  }
}

export async function downReflowEntitlement(queryRunner: QueryRunner): Promise<void> {
  for (const statement of triggers.down) await queryRunner.query(statement);
  await queryRunner.query('ALTER TABLE `reflow_subscription` DROP COLUMN `cancelledBy`');
  await queryRunner.query('ALTER TABLE `reflow_subscription` DROP COLUMN `cancelReason`');
  await queryRunner.query('ALTER TABLE `reflow_subscription` DROP COLUMN `cancelledAt`');
  await queryRunner.query('DROP TABLE `record_departure`');
}
