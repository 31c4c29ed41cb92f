import { createHash } from 'node:crypto';
import { Directive, Field, ID, Int, InterfaceType, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { PlatformLevel } from '../../kernel/graphql/enums';
import { Node } from '../../kernel/graphql/node';
import { OwnedBy } from '../../kernel/graphql/ownership';
import { isLevel, Level, levelType } from '../../kernel/levels';
import { ReflowDirection, ReflowFrequency } from './enums';

/**
 * What an approval fixes: which rows (one resource's table, one division scope) flow from the
 * source level to the target level, for which subscriber. Both platforms keep the same row: the
 * source to check every pull against, the target to schedule runs, keep watermarks and know whose
 * rows it holds. Which items actually flow is decided at each pull (see source/delivery.ts).
 */
@Entity('reflow_subscription')
@InterfaceType('ReflowSubscription', {
  implements: Node,
  autoRegisterImplementations: false,
  description: 'What an approval fixed: which rows flow from the source level to the target level, for which subscriber; owned by the source',
  resolveType: (subscription: { sourceLevel: Level }) => levelType(subscription.sourceLevel, 'ReflowSubscription'),
})
export class ReflowSubscription extends Node {
  /** Names the receiving level (`city-…`), so a command knows which database to open. */
  @PrimaryColumn({ type: 'varchar', length: 36 })
  declare id: string;

  /** The approved application (`application`). */
  @Column({ type: 'varchar', length: 36 })
  applicationId: string;

  @Column({ type: 'varchar', length: 16 })
  @Field(() => ReflowDirection)
  direction: ReflowDirection;

  @Index()
  @Column({ type: 'varchar', length: 8 })
  @Field(() => PlatformLevel, { description: 'The level whose platform holds the data' })
  sourceLevel: Level;

  @Index()
  @Column({ type: 'varchar', length: 8 })
  @Field(() => PlatformLevel, { description: 'The level whose platform receives it' })
  targetLevel: Level;

  /** The resource at the source (`resource`). */
  @Column({ type: 'varchar', length: 36 })
  resourceId: string;

  @Column({ type: 'varchar', length: 40 })
  @Field()
  resourceCode: string;

  /** Record table on both platforms (sources.ts). */
  @Column({ type: 'varchar', length: 32 })
  @Field()
  dataTable: string;

  @Column({ type: 'varchar', length: 6 })
  @Field()
  scopeDivisionCode: string;

  @Column({ type: 'varchar', length: 6 })
  @Field({ description: 'Every row delivered has a division code starting with this' })
  scopePrefix: string;

  @Column({ type: 'text' })
  itemsJson: string;

  @Field(() => [String], { description: 'Items subscribed to; each pull delivers those the subscriber may hold at that moment' })
  get items(): string[] {
    return JSON.parse(this.itemsJson);
  }

  @Column({ type: 'varchar', length: 18 })
  @Field(() => ID, { description: 'USCC of the subscribing authority' })
  subscriberUscc: string;

  @Column({ type: 'varchar', length: 6 })
  @Field({ description: 'The rows serve this jurisdiction: only its agencies read them at the target (004 art. 20)' })
  subscriberJurisdiction: string;

  @Column({ type: 'varchar', length: 1024 })
  @Field()
  purpose: string;

  @Column({ type: 'varchar', length: 16 })
  @Field(() => ReflowFrequency)
  frequency: ReflowFrequency;

  @Column({ type: 'int', nullable: true, default: null })
  @Field(() => Int, { nullable: true })
  intervalMinutes: number | null;

  @Column({ type: 'datetime', precision: 3 })
  @Field()
  createdAt: Date;

  /** Ended by the source's or the subscriber's authority: nothing flows any more, and the target holds nothing of it. */
  @Column({ type: 'datetime', precision: 3, nullable: true, default: null })
  @Field(() => Date, { nullable: true })
  cancelledAt: Date | null;

  @Column({ type: 'varchar', length: 1024, nullable: true, default: null })
  @Field(() => String, { nullable: true })
  cancelReason: string | null;

  @Column({ type: 'varchar', length: 128, nullable: true, default: null })
  @Field(() => String, { nullable: true, description: 'Who cancelled it' })
  cancelledBy: string | null;
}

@ObjectType('RegionReflowSubscription', { implements: [ReflowSubscription, Node], description: "A subscription to the region's data" })
@Directive('@key(fields: "id")')
@OwnedBy('REGION')
export class RegionReflowSubscription extends ReflowSubscription {}

@ObjectType('CityReflowSubscription', { implements: [ReflowSubscription, Node], description: "A subscription to a city's data" })
@Directive('@key(fields: "id")')
@OwnedBy('CITY')
export class CityReflowSubscription extends ReflowSubscription {}

@ObjectType('CountyReflowSubscription', { implements: [ReflowSubscription, Node], description: "A subscription to a county's data" })
@Directive('@key(fields: "id")')
@OwnedBy('COUNTY')
export class CountyReflowSubscription extends ReflowSubscription {}

export const REFLOW_SUBSCRIPTION_TYPES: Record<Level, Function> = { REGION: RegionReflowSubscription, CITY: CityReflowSubscription, COUNTY: CountyReflowSubscription };

/** Deterministic per application, so registering an approval again (after a failure) is idempotent. */
export function subscriptionIdFor(applicationId: string, targetLevel: Level): string {
  return `${targetLevel.toLowerCase()}-${createHash('sha256').update(applicationId).digest('base64url').slice(0, 22)}`;
}

/** The receiving level a subscription id names, or null when it is not one. */
export function targetLevelOf(subscriptionId: string): Level | null {
  const level = /^([a-z]+)-[\w-]{22}$/.exec(subscriptionId)?.[1]?.toUpperCase();
  return isLevel(level) ? level : null;
}
