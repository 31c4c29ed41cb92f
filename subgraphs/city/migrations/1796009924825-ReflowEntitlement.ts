import { MigrationInterface, QueryRunner } from 'typeorm';
import { downReflowEntitlement, upReflowEntitlement } from '../../modules/reflow/entitlement-migration';

/** Cancellable subscriptions, departures from a division, tombstones without values (written by hand; the same at every level). */
export class ReflowEntitlementCity1796009924825 implements MigrationInterface {
  name = 'ReflowEntitlementCity1796009924825';

  up(queryRunner: QueryRunner): Promise<void> {
    return upReflowEntitlement(queryRunner);
  }

  down(queryRunner: QueryRunner): Promise<void> {
    return downReflowEntitlement(queryRunner);
  }
}
