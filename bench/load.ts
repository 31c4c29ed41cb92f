import autocannon from 'autocannon';
import { LoadFigures } from './report';

export interface LoadTarget {
  url: string;
  /** The JSON body of every request. */
  body: string;
  headers: Record<string, string>;
  /**
   * Extra headers computed per request, after the body is fixed: subgraphs refuse a signature they have
   * seen before, so a request sent straight to a subgraph needs a fresh one every time.
   */
  perRequestHeaders?: () => Record<string, string>;
}

export interface LoadShape {
  connections: number;
  durationSeconds: number;
}

/** A response counts only if it is GraphQL data without errors: a fast error is not throughput. */
const isCleanGraphQLData = (body: unknown) => {
  const text = String(body);
  return text.startsWith('{"data"') && !text.includes('"errors"');
};

/** One bounded, closed-loop autocannon run (fixed connections, fixed duration) against one target. */
export async function runLoad(target: LoadTarget, shape: LoadShape): Promise<LoadFigures> {
  const headers = { 'content-type': 'application/json', ...target.headers };
  const perRequest = target.perRequestHeaders;
  const result = await autocannon({
    url: target.url,
    method: 'POST',
    connections: shape.connections,
    duration: shape.durationSeconds,
    timeout: 10,
    headers,
    body: target.body,
    verifyBody: isCleanGraphQLData,
    requests: perRequest ? [{ setupRequest: (request) => ({ ...request, headers: { ...headers, ...perRequest() } }) }] : undefined,
  });
  return {
    rps: result.requests.total / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    failures: result.errors + result.timeouts + result.non2xx + result.mismatches,
  };
}
