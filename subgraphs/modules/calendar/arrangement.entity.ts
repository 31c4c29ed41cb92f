import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A year's holiday arrangement loaded by the region authority, kept by every level's platform. */
@Entity('calendar_arrangement')
export class CalendarArrangementRow {
  @PrimaryColumn({ type: 'int' })
  year: number;

  /** JSON list of YYYY-MM-DD days off. */
  @Column({ type: 'text' })
  holidays: string;

  /** JSON list of YYYY-MM-DD adjusted working weekend days (调休). */
  @Column({ type: 'text' })
  workdays: string;

  @Column({ type: 'varchar', length: 256 })
  source: string;

  @Column({ type: 'varchar', length: 128 })
  loadedBy: string;

  @Column({ type: 'datetime' })
  loadedAt: Date;
}
