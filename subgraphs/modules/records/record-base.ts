import { Column, Index } from 'typeorm';
import type { Level } from '../../kernel/levels';

/**
 * Columns every record table shares: where the record belongs (division code, the scope of every
 * catalog resource and reflow), when it last changed (keyset paging for sync), soft deletion (so a
 * deletion can travel as a tombstone), and — for rows that came from another level — their origin.
 */
export abstract class RecordBase {
  @Index()
  @Column({ type: 'varchar', length: 6 })
  divisionCode: string;

  @Index()
  @Column({ type: 'datetime', precision: 3 })
  updatedAt: Date;

  @Column({ type: 'datetime', precision: 3, nullable: true, default: null })
  deletedAt: Date | null;

  @Column({ type: 'varchar', length: 8, nullable: true, default: null })
  originPlatform: Level | null;

  @Column({ type: 'varchar', length: 36, nullable: true, default: null })
  originSubscription: string | null;

  @Column({ type: 'datetime', precision: 3, nullable: true, default: null })
  syncedAt: Date | null;
}
