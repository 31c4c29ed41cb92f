import { ArrayMaxSize, ArrayMinSize, Length } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { ShareMode } from '../../catalog/enums';
import { ShareApplicationDraft } from '../drafts';

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
