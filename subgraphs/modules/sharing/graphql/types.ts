import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { PlatformLevel } from '../../../kernel/graphql/enums';
import { ShareMode } from '../../catalog/enums';
import { ApplicationState } from '../application.entity';
import { ShareApplicationStepKind } from '../enums';

/*
 * Every level's platform keeps its own applications and serves them under the same type names; the
 * objects never travel between subgraphs (no @key), so the types are @shareable value types.
 */

@ObjectType('ShareApplication', { description: "An agency's application for CONDITIONAL data items of a resource (004 art. 23)" })
@Directive('@shareable')
export class ShareApplicationView {
  @Field(() => ID) id: string;
  @Field(() => ID, { description: 'The resource applied for, held by the platform answering' }) resourceId: string;
  @Field(() => ID, { description: 'USCC of the applying agency' }) applicantUscc: string;
  @Field(() => PlatformLevel) applicantLevel: PlatformLevel;
  @Field(() => ID) applicantJurisdiction: string;
  @Field({ description: 'The user who applied' }) applicantUser: string;
  @Field(() => ID, { description: '数源部门: the agency that decides' }) sourceDepartmentUscc: string;
  @Field(() => ID, { description: "The resource's jurisdiction, whose policy profile sets the deadlines" }) resourceJurisdiction: string;
  @Field({ description: 'Application scenario (应用场景)' }) scenario: string;
  @Field({ description: 'The duty the data serves (004 art. 20)' }) purpose: string;
  @Field(() => ShareMode) shareMode: ShareMode;
  @Field() requestedEndDate: Date;
  @Field(() => ApplicationState) state: ApplicationState;
  @Field() submittedAt: Date;
  @Field(() => String, { nullable: true }) decidedBy: string | null;
  @Field(() => Date, { nullable: true }) decidedAt: Date | null;
  @Field(() => String, { nullable: true, description: 'Why items were refused (a refusal, or items left out of an approval)' }) refusalReason: string | null;
  @Field(() => String, { nullable: true, description: 'The legal basis of the refusal (004 art. 23)' }) refusalLegalBasis: string | null;
  @Field(() => Date, { nullable: true }) deliveredAt: Date | null;
  @Field(() => String, { nullable: true }) deliveredBy: string | null;
  @Field(() => Date, { nullable: true }) withdrawnAt: Date | null;
  @Field(() => String, { nullable: true }) withdrawnBy: string | null;
  @Field(() => ID, { nullable: true }) grantId: string | null;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;
}

@ObjectType('ShareApplicationStep', { description: 'One step of an application as its progress shows it' })
@Directive('@shareable')
export class ShareApplicationStep {
  @Field(() => ShareApplicationStepKind) step: ShareApplicationStepKind;
  @Field() done: boolean;
  @Field(() => Date, { nullable: true, description: 'When the step was taken' }) at: Date | null;
  @Field(() => String, { nullable: true, description: 'Who took it' }) by: string | null;
  @Field(() => String, { nullable: true, description: 'Beijing day by which the step is due (decision and delivery)' }) dueDay: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Taken by its due day; null while open or without a limit' }) onTime: boolean | null;
}

@ObjectType('AgencySuspension', { description: "An authority's suspension of an agency's access to this platform's data (004 art. 50)" })
@Directive('@shareable')
export class AgencySuspensionView {
  @Field(() => ID, { description: 'USCC of the suspended agency' }) agencyUscc: string;
  @Field() reason: string;
  @Field(() => ID, { description: 'Division code of the authority that imposed it' }) imposedBy: string;
  @Field() suspendedBy: string;
  @Field() suspendedAt: Date;
  @Field(() => Date, { nullable: true }) liftedAt: Date | null;
  @Field(() => String, { nullable: true }) liftedBy: string | null;
  @Field(() => String, { nullable: true, description: 'What the agency corrected' }) liftReason: string | null;
  @Field() active: boolean;
}
