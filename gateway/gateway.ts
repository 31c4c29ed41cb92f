import './no-phone-home';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ApolloServerPlugin } from '@apollo/server';
import { createTokenVerifier, InvalidTokenError } from '../subgraphs/kernel/auth/jwt';
import { PUBLIC_REQUESTER } from '../subgraphs/kernel/auth/caller';
import { isPartyClaims, PartyClaims, TokenClaims } from '../subgraphs/kernel/auth/identity';
import { createSharedState } from '../subgraphs/kernel/shared-state';
import { PublicRateLimit } from './public-rate-limit';
import { PlatformConfig } from '../subgraphs/kernel/config';
import { createLogger, ServiceMetrics } from '../subgraphs/kernel/observability';
import { graphiqlRoutes, PageRoutes } from './graphiql/serve';
import { openDataExportRoute } from './open-data-export';
import { dashboardRoutes } from './dashboard/serve';
import { clientErrorFormatter } from '../subgraphs/kernel/errors';
import { operationResolutionPlugin } from '../subgraphs/kernel/graphql/operation-resolution';
import { textInputsPlugin } from '../subgraphs/kernel/graphql/text-inputs';
import { Level, LEVELS, SUBGRAPH_NAME } from '../subgraphs/kernel/levels';
import { Admission, createGraphQLHttpServer, drainServer, IncomingGraphQLRequest, listen, PURPOSE_HEADER, Readiness, statedPurposeFrom } from '../subgraphs/kernel/server/http';
import { costModelOf } from './demand-control';
import { demandControlPlugin } from './demand-control-plugin';
import { KNOWN_OPERATIONS } from './known-operations';
import { ForwardedContext, SignedSubgraphDataSource } from './subgraph-data-source';
import { stopWarmUpAfterPlanning, warmUp } from './warm-up';

/** Routes besides GraphQL, each tried in turn. */
const pageRoutes = (...routes: Array<PageRoutes | null>): PageRoutes => (pathname, req, res) => routes.some((route) => route?.(pathname, req, res) ?? false);

export interface GatewayContext extends ForwardedContext {
  /** What the token says; who it identifies is each platform's registry's answer. Null for an anonymous caller. */
  claims: TokenClaims | PartyClaims | null;
  /** Forwarded verbatim: each subgraph verifies the token itself. */
  authorization: string;
  requestId: string;
}

/**
 * Query plans kept per worker, in MiB of plan (Apollo's estimate: the plan's JSON). A cross-level plan
 * is a few kB (the integrated catalog page: ~2 kB), so this holds a thousand operations and more,
 * where the default would let every worker keep 30 MiB.
 */
const QUERY_PLAN_CACHE_MIB = 4;

/**
 * Limits on the shape of client operations (GraphQL Armor); refused operations get a validation error
 * naming the limit. What an operation may cost is demand control's (config.gateway.maxCost).
 */
export const OPERATION_LIMITS = { maxDepth: 12, maxAliases: 20, maxDirectives: 20, maxTokens: 3000 } as const;

/**
 * Refusals of the whole request that only show while it runs, answered with no partial data: a
 * platform refused the caller's identity (its registry has no such agency, or contradicts the token):
 * 401 with the platform's reason; or the subgraphs' answers passed the response backstop: 400.
 */
const wholeRequestRefusalsPlugin: ApolloServerPlugin<GatewayContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ contextValue, response }) {
        const refusal = contextValue.identityRefusal
          ? { status: 401, message: contextValue.identityRefusal, code: 'UNAUTHENTICATED' }
          : contextValue.responseTooLarge
            ? { status: 400, message: contextValue.responseTooLarge, code: 'RESPONSE_TOO_LARGE' }
            : null;
        if (!refusal) return;
        response.http.status = refusal.status;
        response.body = { kind: 'single', singleResult: { errors: [{ message: refusal.message, extensions: { code: refusal.code } }] } };
      },
    };
  },
};

