import { Agent, fetch as undiciFetch } from 'undici';
import { signRequest } from '../subgraphs/kernel/auth/request-signature';

type FetchInit = { method?: string; headers?: Record<string, string>; body?: string };

/**
 * The gateway's fetcher for subgraph calls: signs each request (see request-signature.ts) and keeps
 * a bounded pool of keep-alive connections per subgraph.
 */
export function createSigningFetcher(secret: string, maxSocketsPerOrigin: number) {
  const dispatcher = new Agent({ connections: maxSocketsPerOrigin, keepAliveTimeout: 30_000, pipelining: 1 });
  const fetcher = async (url: string, init: FetchInit = {}) => {
    const headers: Record<string, string> = { ...(init.headers ?? {}) };
    const { pathname, search } = new URL(url);
    const authorization = headers.authorization ?? headers.Authorization ?? '';
    Object.assign(headers, signRequest(secret, { method: init.method ?? 'POST', path: pathname + search, authorization, body: init.body ?? '' }));
    return undiciFetch(url, { method: init.method ?? 'POST', headers, body: init.body, dispatcher });
  };
  return { fetcher, close: () => dispatcher.close() };
}
