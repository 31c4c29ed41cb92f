import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { RequestContext } from '../../../kernel/context';
import { levelName } from '../../../kernel/graphql/level-names';
import { Level } from '../../../kernel/levels';
import { AgencySuspension } from '../suspension.entity';
import { liftSuspension, suspendAgency, suspensionsOf } from '../suspension.service';
import { AgencySuspensionView } from './types';
import { ListSize } from '../../../kernel/graphql/list-size';

const view = (row: AgencySuspension): AgencySuspensionView => ({ ...row, active: row.liftedAt === null });

/** 004 art. 50 on one level's platform: suspending a misusing agency's access until it corrects. */
export function suspensionLevelResolver(level: Level): Function {
  const name = (pattern: string) => levelName(level, pattern);
  const passedDown = level === 'REGION' ? '; the region passes it on to the city and county platforms' : '';

  @Resolver()
  class SuspensionOperations {
    @ListSize({ assumedSize: 100 })
    @Query(() => [AgencySuspensionView], { name: name('{level}Suspensions'), description: 'For the authorities governing this platform; newest first' })
    async suspensions(@Ctx() ctx: RequestContext, @Arg('activeOnly', { defaultValue: true }) activeOnly: boolean = true) {
      return (await suspensionsOf(ctx, activeOnly)).map(view);
    }

    @Mutation(() => AgencySuspensionView, { name: name('suspend{Level}Agency'), description: `An authority suspends an agency's access to this platform's data${passedDown}` })
    async suspend(@Arg('uscc', () => ID) uscc: string, @Arg('reason') reason: string, @Ctx() ctx: RequestContext) {
      return view(await suspendAgency(ctx, uscc, reason));
    }

    @Mutation(() => AgencySuspensionView, { name: name('lift{Level}AgencySuspension'), description: `The authority that suspended an agency lifts it once the agency has corrected${passedDown}` })
    async lift(@Arg('uscc', () => ID) uscc: string, @Arg('reason') reason: string, @Ctx() ctx: RequestContext) {
      return view(await liftSuspension(ctx, uscc, reason));
    }
  }

  return SuspensionOperations;
}
