import { ArgsType, Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { RecordSource } from '../sources';
import { ListSize } from '../../../kernel/graphql/list-size';

@ObjectType({ description: 'One data item of a record; null with a SHARE_DENIED error when not shared with the caller' })
@Directive('@shareable')
export class RecordField {
  @Field({ description: 'Item code from the catalog' })
  item: string;

  /** Read through field-level enforcement (see record-fields.resolver.ts). */
  value?: string | null;

  row: object;
  source: RecordSource;
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

@ObjectType({ description: 'A page of records of one catalog resource' })
@Directive('@shareable')
export class RecordPage {
  @ListSize({ assumedSize: 1000 })
  @Field(() => [DataRecord]) rows: DataRecord[];
  @Field(() => Int) totalCount: number;
  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page; null on the last page' }) nextCursor: string | null;
}

@ArgsType()
export class RecordsArgs {
  @Field(() => [String], { nullable: true, description: 'Item codes to return; all items of the resource when omitted' })
  items?: string[];

  @Field(() => [ID], { nullable: true, description: 'Only these record keys' })
  keys?: string[];

  @Field(() => Int, { defaultValue: 20 })
  first: number;

  @Field(() => String, { nullable: true })
  after?: string;

  @Field(() => String, { nullable: true, description: 'What the data is for; recorded in the audit trail' })
  purpose?: string;
}
