import { Directive, Field, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** What an objection says opened data infringes (004 art. 28 ¶3: 隐私、个人信息、商业秘密). */
export enum ObjectionGround {
  PRIVACY = 'PRIVACY',
  PERSONAL_INFORMATION = 'PERSONAL_INFORMATION',
  TRADE_SECRET = 'TRADE_SECRET',
}

/**
 * Where an objection stands: opening is suspended from the moment it is filed until the source
 * department has verified it and withdrawn the data, reopened it, or reopened it after treatment
 * (masked) — 004 art. 28 ¶3, 000 art. 27.
 */
export enum ObjectionState {
  SUSPENDED = 'SUSPENDED',
  WITHDRAWN = 'WITHDRAWN',
  REOPENED = 'REOPENED',
  REOPENED_MASKED = 'REOPENED_MASKED',
}

registerEnumType(ObjectionGround, { name: 'ObjectionGround', description: 'What opened data is said to infringe (004 art. 28 ¶3)' });
registerEnumType(ObjectionState, { name: 'ObjectionState', description: 'SUSPENDED until the source department decides: WITHDRAWN, REOPENED or REOPENED_MASKED (004 art. 28 ¶3)' });

/**
 * An objection to opened data: one item of a resource, for every record or for one record. Filed by
 * anyone — a person or organisation without a token, or an agency — with a contact and the evidence
 * (证据材料); the objector follows it by its id. The contact is kept for the source department only.
 */
@Entity('open_objection')
@Index(['resourceId', 'state'])
@ObjectType('OpenDataObjection', { description: '异议: an objection that suspended opening of an item (or of one record) until its source department decided (004 art. 28 ¶3)' })
@Directive('@shareable')
export class OpenObjection {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 36 })
  resourceId: string;

  @Column({ type: 'varchar', length: 64 })
  @Field({ description: 'The item objected to' })
  item: string;

  @Column({ type: 'varchar', length: 64, nullable: true, default: null })
  @Field(() => String, { nullable: true, description: 'The one record objected to; null: the item in every record' })
  recordKey: string | null;

  @Column({ type: 'varchar', length: 24 })
  @Field(() => ObjectionGround)
  ground: ObjectionGround;

  @Column({ type: 'text' })
  @Field({ description: 'What the objector says is infringed, in their words' })
  statement: string;

  @Column({ type: 'text' })
  evidence: string;

  /** An agency's USCC, or PUBLIC for someone without a token. */
  @Column({ type: 'varchar', length: 18 })
  objector: string;

  @Column({ type: 'varchar', length: 128 })
  contact: string;

  @Column({ type: 'varchar', length: 18 })
  sourceDepartmentUscc: string;

  @Column({ type: 'varchar', length: 6 })
  jurisdictionCode: string;

  @Index()
  @Column({ type: 'varchar', length: 16 })
  @Field(() => ObjectionState)
  state: ObjectionState;

  @Column({ type: 'datetime' })
  @Field({ description: 'Filed, and opening suspended, at this moment' })
  filedAt: Date;

  @Column({ type: 'datetime', nullable: true, default: null })
  @Field(() => Date, { nullable: true })
  decidedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: "The source department's reasons, told to the objector" })
  decisionReason: string | null;

  @Column({ type: 'varchar', length: 128, nullable: true, default: null })
  decidedBy: string | null;
}
