import { formatNumber, MeasuredScenario, ratio } from '../report';
import { BenchContext, Scenario, sideBySide, SideFigures } from '../scenario';
import { GatewayUnderTest } from '../stack';
import { CATALOG_PAGE, graphqlBody } from './operations';

const PAGE_SIZE = 20;
/** The memory budget for the whole gateway: primary and every worker together. */
const RSS_LIMIT_MB = 250;

const cpu = (side: SideFigures) =>
  `gateway ${formatNumber(side.cpuMsPerRequest.server, 1)} ms + subgraphs ${formatNumber(side.cpuMsPerRequest.subgraphs, 1)} ms`;
const figures = (name: string, side: SideFigures) =>
  `${name} ${formatNumber(side.rps, 1)} rps, p50 ${formatNumber(side.p50Ms, 0)} ms, p99 ${formatNumber(side.p99Ms, 0)} ms, CPU per request ${cpu(side)}`;

/**
 * P1: a page of the integrated catalog (region index, city and county items, region registries)
 * through our gateway and through stock @apollo/gateway, in turn, against the same subgraph
 * processes. Ours runs twice: as configured by default (one worker per core) and with one worker,
 * because on this machine the subgraphs and the load generator share the gateway's cores.
 * P6: the gateways' peak resident memory while they serve P1.
 */
export const catalogVersusStock: Scenario = {
  ids: ['P1', 'P6'],
  async run(context: BenchContext) {
    const { ours, oursOneWorker, stock, token } = context;
    const side = (label: string, gateway: GatewayUnderTest) => ({
      label,
      target: { url: gateway.url, body: graphqlBody(CATALOG_PAGE, { first: PAGE_SIZE }), headers: { authorization: `Bearer ${token}` } },
      servedByPid: gateway.service.pid,
    });
    const [perCore, single, theirs] = await sideBySide(context, [side('ours', ours), side('ours, 1 worker', oursOneWorker), side('stock', stock)]);
    return [
      throughput('P1', `ours (${ours.workers} workers, one per core)`, perCore, theirs),
      throughput('P1', 'ours (1 worker)', single, theirs),
      memory('P6', `ours (primary + ${ours.workers} workers)`, perCore, theirs),
      memory('P6', 'ours (primary + 1 worker)', single, theirs),
    ];
  },
};

function throughput(id: string, which: string, mine: SideFigures, theirs: SideFigures): MeasuredScenario {
  const rpsRatio = ratio(mine.rps, theirs.rps);
  return {
    id,
    title: `catalog page (${PAGE_SIZE} rows, 3 subgraphs, with items): ${which} vs stock @apollo/gateway`,
    ratio: rpsRatio,
    ratioLabel: 'RPS',
    absolute: `${figures('ours', mine)}; ${figures('stock', theirs)}; failures ${mine.failures} / ${theirs.failures}`,
    criteria: [
      { label: 'RPS ratio', actual: rpsRatio, comparison: '>=', target: 2, targetText: '2.0x' },
      { label: 'p99', actual: mine.p99Ms, comparison: '<=', target: theirs.p99Ms, targetText: `stock's (${formatNumber(theirs.p99Ms, 0)} ms)` },
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
