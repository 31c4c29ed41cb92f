import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { RequestContext } from '../../../kernel/context';
import { deadlineView, DeadlineView } from '../../../kernel/graphql/deadline.type';
import { Agency } from '../../agency/agency.entity';
import { agencyOf } from '../../agency/references';
import { CatalogResource } from '../../catalog/graphql/types';
import { resourceById } from '../../catalog/loaders';
import { NegativeListEntry } from '../negative-list';
import { DemandApplication } from '../demand.entity';
import { responsibilityDue } from '../demand.service';
import { DemandState } from '../enums';
import { demandById, responsibilityOfDemand } from '../loaders';
import { ResponsibilityEntry } from '../responsibility.entity';
import { canSeeDemand } from '../workflow';

const AWAITING_REPLY = [DemandState.SUBMITTED, DemandState.AUTHORITY_APPROVED];

/** Computed fields and links of every level's demands. */
@Resolver(() => DemandApplication)
export class DemandFields {
  @FieldResolver(() => CatalogResource, { nullable: true, description: 'The catalog resource the data was delivered in' })
  deliveredResource(@Root() demand: DemandApplication, @Ctx() ctx: RequestContext) {
    return demand.deliveredResourceId ? resourceById(ctx).load(demand.deliveredResourceId) : null;
  }

  @FieldResolver(() => Agency, { description: 'The applying agency' })
  applicant(@Root() demand: DemandApplication, @Ctx() ctx: RequestContext) {
    return agencyOf(ctx, demand.applicantUscc);
  }

  @FieldResolver(() => DeadlineView, { nullable: true, description: 'Until the source department answers: 5 working days from submission (004 art. 24)' })
  replyDeadline(@Root() demand: DemandApplication, @Ctx() ctx: RequestContext): DeadlineView | null {
    return AWAITING_REPLY.includes(demand.state) ? deadlineView(ctx, 'DEMAND_REPLY', demand.applicantJurisdiction, demand.submittedAt) : null;
  }

  @FieldResolver(() => DeadlineView, { nullable: true, description: 'While confirmed and not delivered: 7 working days from confirmation, or the day announced for data that needs processing (004 art. 24)' })
  async deliveryDeadline(@Root() demand: DemandApplication, @Ctx() ctx: RequestContext): Promise<DeadlineView | null> {
    if (demand.state !== DemandState.CONFIRMED || !demand.answeredAt) return null;
    const entry = await responsibilityOfDemand(ctx).load(demand.id);
    return entry ? responsibilityDue(ctx, entry) : deadlineView(ctx, 'DEMAND_DELIVERY', demand.applicantJurisdiction, demand.answeredAt);
  }

  @FieldResolver(() => ResponsibilityEntry, { nullable: true, description: 'The responsibility list entry the confirmation created' })
  responsibility(@Root() demand: DemandApplication, @Ctx() ctx: RequestContext): Promise<ResponsibilityEntry | null> {
    return responsibilityOfDemand(ctx).load(demand.id);
  }
}

@Resolver(() => ResponsibilityEntry)
export class ResponsibilityEntryFields {
  @FieldResolver(() => CatalogResource, { nullable: true, description: 'The catalog resource that fulfilled the entry' })
  resource(@Root() entry: ResponsibilityEntry, @Ctx() ctx: RequestContext) {
    return entry.resourceId ? resourceById(ctx).load(entry.resourceId) : null;
  }

  @FieldResolver(() => DemandApplication, { nullable: true, description: 'The demand behind the entry; null when the caller may not see it' })
  async demand(@Root() entry: ResponsibilityEntry, @Ctx() ctx: RequestContext): Promise<DemandApplication | null> {
    const demand = await demandById(ctx).load(entry.demandId);
    return demand && canSeeDemand(ctx, demand) ? demand : null;
  }

  @FieldResolver({ description: 'Beijing day by which the data is shared: the day the department announced, else 7 working days after confirming (counted with the calendar as it is now)' })
  dueDate(@Root() entry: ResponsibilityEntry, @Ctx() ctx: RequestContext): string {
    return responsibilityDue(ctx, entry).dueDay;
  }

  @FieldResolver(() => DeadlineView, { description: 'The delivery deadline with its working days left and whether it is provisional' })
  deadline(@Root() entry: ResponsibilityEntry, @Ctx() ctx: RequestContext): DeadlineView {
    return responsibilityDue(ctx, entry);
  }

  @FieldResolver(() => Boolean, { description: 'Not fulfilled and the due day has passed' })
  overdue(@Root() entry: ResponsibilityEntry, @Ctx() ctx: RequestContext): boolean {
    return entry.fulfilledAt === null && responsibilityDue(ctx, entry).overdue;
  }
}

@Resolver(() => NegativeListEntry)
export class NegativeListEntryFields {
  @FieldResolver(() => CatalogResource, { nullable: true, description: 'The resource the item belongs to' })
  resource(@Root() entry: NegativeListEntry, @Ctx() ctx: RequestContext) {
    return resourceById(ctx).load(entry.resourceId);
  }
}
