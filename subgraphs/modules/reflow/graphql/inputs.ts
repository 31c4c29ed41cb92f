import { ArrayMaxSize, ArrayMinSize, Length } from 'class-validator';
import { Directive, Field, ID, InputType, Int } from 'type-graphql';
import { PlatformLevel } from '../../../kernel/graphql/enums';
import type { Level } from '../../../kernel/levels';
import { ReflowApplicationDraft, SubscriptionTerms } from '../drafts';
import { ReflowDirection, ReflowFrequency } from '../enums';

@InputType({ description: "An authority's application for another level's data: reflow down (000 art. 16) or aggregation up (004 art. 18)" })
export class ReflowApplicationInput implements ReflowApplicationDraft {
  @Field(() => ID, { description: 'A published resource of this platform with data behind it' })
  resourceId: string;

  @Field(() => [String], { description: 'Item codes wanted, no more than the duty needs (最小授权)' })
  @ArrayMinSize(1, { message: 'name at least one item' })
  @ArrayMaxSize(200)
  items: string[];

  @Field({ description: 'The duty the data serves; it serves only that (004 art. 20)' })
  @Length(2, 1024, { message: 'state the purpose in 2-1024 characters' })
  purpose: string;

  @Field(() => String, { nullable: true, description: "Rows of this division and those below it; defaults to the applicant's jurisdiction and must lie within it" })
  scopeDivisionCode?: string | null;

  @Field(() => ReflowFrequency)
  frequency: ReflowFrequency;

  @Field(() => Int, { nullable: true, description: 'INCREMENTAL only: minutes between runs (1 to 10080)' })
  intervalMinutes?: number | null;
}

/** What the source platform tells the target when it approves (platform-internal). */
@InputType({ description: 'Platform-internal: a subscription as its source registers it at the target' })
@Directive('@inaccessible')
export class ReflowSubscriptionInput implements SubscriptionTerms {
  @Field(() => ID) id: string;
  @Field(() => ID) applicationId: string;
  @Field(() => ReflowDirection) direction: ReflowDirection;
  @Field(() => PlatformLevel) sourceLevel: Level;
  @Field(() => PlatformLevel) targetLevel: Level;
  @Field(() => ID) resourceId: string;
  @Field() resourceCode: string;
  @Field() dataTable: string;
  @Field() scopeDivisionCode: string;
  @Field() scopePrefix: string;
  @Field(() => [String]) items: string[];
  @Field(() => ID) subscriberUscc: string;
  @Field() subscriberJurisdiction: string;
  @Field() purpose: string;
  @Field(() => ReflowFrequency) frequency: ReflowFrequency;
  @Field(() => Int, { nullable: true }) intervalMinutes: number | null;
  @Field() createdAt: Date;
}
