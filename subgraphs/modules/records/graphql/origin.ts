import { Directive, Field, FieldResolver, ID, InterfaceType, ObjectType, Resolver, Root } from 'type-graphql';
import { PlatformLevel } from '../../../kernel/graphql/enums';
import type { Level } from '../../../kernel/levels';
import type { RecordBase } from '../record-base';
import { levelId } from '../../../kernel/graphql/global-id';

@ObjectType({ description: 'Where a record held by this platform came from, when another level delivered it' })
@Directive('@shareable')
export class RecordOrigin {
  @Field(() => PlatformLevel, { description: 'The level whose platform the record came from' })
  platform: Level;

  @Field(() => ID, { description: 'The reflow or aggregation subscription that delivered it (its global id at the delivering level)' })
  subscription: string;

  @Field({ description: 'When it was last written here' })
  syncedAt: Date;
}

/** A typed record held by a platform: its own, or delivered by another level. */
@InterfaceType('HeldRecord', { autoRegisterImplementations: false, description: 'A record a platform holds, its own or delivered by another level' })
export abstract class HeldRecord {}

@Resolver(() => HeldRecord)
export class HeldRecordOrigin {
  @FieldResolver(() => RecordOrigin, { nullable: true, description: 'Null for records of this platform; set for records another level delivered' })
  origin(@Root() row: RecordBase): RecordOrigin | null {
    if (!row.originPlatform || !row.originSubscription || !row.syncedAt) return null;
    return { platform: row.originPlatform, subscription: levelId(row.originPlatform, 'ReflowSubscription', row.originSubscription), syncedAt: row.syncedAt };
  }
}
