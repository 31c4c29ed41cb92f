import { Arg, Args, ArgsType, Ctx, Directive, Field, FieldResolver, ID, InputType, Int, ObjectType, registerEnumType, Resolver, Root } from 'type-graphql';
import { partyOf } from '../../../kernel/auth/caller';
import { RequestContext } from '../../../kernel/context';
import { Connection, ConnectionArgs, isoOf, asDate, sqlPage } from '../../../kernel/graphql/connection';
import { DeadlineView, deadlineView } from '../../../kernel/graphql/deadline.type';
import { levelId } from '../../../kernel/graphql/global-id';
import { ConnectionSize, ListSize } from '../../../kernel/graphql/list-size';
import { authoritySubtreePattern } from '../../../kernel/graphql/guards';
import { LevelMutation } from '../../../kernel/graphql/ownership';
import { PageInfo } from '../../../kernel/graphql/page-info';
import { CatalogResource } from '../../catalog/graphql/types';
import { resourceById } from '../../catalog/loaders';
import { Platform } from '../../platform/platform.type';
import { OpenApplication, OpenApplicationState, OpenDeliveryMethod } from '../../records/open-application.entity';
import { applyForOpenData, decideOpenApplication, NormativeReview, OpenApplicationDraft, openApplicationById, OpenDecision, reviewOpenApplication } from '../application.service';

registerEnumType(NormativeReview, { name: 'OpenDataNormativeReview', description: "The authority's normative review: PASS to the source department, or REFUSE (000 art. 26)" });
registerEnumType(OpenDecision, { name: 'OpenDataDecision', description: "The source department's decision (004 art. 28 ¶2)" });

@InputType({ description: 'An application for conditionally open data: scenario, data scope, delivery method, usage period, security measures (004 art. 28 ¶2)' })
class OpenDataApplicationInput implements OpenApplicationDraft {
  @Field(() => ID, { description: "The resource's global id" }) resourceId: string;
  @Field(() => [String], { description: 'The CONDITIONAL_OPEN items needed (数据需求范围)' }) items: string[];
  @Field({ description: '具体应用场景' }) scenario: string;
  @Field(() => OpenDeliveryMethod, { description: '数据提供方式' }) deliveryMethod: OpenDeliveryMethod;
  @Field({ description: '数据使用时限: when the use ends (within a year)' }) usageEndsAt: Date;
  @Field({ description: '安全保障措施' }) securityMeasures: string;
}

@ObjectType('OpenDataApplicationEdge')
@Directive('@shareable')
class OpenApplicationEdge {
  @Field() cursor: string;
  @Field(() => OpenApplication) node: OpenApplication;
}

@ObjectType('OpenDataApplicationConnection')
@Directive('@shareable')
class OpenApplicationConnection {
  @ListSize({ assumedSize: 200 }) @Field(() => [OpenApplicationEdge]) edges: unknown[];
  @ListSize({ assumedSize: 200 }) @Field(() => [OpenApplication]) nodes: OpenApplication[];
  @Field(() => PageInfo) pageInfo: PageInfo;
  @Field(() => Int) totalCount: number;
}

@ArgsType()
class OpenApplicationsArgs extends ConnectionArgs {
  @Field(() => OpenApplicationState, { nullable: true }) state?: OpenApplicationState;
}

const PAGE = { defaultSize: 50, maxSize: 200 };

@Resolver(() => OpenApplication)
export class OpenApplicationFields {
  @FieldResolver(() => ID, { description: 'Global id: how the applicant follows the application' })
  id(@Root() row: OpenApplication, @Ctx() ctx: RequestContext) {
    return levelId(ctx.level, 'OpenDataApplication', row.id);
  }

  @FieldResolver(() => CatalogResource)
  resource(@Root() row: OpenApplication, @Ctx() ctx: RequestContext) {
    return resourceById(ctx).load(row.resourceId);
  }

  @FieldResolver(() => DeadlineView, { nullable: true, description: "While AUTHORITY_REVIEW: when the authority's normative review is due" })
  reviewDeadline(@Root() row: OpenApplication, @Ctx() ctx: RequestContext) {
    return row.state === OpenApplicationState.AUTHORITY_REVIEW ? deadlineView(ctx, 'OPEN_APPLICATION_REVIEW', row.jurisdictionCode, row.submittedAt) : null;
  }

