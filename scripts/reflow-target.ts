import { loadConfig } from '../subgraphs/kernel/config';
import { decodeGlobalId } from '../subgraphs/kernel/graphql/global-id';
import { createDataSource } from '../subgraphs/kernel/db/data-source';
import { targetLevelOf } from '../subgraphs/modules/reflow/subscription.entity';
import { ReceivingPlatform } from '../subgraphs/modules/reflow/target/runner';
import { levelEntities } from '../subgraphs/kernel/module';
import { LEVEL_DEFINITIONS } from '../subgraphs/levels';

/**
 * For the reflow commands: opens the database of the platform that receives the subscription (its
 * id names the level) — that database only; the source is reached over its API. The id is the
 * subscription's own (`city-…`) or its global id from the API (`reflowSubscriptions { nodes { id } }`).
 */
export async function withReceivingPlatform<T>(given: string | undefined, usage: string, work: (platform: ReceivingPlatform, subscriptionId: string) => Promise<T>): Promise<T> {
  const decoded = given ? decodeGlobalId(given) : null;
  const subscriptionId = decoded?.typeName.endsWith('ReflowSubscription') ? decoded.localId : given;
  const level = subscriptionId ? targetLevelOf(subscriptionId) : null;
  if (!subscriptionId || !level) throw new Error(`${subscriptionId ? `'${subscriptionId}' is not a reflow subscription id (e.g. city-…). ` : ''}usage: ${usage}`);
  const config = loadConfig();
  const definition = LEVEL_DEFINITIONS[level];
  const { dataSource } = createDataSource({ database: config.subgraphs[level].database, entities: levelEntities(definition), migrations: [], logSql: config.logSql });
  await dataSource.initialize();
  try {
    return await work({ level, db: dataSource, config }, subscriptionId);
  } finally {
    await dataSource.destroy();
  }
}
