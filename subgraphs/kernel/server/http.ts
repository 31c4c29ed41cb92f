import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { readFileSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { ApolloServer, BaseContext, HeaderMap } from '@apollo/server';
import type { Span } from '@opentelemetry/api';
import type { Logger, ServiceMetrics } from '../observability';
import { INTERNAL_ERROR_MESSAGE } from '../errors';
import { withServerSpan } from '../tracing';

/** A request as the authentication step sees it: raw body included, because signatures cover it. */
export interface IncomingGraphQLRequest {
  method: string;
  /** Path and query string, exactly as requested. */
  target: string;
  headers: HeaderMap;
  rawBody: Buffer;
  requestId: string;
  /** The peer's address (the connection's, not a header's: a client cannot choose it). */
  clientAddress: string;
}

export type Admission<C> =
  | { admit: true; context: C }
  /** Refused; a rate-limited request says when to come back (Retry-After, in seconds). */
  | { admit: false; status: number; code: string; message: string; retryAfterSeconds?: number };

/** What `/readyz` reports: ready when every check says "ok"; otherwise each failing check says why. */
export interface Readiness {
  ready: boolean;
  checks: Record<string, string>;
}

export interface GraphQLHttpOptions<C extends BaseContext> {
  apollo: ApolloServer<C>;
  admit: (request: IncomingGraphQLRequest) => Promise<Admission<C>>;
  allowGet?: boolean;
  maxBodyBytes?: number;
  /** `/readyz`: can this service do its work now (its database, or at the gateway every level)? */
  ready: () => Promise<Readiness>;
  /** Browser origins allowed to call (the gateway's CORS allowlist); none for the subgraphs, which browsers never call. */
  corsOrigins?: readonly string[];
  log: Logger;
  metrics: ServiceMetrics;
  /** `/metrics`: served when true; with a token, only to requests bearing it. */
  metricsAccess: { served: boolean; token: string | null };
  /** Pages served besides GraphQL (the gateway's GraphiQL); true when it answered. */
  pages?: (pathname: string, req: IncomingMessage, res: ServerResponse) => boolean;
  /** Who asked, for the request's log line: ids only, never a token. */
  describe: (context: C) => { agency: string | null; platform: string | null };
  /** Routes answered as streams of JSON lines instead of GraphQL, admitted like GraphQL requests (a platform's service streams). */
  streams?: readonly StreamRoute<C>[];
}

/**
 * A POST answered as NDJSON: one JSON value per line, sent as `serve` produces them. Once the request
 * is admitted the answer is 200; a failure after that is the stream's last line, `{"errors": [...]}`,
 * as a GraphQL answer carries its errors.
 */
export interface StreamRoute<C> {
  path: string;
  /** `send` resolves once the line is handed to the connection, false when the caller has gone. */
  serve(context: C, body: unknown, send: (line: unknown) => Promise<boolean>): Promise<void>;
  /** The error line's error, as the caller may see it (no stack or internals in production). */
  formatError(error: unknown): { message: string; extensions?: Record<string, unknown> };
}

/** What the log line of one GraphQL request says (never a token, a key or a value). */
interface RequestRecord {
  requestId: string | null;
  agency: string | null;
  /** The requester's level, from the registry (the gateway leaves it to the platforms). */
  platform: string | null;
  operation: string | null;
  errorCodes: string[];
}

const GRAPHQL_PATH = '/graphql';
const CORS_ALLOWED_HEADERS = 'authorization, content-type, x-request-id, x-data-purpose, traceparent';
/** Servers draining for shutdown: their answers close the connection instead of keeping it alive. */
const draining = new WeakSet<Server>();

/**
 * Plain node:http in front of Apollo Server: nothing is parsed or executed before `admit` has
 * authenticated the request, and a refused request gets a GraphQL-shaped error with no data.
 */
export function createGraphQLHttpServer<C extends BaseContext>(options: GraphQLHttpOptions<C>): Server {
  const maxBody = options.maxBodyBytes ?? 2 * 1024 * 1024;
  const server = createServer((req, res) => {
    // Every answer names its request (here, once, for every route), and a failure that escapes is logged under that name.
    const requestId = requestIdFrom(req.headers['x-request-id'] as string | undefined);
    res.setHeader('x-request-id', requestId);
    handle(req, res, requestId).catch((error) => {
      options.log.error({ err: error, requestId, route: (req.url ?? '/').split('?', 1)[0] }, 'request failed');
      if (!res.headersSent) sendError(res, 500, 'INTERNAL_SERVER_ERROR', INTERNAL_ERROR_MESSAGE);
      else res.destroy(error as Error);
    });
  });
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;

  async function handle(req: IncomingMessage, res: ServerResponse, requestId: string) {
    const target = req.url ?? '/';
    const pathname = target.split('?', 1)[0];
    if (draining.has(server)) res.setHeader('connection', 'close');
    if (pathname === '/healthz') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"alive"}');
      return;
    }
    if (pathname === '/readyz') {
      const readiness = draining.has(server) ? { ready: false, checks: { shutdown: 'draining: finishing the requests in flight' } } : await options.ready();
      res.writeHead(readiness.ready ? 200 : 503, { 'content-type': 'application/json' }).end(JSON.stringify({ status: readiness.ready ? 'ready' : 'not ready', checks: readiness.checks }));
      return;
    }
    if (pathname === '/metrics') return serveMetrics(req, res);
    if (options.pages?.(pathname, req, res)) return;
    const stream = options.streams?.find((route) => route.path === pathname);
    if (stream) return withServerSpan(`POST ${pathname}`, req.headers, { 'http.route': pathname, 'service.instance': options.metrics.service }, (span) => serveStream(req, res, target, span, requestId, stream));
    if (pathname !== GRAPHQL_PATH) return sendError(res, 404, 'NOT_FOUND', `no route ${pathname}; GraphQL is served at ${GRAPHQL_PATH}`);
    if (options.corsOrigins && !answersCors(req, res, options.corsOrigins)) return;
    return withServerSpan(`${req.method ?? 'GET'} ${GRAPHQL_PATH}`, req.headers, { 'http.route': GRAPHQL_PATH, 'service.instance': options.metrics.service }, (span) => graphql(req, res, target, span, requestId));
  }

  /**
   * Reads a request's body, authenticates it (`admit`) and parses its JSON; a request that is
   * refused on the way has been answered, and gets null.
   */
  async function admitted(req: IncomingMessage, res: ServerResponse, target: string, span: Span, requestId: string, record: RequestRecord, allowGet: boolean) {
    const method = req.method ?? 'GET';
    if (method !== 'POST' && !(allowGet && method === 'GET')) {
      sendError(res, 405, 'METHOD_NOT_ALLOWED', `${method} is not accepted here; send a POST with a JSON body`);
      return null;
    }
    const rawBody = await readBody(req, maxBody);
    if (rawBody === null) {
      sendError(res, 413, 'PAYLOAD_TOO_LARGE', `request body exceeds ${maxBody} bytes`);
      return null;
    }

    const headers = new HeaderMap();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    record.requestId = requestId;
    span.setAttribute('request.id', requestId);
    const admission = await options.admit({ method, target, headers, rawBody, requestId, clientAddress: req.socket.remoteAddress ?? '' });
    if (!admission.admit) {
      record.errorCodes.push(admission.code);
      if (admission.retryAfterSeconds !== undefined) res.setHeader('retry-after', String(admission.retryAfterSeconds));
      sendError(res, admission.status, admission.code, admission.message);
      return null;
    }
    Object.assign(record, options.describe(admission.context));

    let body: unknown;
    if (method === 'POST') {
      const text = decodeUtf8(rawBody);
      if (text === null) {
        sendError(res, 400, 'BAD_REQUEST', 'request body is not valid UTF-8');
        return null;
      }
      try {
        body = JSON.parse(text);
      } catch {
        sendError(res, 400, 'BAD_REQUEST', 'request body is not valid JSON');
        return null;
      }
    }
    return { method, headers, context: admission.context, body };
  }

  /** One GraphQL request, inside its server span. */
  async function graphql(req: IncomingMessage, res: ServerResponse, target: string, span: Span, requestId: string) {
    const started = performance.now();
    const record: RequestRecord = { requestId: null, agency: null, platform: null, operation: null, errorCodes: [] };
    res.once('finish', () => observe(record, res.statusCode, performance.now() - started, 'graphql request'));
    const request = await admitted(req, res, target, span, requestId, record, options.allowGet ?? false);
    if (!request) return;
    const { method, headers, context, body } = request;
    record.operation = operationNameOf(body);
    if (record.operation) span.setAttribute('graphql.operation.name', record.operation.slice(0, 100));
    const search = target.includes('?') ? target.slice(target.indexOf('?')) : '';
    const response = await options.apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method, headers, search, body },
      context: async () => context,
    });
    const outHeaders: Record<string, string> = {};
    for (const [name, value] of response.headers) outHeaders[name] = value;
    if (response.body.kind === 'complete') {
      record.errorCodes = errorCodesOf(response.body.string);
      res.writeHead(statusFor(response.status ?? 200, response.body.string), outHeaders);
      res.end(response.body.string);
      return;
    }
    res.writeHead(response.status ?? 200, outHeaders);
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  }

  /** One stream, inside its server span: lines as the route produces them, written at the pace the caller reads them. */
  async function serveStream(req: IncomingMessage, res: ServerResponse, target: string, span: Span, requestId: string, route: StreamRoute<C>) {
    const started = performance.now();
    const record: RequestRecord = { requestId: null, agency: null, platform: null, operation: route.path, errorCodes: [] };
    res.once('close', () => observe(record, res.statusCode, performance.now() - started, 'stream'));
    const request = await admitted(req, res, target, span, requestId, record, false);
    if (!request) return;
    res.writeHead(200, { 'content-type': 'application/x-ndjson' });
    let gone = false;
    /** Wakes a `send` waiting for the connection to take more (or to close). */
    let wake: (() => void) | null = null;
    res.once('close', () => {
      gone = true;
      wake?.();
    });
    res.on('drain', () => wake?.());
    const send = async (line: unknown) => {
      if (gone) return false;
      // While the connection's buffer is full the route waits: it makes its next line once the caller has taken the last ones.
      if (!res.write(`${JSON.stringify(line)}\n`)) await new Promise<void>((resolve) => (wake = resolve));
      wake = null;
      return !gone;
    };
    try {
      await route.serve(request.context, request.body, send);
    } catch (error) {
      const formatted = route.formatError(error);
      record.errorCodes.push(String(formatted.extensions?.code ?? 'INTERNAL_SERVER_ERROR'));
      if (!gone) res.write(`${JSON.stringify({ errors: [formatted] })}\n`);
    }
    res.end();
  }

  async function serveMetrics(req: IncomingMessage, res: ServerResponse) {
    const { served, token } = options.metricsAccess;
    if (!served) return sendError(res, 404, 'NOT_FOUND', 'metrics are served in production only with METRICS_TOKEN set');
    if (token !== null && req.headers.authorization !== `Bearer ${token}`) return sendError(res, 401, 'UNAUTHENTICATED', 'metrics need the METRICS_TOKEN bearer token');
    const text = await options.metrics.registry.metrics();
    res.writeHead(200, { 'content-type': options.metrics.registry.contentType }).end(text);
  }

  function observe(record: RequestRecord, status: number, ms: number, what: string) {
    const outcome = status >= 500 ? 'failed' : status >= 400 ? 'refused' : record.errorCodes.length ? 'errors' : 'ok';
    const operation = options.metrics.operationLabel(record.operation);
    options.metrics.requests.inc({ operation, outcome });
    options.metrics.requestSeconds.observe({ operation, outcome }, ms / 1000);
    const line = { ...record, operation: record.operation?.slice(0, 100) ?? null, status, durationMs: Math.round(ms * 10) / 10 };
    if (status >= 500) options.log.error(line, what);
    else options.log.info(line, what);
  }

  return server;
}

