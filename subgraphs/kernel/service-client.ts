import { traceHeaders } from './tracing';
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
    ...traceHeaders(),
    authorization: request.authorization,
    'x-request-id': request.requestId,
    ...signRequest(config.gatewaySigningSecret, { method: 'POST', path: pathname + search, authorization: request.authorization, body }),
  };
  let response: Response;
  let payload: { data?: T; errors?: { message: string; extensions?: { code?: string; stacktrace?: unknown } & Record<string, unknown> }[] };
  try {
    // A platform that accepts the connection and then hangs must not hold the caller for ever.
    response = await fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(config.platformCallTimeoutMs) });
    payload = (await response.json()) as typeof payload;
  } catch (error) {
    throw platformError('PLATFORM_UNAVAILABLE', `the ${level.toLowerCase()} platform did not answer: ${reasonOf(error)}`);
  }
  if (payload.errors?.length) {
    // The other level's code and details travel on (what a cancellation says, which field was wrong); its stack does not.
    const { code, stacktrace: _stack, ...details } = payload.errors[0].extensions ?? {};
    throw platformError((code ?? 'PLATFORM_ERROR') as ErrorCode, `${level.toLowerCase()} platform: ${payload.errors[0].message}`, details);
  }
  return payload.data as T;
}

/** Why a call got no GraphQL answer, in words: refused, timed out, or not a GraphQL response. */
function reasonOf(error: unknown): string {
  const { name, message, cause } = error as Error & { cause?: { code?: string } };
  if (name === 'TimeoutError') return 'no answer within the call timeout (PLATFORM_CALL_TIMEOUT_MS)';
  if (name === 'SyntaxError') return 'its answer was not a GraphQL response';
  return cause?.code ? `${message} (${cause.code})` : message;
}
