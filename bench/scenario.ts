import { LoadShape, LoadTarget, runLoad } from './load';
import { megabytes, sampleTreeRss, treeCpuMs } from './proc';
import { LoadFigures, ScenarioResult } from './report';
import { combineRounds, interleaving } from './rounds';
import { BenchStack, GatewayUnderTest } from './stack';

export interface BenchSettings extends LoadShape {
  /** Unmeasured load before the measured rounds: JIT, plan caches and connection pools warm up. */
  warmupSeconds: number;
  /** Measured runs per side, interleaved (see rounds.ts) so that drift on a shared machine hits every side alike. */
  rounds: number;
  /** The commit P7 compares the platforms with (bench/baseline.ts). */
  baseline: string;
}

export interface BenchContext {
  stack: BenchStack;
  /** Our gateway as configured by default: one worker per core. */
  ours: GatewayUnderTest;
  /** Our gateway with a single worker (GATEWAY_WORKERS=1), for a machine whose cores the subgraphs share. */
  oursOneWorker: GatewayUnderTest;
  stock: GatewayUnderTest;
  /** Hive Gateway's runtime on the same supergraph and subgraphs: the third side of P1. */
  hive: GatewayUnderTest;
  token: string;
  settings: BenchSettings;
  log(line: string): void;
}

/** One entry of the benchmark table (or several, when one measurement answers several goals). */
export interface Scenario {
  ids: string[];
  run(context: BenchContext): Promise<ScenarioResult[]>;
}

export interface Side {
  label: string;
  target: LoadTarget;
  /** The process serving this side (with its workers): its RSS is sampled and its CPU time counted while loaded. */
  servedByPid?: number;
  /** The platforms this side loads, when they are not the run's own three (P7's baseline build). */
  subgraphPids?: number[];
}

export interface SideFigures extends LoadFigures {
  rounds: LoadFigures[];
  peakRssMb: number;
  /**
   * CPU time per request of the serving process tree and of the three subgraphs: unlike the request rate,
   * it hardly changes when other work competes for the machine, so it shows where the time goes.
   */
  cpuMsPerRequest: { server: number; subgraphs: number };
}

/** Loads the sides in turn with the same connections and duration; returns each side's combined figures, in order. */
export async function sideBySide(context: BenchContext, sides: Side[]): Promise<SideFigures[]> {
  const { settings } = context;
  const warmup = { connections: settings.connections, durationSeconds: settings.warmupSeconds };
  for (const side of sides) await runLoad(side.target, warmup);

  const ownSubgraphs = context.stack.subgraphPids();
  const totals = sides.map(() => ({ runs: [] as LoadFigures[], peakRss: 0, serverCpu: 0, subgraphCpu: 0 }));
  for (const index of interleaving(settings.rounds, sides.length)) {
    const side = sides[index];
    const total = totals[index];
    const servers = side.servedByPid ? [side.servedByPid] : [];
    const sampler = side.servedByPid ? sampleTreeRss(side.servedByPid) : undefined;
    const subgraphPids = side.subgraphPids ?? ownSubgraphs;
    const cpuBefore = { server: treeCpuMs(servers), subgraphs: treeCpuMs(subgraphPids) };
    const figures = await runLoad(side.target, settings);
    total.serverCpu += treeCpuMs(servers) - cpuBefore.server;
    total.subgraphCpu += treeCpuMs(subgraphPids) - cpuBefore.subgraphs;
    if (sampler) total.peakRss = Math.max(total.peakRss, sampler.stop().peakBytes);
    total.runs.push(figures);
    context.log(`  ${side.label}: ${figures.rps.toFixed(1)} rps, p99 ${figures.p99Ms} ms, ${figures.failures} failures`);
  }
  return totals.map(({ runs, peakRss, serverCpu, subgraphCpu }) => {
    const combined = combineRounds(runs);
    const perRequest = (ms: number) => (combined.requests ? ms / combined.requests : 0);
    return { ...combined, rounds: runs, peakRssMb: megabytes(peakRss), cpuMsPerRequest: { server: perRequest(serverCpu), subgraphs: perRequest(subgraphCpu) } };
  });
}

/** POSTs one GraphQL operation and returns the parsed body. */
export async function postGraphQL(url: string, body: string, headers: Record<string, string>): Promise<any> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  return response.json();
}