  @FieldResolver(() => DeadlineView, { nullable: true, description: "While SOURCE_DECISION: when the source department's decision is due" })
  decisionDeadline(@Root() row: OpenApplication, @Ctx() ctx: RequestContext) {
    return row.state === OpenApplicationState.SOURCE_DECISION && row.reviewedAt ? deadlineView(ctx, 'OPEN_APPLICATION_DECISION', row.jurisdictionCode, row.reviewedAt) : null;
  }
}

@Resolver(() => Platform)
export class PlatformOpenApplications {
  @FieldResolver(() => OpenApplication, { nullable: true, description: "An application for this platform's conditionally open data, by its id: for its applicant, the reviewing authority and the source department" })
  openDataApplication(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    return openApplicationById(ctx, id);
  }

  @ConnectionSize(PAGE.defaultSize)
  @FieldResolver(() => OpenApplicationConnection, {
    nullable: true,
    description: "Applications for this platform's conditionally open data the caller may see — its own (a registered person or organisation), those its authority reviews, those its department decides — oldest first",
  })
  openDataApplications(@Args() args: OpenApplicationsArgs, @Ctx() ctx: RequestContext): Promise<Connection<OpenApplication>> {
    const qb = ctx.db.getRepository(OpenApplication).createQueryBuilder('a');
    const party = partyOf(ctx);
    if (party) qb.where('a.partyId = :party', { party: party.id });
    else {
      const me = ctx.identity;
      qb.where('(a.sourceDepartmentUscc = :me OR a.jurisdictionCode LIKE :authorityPrefix)', { me: me.agency, authorityPrefix: authoritySubtreePattern(me) });
    }
    if (args.state) qb.andWhere('a.state = :state', { state: args.state });
    return sqlPage(qb, [
      { expression: 'a.submittedAt', direction: 'ASC', value: (a) => isoOf(a.submittedAt), parse: asDate },
      { expression: 'a.id', direction: 'ASC', value: (a) => a.id },
    ], args, PAGE);
  }
}

@Resolver()
export class OpenApplicationMutations {
  @LevelMutation(() => OpenApplication, { pattern: 'apply{Level}OpenData', description: 'A registered person or organisation applies for CONDITIONAL_OPEN items of this platform (004 art. 28 ¶2)' })
  apply(@Arg('input') input: OpenDataApplicationInput, @Ctx() ctx: RequestContext) {
    return applyForOpenData(ctx, input);
  }

  @LevelMutation(() => OpenApplication, { pattern: 'review{Level}OpenDataApplication', description: "The authority over the resource's jurisdiction reviews an application for form and norms: PASS it to the source department, or REFUSE with reasons and legal basis (000 art. 26)" })
  review(
    @Arg('id', () => ID) id: string,
    @Arg('review', () => NormativeReview) review: NormativeReview,
    @Arg('reason', () => String, { nullable: true }) reason: string | null,
    @Arg('legalBasis', () => String, { nullable: true }) legalBasis: string | null,
    @Ctx() ctx: RequestContext,
  ) {
    return reviewOpenApplication(ctx, id, review, reason ?? null, legalBasis ?? null);
  }

  @LevelMutation(() => OpenApplication, { pattern: 'decide{Level}OpenDataApplication', description: 'The source department approves, stating the use and scope of use, or refuses with reasons and legal basis (004 art. 28 ¶2)' })
  decide(
    @Arg('id', () => ID) id: string,
    @Arg('decision', () => OpenDecision) decision: OpenDecision,
    @Arg('approvedUse', () => String, { nullable: true }) approvedUse: string | null,
    @Arg('reason', () => String, { nullable: true }) reason: string | null,
    @Arg('legalBasis', () => String, { nullable: true }) legalBasis: string | null,
    @Ctx() ctx: RequestContext,
  ) {
    return decideOpenApplication(ctx, id, decision, approvedUse ?? null, reason ?? null, legalBasis ?? null);
  }
}
