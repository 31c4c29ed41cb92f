import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { RequestContext } from '../../../kernel/context';
import { deadlineView, DeadlineView } from '../../../kernel/graphql/deadline.type';
import { ApplicationState, ShareApplication } from '../application.entity';
import { replyDeadlineOf } from '../application.queries';
import { ShareGrant } from '../grant.entity';
import { grantById } from '../loaders';
import { progressOf } from '../progress';
import { ShareApplicationStep, ShareApplicationView } from './types';
import { ListSize } from '../../../kernel/graphql/list-size';

const itemList = (json: string | null): string[] => (json ? JSON.parse(json) : []);

/**
 * Computed fields of an application. type-graphql attaches field resolvers to the type's class, and
 * the type is the same at every level, so this class is written once and mounted by each level.
 */
@Resolver(() => ShareApplicationView)
export class ShareApplicationFields {
  @FieldResolver(() => [String], { description: 'Item codes applied for' })
  requestedItems(@Root() application: ShareApplication): string[] {
    return itemList(application.requestedItemsJson);
  }

  @FieldResolver(() => [String], { nullable: true, description: 'Item codes approved, all or fewer of those requested (最小授权); null until approved' })
  approvedItems(@Root() application: ShareApplication): string[] | null {
    return application.approvedItemsJson === null ? null : itemList(application.approvedItemsJson);
  }

  @FieldResolver(() => [String], { description: 'Requested items the decision refused (all of them on refusal)' })
  refusedItems(@Root() application: ShareApplication): string[] {
    if (application.state === ApplicationState.REFUSED) return itemList(application.requestedItemsJson);
    if (application.state !== ApplicationState.APPROVED) return [];
    const approved = itemList(application.approvedItemsJson);
    return itemList(application.requestedItemsJson).filter((code) => !approved.includes(code));
  }

  @FieldResolver(() => DeadlineView, { nullable: true, description: 'While PENDING: when the source department must reply (004 art. 23)' })
  replyDeadline(@Root() application: ShareApplication, @Ctx() ctx: RequestContext): DeadlineView | null {
    return application.state === ApplicationState.PENDING ? replyDeadlineOf(ctx, application) : null;
  }

  @FieldResolver(() => DeadlineView, { nullable: true, description: 'While approved and not yet delivered: when the data must be delivered (004 art. 23)' })
  deliveryDeadline(@Root() application: ShareApplication, @Ctx() ctx: RequestContext): DeadlineView | null {
    const { state, decidedAt, deliveredAt } = application;
    if (state !== ApplicationState.APPROVED || !decidedAt || deliveredAt) return null;
    return deadlineView(ctx, 'SHARE_DELIVERY', application.resourceJurisdiction, decidedAt);
  }

  @ListSize({ assumedSize: 4 })
  @FieldResolver(() => [ShareApplicationStep], { description: 'Review progress: submitted, decided or withdrawn, delivered (004 art. 23)' })
  progress(@Root() application: ShareApplication, @Ctx() ctx: RequestContext): ShareApplicationStep[] {
    return progressOf(ctx, application);
  }

  @FieldResolver(() => ShareGrant, { nullable: true, description: 'The grant an approval created' })
  grant(@Root() application: ShareApplication, @Ctx() ctx: RequestContext): Promise<ShareGrant | null> | null {
    return application.grantId ? grantById(ctx).load(application.grantId) : null;
  }
}
