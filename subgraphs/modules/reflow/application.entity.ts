import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { PlatformLevel } from '../../kernel/graphql/enums';
import type { Level } from '../../kernel/levels';
import { ReflowApplicationState, ReflowDirection, ReflowFrequency } from './enums';

/**
 * An authority's application for another level's data (000 art. 16), kept by the platform that
 * holds the data and decided by that platform's authority. Aggregation of a basic database is
 * approved on submission (004 art. 18: unconditional).
 */
@Entity('reflow_application')
@ObjectType('ReflowApplication')
@Directive('@shareable')
export class ReflowApplication {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  @Field(() => ID)
  id: string;

  @Column({ type: 'varchar', length: 16 })
  @Field(() => ReflowDirection)
  direction: ReflowDirection;

  @Index()
  @Column({ type: 'varchar', length: 36 })
  @Field(() => ID, { description: 'The published resource version applied for' })
  resourceId: string;

  @Column({ type: 'varchar', length: 40 })
  @Field()
  resourceCode: string;

  @Column({ type: 'varchar', length: 6 })
  @Field({ description: "The resource's jurisdiction: its authority decides" })
  resourceJurisdiction: string;

  /** The record table behind the resource (sources.ts). */
  @Column({ type: 'varchar', length: 32 })
  dataTable: string;

  @Column({ type: 'text' })
  requestedItemsJson: string;

  @Field(() => [String], { description: 'Item codes asked for' })
  get requestedItems(): string[] {
    return JSON.parse(this.requestedItemsJson);
  }

  @Column({ type: 'varchar', length: 1024 })
  @Field({ description: 'The duty the data serves; it serves only that (004 art. 20)' })
  purpose: string;

  @Column({ type: 'varchar', length: 6 })
  @Field({ description: "Rows of this division and those below it; within the applicant's jurisdiction" })
  scopeDivisionCode: string;

  @Column({ type: 'varchar', length: 6 })
  @Field({ description: 'Division code prefix every row delivered has: the scope narrowed to the resource' })
  scopePrefix: string;

  @Column({ type: 'varchar', length: 16 })
  @Field(() => ReflowFrequency)
  frequency: ReflowFrequency;

  @Column({ type: 'int', nullable: true, default: null })
  @Field(() => Int, { nullable: true })
  intervalMinutes: number | null;

  @Index()
  @Column({ type: 'varchar', length: 18 })
  @Field(() => ID, { description: 'USCC of the applying authority: the subscriber' })
  applicantUscc: string;

  @Column({ type: 'varchar', length: 8 })
  @Field(() => PlatformLevel)
  applicantLevel: Level;

  @Column({ type: 'varchar', length: 6 })
  @Field()
  applicantJurisdiction: string;

  @Column({ type: 'varchar', length: 128 })
  @Field()
  applicantUser: string;

  @Index()
  @Column({ type: 'varchar', length: 16 })
  @Field(() => ReflowApplicationState)
  state: ReflowApplicationState;

  @Column({ type: 'datetime', precision: 3 })
  @Field()
  submittedAt: Date;

  @Column({ type: 'varchar', length: 128, nullable: true, default: null })
  @Field(() => String, { nullable: true, description: 'Who decided; for aggregation of a basic database, the rule that approved it' })
  decidedBy: string | null;

  @Column({ type: 'datetime', precision: 3, nullable: true, default: null })
  @Field(() => Date, { nullable: true })
  decidedAt: Date | null;

  @Column({ type: 'varchar', length: 1024, nullable: true, default: null })
  @Field(() => String, { nullable: true })
  refusalReason: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true, default: null })
  @Field(() => ID, { nullable: true, description: 'The subscription an approval created' })
  subscriptionId: string | null;
}
