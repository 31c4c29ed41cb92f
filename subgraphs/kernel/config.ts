import { existsSync } from 'node:fs';
import path from 'node:path';
import { LEVEL_FACTS, LEVELS, Level } from './levels';
import { LOG_LEVELS, LogLevel } from './observability';

/**
 * All configuration comes from the environment, is validated once at start-up, and is handed around
 * as one typed, frozen object. Nothing else reads process.env for settings.
 */
export type DatabaseConfig =
  | { kind: 'mysql'; flavor: 'mysql' | 'mariadb'; url: string; database: string }
  | { kind: 'sqlite'; file: string };

interface JwtChecks {
  issuer?: string;
  audience?: string;
  /** A token may be valid at most this long from its issue (or from now, without `iat`); `exp` is required. */
  maxLifetimeSeconds: number;
}

export type JwtConfig =
  | ({ algorithm: 'HS256'; secret: string } & JwtChecks)
  | ({ algorithm: 'RS256'; jwksUrl?: string; jwksFile?: string } & JwtChecks);

export interface SubgraphEndpoint {
  port: number;
  /** URL the gateway (and other levels' flows) use to reach this subgraph. */
  url: string;
  database: DatabaseConfig;
}

export interface ReflowConfig {
  /** Runs INCREMENTAL reflow subscriptions inside the receiving platform (default: on, except NODE_ENV=test). */
  scheduler: boolean;
  schedulerTickMs: number;
  /** Rows pulled per page; each page is written in one transaction with its watermark. */
  pageSize: number;
  /**
   * Pages a source sends in one stream; the receiver then opens the next from its watermark, and is
   * authenticated and looked up in the registry again.
   */
  streamPages: number;
  /**
   * A source hands out only rows changed at least this long ago: a transaction that stamped its rows
   * earlier may commit after rows stamped later, and the watermark must not have passed them by then.
   */
  settleMs: number;
  /** Test-only: pause inside each batch transaction between the rows and the watermark, so a kill lands mid-batch. */
  testBatchPauseMs: number;
  /** The first retry of a failed run comes this long after it, each next one twice as long (never past the interval). */
  retryBaseMs: number;
}

export interface PlatformConfig {
  environment: 'development' | 'test' | 'production';
  /** Where every service listens: loopback unless the operator opens it (a container sets 0.0.0.0). */
  host: string;
  /** Browser origins the gateway answers (CORS), exactly as a browser sends them; the subgraphs answer none. */
  corsOrigins: string[];
  /** On SIGTERM a service stops accepting and gives requests in flight this long to finish. */
  drainTimeoutMs: number;
  /** Seed demo agencies, catalogs and records into an empty database (development, or when asked). */
  seedDemo: boolean;
  /** The OpenTelemetry collector traces go to (OTLP/HTTP); none, no tracing. */
  otlpEndpoint: string | null;
  /** GraphiQL at the gateway, from bundled assets (on outside production). */
  graphiql: boolean;
  /** pino level of every service's JSON log (silent under NODE_ENV=test). */
  logLevel: LogLevel;
  /** `/metrics` (Prometheus): open outside production; in production served only with this bearer token. */
  metricsToken: string | null;
  jwt: JwtConfig;
  /** Shared by gateway and subgraphs: every subgraph request carries an HMAC made with it. */
  gatewaySigningSecret: string;
  /** Signs SERVICE tokens the platforms mint for each other (reflow pulls); only subgraphs accept them, never the gateway. */
  serviceTokenSecret: string;
  reflow: ReflowConfig;
  signatureWindowSeconds: number;
  /** A call to another level's platform (reports, reflow pulls, cancellations) that gets no answer this long fails. */
  platformCallTimeoutMs: number;
  subgraphs: Record<Level, SubgraphEndpoint>;
  gateway: {
    port: number;
    workers: number;
    composeAtStart: boolean;
    supergraphPath: string;
    maxSocketsPerSubgraph: number;
    /** Demand control: the highest estimated cost an operation may have (gateway/demand-control.ts). */
    maxCost: number;
    /** The response backstop: bytes of subgraph responses one request may gather. */
    maxResponseBytes: number;
    /** Requests without a token one client address may make per minute (gateway/public-rate-limit.ts); 0 closes public access. */
    publicRequestsPerMinute: number;
    /** Answer the `Apollo-Query-Plan-Experimental` header with the query plan: outside production, or when asked (the benchmark). */
    showQueryPlans: boolean;
  };
  /** Benchmark-only switch; refused at start-up when environment is production. */
  enforcementBypass: boolean;
  logSql: boolean;
  /** Folder of operator-supplied year arrangements (YYYY.json), loaded by every level at start. */
  calendarDir: string;
  /**
   * State that must hold across replicas of a platform (signature nonces, verification budgets) lives
   * in Redis when this is set, in each process otherwise.
   */
  redis: { url: string; keyPrefix: string } | null;
  /** Verification (核验) answers per Beijing day: per agency, record and item; and per agency in all. */
  verification: { perRecordItem: number; perAgency: number };
}

