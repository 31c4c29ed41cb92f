import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { RequestContext } from '../../../kernel/context';
import { deadlineView, DeadlineView } from '../../../kernel/graphql/deadline.type';
import { Agency } from '../../agency/agency.entity';
import { agencyOf } from '../../agency/references';
import { CatalogResource } from '../../catalog/graphql/types';
import { resourceById } from '../../catalog/loaders';
import { ReflowApplication } from '../application.entity';
import { ReflowApplicationState } from '../enums';
import { ReflowRun } from '../run.entity';
import { ReflowSubscription } from '../subscription.entity';
import { ReflowChangePage } from './types';

/** Links and deadlines of an application, answered by the platform holding the data (its source). */
@Resolver(() => ReflowApplication)
export class ReflowApplicationFields {
  @FieldResolver(() => CatalogResource, { nullable: true, description: 'The published resource version applied for' })
  resource(@Root() application: ReflowApplication, @Ctx() ctx: RequestContext) {
    return resourceById(ctx).load(application.resourceId);
  }

  @FieldResolver(() => ReflowSubscription, { nullable: true, description: 'The subscription an approval created' })
  subscription(@Root() application: ReflowApplication, @Ctx() ctx: RequestContext) {
    return application.subscriptionId ? ctx.db.getRepository(ReflowSubscription).findOneBy({ id: application.subscriptionId, sourceLevel: ctx.level }) : null;
  }

  @FieldResolver(() => Agency, { description: 'The applying authority: the subscriber' })
  applicant(@Root() application: ReflowApplication, @Ctx() ctx: RequestContext) {
    return agencyOf(ctx, application.applicantUscc);
  }

  @FieldResolver(() => DeadlineView, { nullable: true, description: 'While PENDING: when the authority must reply (REFLOW_REPLY of the policy profile)' })
  replyDeadline(@Root() application: ReflowApplication, @Ctx() ctx: RequestContext): DeadlineView | null {
    if (application.state !== ReflowApplicationState.PENDING) return null;
    return deadlineView(ctx, 'REFLOW_REPLY', application.resourceJurisdiction, application.submittedAt);
  }
}

/** Links of a subscription, answered by its source. */
@Resolver(() => ReflowSubscription)
export class ReflowSubscriptionFields {
  @FieldResolver(() => CatalogResource, { nullable: true, description: 'The resource whose rows flow' })
  resource(@Root() subscription: ReflowSubscription, @Ctx() ctx: RequestContext) {
    return resourceById(ctx).load(subscription.resourceId);
  }

  @FieldResolver(() => ReflowApplication, { nullable: true, description: 'The approved application' })
  application(@Root() subscription: ReflowSubscription, @Ctx() ctx: RequestContext) {
    return ctx.db.getRepository(ReflowApplication).findOneBy({ id: subscription.applicationId });
  }

  @FieldResolver(() => Agency, { description: 'The subscribing authority' })
  subscriber(@Root() subscription: ReflowSubscription, @Ctx() ctx: RequestContext) {
    return agencyOf(ctx, subscription.subscriberUscc);
  }
}

@Resolver(() => ReflowChangePage)
export class ReflowChangePageFields {
  @FieldResolver(() => Int, { description: 'Rows from the requested position on (costs a count; ask on the first page)' })
  remaining(@Root() page: ReflowChangePage): Promise<number> {
    return page.countRemaining();
  }
}

/** The subscription a run pulled: the receiver's copy, answered (as the source's type) by the source. */
@Resolver(() => ReflowRun)
export class ReflowRunFields {
  @FieldResolver(() => ReflowSubscription, { nullable: true })
  subscription(@Root() run: ReflowRun, @Ctx() ctx: RequestContext) {
    return ctx.db.getRepository(ReflowSubscription).findOneBy({ id: run.subscriptionId, targetLevel: ctx.level });
  }
}
