import { Arg, Ctx, Directive, ID, Mutation, Resolver } from 'type-graphql';
import { RequestContext } from '../../../kernel/context';
import { levelName } from '../../../kernel/graphql/level-names';
import { Level } from '../../../kernel/levels';
import { UpwardStepKind } from '../enums';
import { receiveUpwardApplication } from '../filing.service';
import { receiveHolding } from '../holder.service';
import { recordWithdrawal } from '../withdrawal.service';
import { UpwardApplicationTransfer } from './inputs';

/*
 * Platform-internal mutations (@inaccessible: not in the gateway's API, only reachable by a platform
 * holding the signing secret), called by the level below with the acting user's token.
 */
export function receptionResolvers(level: Level): Function[] {
  const name = (pattern: string) => levelName(level, pattern);

  @Resolver()
  class UpwardReception {
    @Mutation(() => ID, { name: name('receive{Level}UpwardApplication'), description: 'Platform-internal: the authority one level down forwards an application' })
    @Directive('@inaccessible')
    receive(@Arg('application', () => UpwardApplicationTransfer) application: UpwardApplicationTransfer, @Ctx() ctx: RequestContext) {
      return receiveUpwardApplication(ctx, application);
    }

    @Mutation(() => Boolean, { name: name('record{Level}UpwardWithdrawal'), description: "Platform-internal: the requester's platform passes its withdrawal on; false when the application never reached this step's level" })
    @Directive('@inaccessible')
    withdrawal(
      @Arg('id', () => ID) id: string,
      @Arg('step', () => UpwardStepKind) step: UpwardStepKind,
      @Arg('at', { description: 'When the requester withdrew, as its platform recorded it' }) at: Date,
      @Ctx() ctx: RequestContext,
    ) {
      return recordWithdrawal(ctx, id, step, at);
    }
  }

  @Resolver()
  class HoldingReception {
    @Mutation(() => ID, { name: name('receive{Level}UpwardHolding'), description: "Platform-internal: the region routes an application to a data source department on this platform" })
    @Directive('@inaccessible')
    receive(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
      return receiveHolding(ctx, id);
    }
  }

  if (level === 'COUNTY') return [];
  return level === 'CITY' ? [UpwardReception, HoldingReception] : [UpwardReception];
}
