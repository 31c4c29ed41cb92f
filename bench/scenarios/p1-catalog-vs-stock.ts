import { formatNumber, MeasuredScenario, ratio } from '../report';
import { BenchContext, Scenario, sideBySide, SideFigures } from '../scenario';
import { GatewayUnderTest } from '../stack';
import { CATALOG_INDEX_PAGE, CATALOG_PAGE, graphqlBody } from './operations';

const PAGE_SIZE = 20;
/** The memory budget for the whole gateway: primary and every worker together. */
const RSS_LIMIT_MB = 250;

const cpu = (side: SideFigures) =>
  `gateway ${formatNumber(side.cpuMsPerRequest.server, 1)} ms + subgraphs ${formatNumber(side.cpuMsPerRequest.subgraphs, 1)} ms`;
const figures = (name: string, side: SideFigures) =>
  `${name} ${formatNumber(side.rps, 1)} rps, p50 ${formatNumber(side.p50Ms, 0)} ms, p99 ${formatNumber(side.p99Ms, 0)} ms, CPU per request ${cpu(side)}`;

/**
 * P1: a page of the integrated catalog (region index, city and county items, region registries)
 * through our gateway, stock @apollo/gateway and Hive Gateway, in turn, against the same subgraph
 * processes. Ours runs twice: as configured by default (one worker per core) and with one worker,
 * because on this machine the subgraphs and the load generator share the gateway's cores. The
 * headline is the gateway's own CPU per request (P1); requests per second follow (P1b).
 * P6: the gateways' peak resident memory while they serve P1. The subgraphs' CPU per page is in
 * every row's figures; P7 (p7-subgraph-cost.ts) compares it with the baseline commit's.
 */
export const catalogVersusStock: Scenario = {
  ids: ['P1', 'P1B', 'P6'],
  async run(context: BenchContext) {
    const { ours, oursOneWorker, stock, hive, token } = context;
    const side = (label: string, gateway: GatewayUnderTest) => ({
      label,
      target: { url: gateway.url, body: graphqlBody(CATALOG_PAGE, { first: PAGE_SIZE }), headers: { authorization: `Bearer ${token}` } },
      servedByPid: gateway.service.pid,
    });
    const [perCore, single, theirs, hives] = await sideBySide(context, [side('ours', ours), side('ours, 1 worker', oursOneWorker), side('stock', stock), side('hive', hive)]);
    // Hive Gateway cannot plan the page above on this supergraph (its rows show every request failing);
    // the index page without items, one fetch to the region, it can: the three gateways compared where all answer.
    const indexSide = (label: string, gateway: GatewayUnderTest) => ({
      label,
      target: { url: gateway.url, body: graphqlBody(CATALOG_INDEX_PAGE, { first: PAGE_SIZE }), headers: { authorization: `Bearer ${token}` } },
      servedByPid: gateway.service.pid,
    });
    const [indexOurs, indexStock, indexHive] = await sideBySide(context, [indexSide('ours, 1 worker, index page', oursOneWorker), indexSide('stock, index page', stock), indexSide('hive, index page', hive)]);
    return [
      indexPageCpu(indexOurs, indexStock, indexHive),
      cpuPerRequest('P1', 'ours (1 worker)', single, theirs, hives),
      cpuPerRequest('P1', `ours (${ours.workers} workers, one per core)`, perCore, theirs, hives),
      throughput('P1b', `ours (${ours.workers} workers, one per core)`, perCore, theirs, hives),
      throughput('P1b', 'ours (1 worker)', single, theirs, hives),
      memory('P6', `ours (primary + ${ours.workers} workers)`, perCore, theirs),
      memory('P6', 'ours (primary + 1 worker)', single, theirs),
    ];
  },
};

const PAGE = `catalog page (${PAGE_SIZE} rows, 3 subgraphs, with items)`;
const sides = (mine: SideFigures, theirs: SideFigures, hives: SideFigures) =>
  `${figures('ours', mine)}; ${figures('stock', theirs)}; ${figures('hive', hives)}; failures ${mine.failures} / ${theirs.failures} / ${hives.failures}`;