/** The operation a request names, or the name of the one operation its document starts with. */
function operationNameOf(body: unknown): string | null {
  const { operationName, query } = (body ?? {}) as { operationName?: unknown; query?: unknown };
  if (typeof operationName === 'string' && operationName) return operationName;
  return typeof query === 'string' ? (/^\s*(?:query|mutation|subscription)\s+([A-Za-z_][A-Za-z0-9_]*)/.exec(query)?.[1] ?? null) : null;
}

/**
 * The codes of a response's errors, in order, without parsing answers that have none. Apollo Server
 * writes `errors` first, so an answer without them is known from its start, however long it is.
 */
function errorCodesOf(body: string): string[] {
  if (!body.startsWith('{"errors"')) return [];
  try {
    const errors = (JSON.parse(body) as { errors?: { extensions?: { code?: unknown } }[] }).errors ?? [];
    return errors.map((e) => String(e.extensions?.code ?? 'UNKNOWN'));
  } catch {
    return [];
  }
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * CORS for the origins on the allowlist: a preflight is answered here (204, or 403 for an origin not
 * on the list); an actual request from a listed origin gets the headers that let the browser read the
 * answer. Returns false when the request has been answered. Requests without Origin (servers, curl)
 * are not browsers' and pass.
 */
function answersCors(req: IncomingMessage, res: ServerResponse, origins: readonly string[]): boolean {
  const origin = req.headers.origin;
  const allowed = origin !== undefined && origins.includes(origin);
  res.setHeader('vary', 'Origin');
  if (req.method === 'OPTIONS') {
    if (!allowed) {
      sendError(res, 403, 'FORBIDDEN', `origin ${origin ?? '(none)'} is not allowed to call this gateway (CORS_ORIGINS)`);
      return false;
    }
    res.writeHead(204, {
      'access-control-allow-origin': origin,
      'access-control-allow-methods': 'GET, POST, OPTIONS',
      'access-control-allow-headers': CORS_ALLOWED_HEADERS,
      'access-control-expose-headers': 'x-request-id',
      'access-control-max-age': '600',
    }).end();
    return false;
  }
  if (allowed) {
    res.setHeader('access-control-allow-origin', origin);
    res.setHeader('access-control-expose-headers', 'x-request-id, retry-after');
  }
  return true;
}

export function sendError(res: ServerResponse, status: number, code: string, message: string) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}

