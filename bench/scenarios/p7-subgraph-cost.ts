import { buildBaseline } from '../baseline';
import { formatNumber, ratio } from '../report';
import { BenchContext, Scenario, sideBySide, SideFigures } from '../scenario';
import { CATALOG_PAGE, graphqlBody } from './operations';

const PAGE_SIZE = 20;

const side = (name: string, figures: SideFigures) =>
  `${name} ${formatNumber(figures.cpuMsPerRequest.subgraphs, 2)} ms subgraphs (${formatNumber(figures.rps, 1)} rps, gateway ${formatNumber(figures.cpuMsPerRequest.server, 1)} ms)`;

/**
 * P7: the platforms' CPU per cross-level catalog page, summed over the three levels, this checkout's
 * against the baseline commit's (bench/baseline.ts), in one run. Each build's own three platforms
 * serve P1's page through its own stock @apollo/gateway, so the gateway is the same code on both
 * sides and only the platforms differ; both start from the same demo data.
 */
export const subgraphCost: Scenario = {
  ids: ['P7'],
  async run(context: BenchContext) {
    const { stack, stock, token, settings, log } = context;
    log(`  building the baseline ${settings.baseline} in a worktree …`);
    const build = await buildBaseline(settings.baseline);
    const baseline = await stack.sibling({ distRoot: build.distRoot, name: 'baseline' });
    try {
      await baseline.startSubgraphs();
      const baselineStock = await baseline.startGateway({ name: 'baseline-stock', module: 'bench/stock-gateway.js', workers: 1 });
      const body = graphqlBody(CATALOG_PAGE, { first: PAGE_SIZE });
      const [now, before] = await sideBySide(context, [
        { label: 'platforms now', target: { url: stock.url, body, headers: { authorization: `Bearer ${token}` } }, servedByPid: stock.service.pid },
        {
          label: `platforms at ${build.revision}`,
          target: { url: baselineStock.url, body, headers: { authorization: `Bearer ${await baseline.token()}` } },
          servedByPid: baselineStock.service.pid,
          subgraphPids: baseline.subgraphPids(),
        },
      ]);
      const cost = ratio(now.cpuMsPerRequest.subgraphs, before.cpuMsPerRequest.subgraphs);
      return [
        {
          id: 'P7',
          title: `platforms' CPU per catalog page (${PAGE_SIZE} rows, sum of the three levels), this checkout vs ${build.revision}, each behind stock @apollo/gateway`,
          ratio: cost,
          ratioLabel: 'CPU',
          absolute: `${side('now', now)}; ${side(build.revision, before)}; failures ${now.failures} / ${before.failures}`,
          criteria: [
            { label: 'CPU ratio', actual: cost, comparison: '<=', target: 0.33, targetText: '0.33x' },
            { label: 'failures', actual: now.failures + before.failures, comparison: '=', target: 0, targetText: '0' },
          ],
        },
      ];
    } finally {
      await baseline.stop(false);
      await build.remove();
    }
  },
};
