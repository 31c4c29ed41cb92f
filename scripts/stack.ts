import '../gateway/no-phone-home';
import 'reflect-metadata';
import { startGateway, RunningGateway } from '../gateway/gateway';
import { PlatformConfig } from '../subgraphs/kernel/config';
import { LEVELS, Level } from '../subgraphs/kernel/levels';
import { RunningSubgraph, startSubgraph } from '../subgraphs/kernel/server/subgraph-server';
import { LEVEL_DEFINITIONS } from '../subgraphs/levels';

export interface RunningStack {
  config: Readonly<PlatformConfig>;
  gateway: RunningGateway;
  subgraphs: Record<Level, RunningSubgraph>;
  stop(): Promise<void>;
}

/**
 * Starts the three level platforms and the gateway in one process. `ephemeralPorts` binds every
 * server to a free port and points the gateway at them (tests run several stacks side by side).
 */
export async function startStack(config: Readonly<PlatformConfig>, options: { ephemeralPorts?: boolean } = {}): Promise<RunningStack> {
  const subgraphs = {} as Record<Level, RunningSubgraph>;
  const started: RunningSubgraph[] = [];
  try {
    for (const level of LEVELS) {
      subgraphs[level] = await startSubgraph(LEVEL_DEFINITIONS[level], config, options.ephemeralPorts ? 0 : undefined);
      started.push(subgraphs[level]);
    }
  } catch (error) {
    await Promise.all(started.map((s) => s.stop()));
    throw error;
  }
  const effective: Readonly<PlatformConfig> = options.ephemeralPorts
    ? {
        ...config,
        subgraphs: Object.fromEntries(LEVELS.map((l) => [l, { ...config.subgraphs[l], url: subgraphs[l].url, port: subgraphs[l].port }])) as PlatformConfig['subgraphs'],
      }
    : config;
  const gateway = await startGateway(effective, { port: options.ephemeralPorts ? 0 : undefined });
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
