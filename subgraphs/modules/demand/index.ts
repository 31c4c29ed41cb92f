import { Level } from '../../kernel/levels';
import { PlatformModule } from '../../kernel/module';
import { DemandApplication } from './demand.entity';
import { DemandFields, ResponsibilityEntryFields } from './graphql/fields.resolver';
import { demandLevelResolver } from './graphql/level.resolver';
import { ResponsibilityEntry } from './responsibility.entity';

const built = new Map<Level, PlatformModule>();

/**
 * Demand applications and the demand / responsibility / negative lists (issue 4 item 7; 004 art.
 * 20, 24), mounted by every level: an agency files with the platform of its own level.
 */
export function demandModule(level: Level): PlatformModule {
  let module = built.get(level);
  if (!module) {
    module = {
      name: 'demand',
      entities: [DemandApplication, ResponsibilityEntry],
      resolvers: [demandLevelResolver(level), DemandFields, ResponsibilityEntryFields],
    };
    built.set(level, module);
  }
  return module;
}
