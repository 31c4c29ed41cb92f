import { ArrayMaxSize, ArrayMinSize, Length } from 'class-validator';
import { Directive, Field, ID, InputType } from 'type-graphql';
import { PlatformLevel } from '../../../kernel/graphql/enums';
import { ShareMode } from '../../catalog/enums';
import { FiledFacts, UpwardApplicationDraft } from '../drafts';

@InputType({ description: 'An application for data the requester\'s platform cannot provide (004 art. 25, 000 art. 23)' })
export class UpwardApplicationInput implements UpwardApplicationDraft {
  @Field(() => ID, { description: 'A published resource of the integrated catalog, held by the region or a city' })
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

  @Field({ description: 'The law or duty the use rests on' })
  @Length(2, 1024, { message: 'cite the legal basis of the use in 2-1024 characters' })
  legalBasis: string;

  @Field(() => ShareMode, { defaultValue: ShareMode.INTERFACE })
  shareMode: ShareMode;

  @Field({ description: 'When the use ends; the holder may fix an earlier date' })
  requestedEndDate: Date;
}

@InputType({ description: 'Platform-internal: the filed facts of an upward application, handed to the next authority' })
@Directive('@inaccessible')
export class UpwardApplicationTransfer implements FiledFacts {
  @Field(() => ID) id: string;
  @Field(() => ID) requesterUscc: string;
  @Field() requesterUser: string;
  @Field(() => PlatformLevel) requesterLevel: PlatformLevel;
  @Field(() => ID) requesterJurisdiction: string;
  @Field(() => ID) resourceId: string;
  @Field() resourceCode: string;
  @Field(() => PlatformLevel) resourceLevel: PlatformLevel;
  @Field(() => ID) resourceJurisdiction: string;
  @Field(() => ID) sourceDepartmentUscc: string;
  @Field(() => [String]) items: string[];
  @Field() scenario: string;
  @Field() purpose: string;
  @Field() legalBasis: string;
  @Field(() => ShareMode) shareMode: ShareMode;
  @Field() requestedEndDate: Date;
  @Field() filedAt: Date;
}
