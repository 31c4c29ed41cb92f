import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { RequestContext } from '../../../kernel/context';
import { levelName } from '../../../kernel/graphql/level-names';
import { Level } from '../../../kernel/levels';
import { findVisibleApplication } from '../access';
import { ApplicationState } from '../application.entity';
import { applicationsDue, applicationsOf } from '../application.queries';
import { applyForShare, deliverApplication, withdrawApplication } from '../application.service';
import { decideApplication } from '../decision.service';
import { ShareApplicationRole, ShareDecision } from '../enums';
import { ShareApplicationInput } from './inputs';
import { ShareApplicationView } from './types';
import { ListSize } from '../../../kernel/graphql/list-size';

/**
 * Share applications on one level's platform (004 art. 23), with that level's root field names:
 * applyCityShare, decideCityShareApplication, cityShareApplicationsDue, ...
 */
export function applicationLevelResolver(level: Level): Function {
  const name = (pattern: string) => levelName(level, pattern);

  @Resolver()
  class ShareApplicationOperations {
    @Query(() => ShareApplicationView, { name: name('{level}ShareApplication'), description: 'Visible to the applicant, the source department and the authorities over the resource' })
    application(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
      return findVisibleApplication(ctx, id);
    }

    @ListSize({ slicingArguments: ['first'] })
    @Query(() => [ShareApplicationView], { name: name('{level}ShareApplications'), description: "The caller's agency's applications (APPLICANT) or those addressed to its department (REVIEWER), newest first" })
    applications(
      @Arg('role', () => ShareApplicationRole) role: ShareApplicationRole,
      @Ctx() ctx: RequestContext,
      @Arg('state', () => ApplicationState, { nullable: true }) state?: ApplicationState,
      @Arg('first', () => Int, { defaultValue: 50 }) first: number = 50,
    ) {
      return applicationsOf(ctx, role, state, first);
    }

    @ListSize({ assumedSize: 100 })
    @Query(() => [ShareApplicationView], { name: name('{level}ShareApplicationsDue'), description: "Reminders (004 art. 23): pending applications waiting on the caller's department, due within N working days or overdue, most urgent first" })
    due(@Arg('withinWorkingDays', () => Int) withinWorkingDays: number, @Ctx() ctx: RequestContext) {
      return applicationsDue(ctx, withinWorkingDays);
    }

    @Mutation(() => ShareApplicationView, { name: name('apply{Level}Share'), description: 'An agency applies for CONDITIONAL items of a published resource of this platform (004 art. 23)' })
    apply(@Arg('input') input: ShareApplicationInput, @Ctx() ctx: RequestContext) {
      return applyForShare(ctx, input);
    }

    @Mutation(() => ShareApplicationView, { name: name('decide{Level}ShareApplication'), description: "The source department's reviewer approves all or fewer of the items, or refuses with reasons and legal basis (004 art. 23)" })
    decide(
      @Arg('id', () => ID) id: string,
      @Arg('decision', () => ShareDecision) decision: ShareDecision,
      @Ctx() ctx: RequestContext,
      @Arg('approvedItems', () => [String], { nullable: true, description: 'Defaults to every requested item' }) approvedItems?: string[],
      @Arg('endDate', () => Date, { nullable: true, description: 'Defaults to the requested end date, and may not exceed it' }) endDate?: Date,
      @Arg('reason', () => String, { nullable: true }) reason?: string,
      @Arg('legalBasis', () => String, { nullable: true }) legalBasis?: string,
    ) {
      return decideApplication(ctx, id, { decision, approvedItems, endDate, reason, legalBasis });
    }

    @Mutation(() => ShareApplicationView, { name: name('deliver{Level}ShareApplication'), description: 'The source department records that the approved FILE was delivered' })
    deliver(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
      return deliverApplication(ctx, id);
    }

    @Mutation(() => ShareApplicationView, { name: name('withdraw{Level}ShareApplication'), description: 'The applicant withdraws its application while it is PENDING' })
    withdraw(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
      return withdrawApplication(ctx, id);
    }
  }

  return ShareApplicationOperations;
}