const DEV_JWT_SECRET = 'dev-only-jwt-secret-change-me-0123456789';
const DEV_SIGNING_SECRET = 'dev-only-gateway-signing-secret-0123456789';
const DEV_SERVICE_TOKEN_SECRET = 'dev-only-service-token-secret-0123456789';
export const MAX_REFLOW_PAGE_SIZE = 5000;
/** A stream is re-authenticated at least every this many pages. */
export const MAX_REFLOW_STREAM_PAGES = 1000;

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Readonly<PlatformConfig> {
  const problems: string[] = [];
  const environment = (env.NODE_ENV === 'production' || env.NODE_ENV === 'test' ? env.NODE_ENV : 'development') as PlatformConfig['environment'];
  const int = (name: string, fallback: number) => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 0) problems.push(`${name} must be a non-negative integer, got '${raw}'`);
    return n;
  };
  const secret = (name: string, devDefault: string) => {
    const value = env[name];
    if (value) {
      if (value.length < 32) problems.push(`${name} must be at least 32 characters`);
      return value;
    }
    if (environment === 'production') problems.push(`${name} is required in production`);
    return devDefault;
  };
  const bool = (name: string, fallback: boolean) => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    if (raw !== 'true' && raw !== 'false') problems.push(`${name} must be true or false, got '${raw}'`);
    return raw === 'true';
  };

  const jwtChecks: JwtChecks = { issuer: env.JWT_ISSUER, audience: env.JWT_AUDIENCE, maxLifetimeSeconds: int('JWT_MAX_LIFETIME_SECONDS', 12 * 60 * 60) };
  if (jwtChecks.maxLifetimeSeconds < 60) problems.push('JWT_MAX_LIFETIME_SECONDS must be at least 60');
  const jwt: JwtConfig = env.JWT_JWKS_URL || env.JWT_JWKS_FILE
    ? { algorithm: 'RS256', jwksUrl: env.JWT_JWKS_URL, jwksFile: env.JWT_JWKS_FILE, ...jwtChecks }
    : { algorithm: 'HS256', secret: secret('JWT_SECRET', DEV_JWT_SECRET), ...jwtChecks };
  if (jwt.algorithm === 'RS256' && jwt.jwksUrl && !/^https?:\/\//.test(jwt.jwksUrl)) problems.push(`JWT_JWKS_URL must be an http(s) URL, got '${jwt.jwksUrl}'`);

  const prefix = env.DATABASE_PREFIX ?? '';
  const sqliteDir = path.resolve(env.SQLITE_DIR ?? 'data');
  const subgraphs = {} as Record<Level, SubgraphEndpoint>;
  for (const level of LEVELS) {
    const port = int(`${level}_PORT`, LEVEL_FACTS[level].defaultPort);
    const dbName = prefix + LEVEL_FACTS[level].defaultDatabase;
    const explicitUrl = env[`${level}_DATABASE_URL`];
    let database: DatabaseConfig;
    if (explicitUrl) database = mysqlFromUrl(explicitUrl, dbName, problems, true);
    else if (env.DATABASE_URL) database = mysqlFromUrl(env.DATABASE_URL, dbName, problems, false);
    else database = { kind: 'sqlite', file: path.join(sqliteDir, `${dbName}.sqlite`) };
    subgraphs[level] = { port, url: env[`${level}_URL`] ?? `http://127.0.0.1:${port}/graphql`, database };
  }

  const enforcementBypass = env.BENCH_ENFORCEMENT_BYPASS === 'true';
  if (enforcementBypass && environment === 'production') {
    problems.push('BENCH_ENFORCEMENT_BYPASS is a benchmark switch and cannot be used in production');
  }

  const serviceTokenSecret = secret('SERVICE_TOKEN_SECRET', DEV_SERVICE_TOKEN_SECRET);
  // Were they equal, a SERVICE token would also pass the user-token check (which refuses its role anyway).
  if (jwt.algorithm === 'HS256' && serviceTokenSecret === jwt.secret) problems.push('SERVICE_TOKEN_SECRET must differ from JWT_SECRET');
  const reflow: ReflowConfig = {
    scheduler: bool('REFLOW_SCHEDULER', environment !== 'test'),
    schedulerTickMs: int('REFLOW_SCHEDULER_TICK_MS', 30_000),
    pageSize: int('REFLOW_PAGE_SIZE', 1000),
    streamPages: int('REFLOW_STREAM_PAGES', 100),
    settleMs: int('REFLOW_SETTLE_MS', 2000),
    testBatchPauseMs: int('REFLOW_TEST_BATCH_PAUSE_MS', 0),
    retryBaseMs: int('REFLOW_RETRY_BASE_MS', 60_000),
  };
  if (reflow.pageSize < 1 || reflow.pageSize > MAX_REFLOW_PAGE_SIZE) problems.push(`REFLOW_PAGE_SIZE must be between 1 and ${MAX_REFLOW_PAGE_SIZE}`);
  if (reflow.streamPages < 1 || reflow.streamPages > MAX_REFLOW_STREAM_PAGES) problems.push(`REFLOW_STREAM_PAGES must be between 1 and ${MAX_REFLOW_STREAM_PAGES}`);
  if (reflow.schedulerTickMs < 10) problems.push('REFLOW_SCHEDULER_TICK_MS must be at least 10');
  if (reflow.testBatchPauseMs > 0 && environment === 'production') {
    problems.push('REFLOW_TEST_BATCH_PAUSE_MS is a test switch and cannot be used in production');
  }

  const corsOrigins = (env.CORS_ORIGINS ?? '').split(',').map((o) => o.trim()).filter(Boolean);
  for (const origin of corsOrigins) {
    if (!/^https?:\/\/[^/\s]+$/.test(origin)) problems.push(`CORS_ORIGINS: '${origin}' is not an origin (scheme://host[:port], no path)`);
  }

  const config: PlatformConfig = {
    environment,
    host: env.HOST || '127.0.0.1',
    corsOrigins,
    drainTimeoutMs: int('DRAIN_TIMEOUT_MS', 10_000),
    seedDemo: bool('SEED_DEMO', environment !== 'production'),
    graphiql: bool('GRAPHIQL', environment !== 'production'),
    otlpEndpoint: env.OTEL_EXPORTER_OTLP_ENDPOINT || null,
    logLevel: (env.LOG_LEVEL || (environment === 'test' ? 'silent' : 'info')) as LogLevel,
    metricsToken: env.METRICS_TOKEN || null,
    jwt,
    gatewaySigningSecret: secret('GATEWAY_SIGNING_SECRET', DEV_SIGNING_SECRET),
    serviceTokenSecret,
    reflow,
    signatureWindowSeconds: int('SIGNATURE_WINDOW_SECONDS', 60),
    platformCallTimeoutMs: int('PLATFORM_CALL_TIMEOUT_MS', 60_000),
    subgraphs,
    gateway: {
      port: int('GATEWAY_PORT', 4000),
      workers: int('GATEWAY_WORKERS', 0),
      composeAtStart: env.COMPOSE_AT_START === 'true',
      supergraphPath: path.resolve(env.SUPERGRAPH_PATH ?? path.join(projectRoot(), 'schema', 'supergraph.graphql')),
      maxSocketsPerSubgraph: int('GATEWAY_MAX_SOCKETS', 64),
      maxCost: int('GATEWAY_MAX_COST', 50_000),
      maxResponseBytes: int('GATEWAY_MAX_RESPONSE_BYTES', 16 * 1024 * 1024),
      publicRequestsPerMinute: int('PUBLIC_REQUESTS_PER_MINUTE', 60),
      showQueryPlans: bool('GATEWAY_SHOW_QUERY_PLANS', environment !== 'production'),
    },
    enforcementBypass,
    logSql: env.LOG_SQL === 'true',
    calendarDir: path.resolve(env.CALENDAR_DIR ?? path.join(projectRoot(), 'calendar')),
    redis: env.REDIS_URL ? { url: env.REDIS_URL, keyPrefix: env.REDIS_KEY_PREFIX ?? 'platform:' } : null,
    verification: { perRecordItem: int('VERIFY_ATTEMPTS_PER_RECORD_ITEM', 3), perAgency: int('VERIFY_ATTEMPTS_PER_AGENCY', 2000) },
  };
  if (!LOG_LEVELS.includes(config.logLevel)) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got '${config.logLevel}'`);
  if (config.metricsToken !== null && config.metricsToken.length < 16) problems.push('METRICS_TOKEN must be at least 16 characters');
  if (config.verification.perRecordItem < 1 || config.verification.perAgency < 1) problems.push('VERIFY_ATTEMPTS_PER_RECORD_ITEM and VERIFY_ATTEMPTS_PER_AGENCY must be at least 1');
  if (config.redis && !/^rediss?:\/\//.test(config.redis.url)) problems.push(`REDIS_URL must start with redis:// or rediss://, got '${config.redis.url}'`);
  if (problems.length) throw new ConfigError(`Invalid configuration:\n- ${problems.join('\n- ')}`);
  return Object.freeze(config);
}

