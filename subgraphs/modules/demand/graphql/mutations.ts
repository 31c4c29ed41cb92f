import { Arg, Ctx, ID, Resolver } from 'type-graphql';
import { RequestContext } from '../../../kernel/context';
import { levelLocalId } from '../../../kernel/graphql/global-id';
import { LevelMutation } from '../../../kernel/graphql/ownership';
import { DemandApplication } from '../demand.entity';
import { confirmDemand, deliverDemand, refuseAsSourceDepartment, reviewDemand, submitDemand } from '../demand.service';
import { DemandReviewDecision } from '../enums';
import { DemandInput } from './inputs';

const demandId = (ctx: RequestContext, id: string, pattern: string) => levelLocalId(ctx.level, 'id', id, 'DemandApplication', pattern);

/**
 * The demand procedure of 004 art. 24 on each level's platform, under that level's names: an agency
 * files with its own level, its authority reviews, the source department confirms (onto its
 * responsibility list) or refuses, and delivers a published resource.
 */
@Resolver()
export class DemandMutations {
  @LevelMutation(() => DemandApplication, { pattern: 'submit{Level}Demand', description: 'An agency of this level asks for data not yet in the catalog (004 art. 24)' })
  submit(@Arg('input') input: DemandInput, @Ctx() ctx: RequestContext) {
    return submitDemand(ctx, input);
  }

  @LevelMutation(() => DemandApplication, { pattern: 'review{Level}Demand', description: 'The authority over the applicant approves, naming the source department, or refuses with a reason' })
  review(
    @Arg('id', () => ID) id: string,
    @Arg('decision', () => DemandReviewDecision) decision: DemandReviewDecision,
    @Ctx() ctx: RequestContext,
    @Arg('sourceDepartmentUscc', () => ID, { nullable: true, description: "Defaults to the applicant's suggestion" }) sourceDepartmentUscc?: string,
    @Arg('reason', () => String, { nullable: true, description: 'Required to refuse' }) reason?: string,
  ) {
    return reviewDemand(ctx, demandId(ctx, id, 'review{Level}Demand'), decision, sourceDepartmentUscc ?? null, reason ?? null);
  }

  @LevelMutation(() => DemandApplication, { pattern: 'confirm{Level}Demand', description: 'The source department puts the demand on its responsibility list (004 art. 24)' })
  confirm(
    @Arg('id', () => ID) id: string,
    @Arg('itemName') itemName: string,
    @Ctx() ctx: RequestContext,
    @Arg('resourceCode', () => String, { nullable: true, description: 'Catalog code the data will be published under' }) resourceCode?: string,
    @Arg('dueDate', () => String, { nullable: true, description: 'YYYY-MM-DD, when data that needs processing can be shared; default 7 working days' }) dueDate?: string,
    @Arg('processingReason', () => String, { nullable: true, description: 'What processing the data needs; required when dueDate lies past the 7-working-day limit (004 art. 24)' }) processingReason?: string,
  ) {
    return confirmDemand(ctx, demandId(ctx, id, 'confirm{Level}Demand'), { itemName, resourceCode: resourceCode ?? null, dueDate: dueDate ?? null, processingReason: processingReason ?? null });
  }

  @LevelMutation(() => DemandApplication, { pattern: 'refuse{Level}Demand', description: 'The source department refuses, giving the reason and legal basis (004 art. 24)' })
  refuse(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: RequestContext,
    @Arg('reason', () => String, { nullable: true }) reason?: string,
    @Arg('legalBasis', () => String, { nullable: true }) legalBasis?: string,
  ) {
    return refuseAsSourceDepartment(ctx, demandId(ctx, id, 'refuse{Level}Demand'), reason ?? null, legalBasis ?? null);
  }

  @LevelMutation(() => DemandApplication, { pattern: 'deliver{Level}Demand', description: 'The source department delivers: the data is a published resource of its catalog (its id)' })
  deliver(@Arg('id', () => ID) id: string, @Arg('resourceId', () => ID) resourceId: string, @Ctx() ctx: RequestContext) {
    return deliverDemand(ctx, demandId(ctx, id, 'deliver{Level}Demand'), levelLocalId(ctx.level, 'resourceId', resourceId, 'Resource', 'deliver{Level}Demand'));
  }
}
