import { STATUS_CODES } from 'node:http';
import { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { GraphQLError } from 'graphql';
import { Pool } from 'undici';
import { signRequest } from '../subgraphs/kernel/auth/request-signature';

/** What the gateway forwards from the incoming request (see GatewayContext). */
interface ForwardedContext {
  authorization?: string;
  requestId?: string;
}

/** Idle connections are closed before the subgraph's own keep-alive timeout (65 s) could close them under a request. */
const IDLE_CONNECTION_TIMEOUT_MS = 30_000;

/**
 * How the gateway calls one subgraph: the caller's token and request id forwarded, every request
 * signed (see request-signature.ts), over a bounded pool of keep-alive connections to that subgraph.
 *
 * It replaces RemoteGraphQLDataSource on the hot path, which per subgraph call builds node-fetch
 * Headers and a Request it never sends, goes through WHATWG fetch and its web streams, and reads the
 * response's cache-control header for a cache policy this gateway never uses (responses are per
 * caller). What a subgraph receives is the same: `{ query, variables, operationName }` as JSON.
 */
export class SignedSubgraphDataSource implements GraphQLDataSource<ForwardedContext> {
  private readonly pool: Pool;
  /** Signed with every request, so computed once: the URL never changes. */
  private readonly path: string;

  constructor(
    private readonly url: string,
    private readonly signingSecret: string,
    maxSockets: number,
  ) {
    const parsed = new URL(url);
    this.path = parsed.pathname + parsed.search;
    this.pool = new Pool(parsed.origin, { connections: maxSockets, pipelining: 1, keepAliveTimeout: IDLE_CONNECTION_TIMEOUT_MS });
  }

  async process({ request, context }: GraphQLDataSourceProcessOptions<ForwardedContext>): Promise<GatewayGraphQLResponse> {
    if (!request.query) throw new Error('Missing query');
    const body = JSON.stringify({ query: request.query, variables: request.variables, operationName: request.operationName });
    const { authorization = '', requestId } = context as ForwardedContext;
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      ...signRequest(this.signingSecret, { method: 'POST', path: this.path, authorization, body }),
    };
    if (authorization) headers.authorization = authorization;
    if (requestId) headers['x-request-id'] = requestId;

    const { status, text } = await this.post(headers, body);
    if (status < 200 || status > 299) throw this.errorFromResponse(status, text);
    const parsed = parseJson(text);
    if (typeof parsed !== 'object' || parsed === null) {
      throw new Error(`Expected JSON response body, but received: ${text.slice(0, 200)}`);
    }
    return parsed as GatewayGraphQLResponse;
  }

  private async post(headers: Record<string, string>, body: string): Promise<{ status: number; text: string }> {
    const response = await this.pool.request({ path: this.path, method: 'POST', headers, body });
    return { status: response.statusCode, text: await response.body.text() };
  }

  /** The same error RemoteGraphQLDataSource raises for a refused subgraph call (e.g. 401 UNAUTHENTICATED). */
  private errorFromResponse(status: number, text: string): GraphQLError {
    const statusText = STATUS_CODES[status] ?? '';
    const code = status === 401 ? 'UNAUTHENTICATED' : status === 403 ? 'FORBIDDEN' : undefined;
    return new GraphQLError(`${status}: ${statusText}`, {
      extensions: { response: { url: this.url, status, statusText, body: parseJson(text) ?? text }, ...(code ? { code } : {}) },
    });
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
