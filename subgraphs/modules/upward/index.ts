import { Level } from '../../kernel/levels';
import { PlatformModule } from '../../kernel/module';
import { UpwardApplicationRow } from './application.entity';
import { operationResolvers } from './graphql/operations.resolver';
import { receptionResolvers } from './graphql/reception.resolver';
import { stepResolvers, upwardReference } from './graphql/steps.resolver';

const built = new Map<Level, PlatformModule>();

/**
 * Upward applications (issue 6; 004 art. 25, 000 art. 23), mounted by every level: an agency files
 * on its own platform; each authority on the route forwards, routes or refuses on its own platform;
 * the holder's data source department decides through the sharing module, whose grant then opens the
 * approved items. One `UpwardApplication` entity, each level's step a field its subgraph owns.
 */
export function upwardModule(level: Level): PlatformModule {
  const existing = built.get(level);
  if (existing) return existing;
  const module: PlatformModule = {
    name: 'upward',
    entities: [UpwardApplicationRow],
    resolvers: [...stepResolvers(level), ...operationResolvers(level), ...receptionResolvers(level)],
    referenceResolvers: upwardReference,
  };
  built.set(level, module);
  return module;
}
