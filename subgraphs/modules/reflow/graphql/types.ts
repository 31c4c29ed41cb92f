import { GraphQLScalarType } from 'graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { ListSize } from '../../../kernel/graphql/list-size';
import { ReflowApplication } from '../application.entity';
import { PageInfo } from '../../../kernel/graphql/page-info';
import { ReflowRun } from '../run.entity';
import { ReflowSubscription } from '../subscription.entity';

/*
 * Platform-internal types: what a source platform answers a receiving platform's SERVICE calls.
 * They are @inaccessible — not part of the gateway's API — and the same at every level.
 */

/** JSON on the wire (rows are arrays of mixed values), kept out of the public API like the fields using it. */
const ReflowRows = new GraphQLScalarType({
  ...GraphQLJSON.toConfig(),
  name: 'ReflowRows',
  description: 'Rows of a reflow page as JSON arrays',
  extensions: { directives: { inaccessible: {} } },
});

@ObjectType({ description: 'A page of changed rows of a subscription, in (updatedAt, key) order' })
@Directive('@shareable')
@Directive('@inaccessible')
export class ReflowChangePage {
  @Field({ description: 'The delivered items and their masking; when it changes the receiver pulls everything again' })
  shape: string;

  @Field(() => [String], { description: 'Item codes of the values in each row, in order' })
  columns: string[];

  @Field(() => ReflowRows, { description: 'Rows as arrays: [key, divisionCode, updatedAt, deletedAt, ...values]; a tombstone stops after deletedAt' })
  rows: unknown[][];

  @Field()
  hasMore: boolean;

  countRemaining: () => Promise<number>;
}

@ObjectType()
@Directive('@shareable')
@Directive('@inaccessible')
export class ReflowRowHash {
  @Field() key: string;
  @Field() hash: string;
}

@ObjectType({ description: 'Count and checksum of the rows a subscription covers, as the source would deliver them now' })
@Directive('@shareable')
@Directive('@inaccessible')
export class ReflowDigest {
  @Field(() => Int) count: number;
  @Field() checksum: string;
  @Field(() => [String]) bucketHashes: string[];
  @ListSize({ assumedSize: 1000 })
  @Field(() => [ReflowRowHash], { description: 'Row hashes of the requested buckets only' }) rows: ReflowRowHash[];
}

@ObjectType()
@Directive('@shareable')
export class ReflowApplicationEdge {
  @Field() cursor: string;
  @Field(() => ReflowApplication) node: ReflowApplication;
}

@ObjectType({ description: 'Reflow and aggregation applications (Relay cursor connection)' })
@Directive('@shareable')
export class ReflowApplicationConnection {
  @ListSize({ assumedSize: 200 }) @Field(() => [ReflowApplicationEdge]) edges: ReflowApplicationEdge[];
  @ListSize({ assumedSize: 200 }) @Field(() => [ReflowApplication]) nodes: ReflowApplication[];
  @Field(() => PageInfo) pageInfo: PageInfo;
  @Field(() => Int) totalCount: number;
}

@ObjectType()
@Directive('@shareable')
export class ReflowSubscriptionEdge {
  @Field() cursor: string;
  @Field(() => ReflowSubscription) node: ReflowSubscription;
}

@ObjectType({ description: 'Reflow and aggregation subscriptions (Relay cursor connection)' })
@Directive('@shareable')
export class ReflowSubscriptionConnection {
  @ListSize({ assumedSize: 200 }) @Field(() => [ReflowSubscriptionEdge]) edges: ReflowSubscriptionEdge[];
  @ListSize({ assumedSize: 200 }) @Field(() => [ReflowSubscription]) nodes: ReflowSubscription[];
  @Field(() => PageInfo) pageInfo: PageInfo;
  @Field(() => Int) totalCount: number;
}

@ObjectType()
@Directive('@shareable')
export class ReflowRunEdge {
  @Field() cursor: string;
  @Field(() => ReflowRun) node: ReflowRun;
}

@ObjectType({ description: 'Runs of received subscriptions (Relay cursor connection)' })
@Directive('@shareable')
export class ReflowRunConnection {
  @ListSize({ assumedSize: 200 }) @Field(() => [ReflowRunEdge]) edges: ReflowRunEdge[];
  @ListSize({ assumedSize: 200 }) @Field(() => [ReflowRun]) nodes: ReflowRun[];
  @Field(() => PageInfo) pageInfo: PageInfo;
  @Field(() => Int) totalCount: number;
}

@ObjectType({ description: 'A subscription ended by an authority, and what the receiving platform did about it' })
@Directive('@shareable')
export class ReflowCancellation {
  @Field(() => ReflowSubscription)
  subscription: ReflowSubscription;

  @Field(() => Int, { nullable: true, description: 'Rows the receiving platform ended (their values gone, a tombstone left); null with targetNotice when it did not answer' })
  rowsPurgedAtTarget: number | null;

  @Field(() => String, { nullable: true, description: 'Why rowsPurgedAtTarget is null: the receiver purges when its next pull is refused' })
  targetNotice: string | null;
}