/**
 * A client's request id is kept only when it is short and made of safe characters: it is forwarded
 * to every platform and stored in the hash-chained audit trail, so a header must never be able to
 * make a write fail or carry text of the client's choosing. Anything else gets a fresh id, and the
 * refused header is recorded nowhere.
 */
const SAFE_REQUEST_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;

export function requestIdFrom(header: string | undefined): string {
  return header !== undefined && SAFE_REQUEST_ID.test(header) ? header : randomUUID();
}

/**
 * What a request says its data serves (004 art. 20, 23), for reads that reach a platform without a
 * purpose argument of their own (entity references across levels): the grant id or the approved
 * scenario, percent-encoded since a header carries no Chinese.
 */
export const PURPOSE_HEADER = 'x-data-purpose';
const MAX_PURPOSE_LENGTH = 1024;

export function statedPurposeFrom(header: string | undefined): { ok: true; purpose: string | null } | { ok: false; reason: string } {
  if (header === undefined || header.trim() === '') return { ok: true, purpose: null };
  let purpose: string;
  try {
    purpose = decodeURIComponent(header).trim();
  } catch {
    return { ok: false, reason: `${PURPOSE_HEADER} is not percent-encoded UTF-8` };
  }
  if (purpose.length > MAX_PURPOSE_LENGTH) return { ok: false, reason: `${PURPOSE_HEADER} is at most ${MAX_PURPOSE_LENGTH} characters` };
  return { ok: true, purpose };
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

function decodeUtf8(body: Buffer): string | null {
  try {
    return UTF8.decode(body);
  } catch {
    return null;
  }
}

/**
 * Errors that a request brings on itself: a document that does not parse or validate, an operation
 * that names nothing, input that does not coerce. Apollo Server and the gateway's planner answer some
 * of them (a token limit, an unknown operation name, a subscription) as 500; they are the client's.
 */
const CLIENT_ERROR_CODES: ReadonlySet<string> = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'INVALID_GRAPHQL',
]);

