import { levelNodeTypes } from '../../kernel/graphql/node-registry';
import { PlatformModule } from '../../kernel/module';
import { PLATFORM_TYPES, platformById } from './platform.type';

/**
 * The platform types (issue 13): one interface, one type per level, each answered by its own level.
 * Mounted by every level, so each subgraph declares the interface with all three implementations
 * (its own, the others as stubs) and every module can add fields to `Platform` once.
 */
export const platformModule: PlatformModule = {
  name: 'platform',
  entities: [],
  resolvers: [],
  // A level answers for its own platform only.
  nodes: levelNodeTypes('Platform', PLATFORM_TYPES, async (ctx, localId) => (localId === ctx.level ? platformById(localId) : null)),
};
