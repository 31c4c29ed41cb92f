import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { RequestContext } from '../../../kernel/context';
import { requireDivision } from '../../../kernel/divisions';
import { badInput } from '../../../kernel/errors';
import { levelName } from '../../../kernel/graphql/level-names';
import { checkUscc } from '../../../kernel/identifiers';
import { Level } from '../../../kernel/levels';
import { DemandApplication } from '../demand.entity';
import { confirmDemand, deliverDemand, loadVisibleDemand, refuseAsSourceDepartment, reviewDemand, submitDemand } from '../demand.service';
import { DemandReviewDecision, DemandState } from '../enums';
import { demandList, responsibilityList } from '../lists';
import { negativeList, NegativeListEntry } from '../negative-list';
import { ResponsibilityEntry } from '../responsibility.entity';
import { DemandInput } from './inputs';
import { ListSize } from '../../../kernel/graphql/list-size';

const MAX_LIST = 200;

/**
 * The demand procedure of 004 art. 24 and the three lists of 004 art. 20 on one level's platform,
 * with that level's root field names (submitCityDemand, cityNegativeList, ...).
 */
export function demandLevelResolver(level: Level): Function {
  const name = (pattern: string) => levelName(level, pattern);

  @Resolver()
  class LevelDemandOperations {
    @Query(() => DemandApplication, { name: name('{level}Demand'), description: 'A demand the caller may see' })
    demand(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
      return loadVisibleDemand(ctx, id);
    }

    @ListSize({ slicingArguments: ['first'] })
    @Query(() => [DemandApplication], { name: name('{level}DemandList'), description: "需求清单: the caller's own demands, those its authority reviews and those waiting on its department, newest first" })
    demandList(
      @Ctx() ctx: RequestContext,
      @Arg('state', () => DemandState, { nullable: true }) state?: DemandState,
      @Arg('first', () => Int, { defaultValue: 50 }) first: number = 50,
    ) {
      if (first < 1 || first > MAX_LIST) throw badInput('first', `must be between 1 and ${MAX_LIST}`);
      return demandList(ctx, state ?? null, first);
    }

    @ListSize({ assumedSize: 200 })
    @Query(() => [ResponsibilityEntry], { name: name('{level}ResponsibilityList'), description: "责任清单 of a source department (the caller's agency by default), earliest due first" })
    responsibilityList(@Ctx() ctx: RequestContext, @Arg('agencyUscc', () => ID, { nullable: true }) agencyUscc?: string) {
      const uscc = agencyUscc ?? ctx.identity.agency;
      const check = checkUscc(uscc);
      if (!check.valid) throw badInput('agencyUscc', `'${uscc}' is not a valid USCC: ${check.reason}`);
      return responsibilityList(ctx, uscc);
    }

    @ListSize({ assumedSize: 200 })
    @Query(() => [NegativeListEntry], { name: name('{level}NegativeList'), description: "负面清单: NOT_SHARED items of this platform's published catalog, in a jurisdiction and below it" })
    negativeList(@Ctx() ctx: RequestContext, @Arg('jurisdictionCode', () => ID, { nullable: true }) jurisdictionCode?: string) {
      if (jurisdictionCode) requireDivision(jurisdictionCode, 'jurisdictionCode');
      return negativeList(ctx, jurisdictionCode ?? null);
    }

    @Mutation(() => DemandApplication, { name: name('submit{Level}Demand'), description: 'An agency of this level asks for data not yet in the catalog (004 art. 24)' })
    submit(@Arg('input') input: DemandInput, @Ctx() ctx: RequestContext) {
      return submitDemand(ctx, input);
    }

    @Mutation(() => DemandApplication, { name: name('review{Level}Demand'), description: "The authority over the applicant approves, naming the source department, or refuses with a reason" })
    review(
      @Arg('id', () => ID) id: string,
      @Arg('decision', () => DemandReviewDecision) decision: DemandReviewDecision,
      @Ctx() ctx: RequestContext,
      @Arg('sourceDepartmentUscc', () => ID, { nullable: true, description: "Defaults to the applicant's suggestion" }) sourceDepartmentUscc?: string,
      @Arg('reason', () => String, { nullable: true, description: 'Required to refuse' }) reason?: string,
    ) {
      return reviewDemand(ctx, id, decision, sourceDepartmentUscc ?? null, reason ?? null);
    }

    @Mutation(() => DemandApplication, { name: name('confirm{Level}Demand'), description: 'The source department puts the demand on its responsibility list (004 art. 24)' })
    confirm(
      @Arg('id', () => ID) id: string,
      @Arg('itemName') itemName: string,
      @Ctx() ctx: RequestContext,
      @Arg('resourceCode', () => String, { nullable: true, description: 'Catalog code the data will be published under' }) resourceCode?: string,
      @Arg('dueDate', () => String, { nullable: true, description: 'YYYY-MM-DD, when data that needs processing can be shared; default 7 working days' }) dueDate?: string,
      @Arg('processingReason', () => String, { nullable: true, description: 'What processing the data needs; required when dueDate lies past the 7-working-day limit (004 art. 24)' }) processingReason?: string,
    ) {
      return confirmDemand(ctx, id, { itemName, resourceCode: resourceCode ?? null, dueDate: dueDate ?? null, processingReason: processingReason ?? null });
    }

    @Mutation(() => DemandApplication, { name: name('refuse{Level}Demand'), description: 'The source department refuses, giving the reason and legal basis (004 art. 24)' })
    refuse(
      @Arg('id', () => ID) id: string,
      @Ctx() ctx: RequestContext,
      @Arg('reason', () => String, { nullable: true }) reason?: string,
      @Arg('legalBasis', () => String, { nullable: true }) legalBasis?: string,
    ) {
      return refuseAsSourceDepartment(ctx, id, reason ?? null, legalBasis ?? null);
    }

    @Mutation(() => DemandApplication, { name: name('deliver{Level}Demand'), description: "The source department delivers: the data is a published resource of its catalog" })
    deliver(@Arg('id', () => ID) id: string, @Arg('resourceId', () => ID) resourceId: string, @Ctx() ctx: RequestContext) {
      return deliverDemand(ctx, id, resourceId);
    }
  }

  return LevelDemandOperations;
}
