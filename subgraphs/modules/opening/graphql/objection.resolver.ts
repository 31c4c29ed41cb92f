import { Arg, Ctx, Field, FieldResolver, ID, InputType, registerEnumType, Resolver, Root } from 'type-graphql';
import { RequestContext } from '../../../kernel/context';
import { DeadlineView, deadlineView } from '../../../kernel/graphql/deadline.type';
import { levelId } from '../../../kernel/graphql/global-id';
import { LevelMutation } from '../../../kernel/graphql/ownership';
import { Platform } from '../../platform/platform.type';
import { ObjectionGround, OpenObjection } from '../../records/objection.entity';
import { decideObjection, fileObjection, objectionById, ObjectionDraft, ObjectionOutcome } from '../objection.service';

registerEnumType(ObjectionOutcome, { name: 'ObjectionOutcome', description: 'What the source department decides after verifying (004 art. 28 ¶3)' });

@InputType({ description: 'An objection to opened data: which item (of which record), on what ground, with evidence and a contact (004 art. 28 ¶3)' })
class OpenDataObjectionInput implements ObjectionDraft {
  @Field(() => ID, { description: "The resource's global id" }) resourceId: string;
  @Field({ description: 'The item objected to' }) item: string;
  @Field(() => ID, { nullable: true, description: 'One record only; leave out for the item in every record' }) recordKey?: string | null;
  @Field(() => ObjectionGround) ground: ObjectionGround;
  @Field({ description: 'What is infringed' }) statement: string;
  @Field({ description: 'Evidence (证据材料): what it is and where it can be seen' }) evidence: string;
  @Field({ description: 'How the objector is told the outcome (telephone or e-mail); seen only by the source department' }) contact: string;
}

@Resolver(() => OpenObjection)
export class OpenObjectionFields {
  @FieldResolver(() => ID, { description: 'Global id: the receipt to follow the objection by' })
  id(@Root() row: OpenObjection, @Ctx() ctx: RequestContext) {
    return levelId(ctx.level, 'OpenDataObjection', row.id);
  }

  @FieldResolver(() => DeadlineView, { nullable: true, description: 'While SUSPENDED: when the source department must have verified and decided' })
  verification(@Root() row: OpenObjection, @Ctx() ctx: RequestContext) {
    return row.decidedAt ? null : deadlineView(ctx, 'OBJECTION_VERIFICATION', row.jurisdictionCode, row.filedAt);
  }
}

@Resolver(() => Platform)
export class PlatformObjections {
  @FieldResolver(() => OpenObjection, { nullable: true, description: 'An objection to this platform\'s open data, by its id: where it stands and what was decided' })
  openDataObjection(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    return objectionById(ctx, id);
  }
}

@Resolver()
export class ObjectionMutations {
  @LevelMutation(() => OpenObjection, { pattern: 'file{Level}OpenDataObjection', description: 'Anyone objects to opened data of this platform on privacy, personal-information or trade-secret grounds; opening is suspended at once (004 art. 28 ¶3)' })
  file(@Arg('input') input: OpenDataObjectionInput, @Ctx() ctx: RequestContext) {
    return fileObjection(ctx, input);
  }

  @LevelMutation(() => OpenObjection, { pattern: 'decide{Level}OpenDataObjection', description: 'The source department, having verified, withdraws the data, reopens it, or reopens it masked; the reasons are told to the objector' })
  decide(@Arg('id', () => ID) id: string, @Arg('outcome', () => ObjectionOutcome) outcome: ObjectionOutcome, @Arg('reason') reason: string, @Ctx() ctx: RequestContext) {
    return decideObjection(ctx, id, outcome, reason);
  }
}
