import { levelName } from '../../kernel/graphql/level-names';
import { Level } from '../../kernel/levels';
import { PlatformModule } from '../../kernel/module';
import { ReflowApplication } from './application.entity';
import { ReflowApplicationFields, ReflowChangePageFields } from './graphql/fields';
import { reflowSourceResolver } from './graphql/source.resolver';
import { reflowTargetResolver } from './graphql/target.resolver';
import { ReflowRun, ReflowWatermark } from './run.entity';
import { ReflowSubscription } from './subscription.entity';
import { startReflowScheduler } from './target/scheduler';

const built = new Map<Level, PlatformModule>();

/**
 * Reflow down and aggregation up between adjacent levels (issue 5; 004 art. 18-19, 000 art. 16),
 * mounted by every level: each platform is the source of the data it holds (applications,
 * decisions, the pulls it serves) and the target of what it receives (subscriptions, watermarks,
 * runs, the scheduler). The engine itself is the kernel's (kernel/sync).
 */
export function reflowModule(level: Level): PlatformModule {
  const existing = built.get(level);
  if (existing) return existing;
  const module: PlatformModule = {
    name: 'reflow',
    entities: [ReflowApplication, ReflowSubscription, ReflowRun, ReflowWatermark],
    resolvers: [ReflowApplicationFields, ReflowChangePageFields, reflowSourceResolver(level), reflowTargetResolver(level)],
    start: startReflowScheduler,
    serviceFields: [levelName(level, '{level}ReflowChanges'), levelName(level, '{level}ReflowChecksum')],
  };
  built.set(level, module);
  return module;
}
