import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** 004 art. 50: an authority suspends a misusing agency's access until it corrects. */
@Entity('agency_suspension')
@Index(['agencyUscc', 'liftedAt'])
export class AgencySuspension {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 18 })
  agencyUscc: string;

  @Column({ type: 'varchar', length: 1024 })
  reason: string;

  @Column({ type: 'varchar', length: 128 })
  suspendedBy: string;

  /**
   * Division code of the authority that imposed it. Each authority's suspension stands on its own: the
   * region's suspension, passed down to the city platform, neither collides with nor lifts a city's.
   */
  @Column({ type: 'varchar', length: 6 })
  imposedBy: string;

  @Column({ type: 'datetime' })
  suspendedAt: Date;

  @Column({ type: 'datetime', nullable: true, default: null })
  liftedAt: Date | null;

  @Column({ type: 'varchar', length: 128, nullable: true, default: null })
  liftedBy: string | null;

  /** What the agency corrected (004 art. 50: suspended until it corrects). */
  @Column({ type: 'varchar', length: 1024, nullable: true, default: null })
  liftReason: string | null;
}
