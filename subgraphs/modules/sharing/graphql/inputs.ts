import { ArrayMaxSize, ArrayMinSize, Length } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { ShareMode } from '../../catalog/enums';
import { ShareApplicationDraft } from '../drafts';
import { ShareDecision } from '../enums';

@InputType({ description: 'What an agency asks of a data source department: items, scenario, purpose, mode, end date (004 art. 23)' })
export class ShareApplicationInput implements ShareApplicationDraft {
  @Field(() => ID)
  resourceId: string;

  @Field(() => [String], { description: 'Codes of the CONDITIONAL items wanted, no more than the duty needs (最小授权)' })
  @ArrayMinSize(1, { message: 'name at least one CONDITIONAL item to apply for' })
  @ArrayMaxSize(200)
  items: string[];

  @Field({ description: 'Application scenario (应用场景)' })
  @Length(2, 1024, { message: 'describe the application scenario in 2-1024 characters' })
  scenario: string;

  @Field({ description: 'The duty the data serves; shared data serves only it (004 art. 20)' })
  @Length(2, 1024, { message: 'state the purpose in 2-1024 characters' })
  purpose: string;

  @Field(() => ShareMode)
  shareMode: ShareMode;

  @Field({ description: 'When the use ends; the approval may fix an earlier date' })
  requestedEndDate: Date;
}

/** A data source department's decision on an application: the share application, or the upward one routed to it (004 art. 23). */
@ArgsType()
export class ShareDecisionArgs {
  @Field(() => ShareDecision) decision: ShareDecision;
  @Field(() => [String], { nullable: true, description: 'Defaults to every requested item' }) approvedItems?: string[];
  @Field(() => Date, { nullable: true, description: 'Defaults to the requested end date, and may not exceed it' }) endDate?: Date;
  @Field(() => String, { nullable: true }) reason?: string;
  @Field(() => String, { nullable: true }) legalBasis?: string;
}