export interface RunningGateway {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export async function startGateway(config: Readonly<PlatformConfig>): Promise<RunningGateway> {
  // Composing from code loads every subgraph's modules (TypeORM, type-graphql): only when asked to.
  const supergraphSdl = config.gateway.composeAtStart
    ? (await (await import('./compose')).composeFromCode(config)).supergraphSdl
    : readFileSync(config.gateway.supergraphPath, 'utf8');
  const levelBySubgraph = new Map<string, Level>(LEVELS.map((l: Level) => [SUBGRAPH_NAME[l], l]));
  const dataSources: SignedSubgraphDataSource[] = [];
  const log = createLogger('gateway', config.logLevel);
  const metrics = new ServiceMetrics('gateway', { processMetrics: config.environment !== 'test' });

  const gateway = new ApolloGateway({
    supergraphSdl,
    // The committed supergraph names default ports; the configured URL of each level wins.
    buildService: ({ name }) => {
      const level = levelBySubgraph.get(name);
      if (!level) throw new Error(`the supergraph names a subgraph '${name}' that is no level of this platform`);
      const dataSource = new SignedSubgraphDataSource(level, config.subgraphs[level].url, config.gatewaySigningSecret, {
        maxSockets: config.gateway.maxSocketsPerSubgraph,
        maxResponseBytes: config.gateway.maxResponseBytes,
      }, { metrics, log });
      dataSources.push(dataSource);
      return dataSource;
    },
    experimental_approximateQueryPlanStoreMiB: QUERY_PLAN_CACHE_MIB,
    experimental_didResolveQueryPlan: stopWarmUpAfterPlanning,
    __exposeQueryPlanExperimental: config.gateway.showQueryPlans,
  });

