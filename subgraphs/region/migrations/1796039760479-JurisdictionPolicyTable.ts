import { MigrationInterface, QueryRunner } from 'typeorm';
import { mysqlPolicyTriggers } from '../../kernel/db/policy-generation';

/**
 * The jurisdiction registry becomes a policy table: a change moves the policy generation, so queries
 * may take jurisdictions from the rows the platform keeps between changes.
 */
const triggers = mysqlPolicyTriggers('jurisdiction');

export class JurisdictionPolicyTableRegion1796039760479 implements MigrationInterface {
  name = 'JurisdictionPolicyTableRegion1796039760479';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of triggers.up) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const statement of triggers.down) await queryRunner.query(statement);
  }
}
