import { levelNodeTypes } from '../../kernel/graphql/node-registry';
import { PlatformModule } from '../../kernel/module';
import { REFLOW_APPLICATION_TYPES, ReflowApplication } from './application.entity';
import { ReflowApplicationFields, ReflowChangePageFields, ReflowRunFields, ReflowSubscriptionFields } from './graphql/fields';
import { PlatformReflow } from './graphql/platform.fields';
import { ReflowSourceOperations } from './graphql/source.resolver';
import { ReflowTargetOperations } from './graphql/target.resolver';
import { visibleApplication, visibleSubscription } from './queries';
import { ReflowRun, ReflowWatermark } from './run.entity';
import { REFLOW_SUBSCRIPTION_TYPES, ReflowSubscription } from './subscription.entity';
import { reflowChangesStream } from './source/stream';
import { startReflowScheduler } from './target/scheduler';

/**
 * Reflow down and aggregation up between adjacent levels (issue 5; 004 art. 18-19, 000 art. 16),
 * mounted by every level: each platform is the source of the data it holds (applications,
 * decisions, the pulls it serves) and the target of what it receives (subscriptions, watermarks,
 * runs, the scheduler). The engine itself is the kernel's (kernel/sync).
 */
export const reflowModule: PlatformModule = {
  name: 'reflow',
  entities: [ReflowApplication, ReflowSubscription, ReflowRun, ReflowWatermark],
  resolvers: [ReflowApplicationFields, ReflowSubscriptionFields, ReflowRunFields, ReflowChangePageFields, PlatformReflow, ReflowSourceOperations, ReflowTargetOperations],
  nodes: [
    ...levelNodeTypes('ReflowApplication', REFLOW_APPLICATION_TYPES, (ctx, localId) => visibleApplication(ctx, localId)),
    ...levelNodeTypes('ReflowSubscription', REFLOW_SUBSCRIPTION_TYPES, (ctx, localId) => visibleSubscription(ctx, localId)),
  ],
  start: startReflowScheduler,
  serviceFields: ['{level}ReflowChanges', '{level}ReflowChecksum'],
  serviceStreams: [reflowChangesStream],
};