/** P1, the headline: the gateway's own CPU time per request, ours ÷ stock, and below Hive Gateway's. */
function cpuPerRequest(id: string, which: string, mine: SideFigures, theirs: SideFigures, hives: SideFigures): MeasuredScenario {
  const cpuRatio = ratio(mine.cpuMsPerRequest.server, theirs.cpuMsPerRequest.server);
  return {
    id,
    title: `${PAGE}: gateway CPU per request, ${which} vs stock @apollo/gateway (and Hive Gateway)`,
    ratio: cpuRatio,
    ratioLabel: 'CPU',
    absolute: sides(mine, theirs, hives),
    criteria: [
      { label: 'CPU ratio', actual: cpuRatio, comparison: '<=', target: 0.25, targetText: '0.25x' },
      { label: 'CPU ms', actual: mine.cpuMsPerRequest.server, comparison: '<=', target: hives.cpuMsPerRequest.server, targetText: `Hive's (${formatNumber(hives.cpuMsPerRequest.server, 1)} ms)` },
      { label: 'failures', actual: mine.failures + theirs.failures + hives.failures, comparison: '=', target: 0, targetText: '0' },
    ],
  };
}

/** P1's goal on the page all three gateways can plan: the index page, one fetch to the region. */
function indexPageCpu(mine: SideFigures, theirs: SideFigures, hives: SideFigures): MeasuredScenario {
  const cpuRatio = ratio(mine.cpuMsPerRequest.server, theirs.cpuMsPerRequest.server);
  return {
    id: 'P1',
    title: `catalog index page (${PAGE_SIZE} rows, one fetch to the region, which Hive Gateway can plan): gateway CPU per request, ours (1 worker) vs stock @apollo/gateway (and Hive Gateway: ${formatNumber(ratio(mine.cpuMsPerRequest.server, hives.cpuMsPerRequest.server), 2)}x)`,
    ratio: cpuRatio,
    ratioLabel: 'CPU',
    absolute: `${figures('ours', mine)}; ${figures('stock', theirs)}; ${figures('hive', hives)}; failures ${mine.failures} / ${theirs.failures} / ${hives.failures}`,
    criteria: [
      { label: 'CPU ratio', actual: cpuRatio, comparison: '<=', target: 0.25, targetText: '0.25x' },
      { label: 'CPU ms', actual: mine.cpuMsPerRequest.server, comparison: '<=', target: hives.cpuMsPerRequest.server, targetText: `Hive's (${formatNumber(hives.cpuMsPerRequest.server, 1)} ms)` },
      { label: 'failures', actual: mine.failures + theirs.failures + hives.failures, comparison: '=', target: 0, targetText: '0' },
    ],
  };
}

/** P1b: requests per second at saturation, ours ÷ stock (≥ 2.0) and ÷ Hive Gateway (≥ 1.0). */
function throughput(id: string, which: string, mine: SideFigures, theirs: SideFigures, hives: SideFigures): MeasuredScenario {
  const rpsRatio = ratio(mine.rps, theirs.rps);
  const versusHive = ratio(mine.rps, hives.rps);
  return {
    id,
    title: `${PAGE}: RPS, ${which} vs stock @apollo/gateway (and vs Hive Gateway: ${formatNumber(versusHive, 2)}x)`,
    ratio: rpsRatio,
    ratioLabel: 'RPS',
    absolute: sides(mine, theirs, hives),
    criteria: [
      { label: 'RPS ratio', actual: rpsRatio, comparison: '>=', target: 2, targetText: '2.0x' },
      { label: 'RPS vs Hive', actual: versusHive, comparison: '>=', target: 1, targetText: '1.0x' },
      { label: 'failures', actual: mine.failures, comparison: '=', target: 0, targetText: '0' },
    ],
  };
}

function memory(id: string, which: string, mine: SideFigures, theirs: SideFigures): MeasuredScenario {
  return {
    id,
    title: `gateway peak RSS under P1 load: ${which}, summed`,
    ratio: ratio(mine.peakRssMb, theirs.peakRssMb),
    ratioLabel: 'of stock',
    absolute: `ours ${formatNumber(mine.peakRssMb, 0)} MB, stock ${formatNumber(theirs.peakRssMb, 0)} MB`,
    criteria: [{ label: 'ours', actual: mine.peakRssMb, comparison: '<=', target: RSS_LIMIT_MB, targetText: `${RSS_LIMIT_MB} MB` }],
  };
}