/** A 5xx whose every error is the client's becomes 400; anything else keeps its status. */
function statusFor(status: number, body: string): number {
  if (status < 500) return status;
  try {
    const errors = (JSON.parse(body) as { data?: unknown; errors?: { extensions?: { code?: unknown } }[] }).errors;
    const clientsOwn = Array.isArray(errors) && errors.length > 0 && errors.every((e) => CLIENT_ERROR_CODES.has(String(e.extensions?.code)));
    return clientsOwn ? 400 : status;
  } catch {
    return status;
  }
}

export function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });
}

export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/**
 * Graceful shutdown: stop accepting, let the requests in flight finish (their answers close their
 * connections; idle keep-alive connections are closed as they fall idle), and after `timeoutMs` close
 * whatever is left.
 */
export function drainServer(server: Server, timeoutMs: number): Promise<void> {
  draining.add(server);
  return new Promise((resolve) => {
    const sweep = setInterval(() => server.closeIdleConnections(), 25);
    const deadline = setTimeout(() => server.closeAllConnections(), timeoutMs);
    server.close(() => {
      clearInterval(sweep);
      clearTimeout(deadline);
      resolve();
    });
    server.closeIdleConnections();
  });
}

/**
 * Where free ports are looked for: below the kernel's range for outgoing connections. A port taken
 * from that range (what listening on port 0 hands out) can be given, between the moment it is found
 * free and the moment its service listens, to the local end of any outgoing connection — to the
 * database, to another service — and the service then fails with EADDRINUSE.
 *
 * And above 10080, the last port on the Fetch standard's list of ports that fetch refuses to connect
 * to ("bad port"): Node's fetch and every browser would fail against a service listening there.
 */
const LOWEST_LISTENING_PORT = 10100;

export function listeningPortRange(): [number, number] {
  try {
    const [ephemeralLow] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/).map(Number);
    if (ephemeralLow > LOWEST_LISTENING_PORT + 2000) return [LOWEST_LISTENING_PORT, ephemeralLow - 1];
  } catch {
    // Not Linux: the usual ephemeral ranges start at 32768 or 49152.
  }
  return [LOWEST_LISTENING_PORT, 32767];
}

const PORT_ATTEMPTS = 50;

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

/** A loopback port nobody listens on right now, so services can be told each other's ports before they start. */
export async function freePort(): Promise<number> {
  const [low, high] = listeningPortRange();
  for (let attempt = 0; attempt < PORT_ATTEMPTS; attempt++) {
    const port = low + Math.floor(Math.random() * (high - low + 1));
    if (await canListen(port)) return port;
  }
  throw new Error(`no free loopback port found in ${PORT_ATTEMPTS} tries between ${low} and ${high}`);
}
