import { Arg, Args, Ctx, ID, Resolver } from 'type-graphql';
import { RequestContext } from '../../../kernel/context';
import { levelLocalId } from '../../../kernel/graphql/global-id';
import { LevelMutation } from '../../../kernel/graphql/ownership';
import { applyForShare, deliverApplication, withdrawApplication } from '../application.service';
import { decideApplication } from '../decision.service';
import { ShareDecision } from '../enums';
import { revokeGrant } from '../grant.service';
import { liftSuspension, suspendAgency } from '../suspension.service';
import { ShareApplicationInput, ShareDecisionArgs } from './inputs';
import { suspensionView } from './platform.fields';
import { AgencySuspensionView, ShareApplicationType, ShareGrantType } from './types';

const applicationId = (ctx: RequestContext, id: string, pattern: string) => levelLocalId(ctx.level, 'id', id, 'ShareApplication', pattern);

/**
 * Conditional sharing on each level's platform (004 art. 23), under that level's names: an agency
 * applies for items of the platform's resource, its data source department decides, the applicant
 * may withdraw, a FILE delivery is recorded, a grant can be revoked; authorities suspend (004 art. 50).
 */
@Resolver()
export class SharingMutations {
  @LevelMutation(() => ShareApplicationType, { pattern: 'apply{Level}Share', description: "An agency applies for CONDITIONAL items of a published resource of this platform (004 art. 23); resourceId is the resource's id" })
  apply(@Arg('input') input: ShareApplicationInput, @Ctx() ctx: RequestContext) {
    return applyForShare(ctx, { ...input, resourceId: levelLocalId(ctx.level, 'input.resourceId', input.resourceId, 'Resource', 'apply{Level}Share') });
  }

  @LevelMutation(() => ShareApplicationType, { pattern: 'decide{Level}ShareApplication', description: "The source department's reviewer approves all or fewer of the items, or refuses with reasons and legal basis (004 art. 23)" })
  decide(@Arg('id', () => ID) id: string, @Args() decision: ShareDecisionArgs, @Ctx() ctx: RequestContext) {
    return decideApplication(ctx, applicationId(ctx, id, 'decide{Level}ShareApplication'), { ...decision });
  }

  @LevelMutation(() => ShareApplicationType, { pattern: 'deliver{Level}ShareApplication', description: 'The source department records that the approved FILE was delivered' })
  deliver(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    return deliverApplication(ctx, applicationId(ctx, id, 'deliver{Level}ShareApplication'));
  }

  @LevelMutation(() => ShareApplicationType, { pattern: 'withdraw{Level}ShareApplication', description: 'The applicant withdraws its application while it is PENDING' })
  withdraw(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    return withdrawApplication(ctx, applicationId(ctx, id, 'withdraw{Level}ShareApplication'));
  }

  @LevelMutation(() => ShareGrantType, { pattern: 'revoke{Level}ShareGrant', description: 'The source department or an authority over the resource revokes a grant; it stops working at once' })
  revoke(@Arg('id', () => ID) id: string, @Arg('reason') reason: string, @Ctx() ctx: RequestContext) {
    return revokeGrant(ctx, levelLocalId(ctx.level, 'id', id, 'ShareGrant', 'revoke{Level}ShareGrant'), reason);
  }

  @LevelMutation(() => AgencySuspensionView, { pattern: 'suspend{Level}Agency', description: "An authority suspends an agency's access to this platform's data; the region's reaches every level" })
  async suspend(@Arg('uscc', () => ID) uscc: string, @Arg('reason') reason: string, @Ctx() ctx: RequestContext) {
    return suspensionView(await suspendAgency(ctx, uscc, reason));
  }

  @LevelMutation(() => AgencySuspensionView, { pattern: 'lift{Level}AgencySuspension', description: 'The authority that suspended an agency lifts it once the agency has corrected' })
  async lift(@Arg('uscc', () => ID) uscc: string, @Arg('reason') reason: string, @Ctx() ctx: RequestContext) {
    return suspensionView(await liftSuspension(ctx, uscc, reason));
  }
}