  const armor = new ApolloArmor({
    maxDepth: { n: OPERATION_LIMITS.maxDepth },
    maxAliases: { n: OPERATION_LIMITS.maxAliases },
    maxDirectives: { n: OPERATION_LIMITS.maxDirectives },
    maxTokens: { n: OPERATION_LIMITS.maxTokens },
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: config.environment === 'production' },
  });
  const protection = armor.protect();
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    validationRules: protection.validationRules,
    // Responses are per caller: no cache may keep them, so no cache policy is computed for them.
    // Automatic persisted queries stay on (Apollo Server's default, in its bounded in-memory cache).
    plugins: [
      ...protection.plugins,
      operationResolutionPlugin(),
      textInputsPlugin(),
      demandControlPlugin({ maxCost: config.gateway.maxCost, model: costModelOf(supergraphSdl) }),
      wholeRequestRefusalsPlugin,
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
    ],
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: config.environment !== 'production',
    formatError: clientErrorFormatter(config.environment),
  });
  await apollo.start();
  for (const problem of await warmUp(apollo, KNOWN_OPERATIONS)) log.warn({ problem }, 'gateway warm-up');

  const verifyToken = createTokenVerifier(config.jwt);
  const publicRate = new PublicRateLimit(createSharedState(config.redis), config.gateway.publicRequestsPerMinute);
  const admit = async (request: IncomingGraphQLRequest): Promise<Admission<GatewayContext>> => {
    const authorization = request.headers.get('authorization');
    const stated = statedPurposeFrom(request.headers.get(PURPOSE_HEADER));
    if (!stated.ok) return { admit: false, status: 400, code: 'BAD_REQUEST', message: stated.reason };
    const common = { requestId: request.requestId, purpose: request.headers.get(PURPOSE_HEADER) ?? '' };
    // No Authorization header at all: the public, limited per address; each platform serves it only open data.
    if (authorization === undefined) {
      const refused = await overPublicLimit(request.clientAddress, `from ${request.clientAddress}`);
      if (refused) return refused;
      return { admit: true, context: { ...common, claims: null, authorization: '', publicCaller: request.clientAddress || 'unknown' } };
    }
    // A token that does not verify is refused, never taken for a public request.
    const token = /^Bearer (.+)$/i.exec(authorization)?.[1];
    if (!token) return { admit: false, status: 401, code: 'UNAUTHENTICATED', message: 'a bearer token is required (Authorization: Bearer <jwt>); leave the header out to read open data as the public' };
    try {
      const claims = await verifyToken(token);
      if (!isPartyClaims(claims)) return { admit: true, context: { ...common, claims, authorization } };
      // A registered person or organisation is the public with a name: limited as the public is, per party,
      // and forwarded as public (with its address) and with its token, which each platform checks in its register.
      const refused = await overPublicLimit(`party:${claims.party}`, `by ${claims.partyKind.toLowerCase()} ${claims.party}`);
      if (refused) return refused;
      return { admit: true, context: { ...common, claims, authorization, publicCaller: request.clientAddress || 'unknown' } };
    } catch (error) {
      if (error instanceof InvalidTokenError) return { admit: false, status: 401, code: 'UNAUTHENTICATED', message: error.message };
      throw error;
    }
  };

  /** Null when a public request may go on; otherwise the refusal (429 with Retry-After, or 401 when the gateway serves no public). */
  async function overPublicLimit(key: string, who: string): Promise<Admission<GatewayContext> | null> {
    let verdict;
    try {
      verdict = await publicRate.check(key);
    } catch {
      return { admit: false, status: 503, code: 'SERVICE_UNAVAILABLE', message: 'public access is limited per address, and the shared count is unavailable; try again, or send an agency token' };
    }
    if (verdict.ok) return null;
    const closed = config.gateway.publicRequestsPerMinute === 0;
    const message = closed
      ? 'this platform serves no public requests: a bearer token is required (Authorization: Bearer <jwt>)'
      : `more than ${config.gateway.publicRequestsPerMinute} requests without an agency token ${who} this minute; retry after ${verdict.retryAfterSeconds} s`;
    return { admit: false, status: closed ? 401 : 429, code: closed ? 'UNAUTHENTICATED' : 'RATE_LIMITED', message, retryAfterSeconds: verdict.retryAfterSeconds };
  }

  const server = createGraphQLHttpServer({
    apollo,
    admit,
    allowGet: true,
    corsOrigins: config.corsOrigins,
    ready: () => levelsReady(config),
    pages: pageRoutes(
      openDataExportRoute({ apollo, publicRate, log, port: () => port, publicContext: (address) => ({ requestId: randomUUID(), purpose: '', claims: null, authorization: '', publicCaller: address }) }),
      await dashboardRoutes(config, log),
      config.graphiql ? await graphiqlRoutes(log) : null,
    ),
    log,
    metrics,
    metricsAccess: { served: config.environment !== 'production' || config.metricsToken !== null, token: config.metricsToken },
    // The gateway knows only what the token claims; each platform's log line has the registry's answer.
    describe: (context) => ({ agency: context.claims && !isPartyClaims(context.claims) ? context.claims.agency : PUBLIC_REQUESTER, platform: null }),
  });
  let port: number;
  try {
    port = await listen(server, config.gateway.port, config.host);
  } catch (error) {
    await apollo.stop();
    await Promise.all(dataSources.map((dataSource) => dataSource.close()));
    await publicRate.close();
    throw error;
  }
  log.info({ port, host: config.host }, 'gateway listening');
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    port,
    async stop() {
      log.info('gateway draining');
      await drainServer(server, config.drainTimeoutMs);
      await apollo.stop();
      await Promise.all(dataSources.map((dataSource) => dataSource.close()));
      await publicRate.close();
    },
  };
}

/** The gateway is ready when every level's platform says it is; a level that does not is named with its reason. */
async function levelsReady(config: Readonly<PlatformConfig>): Promise<Readiness> {
  const checks: Record<string, string> = {};
  await Promise.all(
    LEVELS.map(async (level) => {
      const url = config.subgraphs[level].url.replace(/\/graphql$/, '/readyz');
      try {
        const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
        checks[level] = response.ok ? 'ok' : `the ${level.toLowerCase()} platform is not ready (HTTP ${response.status})`;
      } catch {
        checks[level] = `the ${level.toLowerCase()} platform does not answer`;
      }
    }),
  );
  return { ready: Object.values(checks).every((check) => check === 'ok'), checks };
}
