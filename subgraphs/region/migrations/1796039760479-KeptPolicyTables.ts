import { MigrationInterface, QueryRunner } from 'typeorm';
import { mysqlPolicyTriggers } from '../../kernel/db/policy-generation';

/**
 * The jurisdiction registry and the integrated catalog's index become policy tables: a change moves
 * the policy generation, so queries may take jurisdictions, catalog pages and facets from what the
 * platform keeps between changes (kernel/db/kept-rows.ts).
 */
const triggers = ['jurisdiction', 'catalog_index'].map(mysqlPolicyTriggers);

export class KeptPolicyTablesRegion1796039760479 implements MigrationInterface {
  name = 'KeptPolicyTablesRegion1796039760479';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of triggers.flatMap((t) => t.up)) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const statement of triggers.flatMap((t) => t.down)) await queryRunner.query(statement);
  }
}