/**
 * DATABASE_URL names one server for all levels, each in its own database (prefixed in tests);
 * a per-level URL may name its database in the path.
 */
function mysqlFromUrl(raw: string, dbName: string, problems: string[], pathNamesDatabase: boolean): DatabaseConfig {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    problems.push(`database URL '${raw}' is not a URL`);
    return { kind: 'mysql', flavor: 'mysql', url: raw, database: dbName };
  }
  // TypeORM reads MariaDB's information_schema differently (e.g. NULL defaults), so it must know.
  const flavor = url.protocol === 'mariadb:' ? 'mariadb' : 'mysql';
  if (url.protocol !== 'mysql:' && url.protocol !== 'mariadb:') problems.push(`database URL must start with mysql://, got ${url.protocol}`);
  const database = pathNamesDatabase && url.pathname.length > 1 ? decodeURIComponent(url.pathname.slice(1)) : dbName;
  url.pathname = '/';
  return { kind: 'mysql', flavor, url: url.toString().replace(/^mariadb:/, 'mysql:'), database };
}

/** The folder holding package.json, whether running from sources (ts-node, jest) or from dist/. */
export function projectRoot(): string {
  let dir = __dirname;
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new ConfigError('cannot find the project root (package.json) above ' + __dirname);
    dir = parent;
  }
  return dir;
}
