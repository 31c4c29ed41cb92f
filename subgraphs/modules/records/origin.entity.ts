import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Level } from '../../kernel/levels';

/**
 * Where records this platform received came from, one row per subscription delivering them: which
 * level sent them, whose jurisdiction they serve (the only readers here, 004 art. 19-20), and which
 * items the source delivered in its latest pages. An item the source withheld is not held here: its
 * column is null because it was never given, which a reader must be told (a null carries its reason).
 * Written by whatever delivers the rows (the reflow module); read by enforcement.
 */
@Entity('record_origin')
export class RecordOriginRow {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  subscriptionId: string;

  @Column({ type: 'varchar', length: 8 })
  sourceLevel: Level;

  @Column({ type: 'varchar', length: 6 })
  subscriberJurisdiction: string;

  @Column({ type: 'varchar', length: 32 })
  dataTable: string;

  /** JSON list of the item codes delivered by the latest pages; null until the first page arrives. */
  @Column({ type: 'text', nullable: true, default: null })
  heldItemsJson: string | null;

  @Column({ type: 'datetime', precision: 3 })
  updatedAt: Date;
}
