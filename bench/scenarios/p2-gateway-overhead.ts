import { signRequest } from '../../subgraphs/kernel/auth/request-signature';
import { LEVELS, SUBGRAPH_NAME } from '../../subgraphs/kernel/levels';
import { formatNumber, ratio } from '../report';
import { BenchContext, postGraphQL, Scenario, sideBySide } from '../scenario';
import { CATALOG_INDEX_PAGE, graphqlBody } from './operations';

const VARIABLES = { first: 20 };

interface FetchNode {
  kind: 'Fetch';
  serviceName: string;
  operation: string;
  operationName?: string;
  variableUsages?: string[];
}

/**
 * The subgraph request our gateway makes for an operation it answers with one fetch, read from the
 * gateway's own query plan (shown outside production on request): the direct side then does exactly
 * the subgraph's share of the work, and the difference is the gateway.
 */
async function singleFetchOf(context: BenchContext, body: string): Promise<FetchNode> {
  const answer = await postGraphQL(context.ours.url, body, {
    authorization: `Bearer ${context.token}`,
    'apollo-query-plan-experimental': '1',
    'apollo-query-plan-experimental-format': 'internal',
  });
  const node = answer?.extensions?.__queryPlanExperimental?.node;
  if (node?.kind !== 'Fetch') throw new Error(`P2 needs an operation planned as one fetch; got ${JSON.stringify(node?.kind ?? answer)}`);
  return node as FetchNode;
}

/** P2: our gateway's RPS relative to the same work sent straight to the subgraph that does it (the region, busiest in P1). */
export const gatewayOverhead: Scenario = {
  ids: ['P2'],
  async run(context: BenchContext) {
    const { ours, token, stack } = context;
    const authorization = `Bearer ${token}`;
    const gatewayBody = graphqlBody(CATALOG_INDEX_PAGE, VARIABLES);
    const fetch = await singleFetchOf(context, gatewayBody);
    const level = LEVELS.find((l) => SUBGRAPH_NAME[l] === fetch.serviceName)!;
    const subgraphUrl = stack.config.subgraphs[level].url;
    const used = Object.fromEntries((fetch.variableUsages ?? []).map((name) => [name, VARIABLES[name as keyof typeof VARIABLES]]));
    const directBody = JSON.stringify({ query: fetch.operation, variables: used, ...(fetch.operationName ? { operationName: fetch.operationName } : {}) });
    const path = new URL(subgraphUrl).pathname;
    const secret = stack.config.gatewaySigningSecret;

    const [gateway, direct] = await sideBySide(context, [
      { label: 'ours', target: { url: ours.url, body: gatewayBody, headers: { authorization } }, servedByPid: ours.service.pid },
      {
        label: `${fetch.serviceName} direct`,
        target: {
          url: subgraphUrl,
          body: directBody,
          headers: { authorization },
          perRequestHeaders: () => signRequest(secret, { method: 'POST', path, authorization, body: directBody }),
        },
        servedByPid: stack.subgraphs[level].pid,
      },
    ]);
    const overhead = ratio(gateway.rps, direct.rps);
    return [
      {
        id: 'P2',
        title: `gateway overhead: catalog index page through our gateway vs the same fetch sent straight to the ${fetch.serviceName} subgraph`,
        ratio: overhead,
        ratioLabel: 'RPS',
        absolute:
          `gateway ${formatNumber(gateway.rps, 1)} rps, p99 ${formatNumber(gateway.p99Ms, 0)} ms, ` +
          `CPU ${formatNumber(gateway.cpuMsPerRequest.server, 1)} ms gateway + ${formatNumber(gateway.cpuMsPerRequest.subgraphs, 1)} ms subgraphs per request; ` +
          `direct ${formatNumber(direct.rps, 1)} rps, p99 ${formatNumber(direct.p99Ms, 0)} ms, ` +
          `CPU ${formatNumber(direct.cpuMsPerRequest.subgraphs, 1)} ms subgraphs per request; failures ${gateway.failures} / ${direct.failures}`,
        criteria: [
          { label: 'RPS ratio', actual: overhead, comparison: '>=', target: 0.9, targetText: '0.9x' },
          { label: 'failures', actual: gateway.failures + direct.failures, comparison: '=', target: 0, targetText: '0' },
        ],
      },
    ];
  },
};
