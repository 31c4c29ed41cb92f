import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { RequestContext } from '../../../kernel/context';
import { deadlineView, DeadlineView } from '../../../kernel/graphql/deadline.type';
import { ReflowApplication } from '../application.entity';
import { ReflowApplicationState } from '../enums';
import { ReflowChangePage } from './types';

/**
 * Computed fields of types that are the same at every level. type-graphql attaches field resolvers
 * to the type's class, so each class is written once and mounted by every level.
 */
@Resolver(() => ReflowApplication)
export class ReflowApplicationFields {
  @FieldResolver(() => DeadlineView, { nullable: true, description: 'While PENDING: when the authority must reply (REFLOW_REPLY of the policy profile)' })
  replyDeadline(@Root() application: ReflowApplication, @Ctx() ctx: RequestContext): DeadlineView | null {
    if (application.state !== ReflowApplicationState.PENDING) return null;
    return deadlineView(ctx, 'REFLOW_REPLY', application.resourceJurisdiction, application.submittedAt);
  }
}

@Resolver(() => ReflowChangePage)
export class ReflowChangePageFields {
  @FieldResolver(() => Int, { description: 'Rows from the requested position on (costs a count; ask on the first page)' })
  remaining(@Root() page: ReflowChangePage): Promise<number> {
    return page.countRemaining();
  }
}
