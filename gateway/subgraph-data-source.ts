import { traceHeaders } from '../subgraphs/kernel/tracing';
import type { Logger, ServiceMetrics } from '../subgraphs/kernel/observability';
import { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { DocumentNode, GraphQLFormattedError, Kind, OperationDefinitionNode, parse } from 'graphql';
import { Pool } from 'undici';
import { PUBLIC_CALLER_HEADER } from '../subgraphs/kernel/auth/caller';
import { signRequest } from '../subgraphs/kernel/auth/request-signature';
import { Level } from '../subgraphs/kernel/levels';
import { PURPOSE_HEADER } from '../subgraphs/kernel/server/http';

/** What the gateway forwards from the incoming request, and what a subgraph's answer tells it back (see GatewayContext). */
export interface ForwardedContext {
  authorization?: string;
  requestId?: string;
  /** The x-data-purpose header as the client sent it (percent-encoded), forwarded and signed. */
  purpose?: string;
  /** A request without a token: the client's address, forwarded and signed (auth/caller.ts). */
  publicCaller?: string;
  /** Set when a platform refused the caller's identity: the whole request is then answered 401 with this reason. */
  identityRefusal?: string;
  /** Bytes of subgraph responses so far in this request (the response backstop counts them). */
  responseBytes?: number;
  /** Set when they passed the backstop: the whole request is then refused with this reason. */
  responseTooLarge?: string;
}

/** Idle connections are closed before the subgraph's own keep-alive timeout (65 s) could close them under a request. */
const IDLE_CONNECTION_TIMEOUT_MS = 30_000;

export interface SubgraphCallLimits {
  maxSockets: number;
  /** The response backstop: bytes of subgraph responses one client request may gather. */
  maxResponseBytes: number;
}

/**
 * How the gateway calls one subgraph: the caller's token and request id forwarded, every request
 * signed (see request-signature.ts), over a bounded pool of keep-alive connections to that subgraph.
 *
 * It replaces RemoteGraphQLDataSource on the hot path, which per subgraph call builds node-fetch
 * Headers and a Request it never sends, goes through WHATWG fetch and its web streams, and reads the
 * response's cache-control header for a cache policy this gateway never uses (responses are per
 * caller). What a subgraph receives is the same: `{ query, variables, operationName }` as JSON.
 *
 * What a client sees of a subgraph's trouble is said here, in the platform's words and at the paths
 * it affects, never as a raw response with an internal address: an unreachable level is
 * SUBGRAPH_UNAVAILABLE naming the level, a refused input is BAD_USER_INPUT with the subgraph's message.
 */
export class SignedSubgraphDataSource implements GraphQLDataSource<ForwardedContext> {
  private readonly pool: Pool;
  /** Signed with every request, so computed once: the URL never changes. */
  private readonly path: string;

  constructor(
    private readonly level: Level,
    url: string,
    private readonly signingSecret: string,
    private readonly limits: SubgraphCallLimits,
    private readonly observed: { metrics: ServiceMetrics; log: Logger },
  ) {
    const parsed = new URL(url);
    this.path = parsed.pathname + parsed.search;
    this.pool = new Pool(parsed.origin, { connections: limits.maxSockets, pipelining: 1, keepAliveTimeout: IDLE_CONNECTION_TIMEOUT_MS });
  }

  /** One fetch from this level, timed by outcome; a level that does not answer is logged. */
  async process(options: GraphQLDataSourceProcessOptions<ForwardedContext>): Promise<GatewayGraphQLResponse> {
    const started = performance.now();
    const response = await this.fetch(options);
    const codes = (response.errors ?? []).map((e) => e.extensions?.code);
    const outcome = codes.includes('SUBGRAPH_UNAVAILABLE') ? 'unavailable' : codes.length ? 'errors' : 'ok';
    this.observed.metrics.subgraphFetchSeconds.observe({ level: this.level, outcome }, (performance.now() - started) / 1000);
    if (outcome === 'unavailable') this.observed.log.warn({ level: this.level, requestId: (options.context as ForwardedContext).requestId }, 'level unavailable');
    return response;
  }

  private async fetch(options: GraphQLDataSourceProcessOptions<ForwardedContext>): Promise<GatewayGraphQLResponse> {
    const { request, context } = options;
    const document = 'document' in options ? options.document : undefined;
    if (!request.query) throw new Error('Missing query');
    const forwarded = context as ForwardedContext;
    const body = JSON.stringify({ query: request.query, variables: request.variables, operationName: request.operationName });
    const { authorization = '', requestId, purpose = '', publicCaller = '' } = forwarded;
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      ...traceHeaders(),
      ...signRequest(this.signingSecret, { method: 'POST', path: this.path, authorization, purpose, publicCaller, body }),
    };
    if (authorization) headers.authorization = authorization;
    if (publicCaller) headers[PUBLIC_CALLER_HEADER] = publicCaller;
    if (purpose) headers[PURPOSE_HEADER] = purpose;
    if (requestId) headers['x-request-id'] = requestId;

    // Worked out only when a fetch fails: a parse of the subgraph operation when the gateway passed no document.
    const affected = () => affectedPaths(document ?? parse(request.query!), request.variables);
    let answer: { status: number; text: string };
    try {
      answer = await this.post(headers, body);
    } catch {
      return failure(affected(), `the ${this.level.toLowerCase()} platform is unavailable`, 'SUBGRAPH_UNAVAILABLE', this.level);
    }
    forwarded.responseBytes = (forwarded.responseBytes ?? 0) + Buffer.byteLength(answer.text);
    if (forwarded.responseBytes > this.limits.maxResponseBytes) {
      forwarded.responseTooLarge = `the response would exceed ${this.limits.maxResponseBytes} bytes; ask for fewer or smaller pages, or fewer fields`;
      return failure(affected(), forwarded.responseTooLarge, 'RESPONSE_TOO_LARGE', this.level);
    }
    const parsed = parseJson(answer.text) as GatewayGraphQLResponse | undefined;
    if (answer.status >= 200 && answer.status <= 299 && typeof parsed === 'object' && parsed !== null) return parsed;
    const errors = Array.isArray(parsed?.errors) && parsed!.errors.length > 0 ? parsed!.errors : null;
    if (answer.status === 401 && errors) {
      forwarded.identityRefusal ??= errors[0].message;
      return failure(affected(), errors[0].message, 'UNAUTHENTICATED', this.level);
    }
    if (answer.status >= 400 && answer.status <= 499 && errors) {
      const paths = affected();
      return { errors: errors.flatMap((error) => asInputError(error, paths)) };
    }
    return failure(affected(), `the ${this.level.toLowerCase()} platform could not answer (HTTP ${answer.status})`, 'SUBGRAPH_ERROR', this.level);
  }

  private async post(headers: Record<string, string>, body: string): Promise<{ status: number; text: string }> {
    const response = await this.pool.request({ path: this.path, method: 'POST', headers, body });
    return { status: response.statusCode, text: await response.body.text() };
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}

type Path = (string | number)[];

/**
 * Where a failed fetch leaves holes, as paths in the subgraph operation that the gateway maps back into
 * the client's response: each root field a root fetch selects, or each entity an `_entities` fetch
 * asked for (the gateway hydrates `['_entities', i]` to that object's place in the response).
 */
function affectedPaths(document: DocumentNode | undefined, variables: Record<string, unknown> | undefined): Path[] {
  const representations = variables?.representations;
  if (Array.isArray(representations)) return representations.map((_, i) => ['_entities', i]);
  const operation = document?.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  return (operation?.selectionSet.selections ?? []).flatMap((s) => (s.kind === Kind.FIELD ? [[s.alias?.value ?? s.name.value]] : []));
}

function failure(paths: Path[], message: string, code: string, level: Level): GatewayGraphQLResponse {
  const extensions = { code, level };
  return { errors: paths.length ? paths.map((path) => ({ message, path, extensions })) : [{ message, extensions }] };
}

/**
 * A subgraph's 4xx answer to input the gateway passed on (a variable or literal the gateway cannot
 * check: custom scalars are opaque to it). To the client that is its own input: BAD_USER_INPUT, at
 * the fields the fetch served when the subgraph gave no path.
 */
function asInputError(error: GraphQLFormattedError, affected: Path[]): GraphQLFormattedError[] {
  const code = error.extensions?.code;
  const extensions = { ...error.extensions, code: code === 'GRAPHQL_VALIDATION_FAILED' || code === undefined ? 'BAD_USER_INPUT' : code };
  delete (extensions as Record<string, unknown>).stacktrace;
  const { locations: _locations, ...rest } = error;
  if (error.path || affected.length === 0) return [{ ...rest, extensions }];
  return affected.map((path) => ({ ...rest, path, extensions }));
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
