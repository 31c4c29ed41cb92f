import '../gateway/no-phone-home';
import 'reflect-metadata';
import { startGateway, RunningGateway } from '../gateway/gateway';
import { PlatformConfig } from '../subgraphs/kernel/config';
import { LEVELS, Level } from '../subgraphs/kernel/levels';
import { freePort } from '../subgraphs/kernel/server/http';
import { RunningSubgraph, startSubgraph, SubgraphOptions } from '../subgraphs/kernel/server/subgraph-server';
import { LEVEL_DEFINITIONS } from '../subgraphs/levels';

export interface RunningStack {
  config: Readonly<PlatformConfig>;
  gateway: RunningGateway;
  subgraphs: Record<Level, RunningSubgraph>;
  stop(): Promise<void>;
}

/**
 * Starts the three level platforms and the gateway in one process. `ephemeralPorts` gives every
 * server a free port (tests run several stacks side by side).
 */
export async function startStack(config: Readonly<PlatformConfig>, options: { ephemeralPorts?: boolean } & SubgraphOptions = {}): Promise<RunningStack> {
  const effective = options.ephemeralPorts ? await withFreePorts(config) : config;
  const subgraphs = await startLevels(effective, options);
  let gateway: RunningGateway;
  try {
    gateway = await startGateway(effective);
  } catch (error) {
    await Promise.all(LEVELS.map((l) => subgraphs[l].stop()));
    throw error;
  }
  return {
    config: effective,
    gateway,
    subgraphs,
    async stop() {
      await gateway.stop();
      await Promise.all(LEVELS.map((l) => subgraphs[l].stop()));
    },
  };
}

/** Starts the three level platforms; if one fails, those already started are stopped again. */
export async function startLevels(config: Readonly<PlatformConfig>, options: SubgraphOptions = {}): Promise<Record<Level, RunningSubgraph>> {
  const subgraphs = {} as Record<Level, RunningSubgraph>;
  try {
    for (const level of LEVELS) subgraphs[level] = await startSubgraph(LEVEL_DEFINITIONS[level], config, options);
  } catch (error) {
    await Promise.all(Object.values(subgraphs).map((s) => s.stop()));
    throw error;
  }
  return subgraphs;
}

/**
 * Every component must know every other's address (the gateway calls the levels, levels call each
 * other for reports and reflow), so free ports are chosen first and written into one config.
 */
async function withFreePorts(config: Readonly<PlatformConfig>): Promise<Readonly<PlatformConfig>> {
  const ports = await Promise.all([...LEVELS, 'GATEWAY'].map(() => freePort()));
  const subgraphs = Object.fromEntries(
    LEVELS.map((level, i) => [level, { ...config.subgraphs[level], port: ports[i], url: `http://127.0.0.1:${ports[i]}/graphql` }]),
  ) as PlatformConfig['subgraphs'];
  return Object.freeze({ ...config, subgraphs, gateway: { ...config.gateway, port: ports[LEVELS.length] } });
}
