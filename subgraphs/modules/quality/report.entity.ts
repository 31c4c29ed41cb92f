import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** What a data user says is wrong with a value (004 art. 45: 错误、遗漏). */
export enum QualityIssue {
  ERROR = 'ERROR',
  OMISSION = 'OMISSION',
}

/**
 * Where a quality report stands: the value is marked "under verification" for every reader from the
 * report until the providing agency answers — corrected, or the report rejected with reasons.
 */
export enum QualityReportState {
  UNDER_VERIFICATION = 'UNDER_VERIFICATION',
  CORRECTED = 'CORRECTED',
  REJECTED = 'REJECTED',
}

registerEnumType(QualityIssue, { name: 'QualityIssue', description: 'An error in a value, or a value left out (004 art. 45)' });
registerEnumType(QualityReportState, { name: 'QualityReportState', description: 'UNDER_VERIFICATION until the providing agency CORRECTED the value or REJECTED the report (004 art. 45)' });

/**
 * A report that one item of one record is wrong or missing (数据纠错, 004 art. 45; Anhui 002 art. 26):
 * filed by an agency using the data, or by anyone for open data; answered by the providing agency
 * within the profile's limit, which it may extend once.
 */
@Entity('quality_report')
@Index(['resourceId', 'state'])
@ObjectType('DataQualityReport', { description: '数据纠错: a report that an item of a record is wrong or missing, and the providing agency\'s answer (004 art. 45)' })
@Directive('@shareable')
export class QualityReport {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 36 })
  resourceId: string;

  @Column({ type: 'varchar', length: 64 })
  @Field(() => ID)
  recordKey: string;

  @Column({ type: 'varchar', length: 64 })
  @Field()
  item: string;

  @Column({ type: 'varchar', length: 16 })
  @Field(() => QualityIssue)
  issue: QualityIssue;

  @Column({ type: 'text' })
  @Field({ description: 'What is wrong or missing' })
  statement: string;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'The value the reporter believes right' })
  suggestedValue: string | null;

  /** The reporting agency (USCC), or PUBLIC; a registered party's id in `reporterParty`. */
  @Column({ type: 'varchar', length: 18 })
  @Field(() => ID, { description: 'USCC of the reporting agency, or PUBLIC' })
  reporter: string;

  @Column({ type: 'varchar', length: 18, nullable: true, default: null })
  reporterParty: string | null;

  /** How the providing agency reaches a public reporter; shown to the providing agency only. */
  @Column({ type: 'varchar', length: 128, nullable: true, default: null })
  contact: string | null;

  @Index()
  @Column({ type: 'varchar', length: 18 })
  @Field(() => ID, { description: 'The providing agency, which verifies and answers' })
  providerUscc: string;

  @Index()
  @Column({ type: 'varchar', length: 6 })
  @Field(() => ID)
  jurisdictionCode: string;

  @Index()
  @Column({ type: 'varchar', length: 20 })
  @Field(() => QualityReportState)
  state: QualityReportState;

  @Column({ type: 'datetime' })
  @Field()
  filedAt: Date;

  @Column({ type: 'datetime', nullable: true, default: null })
  @Field(() => Date, { nullable: true, description: 'When the providing agency extended its limit (once)' })
  extendedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  extensionReason: string | null;

  @Column({ type: 'datetime', nullable: true, default: null })
  @Field(() => Date, { nullable: true })
  answeredAt: Date | null;

  @Column({ type: 'varchar', length: 128, nullable: true, default: null })
  answeredBy: string | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: "The providing agency's answer: what it found, and why it rejected" })
  answer: string | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'CORRECTED: the value now held' })
  correctedValue: string | null;
}
