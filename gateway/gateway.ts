import './no-phone-home';
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { createTokenVerifier, InvalidTokenError } from '../subgraphs/kernel/auth/jwt';
import { Identity } from '../subgraphs/kernel/auth/identity';
import { PlatformConfig } from '../subgraphs/kernel/config';
import { Level, LEVELS, SUBGRAPH_NAME } from '../subgraphs/kernel/levels';
import { Admission, closeServer, createGraphQLHttpServer, IncomingGraphQLRequest, listen } from '../subgraphs/kernel/server/http';
import { KNOWN_OPERATIONS } from './known-operations';
import { operationCostPlugin } from './operation-cost';
import { SignedSubgraphDataSource } from './subgraph-data-source';
import { stopWarmUpAfterPlanning, warmUp } from './warm-up';

export interface GatewayContext {
  identity: Identity;
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

/** Limits on client operations; refused operations get a validation error naming the limit. */
export const OPERATION_LIMITS = { maxDepth: 12, maxAliases: 20, maxDirectives: 20, maxTokens: 3000, maxCost: 50000 } as const;

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
  const urlBySubgraph = new Map<string, string>(LEVELS.map((l: Level) => [SUBGRAPH_NAME[l], config.subgraphs[l].url]));
  const dataSources: SignedSubgraphDataSource[] = [];

  const gateway = new ApolloGateway({
    supergraphSdl,
    // The committed supergraph names default ports; the configured URL of each level wins.
    buildService: ({ name, url }) => {
      const dataSource = new SignedSubgraphDataSource(urlBySubgraph.get(name) ?? url!, config.gatewaySigningSecret, config.gateway.maxSocketsPerSubgraph);
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
    costLimit: { maxCost: OPERATION_LIMITS.maxCost },
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
      // Armor counts page sizes written in the operation; this counts those passed as variables too.
      operationCostPlugin({ maxCost: OPERATION_LIMITS.maxCost }),
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
    ],
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: config.environment !== 'production',
  });
  await apollo.start();
  for (const problem of await warmUp(apollo, KNOWN_OPERATIONS)) console.warn(`gateway warm-up: ${problem}`);

  const verifyToken = createTokenVerifier(config.jwt);
  const admit = async (request: IncomingGraphQLRequest): Promise<Admission<GatewayContext>> => {
    const authorization = request.headers.get('authorization') ?? '';
    const token = /^Bearer (.+)$/i.exec(authorization)?.[1];
    if (!token) return { admit: false, status: 401, code: 'UNAUTHENTICATED', message: 'a bearer token is required (Authorization: Bearer <jwt>)' };
    try {
      const identity = await verifyToken(token);
      return { admit: true, context: { identity, authorization, requestId: request.requestId || randomUUID() } };
    } catch (error) {
      if (error instanceof InvalidTokenError) return { admit: false, status: 401, code: 'UNAUTHENTICATED', message: error.message };
      throw error;
    }
  };

  const server = createGraphQLHttpServer({ apollo, admit, allowGet: true });
  let port: number;
  try {
    port = await listen(server, config.gateway.port);
  } catch (error) {
    await apollo.stop();
    await Promise.all(dataSources.map((dataSource) => dataSource.close()));
    throw error;
  }
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    port,
    async stop() {
      await closeServer(server);
      await apollo.stop();
      await Promise.all(dataSources.map((dataSource) => dataSource.close()));
    },
  };
}
