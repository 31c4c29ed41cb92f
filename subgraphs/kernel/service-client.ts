import { signRequest } from './auth/request-signature';
import { PlatformConfig } from './config';
import { ErrorCode, platformError } from './errors';
import { Level } from './levels';

/**
 * Explicit flows between levels (a city reporting its catalog to the region, reflow, upward
 * applications) go through the other level's subgraph API, never its database. The calling
 * platform signs the request like the gateway does and forwards the acting user's token, so the
 * receiving level authenticates and authorises the person behind the flow.
 */
export async function callPlatform<T = any>(
  config: Readonly<PlatformConfig>,
  level: Level,
  request: { query: string; variables?: Record<string, unknown>; authorization: string; requestId: string },
): Promise<T> {
  const url = config.subgraphs[level].url;
  const body = JSON.stringify({ query: request.query, variables: request.variables ?? {} });
  const { pathname, search } = new URL(url);
  const headers = {
    'content-type': 'application/json',
    authorization: request.authorization,
    'x-request-id': request.requestId,
    ...signRequest(config.gatewaySigningSecret, { method: 'POST', path: pathname + search, authorization: request.authorization, body }),
  };
  let response: Response;
  try {
    response = await fetch(url, { method: 'POST', headers, body });
  } catch (error) {
    throw platformError('PLATFORM_UNAVAILABLE', `the ${level.toLowerCase()} platform did not answer: ${(error as Error).message}`);
  }
  const payload = (await response.json()) as { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
  if (payload.errors?.length) {
    const first = payload.errors[0];
    throw platformError((first.extensions?.code ?? 'PLATFORM_ERROR') as ErrorCode, `${level.toLowerCase()} platform: ${first.message}`);
  }
  return payload.data as T;
}
