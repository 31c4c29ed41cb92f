import { Arg, Args, Ctx, Directive, ID, Resolver } from 'type-graphql';
import { RequestContext } from '../../../kernel/context';
import { badInput } from '../../../kernel/errors';
import { decodeGlobalId, levelLocalId, localIdOf } from '../../../kernel/graphql/global-id';
import { LevelMutation } from '../../../kernel/graphql/ownership';
import { levelOfType, levelType } from '../../../kernel/levels';
import { ShareDecision } from '../../sharing/enums';
import { UpwardReview, UpwardStepKind } from '../enums';
import { fileUpwardApplication, receiveUpwardApplication } from '../filing.service';
import { decideUpwardApplication, receiveHolding } from '../holder.service';
import { reviewUpwardApplication } from '../review.service';
import { recordWithdrawal, withdrawUpwardApplication } from '../withdrawal.service';
import { UpwardApplication } from './application.type';
import { ShareDecisionArgs } from '../../sharing/graphql/inputs';
import { UpwardApplicationInput, UpwardApplicationTransfer } from './inputs';

/**
 * The application an id names: any requester's, acted on where it has arrived (an authority reviews,
 * a holder decides, on the platform of its own level).
 */
function applicationId(field: string, id: string): string {
  return localIdOf(field, id, [levelType('COUNTY', 'UpwardApplication'), levelType('CITY', 'UpwardApplication')]);
}

/** Every level's authority forwards, routes or refuses what reached it (004 art. 25). */
@Resolver()
export class UpwardReviewMutations {
  @LevelMutation(() => UpwardApplication, { pattern: 'review{Level}UpwardApplication', description: "This level's authority forwards it one level up, routes it to the data source department holding the data, or refuses with reasons and legal basis" })
  review(
    @Arg('id', () => ID) id: string,
    @Arg('decision', () => UpwardReview) decision: UpwardReview,
    @Ctx() ctx: RequestContext,
    @Arg('reason', () => String, { nullable: true }) reason?: string,
    @Arg('legalBasis', () => String, { nullable: true }) legalBasis?: string,
  ) {
    return reviewUpwardApplication(ctx, applicationId('id', id), { decision, reason, legalBasis });
  }
}

/** County and city agencies file on their own level's platform and may withdraw (004 art. 25). */
@Resolver()
export class UpwardFilingMutations {
  @LevelMutation(() => UpwardApplication, { pattern: 'file{Level}UpwardApplication', description: "An agency of this level applies for CONDITIONAL items of a resource the region or a city holds (004 art. 25); resourceId is the resource's id" })
  file(@Arg('input') input: UpwardApplicationInput, @Ctx() ctx: RequestContext) {
    const resource = decodeGlobalId(input.resourceId);
    const level = resource && levelOfType(resource.typeName);
    if (!resource || !level || resource.typeName !== levelType(level, 'Resource')) throw badInput('input.resourceId', 'is not the id of a catalog resource');
    return fileUpwardApplication(ctx, { ...input, resourceId: resource.localId }, level);
  }

  @LevelMutation(() => UpwardApplication, { pattern: 'withdraw{Level}UpwardApplication', description: 'The requester withdraws it while nothing has been decided; every level it reached is told' })
  withdraw(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    return withdrawUpwardApplication(ctx, levelLocalId(ctx.level, 'id', id, 'UpwardApplication', 'withdraw{Level}UpwardApplication'));
  }
}

/** The region's and the cities' data source departments decide what was routed to them (004 art. 23). */
@Resolver()
export class UpwardHoldingMutations {
  @LevelMutation(() => UpwardApplication, { pattern: 'decide{Level}UpwardApplication', description: 'The data source department approves all or fewer of the items (creating the grant) or refuses with reasons and legal basis (004 art. 23)' })
  decide(@Arg('id', () => ID) id: string, @Args() decision: ShareDecisionArgs, @Ctx() ctx: RequestContext) {
    return decideUpwardApplication(ctx, applicationId('id', id), { ...decision });
  }

  @LevelMutation(() => ID, { pattern: 'receive{Level}UpwardHolding', description: 'Platform-internal: the region routes an application to a data source department on this platform' })
  @Directive('@inaccessible')
  receiveHolding(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    return receiveHolding(ctx, id);
  }
}

/*
 * Platform-internal mutations of the levels an application is forwarded to (city, region), called by
 * the level below with the acting user's token (@inaccessible: not in the gateway's API).
 */
@Resolver()
export class UpwardReceptionMutations {
  @LevelMutation(() => ID, { pattern: 'receive{Level}UpwardApplication', description: 'Platform-internal: the authority one level down forwards an application' })
  @Directive('@inaccessible')
  receive(@Arg('application', () => UpwardApplicationTransfer) application: UpwardApplicationTransfer, @Ctx() ctx: RequestContext) {
    return receiveUpwardApplication(ctx, application);
  }

  @LevelMutation(() => Boolean, { pattern: 'record{Level}UpwardWithdrawal', description: "Platform-internal: the requester's platform passes its withdrawal on; false when the application never reached this step's level" })
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
