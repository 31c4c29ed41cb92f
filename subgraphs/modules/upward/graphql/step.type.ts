import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { DeadlineView } from '../../../kernel/graphql/deadline.type';
import { PlatformLevel } from '../../../kernel/graphql/enums';
import { UpwardStepKind, UpwardStepState } from '../enums';

@ObjectType('UpwardActor', { description: 'Who took a step' })
@Directive('@shareable')
export class UpwardActor {
  @Field({ description: 'The user (token subject)' }) sub: string;
  @Field(() => ID, { description: 'USCC of the agency the user acted for' }) agencyUscc: string;
}

/*
 * A value type built by the level that owns the step; every level serves it under the same name,
 * so it is @shareable like the kernel's Deadline.
 */
@ObjectType('UpwardStep', { description: "One level's step of an upward application (004 art. 25, 000 art. 23)" })
@Directive('@shareable')
export class UpwardStepView {
  @Field(() => UpwardStepKind) kind: UpwardStepKind;
  @Field(() => PlatformLevel) level: PlatformLevel;
  @Field(() => ID, { description: 'The authority\'s jurisdiction, or the holding resource\'s' }) jurisdictionCode: string;
  @Field(() => UpwardStepState) state: UpwardStepState;
  @Field(() => UpwardActor, { nullable: true, description: 'Who decided; null while waiting' }) actor: UpwardActor | null;
  @Field(() => String, { nullable: true, description: 'Reasons of a refusal (or of items left out of an approval), or a note passed on' }) reason: string | null;
  @Field(() => String, { nullable: true, description: 'Legal basis of a refusal (004 art. 23)' }) legalBasis: string | null;
  @Field({ description: 'When the application reached this step; the time limit counts from here' }) receivedAt: Date;
  @Field(() => Date, { nullable: true }) decidedAt: Date | null;
  @Field({ description: 'Beijing day by which this step is due, in working days of its jurisdiction\'s policy profile' }) dueDay: string;
  @Field(() => DeadlineView, { nullable: true, description: 'The running time limit; null once the step is closed' }) deadline: DeadlineView | null;
  @Field({ description: 'Waiting past its due day, or closed after it' }) overdue: boolean;
  @Field(() => [String], { nullable: true, description: 'Holder only: the items approved (least authorisation, 004 art. 23)' }) approvedItems: string[] | null;
  @Field(() => ID, { nullable: true, description: 'Holder only: the grant an approval created' }) grantId: string | null;
}
