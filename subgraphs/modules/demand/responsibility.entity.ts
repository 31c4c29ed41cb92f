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
  @Column({ type: 'varchar', length: 36 })
  @Field(() => ID)
  demandId: string;

  @Column({ type: 'varchar', length: 128 })
  @Field({ description: 'The data item undertaken, as the source department names it' })
  itemName: string;

  @Column({ type: 'varchar', length: 40, nullable: true, default: null })
  @Field(() => String, { nullable: true, description: 'Catalog code the item will be published under, if already known' })
  resourceCode: string | null;

  @Column({ type: 'varchar', length: 10 })
  @Field({ description: 'Beijing day by which the data is shared: the day the department announced, else 7 working days after confirming' })
  dueDate: string;

  @Column({ type: 'datetime' })
  @Field({ description: 'When the source department confirmed the demand' })
  confirmedAt: Date;

  @Column({ type: 'datetime', nullable: true, default: null })
  @Field(() => Date, { nullable: true })
  fulfilledAt: Date | null;

  @Column({ type: 'varchar', length: 36, nullable: true, default: null })
  @Field(() => ID, { nullable: true, description: 'The catalog resource that fulfilled the entry' })
  resourceId: string | null;

  @Field({ description: 'The data has been delivered' })
  get fulfilled(): boolean {
    return this.fulfilledAt !== null;
  }
}
