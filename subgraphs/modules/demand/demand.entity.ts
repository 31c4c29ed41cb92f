import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { DemandRefusalStep, DemandState } from './enums';

/**
 * 需求申请: an agency's request for data that is not yet in the catalog (004 art. 24), kept by the
 * platform of the applicant's own level. Each step records who took it and when (004 art. 44:
 * traceable). Every level stores its own demands under the same GraphQL type, hence @shareable.
 */
@Entity('demand_application')
@ObjectType('DemandApplication', { description: '需求申请: a request for data not yet in the catalog (004 art. 24)' })
@Directive('@shareable')
export class DemandApplication {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  @Field(() => ID)
  id: string;

  @Index()
  @Column({ type: 'varchar', length: 18 })
  @Field(() => ID, { description: 'USCC of the applying agency' })
  applicantUscc: string;

  @Column({ type: 'varchar', length: 128 })
  @Field({ description: 'The user (token subject) who filed the demand' })
  applicantUser: string;

  @Index()
  @Column({ type: 'varchar', length: 6 })
  @Field(() => ID, { description: "Division code of the applicant; its authority reviews the demand" })
  applicantJurisdiction: string;

  @Column({ type: 'text' })
  @Field({ description: 'The data wanted' })
  description: string;

  @Column({ type: 'simple-json' })
  @Field(() => [String], { description: 'The data items wanted, as the applicant names them' })
  desiredItems: string[];

  @Column({ type: 'varchar', length: 1024 })
  @Field({ description: 'The application scenario the data serves' })
  scenario: string;

  @Column({ type: 'varchar', length: 1024 })
  @Field({ description: 'The duty the data is needed for (004 art. 20: shared data serves only that duty)' })
  purpose: string;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  legalBasis: string | null;

  @Column({ type: 'varchar', length: 18, nullable: true, default: null })
  @Field(() => ID, { nullable: true, description: 'The source department the applicant thinks holds the data' })
  suggestedSourceUscc: string | null;

  @Index()
  @Column({ type: 'varchar', length: 18, nullable: true, default: null })
  @Field(() => ID, { nullable: true, description: '数源部门 named by the authority when it approves' })
  sourceDepartmentUscc: string | null;

  @Index()
  @Column({ type: 'varchar', length: 24 })
  @Field(() => DemandState)
  state: DemandState;

  @Column({ type: 'datetime' })
  @Field()
  submittedAt: Date;

  @Column({ type: 'datetime', nullable: true, default: null })
  @Field(() => Date, { nullable: true, description: 'When the authority approved or refused' })
  reviewedAt: Date | null;

  @Column({ type: 'varchar', length: 128, nullable: true, default: null })
  @Field(() => String, { nullable: true })
  reviewedBy: string | null;

  @Column({ type: 'varchar', length: 18, nullable: true, default: null })
  @Field(() => ID, { nullable: true, description: 'USCC of the authority that reviewed' })
  reviewedByAgency: string | null;

  @Column({ type: 'datetime', nullable: true, default: null })
  @Field(() => Date, { nullable: true, description: 'When the source department confirmed or refused' })
  answeredAt: Date | null;

  @Column({ type: 'varchar', length: 128, nullable: true, default: null })
  @Field(() => String, { nullable: true })
  answeredBy: string | null;

  @Column({ type: 'datetime', nullable: true, default: null })
  @Field(() => Date, { nullable: true })
  deliveredAt: Date | null;

  @Column({ type: 'varchar', length: 128, nullable: true, default: null })
  @Field(() => String, { nullable: true })
  deliveredBy: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true, default: null })
  @Field(() => ID, { nullable: true, description: 'The catalog resource the data was delivered in' })
  deliveredResourceId: string | null;

  @Column({ type: 'varchar', length: 24, nullable: true, default: null })
  @Field(() => DemandRefusalStep, { nullable: true })
  refusalStep: DemandRefusalStep | null;

  @Column({ type: 'varchar', length: 2000, nullable: true, default: null })
  @Field(() => String, { nullable: true })
  refusalReason: string | null;

  @Column({ type: 'varchar', length: 2000, nullable: true, default: null })
  @Field(() => String, { nullable: true, description: 'Legal basis a source department gives for refusing (004 art. 24)' })
  refusalLegalBasis: string | null;
}
