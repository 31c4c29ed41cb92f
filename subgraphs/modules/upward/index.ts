import { levelNodeTypes } from '../../kernel/graphql/node-registry';
import { PlatformModule } from '../../kernel/module';
import { canSeeUpward, upwardById } from './access';
import { UpwardApplicationRow } from './application.entity';
import { UPWARD_TYPES } from './graphql/application.type';
import { UpwardFilingMutations, UpwardHoldingMutations, UpwardReceptionMutations, UpwardReviewMutations } from './graphql/mutations';
import { PlatformUpward } from './graphql/platform.fields';
import { CitySteps, CountyStep, RegionSteps, UpwardApplicationLinks, upwardReferences } from './graphql/steps.resolver';

/**
 * Upward applications (issue 6; 004 art. 25, 000 art. 23), at every level: the application types
 * (one per requesting level), each level's step, the lists on every platform, the authorities'
 * review. Filing, forwarding and holding are modules of the levels that do them.
 */
export const upwardModule: PlatformModule = {
  name: 'upward',
  entities: [UpwardApplicationRow],
  resolvers: [UpwardApplicationLinks, CountyStep, CitySteps, RegionSteps, PlatformUpward, UpwardReviewMutations],
  nodes: levelNodeTypes('UpwardApplication', UPWARD_TYPES, async (ctx, localId) => {
    const row = await upwardById(ctx).load(localId);
    return row && canSeeUpward(ctx.identity, row) ? row : null;
  }),
  referenceResolvers: upwardReferences,
};

/** County and city agencies file upward applications on their own platform and may withdraw them. */
export const upwardFilingModule: PlatformModule = { name: 'upward-filing', entities: [], resolvers: [UpwardFilingMutations] };

/** The city and the region receive what the authority below forwards, and the withdrawals that follow. */
export const upwardReceptionModule: PlatformModule = { name: 'upward-reception', entities: [], resolvers: [UpwardReceptionMutations] };

/** Data source departments of the city and the region platforms decide what was routed to them. */
export const upwardHoldingModule: PlatformModule = { name: 'upward-holding', entities: [], resolvers: [UpwardHoldingMutations] };
