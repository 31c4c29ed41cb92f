import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * 责任清单 entry: data a source department has undertaken to share because it confirmed a demand
 * (004 art. 24; lists of 004 art. 20, 001 art. 22). One entry per confirmed demand.
 */
@Entity('responsibility_entry')
@ObjectType('ResponsibilityEntry', { description: '责任清单: an item a source department has undertaken to share (004 art. 24)' })
@Directive('@shareable')
export class ResponsibilityEntry {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  @Field(() => ID)
  id: string;

  @Index()
  @Column({ type: 'varchar', length: 18 })
  @Field(() => ID, { description: 'USCC of the responsible source department' })
  agencyUscc: string;

  @Index({ unique: true })
  /** The demand behind it (`demand`). */
  @Column({ type: 'varchar', length: 36 })
  demandId: string;

  @Column({ type: 'varchar', length: 128 })
  @Field({ description: 'The data item undertaken, as the source department names it' })
  itemName: string;

  @Column({ type: 'varchar', length: 40, nullable: true, default: null })
  @Field(() => String, { nullable: true, description: 'Catalog code the item will be published under, if already known' })
  resourceCode: string | null;

  /**
   * The day the department announced, or the one 7 working days after confirming as the calendar
   * stood then; read through responsibilityDue, which counts a computed day again with the calendar as
   * it is now (a year's arrangement loaded since may move it).
   */
  @Column({ type: 'varchar', length: 10 })
  dueDate: string;

  /** The source department announced the day: the data needs processing first (004 art. 24). */
  @Column({ type: 'boolean', default: false })
  @Field({ description: 'The source department announced the due day because the data needs processing (004 art. 24)' })
  dueDateAnnounced: boolean;

  @Column({ type: 'varchar', length: 1024, nullable: true, default: null })
  @Field(() => String, { nullable: true, description: 'What processing the data needs, when the announced day lies past the 7-working-day limit' })
  processingReason: string | null;

  /** The applicant's jurisdiction, whose policy profile sets the limit. */
  @Column({ type: 'varchar', length: 6, default: '' })
  jurisdictionCode: string;

  @Column({ type: 'datetime' })
  @Field({ description: 'When the source department confirmed the demand' })
  confirmedAt: Date;

  @Column({ type: 'datetime', nullable: true, default: null })
  @Field(() => Date, { nullable: true })
  fulfilledAt: Date | null;

  /** The catalog resource that fulfilled the entry (`resource`). */
  @Column({ type: 'varchar', length: 36, nullable: true, default: null })
  resourceId: string | null;

  @Field({ description: 'The data has been delivered' })
  get fulfilled(): boolean {
    return this.fulfilledAt !== null;
  }
}
