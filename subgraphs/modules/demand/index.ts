import { levelNodeTypes } from '../../kernel/graphql/node-registry';
import { PlatformModule } from '../../kernel/module';
import { DEMAND_TYPES, DemandApplication } from './demand.entity';
import { DemandFields, NegativeListEntryFields, ResponsibilityEntryFields } from './graphql/fields.resolver';
import { DemandMutations } from './graphql/mutations';
import { PlatformDemands } from './graphql/platform.fields';
import { demandById } from './loaders';
import { ResponsibilityEntry } from './responsibility.entity';
import { canSeeDemand } from './workflow';

/**
 * Demand applications and the demand / responsibility / negative lists (issue 4 item 7; 004 art.
 * 20, 24), mounted by every level: an agency files with the platform of its own level.
 */
export const demandModule: PlatformModule = {
  name: 'demand',
  entities: [DemandApplication, ResponsibilityEntry],
  resolvers: [DemandFields, ResponsibilityEntryFields, NegativeListEntryFields, PlatformDemands, DemandMutations],
  nodes: levelNodeTypes('DemandApplication', DEMAND_TYPES, async (ctx, localId) => {
    const demand = await demandById(ctx).load(localId);
    return demand && canSeeDemand(ctx, demand) ? demand : null;
  }),
};
