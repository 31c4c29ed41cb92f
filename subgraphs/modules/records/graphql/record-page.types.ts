import { ArgsType, Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { ConnectionArgs } from '../../../kernel/graphql/connection';
import { ListSize } from '../../../kernel/graphql/list-size';
import { PageInfo } from '../../../kernel/graphql/page-info';
import { RecordSource } from '../sources';

@ObjectType({ description: 'One data item of a record; null with a SHARE_DENIED error when not shared with the caller' })
@Directive('@shareable')
export class RecordField {
  @Field({ description: 'Item code from the catalog' })
  item: string;

  /** Read through field-level enforcement (records.resolver.ts). */
  value?: string | null;

  row: object;
  source: RecordSource;
  /** The catalog resource the record was read as. */
  resourceId: string;
}

@ObjectType({ description: 'A record of a catalog resource: its key, its division, and the selected items' })
@Directive('@shareable')
export class DataRecord {
  /** Released through field-level enforcement (records.resolver.ts): the key is a catalog item. */
  key?: string | null;
  @Field() divisionCode: string;
  @ListSize({ assumedSize: 30 })
  @Field(() => [RecordField]) fields: RecordField[];

  row: object;
  source: RecordSource;
}

@ObjectType()
@Directive('@shareable')
export class DataRecordEdge {
  @Field({ description: 'Sealed: it stands at a record key without showing it' }) cursor: string;
  @Field(() => DataRecord) node: DataRecord;
}

@ObjectType({ description: 'Records of one catalog resource, in key order (Relay cursor connection)' })
@Directive('@shareable')
export class DataRecordConnection {
  @ListSize({ assumedSize: 1000 })
  @Field(() => [DataRecordEdge]) edges: DataRecordEdge[];
  @ListSize({ assumedSize: 1000 })
  @Field(() => [DataRecord]) nodes: DataRecord[];
  @Field(() => PageInfo) pageInfo: PageInfo;
  @Field(() => Int) totalCount: number;
}

@ArgsType()
export class RecordsArgs extends ConnectionArgs {
  @Field(() => [String], { nullable: true, description: 'Item codes to return; all items of the resource when omitted' })
  items?: string[];

  @Field(() => [ID], { nullable: true, description: 'Only these record keys' })
  keys?: string[];

  @Field(() => String, { nullable: true, description: 'What the data is for: the scenario a grant approved (004 art. 20, 23); recorded in the audit trail' })
  purpose?: string;
}
