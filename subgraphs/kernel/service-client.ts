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
  const headers = signedHeaders(config, pathname + search, request, body);
  let payload: { data?: T; errors?: RemoteError[] };
  try {
    // A platform that accepts the connection and then hangs must not hold the caller for ever.
    const response = await fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(config.platformCallTimeoutMs) });
    payload = (await response.json()) as typeof payload;
  } catch (error) {
    throw unavailable(level, error);
  }
  if (payload.errors?.length) throw remoteError(level, payload.errors[0]);
  return payload.data as T;
}

type RemoteError = { message: string; extensions?: { code?: string; stacktrace?: unknown } & Record<string, unknown> };

/** The other level's code and details travel on (what a cancellation says, which field was wrong); its stack does not. */
function remoteError(level: Level, error: RemoteError): GraphQLError {
  const { code, stacktrace: _stack, ...details } = error.extensions ?? {};
  return platformError((code ?? 'PLATFORM_ERROR') as ErrorCode, `${level.toLowerCase()} platform: ${error.message}`, details);
}

const unavailable = (level: Level, error: unknown) => platformError('PLATFORM_UNAVAILABLE', `the ${level.toLowerCase()} platform did not answer: ${reasonOf(error)}`);

/** The signed headers of a call to another level's `path` (GraphQL or a service stream). */
function signedHeaders(config: Readonly<PlatformConfig>, path: string, request: { authorization: string; requestId: string }, body: string) {
  return {
    'content-type': 'application/json',
    ...traceHeaders(),
    authorization: request.authorization,
    'x-request-id': request.requestId,
    ...signRequest(config.gatewaySigningSecret, { method: 'POST', path, authorization: request.authorization, body }),
  };
}

const NEWLINE = 0x0a;

/**
 * Opens a service stream of another level (kernel/server/service-stream.ts) and yields its lines as
 * they arrive, parsed. Signed and authorised like `callPlatform`. Waiting longer than the call timeout
 * for the next bytes is the platform not answering. Returning early (`return()`, or a `for await`
 * left) closes the connection, which ends the stream at its source.
 */
export async function* streamFromPlatform(
  config: Readonly<PlatformConfig>,
  level: Level,
  request: { path: string; body: unknown; authorization: string; requestId: string },
): AsyncGenerator<unknown, void, undefined> {
  const url = new URL(request.path, config.subgraphs[level].url);
  const body = JSON.stringify(request.body);
  const abort = new AbortController();
  const waiting = () => setTimeout(() => abort.abort(new DOMException('no answer within the call timeout', 'TimeoutError')), config.platformCallTimeoutMs);
  let timer = waiting();
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  try {
    let response: Response;
    try {
      response = await fetch(url, { method: 'POST', headers: signedHeaders(config, url.pathname + url.search, request, body), body, signal: abort.signal });
    } catch (error) {
      throw unavailable(level, abort.signal.reason ?? error);
    }
    if (!response.ok || !response.body) {
      // Refused before the stream started (not signed, not a SERVICE call): a GraphQL-shaped error.
      const refusal = (await response.json().catch(() => null)) as { errors?: RemoteError[] } | null;
      throw refusal?.errors?.length ? remoteError(level, refusal.errors[0]) : unavailable(level, new Error(`HTTP ${response.status}`));
    }
    reader = response.body.getReader();
    // A line (a page) spans many chunks. Its bytes are kept as they came and each chunk is searched
    // once for the line's end; the line is decoded and parsed when it is whole.
    let partial: Buffer[] = [];
    for (;;) {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch (error) {
        throw unavailable(level, abort.signal.reason ?? error);
      }
      clearTimeout(timer);
      if (chunk.done) break;
      let bytes = Buffer.from(chunk.value.buffer, chunk.value.byteOffset, chunk.value.byteLength);
      let end: number;
      while ((end = bytes.indexOf(NEWLINE)) >= 0) {
        partial.push(bytes.subarray(0, end));
        const line = JSON.parse(Buffer.concat(partial).toString('utf8')) as { errors?: RemoteError[] };
        partial = [];
        bytes = bytes.subarray(end + 1);
        if (line.errors?.length) throw remoteError(level, line.errors[0]);
        yield line;
      }
      if (bytes.length > 0) partial.push(bytes);
      timer = waiting();
    }
    if (Buffer.concat(partial).toString('utf8').trim()) throw unavailable(level, new Error('the stream ended within a line'));
  } finally {
    clearTimeout(timer);
    await reader?.cancel().catch(() => undefined);
    abort.abort();
  }
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
