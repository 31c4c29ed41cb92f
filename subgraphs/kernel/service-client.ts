import { traceHeaders } from './tracing';
import { signRequest } from './auth/request-signature';
import { PlatformConfig } from './config';
import { GraphQLError } from 'graphql';
import { conflict as conflictError, ErrorCode, platformError } from './errors';
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

/**
 * What the region keeps for every level (the agency registry, the register of open-data users) is
 * passed down to the city and county platforms before the region records it, with the registering
 * authority's token: a failure leaves the region unchanged and the registration can be repeated (a
 * lower platform that already holds the same entry answers as if it had just stored it).
 */
export async function passDownRegistration(
  ctx: { config: Readonly<PlatformConfig>; authorization: string; requestId: string },
  mutation: (lower: Level) => string,
  variables: Record<string, unknown>,
): Promise<void> {
  for (const lower of ['CITY', 'COUNTY'] as const) {
    await callPlatform(ctx.config, lower, { query: mutation(lower), variables, authorization: ctx.authorization, requestId: ctx.requestId }).catch((error: unknown) => {
      throw error instanceof GraphQLError ? error : conflictError(`the ${lower.toLowerCase()} platform did not take the registration; nothing was registered`);
    });
  }
}

/** Why a call got no GraphQL answer, in words: refused, timed out, or not a GraphQL response. */
function reasonOf(error: unknown): string {
  const { name, message, cause } = error as Error & { cause?: { code?: string } };
  if (name === 'TimeoutError') return 'no answer within the call timeout (PLATFORM_CALL_TIMEOUT_MS)';
  if (name === 'SyntaxError') return 'its answer was not a GraphQL response';
  return cause?.code ? `${message} (${cause.code})` : message;
}
