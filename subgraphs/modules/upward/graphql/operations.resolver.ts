import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { RequestContext } from '../../../kernel/context';
import { levelName } from '../../../kernel/graphql/level-names';
import { Level } from '../../../kernel/levels';
import { ShareDecision } from '../../sharing/enums';
import { findVisibleUpward } from '../access';
import { UpwardReview } from '../enums';
import { fileUpwardApplication } from '../filing.service';
import { decideUpwardApplication } from '../holder.service';
import { ownApplications, waitingOnCaller } from '../queries';
import { reviewUpwardApplication } from '../review.service';
import { HOLDING_LEVELS, REQUESTING_LEVELS } from '../route';
import { withdrawUpwardApplication } from '../withdrawal.service';
import { upwardApplicationType } from './application.type';
import { UpwardApplicationInput } from './inputs';
import { ListSize } from '../../../kernel/graphql/list-size';

/**
 * Upward applications on one level's platform (004 art. 25, 000 art. 23) with that level's root
 * field names: every level reads and supervises; county and city agencies file and withdraw; the
 * city and region hold data and decide.
 */
export function operationResolvers(level: Level): Function[] {
  const Type = upwardApplicationType(level);
  const name = (pattern: string) => levelName(level, pattern);

  @Resolver()
  class AuthorityOperations {
    @Query(() => Type, { name: name('{level}UpwardApplication'), description: 'With every level\'s step: visible to the requester, the authorities on the route or over the data, and the data source department' })
    application(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
      return findVisibleUpward(ctx, id);
    }

    @ListSize({ assumedSize: 100 })
    @Query(() => [Type], { name: name('{level}UpwardApplicationsWaiting'), description: 'Supervision (督办): applications waiting on the caller\'s authority or department, due within N working days or overdue (all when N is left out), most urgent first' })
    waiting(@Ctx() ctx: RequestContext, @Arg('dueWithinWorkingDays', () => Int, { nullable: true }) dueWithinWorkingDays?: number) {
      return waitingOnCaller(ctx, dueWithinWorkingDays ?? undefined);
    }

    @Mutation(() => Type, { name: name('review{Level}UpwardApplication'), description: 'This level\'s authority forwards it one level up, routes it to the data source department holding the data, or refuses with reasons and legal basis' })
    review(
      @Arg('id', () => ID) id: string,
      @Arg('decision', () => UpwardReview) decision: UpwardReview,
      @Ctx() ctx: RequestContext,
      @Arg('reason', () => String, { nullable: true }) reason?: string,
      @Arg('legalBasis', () => String, { nullable: true }) legalBasis?: string,
    ) {
      return reviewUpwardApplication(ctx, id, { decision, reason, legalBasis });
    }
  }

  @Resolver()
  class RequesterOperations {
    @ListSize({ slicingArguments: ['first'] })
    @Query(() => [Type], { name: name('{level}UpwardApplications'), description: "The caller's agency's upward applications filed on this platform, newest first" })
    applications(@Ctx() ctx: RequestContext, @Arg('first', () => Int, { defaultValue: 50 }) first: number = 50) {
      return ownApplications(ctx, first);
    }

    @Mutation(() => Type, { name: name('file{Level}UpwardApplication'), description: `A ${level.toLowerCase()} agency applies for CONDITIONAL items of data held by the region or a city (004 art. 25)` })
    file(@Arg('input') input: UpwardApplicationInput, @Ctx() ctx: RequestContext) {
      return fileUpwardApplication(ctx, input);
    }

    @Mutation(() => Type, { name: name('withdraw{Level}UpwardApplication'), description: 'The requester withdraws it while nothing has been decided; every level it reached is told' })
    withdraw(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
      return withdrawUpwardApplication(ctx, id);
    }
  }

  @Resolver()
  class HolderOperations {
    @Mutation(() => Type, { name: name('decide{Level}UpwardApplication'), description: 'The data source department approves all or fewer of the items (creating the grant) or refuses with reasons and legal basis (004 art. 23)' })
    decide(
      @Arg('id', () => ID) id: string,
      @Arg('decision', () => ShareDecision) decision: ShareDecision,
      @Ctx() ctx: RequestContext,
      @Arg('approvedItems', () => [String], { nullable: true, description: 'Defaults to every requested item' }) approvedItems?: string[],
      @Arg('endDate', () => Date, { nullable: true, description: 'Defaults to the requested end date, and may not exceed it' }) endDate?: Date,
      @Arg('reason', () => String, { nullable: true }) reason?: string,
      @Arg('legalBasis', () => String, { nullable: true }) legalBasis?: string,
    ) {
      return decideUpwardApplication(ctx, id, { decision, approvedItems, endDate, reason, legalBasis });
    }
  }

  return [
    AuthorityOperations,
    ...(REQUESTING_LEVELS.includes(level) ? [RequesterOperations] : []),
    ...(HOLDING_LEVELS.includes(level) ? [HolderOperations] : []),
  ];
}
