import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { ItemDataType, NotOpenGrounds, OpenType, ShareMode, ShareType } from './enums';

/**
 * 信息项: one field of a catalog resource, with its own share and open attributes. Share attributes
 * are per item (004 art. 21): field-level enforcement reads exactly these columns. Every level's
 * platform stores its own items; the GraphQL type is the same everywhere, hence @shareable.
 */
@Entity('catalog_item')
@Index(['resourceId', 'code'], { unique: true })
@ObjectType('DataItem', { description: '信息项: a data item of a catalog resource with its share attributes' })
@Directive('@shareable')
export class CatalogItem {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 36 })
  resourceId: string;

  @Column({ type: 'int' })
  @Field(() => Int)
  position: number;

  @Column({ type: 'varchar', length: 64 })
  @Field({ description: 'Stable item code, e.g. household_address' })
  code: string;

  @Column({ type: 'varchar', length: 64 })
  @Field()
  name: string;

  @Column({ type: 'varchar', length: 16 })
  @Field(() => ItemDataType)
  dataType: ItemDataType;

  @Column({ type: 'varchar', length: 512, default: '' })
  @Field()
  description: string;

  @Column({ type: 'varchar', length: 16 })
  @Field(() => ShareType)
  shareType: ShareType;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Conditions an agency must meet (CONDITIONAL only)' })
  shareConditions: string | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Why the item is not unconditionally shared' })
  shareReason: string | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Legal basis for CONDITIONAL / NOT_SHARED' })
  legalBasis: string | null;

  @Column({ type: 'varchar', length: 16 })
  @Field(() => ShareMode)
  shareMode: ShareMode;

  @Column({ type: 'varchar', length: 24 })
  @Field(() => OpenType)
  openType: OpenType;

  @Column({ type: 'varchar', length: 24, nullable: true, default: null })
  @Field(() => NotOpenGrounds, { nullable: true, description: 'NOT_OPEN only: why the public may not have it (004 art. 27 (1))' })
  openGrounds: NotOpenGrounds | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'NOT_OPEN only: the law, regulation or right the grounds rest on' })
  openLegalBasis: string | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'CONDITIONAL_OPEN only: the objects, uses and scope it is opened under (004 art. 27 (2))' })
  openConditions: string | null;

  @Column({ type: 'varchar', length: 24, nullable: true })
  @Field(() => String, { nullable: true, description: 'Desensitisation rule applied in masked delivery (004 art. 22)' })
  maskRule: string | null;

  @Column({ type: 'boolean', default: false })
  @Field({ description: 'Delivered only masked, whatever the grant' })
  maskedDeliveryOnly: boolean;
}
