import { Directive, Field, FieldResolver, ID, ObjectType, Resolver, Root } from 'type-graphql';
import { PlatformLevel } from '../../../kernel/graphql/enums';
import type { Level } from '../../../kernel/levels';
import type { RecordBase } from '../record-base';

@ObjectType({ description: 'Where a record held by this platform came from, when another level delivered it' })
@Directive('@shareable')
export class RecordOrigin {
  @Field(() => PlatformLevel, { description: 'The level whose platform the record came from' })
  platform: Level;

  @Field(() => ID, { description: 'The reflow or aggregation subscription that delivered it' })
  subscription: string;

  @Field({ description: 'When it was last written here' })
  syncedAt: Date;
}

/** `origin` on a typed record type: null for the platform's own records. */
export function recordOriginResolver(recordType: Function): Function {
  @Resolver(() => recordType)
  class RecordOriginField {
    @FieldResolver(() => RecordOrigin, { nullable: true, description: 'Null for records of this platform; set for records another level delivered' })
    origin(@Root() row: RecordBase): RecordOrigin | null {
      if (!row.originPlatform || !row.originSubscription || !row.syncedAt) return null;
      return { platform: row.originPlatform, subscription: row.originSubscription, syncedAt: row.syncedAt };
    }
  }
  return RecordOriginField;
}
