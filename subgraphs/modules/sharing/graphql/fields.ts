import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { RequestContext } from '../../../kernel/context';
import { deadlineView, DeadlineView } from '../../../kernel/graphql/deadline.type';
import { ListSize } from '../../../kernel/graphql/list-size';
import { Agency } from '../../agency/agency.entity';
import { agencyOf } from '../../agency/references';
import { CatalogResource } from '../../catalog/graphql/types';
import { resourceById } from '../../catalog/loaders';
import { ApplicationState, ShareApplication } from '../application.entity';
import { replyDeadlineOf } from '../application.queries';
import { ShareGrant } from '../grant.entity';
import { canSeeApplication } from '../access';
import { applicationById, grantById } from '../loaders';
import { progressOf } from './progress';
import { ShareApplicationStep, ShareApplicationType, ShareGrantType } from './types';

const itemList = (json: string | null): string[] => (json ? JSON.parse(json) : []);

/** What an application links to and what is computed from it, at every level. */
@Resolver(() => ShareApplicationType)
export class ShareApplicationFields {
  @FieldResolver(() => CatalogResource, { nullable: true, description: 'The resource applied for, a published resource of the platform holding the application' })
  resource(@Root() application: ShareApplication, @Ctx() ctx: RequestContext) {
    return resourceById(ctx).load(application.resourceId);
  }

  @FieldResolver(() => Agency, { description: 'The applying agency' })
  applicant(@Root() application: ShareApplication, @Ctx() ctx: RequestContext) {
    return agencyOf(ctx, application.applicantUscc);
  }

  @FieldResolver(() => Agency, { description: '数源部门: the agency that decides' })
  sourceDepartment(@Root() application: ShareApplication, @Ctx() ctx: RequestContext) {
    return agencyOf(ctx, application.sourceDepartmentUscc);
  }

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

  @FieldResolver(() => ShareGrantType, { nullable: true, description: 'The grant an approval created' })
  grant(@Root() application: ShareApplication, @Ctx() ctx: RequestContext): Promise<ShareGrant | null> | null {
    return application.grantId ? grantById(ctx).load(application.grantId) : null;
  }
}

@Resolver(() => ShareGrantType)
export class ShareGrantFields {
  @FieldResolver(() => CatalogResource, { nullable: true, description: 'The resource whose items it opens' })
  resource(@Root() grant: ShareGrant, @Ctx() ctx: RequestContext) {
    return resourceById(ctx).load(grant.resourceId);
  }

  @FieldResolver(() => Agency, { description: 'The agency the data may be used by' })
  agency(@Root() grant: ShareGrant, @Ctx() ctx: RequestContext) {
    return agencyOf(ctx, grant.agencyUscc);
  }

  @FieldResolver(() => ShareApplicationType, { nullable: true, description: 'The approved application; null when the caller may not see it' })
  async application(@Root() grant: ShareGrant, @Ctx() ctx: RequestContext) {
    const application = await applicationById(ctx).load(grant.applicationId);
    return application && canSeeApplication(ctx.identity, application) ? application : null;
  }

  @FieldResolver(() => [String], { description: 'Exactly the approved items (least authorisation)' })
  itemCodes(@Root() grant: ShareGrant): string[] {
    return grant.itemCodes;
  }
}
