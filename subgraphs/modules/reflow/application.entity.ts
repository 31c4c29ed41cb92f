import { Directive, Field, ID, Int, InterfaceType, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { RequestContext } from '../../kernel/context';
import { PlatformLevel } from '../../kernel/graphql/enums';
import { Node } from '../../kernel/graphql/node';
import { OwnedBy } from '../../kernel/graphql/ownership';
import { Level, levelType } from '../../kernel/levels';
import { ReflowApplicationState, ReflowDirection, ReflowFrequency } from './enums';

/**
 * An authority's application for another level's data (000 art. 16), kept by the platform that
 * holds the data and decided by that platform's authority. Aggregation of a basic database is
 * approved on submission (004 art. 18: unconditional).
 */
@Entity('reflow_application')
@InterfaceType('ReflowApplication', {
  implements: Node,
  autoRegisterImplementations: false,
  description: "An authority's application for another level's data: reflow down (000 art. 16) or aggregation up (004 art. 18)",
  resolveType: (_application: unknown, ctx: RequestContext) => levelType(ctx.level, 'ReflowApplication'),
})
export class ReflowApplication extends Node {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  declare id: string;

  @Column({ type: 'varchar', length: 16 })
  @Field(() => ReflowDirection)
  direction: ReflowDirection;

  /** The published resource version applied for (`resource`). */
  @Index()
  @Column({ type: 'varchar', length: 36 })
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

  /** The subscription an approval created (`subscription`). */
  @Column({ type: 'varchar', length: 36, nullable: true, default: null })
  subscriptionId: string | null;
}

@ObjectType('RegionReflowApplication', { implements: [ReflowApplication, Node], description: "An application for the region's data (reflow to a city)" })
@Directive('@key(fields: "id")')
@OwnedBy('REGION')
export class RegionReflowApplication extends ReflowApplication {}

@ObjectType('CityReflowApplication', { implements: [ReflowApplication, Node], description: "An application for a city's data (reflow to a county, aggregation by the region)" })
@Directive('@key(fields: "id")')
@OwnedBy('CITY')
export class CityReflowApplication extends ReflowApplication {}

@ObjectType('CountyReflowApplication', { implements: [ReflowApplication, Node], description: "An application for a county's data (aggregation by its city)" })
@Directive('@key(fields: "id")')
@OwnedBy('COUNTY')
export class CountyReflowApplication extends ReflowApplication {}

export const REFLOW_APPLICATION_TYPES: Record<Level, Function> = { REGION: RegionReflowApplication, CITY: CityReflowApplication, COUNTY: CountyReflowApplication };
