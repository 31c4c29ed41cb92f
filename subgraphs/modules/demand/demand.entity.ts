import { Directive, Field, ID, InterfaceType, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { RequestContext } from '../../kernel/context';
import { Node } from '../../kernel/graphql/node';
import { OwnedBy } from '../../kernel/graphql/ownership';
import { Level, levelType } from '../../kernel/levels';
import { DemandRefusalStep, DemandState } from './enums';

/**
 * 需求申请: an agency's request for data that is not yet in the catalog (004 art. 24), kept by the
 * platform of the applicant's own level. Each step records who took it and when (004 art. 44:
 * traceable). Each level's demands are that level's type (CityDemandApplication, …).
 */
@Entity('demand_application')
@InterfaceType('DemandApplication', {
  implements: Node,
  autoRegisterImplementations: false,
  description: '需求申请: a request for data not yet in the catalog (004 art. 24)',
  resolveType: (_demand: unknown, ctx: RequestContext) => levelType(ctx.level, 'DemandApplication'),
})
export class DemandApplication extends Node {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  declare id: string;

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

  /** The catalog resource the data was delivered in (`deliveredResource`). */
  @Column({ type: 'varchar', length: 36, nullable: true, default: null })
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

@ObjectType('RegionDemandApplication', { implements: [DemandApplication, Node] })
@Directive('@key(fields: "id")')
@OwnedBy('REGION')
export class RegionDemandApplication extends DemandApplication {}

@ObjectType('CityDemandApplication', { implements: [DemandApplication, Node] })
@Directive('@key(fields: "id")')
@OwnedBy('CITY')
export class CityDemandApplication extends DemandApplication {}

@ObjectType('CountyDemandApplication', { implements: [DemandApplication, Node] })
@Directive('@key(fields: "id")')
@OwnedBy('COUNTY')
export class CountyDemandApplication extends DemandApplication {}

export const DEMAND_TYPES: Record<Level, Function> = { REGION: RegionDemandApplication, CITY: CityDemandApplication, COUNTY: CountyDemandApplication };
