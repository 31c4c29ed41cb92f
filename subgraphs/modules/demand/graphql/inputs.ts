import { ArrayMaxSize, ArrayMinSize, IsOptional, Length } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { DemandDraft } from '../drafts';

@InputType({ description: 'A demand for data not yet in the catalog (004 art. 24)' })
export class DemandInput implements DemandDraft {
  @Field({ description: 'The data wanted' }) @Length(2, 2000)
  description: string;

  @Field(() => [String], { description: 'The data items wanted, in the applicant\'s words' })
  @ArrayMinSize(1, { message: 'name at least one data item the demand is for' })
  @ArrayMaxSize(100)
  @Length(1, 128, { each: true, message: 'each desired item is 1-128 characters' })
  desiredItems: string[];

  @Field({ description: 'The application scenario the data serves' }) @Length(2, 1024)
  scenario: string;

  @Field({ description: 'The duty the data is needed for' }) @Length(2, 1024)
  purpose: string;

  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 2000)
  legalBasis?: string | null;

  @Field(() => ID, { nullable: true, description: 'USCC of the source department the applicant thinks holds the data' }) @IsOptional()
  suggestedSourceUscc?: string | null;
}
