import '../gateway/no-phone-home';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { projectRoot } from '../subgraphs/kernel/config';
import { renderTable, RunDescription, ScenarioResult } from './report';
import { BenchContext, BenchSettings, Scenario } from './scenario';
import { catalogVersusStock } from './scenarios/p1-catalog-vs-stock';
import { gatewayOverhead } from './scenarios/p2-gateway-overhead';
import { statementsPerCatalogPage, statementsPerRecordQuery } from './scenarios/p3-statements';
import { enforcementCost } from './scenarios/p4-enforcement';
import { DEFAULT_REFLOW_ROWS, ReflowRowsSetting, reflowVersusRawInsert } from './scenarios/p5-reflow';
import { subgraphCost } from './scenarios/p7-subgraph-cost';
import { P7_BASELINE } from './baseline';
import { BenchStack } from './stack';

/** In order of execution; the catalog's P3 last, because it adds rows to the catalog. */
const SCENARIOS: Scenario[] = [catalogVersusStock, subgraphCost, gatewayOverhead, enforcementCost, statementsPerRecordQuery, reflowVersusRawInsert, statementsPerCatalogPage];

/** Our gateway standalone (gateway/main.ts): one worker per core. The stock one: one process, default configuration. */
const OUR_GATEWAY = 'gateway/main.js';
const STOCK_GATEWAY = 'bench/stock-gateway.js';
/** Hive Gateway's runtime: what a user would pick instead, serving the same supergraph (issue 17). */
const HIVE_GATEWAY = 'bench/hive-gateway.js';
const CORES = os.availableParallelism();

function settingsFromArgs(): { settings: BenchSettings & ReflowRowsSetting; only: Set<string> | null; profileDir: string | null } {
  const { values } = parseArgs({
    options: {
      duration: { type: 'string', default: '10' },
      warmup: { type: 'string', default: '3' },
      connections: { type: 'string', default: '32' },
      rounds: { type: 'string', default: '3' },
      'reflow-rows': { type: 'string', default: String(DEFAULT_REFLOW_ROWS) },
      only: { type: 'string' },
      profile: { type: 'string' },
      baseline: { type: 'string', default: P7_BASELINE },
    },
  });
  const positive = (name: string, raw: string) => {
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer, got '${raw}'`);
    return n;
  };
  return {
    settings: {
      durationSeconds: positive('duration', values.duration!),
      warmupSeconds: positive('warmup', values.warmup!),
      connections: positive('connections', values.connections!),
      rounds: positive('rounds', values.rounds!),
      reflowRows: positive('reflow-rows', values['reflow-rows']!),
      baseline: values.baseline!,
    },
    only: values.only ? new Set(values.only.split(',').map((id) => id.trim().toUpperCase())) : null,
    profileDir: values.profile ? path.resolve(values.profile) : null,
  };
}

async function main() {
  const { settings, only, profileDir } = settingsFromArgs();
  // CPU profiles of every service (our gateway's workers inherit the flags), written when they stop.
  const profiling = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  const started = Date.now();
  const run: RunDescription = {
    date: new Date(),
    cores: CORES,
    node: process.versions.node,
    database: '',
    load: `autocannon, ${settings.connections} connections, ${settings.rounds} × ${settings.durationSeconds} s per side (after ${settings.warmupSeconds} s warm-up), sides alternating`,
    loadAverageAtStart: os.loadavg()[0],
  };
  const log = (line: string) => console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);

  const stack = await BenchStack.create(profiling);
  run.database = stack.database;
  log(`services log to ${stack.logDir}`);
  const results: ScenarioResult[] = [];
  // The services' logs are kept when something went wrong, and only then.
  let keepLogs = true;
  let brokeOff = false;
  try {
    await stack.startSubgraphs();
    log('subgraphs ready');
    const [ours, oursOneWorker, stock, hive] = await Promise.all([
      stack.startGateway({ name: 'ours', module: OUR_GATEWAY, workers: CORES, env: { GATEWAY_WORKERS: '0', GATEWAY_SHOW_QUERY_PLANS: 'true' } }),
      stack.startGateway({ name: 'ours-1-worker', module: OUR_GATEWAY, workers: 1, env: { GATEWAY_WORKERS: '1', GATEWAY_SHOW_QUERY_PLANS: 'true' } }),
      stack.startGateway({ name: 'stock', module: STOCK_GATEWAY, workers: 1 }),
      stack.startGateway({ name: 'hive', module: HIVE_GATEWAY, workers: 1 }),
    ]);
    log(`gateways ready: ours ${ours.url}, ours with 1 worker ${oursOneWorker.url}, stock ${stock.url}, hive ${hive.url}`);
    const context: BenchContext = { stack, ours, oursOneWorker, stock, hive, token: await stack.token(), settings, log };
    for (const scenario of SCENARIOS) {
      if (only && !scenario.ids.some((id) => only.has(id))) continue;
      log(`${scenario.ids.join('+')} …`);
      try {
        results.push(...(await scenario.run(context)));
      } catch (error) {
        log(`${scenario.ids.join('+')} broke off: ${(error as Error).message}`);
        brokeOff = true;
        results.push({ id: scenario.ids.join('+'), title: 'broke off with an error', error: (error as Error).message.slice(0, 300) });
      }
    }
    keepLogs = brokeOff;
  } finally {
    await stack.stop(keepLogs);
    if (keepLogs) log(`the services' logs are kept in ${stack.logDir}`);
  }

  const table = renderTable(results, run);
  const resultsDir = path.join(projectRoot(), 'bench', 'results');
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(path.join(resultsDir, 'latest.md'), table);
  writeFileSync(path.join(resultsDir, `${run.date.toISOString().replace(/[:.]/g, '-')}.raw.json`), JSON.stringify({ run, settings, results }, null, 2));
  console.log('\n' + table);
  log(`done; table in bench/results/latest.md`);
  if (profileDir) log(`CPU profiles in ${profileDir}: node dist/bench/profile-summary.js <file> --skip 10`);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
