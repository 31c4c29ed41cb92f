import { Args, ArgsType, Ctx, Field, FieldResolver, ID, Resolver } from 'type-graphql';
import { RequestContext } from '../../../kernel/context';
import { asDate, Connection, ConnectionArgs, isoOf, listPage, sqlPage } from '../../../kernel/graphql/connection';
import { decodeGlobalId } from '../../../kernel/graphql/global-id';
import { ConnectionSize } from '../../../kernel/graphql/list-size';
import { badInput } from '../../../kernel/errors';
import { Platform } from '../../platform/platform.type';
import { ReflowApplication } from '../application.entity';
import { ReflowApplicationState } from '../enums';
import { visibleApplications, visibleRuns, visibleSubscriptions } from '../queries';
import { ReflowRun } from '../run.entity';
import { ReflowSubscription } from '../subscription.entity';
import { ReflowApplicationConnection, ReflowRunConnection, ReflowSubscriptionConnection } from './types';

@ArgsType()
class ReflowApplicationsArgs extends ConnectionArgs {
  @Field(() => ReflowApplicationState, { nullable: true }) state?: ReflowApplicationState;
}

@ArgsType()
class ReflowRunsArgs extends ConnectionArgs {
  @Field(() => ID, { nullable: true, description: 'Runs of this subscription only (its id)' }) subscriptionId?: string;
}

const PAGE = { defaultSize: 50, maxSize: 200 };

/** A subscription id argument: a subscription of any source level, by its global id. */
function subscriptionLocalId(id: string): string {
  const decoded = decodeGlobalId(id);
  if (!decoded || !/ReflowSubscription$/.test(decoded.typeName)) throw badInput('subscriptionId', 'is not the id of a reflow subscription');
  return decoded.localId;
}

/** Reflow on each platform: applications for its data, subscriptions it serves or receives, runs of those it receives. */
@Resolver(() => Platform)
export class PlatformReflow {
  @ConnectionSize(PAGE.defaultSize)
  @FieldResolver(() => ReflowApplicationConnection, { nullable: true, description: "Applications for this platform's data: the caller's own and those it decides, newest first" })
  async reflowApplications(@Args() args: ReflowApplicationsArgs, @Ctx() ctx: RequestContext): Promise<Connection<ReflowApplication>> {
    return listPage(await visibleApplications(ctx, args.state), [
      { direction: 'DESC', value: (a) => isoOf(a.submittedAt) },
      { direction: 'ASC', value: (a) => a.id },
    ], args, PAGE);
  }

  @ConnectionSize(PAGE.defaultSize)
  @FieldResolver(() => ReflowSubscriptionConnection, { nullable: true, description: 'Subscriptions this platform serves or receives, for the authorities concerned, newest first' })
  async reflowSubscriptions(@Args() args: ConnectionArgs, @Ctx() ctx: RequestContext): Promise<Connection<ReflowSubscription>> {
    return listPage(await visibleSubscriptions(ctx), [
      { direction: 'DESC', value: (s) => isoOf(s.createdAt) },
      { direction: 'ASC', value: (s) => s.id },
    ], args, PAGE);
  }

  @ConnectionSize(PAGE.defaultSize)
  @FieldResolver(() => ReflowRunConnection, { nullable: true, description: "Runs of subscriptions this platform receives, newest first: an authority sees its jurisdiction's, the region's sees all" })
  async reflowRuns(@Args() args: ReflowRunsArgs, @Ctx() ctx: RequestContext): Promise<Connection<ReflowRun>> {
    const query = await visibleRuns(ctx, args.subscriptionId ? subscriptionLocalId(args.subscriptionId) : undefined);
    return sqlPage(query, [
      { expression: 'run.queuedAt', direction: 'DESC', value: (run) => isoOf(run.queuedAt), parse: asDate },
      { expression: 'run.id', direction: 'ASC', value: (run) => run.id },
    ], args, PAGE);
  }
}
