import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { PartyKind } from '../../kernel/auth/identity';
import { PartyKindEnum } from '../../kernel/graphql/enums';

/** How conditionally opened data is provided to the applicant (004 art. 28 ¶2: 数据提供方式). */
export enum OpenDeliveryMethod {
  INTERFACE = 'INTERFACE',
  FILE = 'FILE',
}

/**
 * Where an application for CONDITIONAL_OPEN data stands (004 art. 28 ¶2, 000 art. 26): the public data
 * authority reviews it for form and norms first, then the source department decides. A refusal at
 * either step gives reasons and the legal basis.
 */
export enum OpenApplicationState {
  AUTHORITY_REVIEW = 'AUTHORITY_REVIEW',
  SOURCE_DECISION = 'SOURCE_DECISION',
  APPROVED = 'APPROVED',
  REFUSED = 'REFUSED',
}

registerEnumType(OpenDeliveryMethod, { name: 'OpenDeliveryMethod', description: 'How conditionally opened data is provided (004 art. 28 ¶2)' });
registerEnumType(OpenApplicationState, { name: 'OpenDataApplicationState', description: 'AUTHORITY_REVIEW, then SOURCE_DECISION, then APPROVED or REFUSED (000 art. 26)' });

/**
 * An application of a registered person or organisation for CONDITIONAL_OPEN items of one resource.
 * Approved, it is the grant: exactly these items, until the usage period ends, read per field through
 * the same enforcement as everything else (records/enforcement.ts). The applicant follows it by its id.
 */
@Entity('open_application')
@Index(['partyId', 'state'])
@Index(['resourceId', 'state'])
@ObjectType('OpenDataApplication', { description: '有条件开放申请: an application for conditionally open data (004 art. 28 ¶2, 000 art. 26)' })
@Directive('@shareable')
export class OpenApplication {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  /** The applicant: a citizen ID number or a USCC, as registered. */
  @Column({ type: 'varchar', length: 18 })
  @Field(() => ID, { description: 'Citizen ID number or USCC of the applicant' })
  partyId: string;

  @Column({ type: 'varchar', length: 16 })
  @Field(() => PartyKindEnum)
  partyKind: PartyKind;

  @Column({ type: 'varchar', length: 36 })
  resourceId: string;

  /** Exactly the items applied for and, once approved, granted: least authorisation. */
  @Column({ type: 'simple-json' })
  @Field(() => [String], { description: 'The CONDITIONAL_OPEN items applied for (数据需求范围)' })
  items: string[];

  @Column({ type: 'text' })
  @Field({ description: '具体应用场景' })
  scenario: string;

  @Column({ type: 'varchar', length: 16 })
  @Field(() => OpenDeliveryMethod, { description: '数据提供方式' })
  deliveryMethod: OpenDeliveryMethod;

  @Column({ type: 'datetime' })
  @Field({ description: '数据使用时限: the grant ends at this instant' })
  usageEndsAt: Date;

  @Column({ type: 'text' })
  @Field({ description: '安全保障措施' })
  securityMeasures: string;

  @Column({ type: 'varchar', length: 18 })
  @Field(() => ID, { description: '数源部门 that decides' })
  sourceDepartmentUscc: string;

  @Index()
  @Column({ type: 'varchar', length: 6 })
  @Field(() => ID, { description: "The resource's jurisdiction: its authority reviews first" })
  jurisdictionCode: string;

  @Index()
  @Column({ type: 'varchar', length: 20 })
  @Field(() => OpenApplicationState)
  state: OpenApplicationState;

  @Column({ type: 'datetime' })
  @Field()
  submittedAt: Date;

  @Column({ type: 'datetime', nullable: true, default: null })
  @Field(() => Date, { nullable: true, description: 'When the authority finished its normative review' })
  reviewedAt: Date | null;

  @Column({ type: 'varchar', length: 128, nullable: true, default: null })
  reviewedBy: string | null;

  @Column({ type: 'datetime', nullable: true, default: null })
  @Field(() => Date, { nullable: true })
  decidedAt: Date | null;

  @Column({ type: 'varchar', length: 128, nullable: true, default: null })
  decidedBy: string | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Approved: the use and scope of use the approval fixes (用途和使用范围)' })
  approvedUse: string | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Refused: why' })
  refusalReason: string | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Refused: the law or regulation the refusal rests on' })
  refusalLegalBasis: string | null;
}
