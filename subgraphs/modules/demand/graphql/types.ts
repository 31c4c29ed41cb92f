import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { ListSize } from '../../../kernel/graphql/list-size';
import { PageInfo } from '../../../kernel/graphql/page-info';
import { DemandApplication } from '../demand.entity';
import { NegativeListEntry } from '../negative-list';
import { ResponsibilityEntry } from '../responsibility.entity';

@ObjectType()
@Directive('@shareable')
export class DemandApplicationEdge {
  @Field() cursor: string;
  @Field(() => DemandApplication) node: DemandApplication;
}

@ObjectType({ description: 'Demands (Relay cursor connection)' })
@Directive('@shareable')
export class DemandApplicationConnection {
  @ListSize({ assumedSize: 200 }) @Field(() => [DemandApplicationEdge]) edges: DemandApplicationEdge[];
  @ListSize({ assumedSize: 200 }) @Field(() => [DemandApplication]) nodes: DemandApplication[];
  @Field(() => PageInfo) pageInfo: PageInfo;
  @Field(() => Int) totalCount: number;
}

@ObjectType()
@Directive('@shareable')
export class ResponsibilityEntryEdge {
  @Field() cursor: string;
  @Field(() => ResponsibilityEntry) node: ResponsibilityEntry;
}

@ObjectType({ description: 'A responsibility list (Relay cursor connection)' })
@Directive('@shareable')
export class ResponsibilityEntryConnection {
  @ListSize({ assumedSize: 200 }) @Field(() => [ResponsibilityEntryEdge]) edges: ResponsibilityEntryEdge[];
  @ListSize({ assumedSize: 200 }) @Field(() => [ResponsibilityEntry]) nodes: ResponsibilityEntry[];
  @Field(() => PageInfo) pageInfo: PageInfo;
  @Field(() => Int) totalCount: number;
}

@ObjectType()
@Directive('@shareable')
export class NegativeListEntryEdge {
  @Field() cursor: string;
  @Field(() => NegativeListEntry) node: NegativeListEntry;
}

@ObjectType({ description: 'A negative list (Relay cursor connection)' })
@Directive('@shareable')
export class NegativeListEntryConnection {
  @ListSize({ assumedSize: 200 }) @Field(() => [NegativeListEntryEdge]) edges: NegativeListEntryEdge[];
  @ListSize({ assumedSize: 200 }) @Field(() => [NegativeListEntry]) nodes: NegativeListEntry[];
  @Field(() => PageInfo) pageInfo: PageInfo;
  @Field(() => Int) totalCount: number;
}
