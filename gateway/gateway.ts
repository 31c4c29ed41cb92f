import './no-phone-home';
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { ApolloGateway, GraphQLDataSourceProcessOptions, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { createTokenVerifier, InvalidTokenError } from '../subgraphs/kernel/auth/jwt';
import { Identity } from '../subgraphs/kernel/auth/identity';
import { PlatformConfig } from '../subgraphs/kernel/config';
import { Level, LEVELS, SUBGRAPH_NAME } from '../subgraphs/kernel/levels';
import { Admission, closeServer, createGraphQLHttpServer, IncomingGraphQLRequest, listen } from '../subgraphs/kernel/server/http';
import { composeFromCode } from './compose';
import { createSigningFetcher } from './signing-fetcher';

export interface GatewayContext {
  identity: Identity;
  /** Forwarded verbatim: each subgraph verifies the token itself. */
  authorization: string;
  requestId: string;
}

/** Limits on client operations; refused operations get a validation error naming the limit. */
export const OPERATION_LIMITS = { maxDepth: 12, maxAliases: 20, maxDirectives: 20, maxTokens: 3000, maxCost: 50000 } as const;

class ForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>) {
    if (!('authorization' in context) || !context.authorization) return;
    request.http!.headers.set('authorization', context.authorization);
    request.http!.headers.set('x-request-id', context.requestId);
  }
}

export interface RunningGateway {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export async function startGateway(config: Readonly<PlatformConfig>): Promise<RunningGateway> {
  const supergraphSdl = config.gateway.composeAtStart
    ? (await composeFromCode(config)).supergraphSdl
    : readFileSync(config.gateway.supergraphPath, 'utf8');
  const urlBySubgraph = new Map<string, string>(LEVELS.map((l: Level) => [SUBGRAPH_NAME[l], config.subgraphs[l].url]));
  const signing = createSigningFetcher(config.gatewaySigningSecret, config.gateway.maxSocketsPerSubgraph);

  const gateway = new ApolloGateway({
    supergraphSdl,
    // The committed supergraph names default ports; the configured URL of each level wins.
    buildService: ({ name, url }) =>
      new ForwardingDataSource({ url: urlBySubgraph.get(name) ?? url, fetcher: signing.fetcher as never }),
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
    plugins: [...protection.plugins, ApolloServerPluginLandingPageDisabled()],
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: config.environment !== 'production',
  });
  await apollo.start();

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
  const port = await listen(server, config.gateway.port);
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    port,
    async stop() {
      await closeServer(server);
      await apollo.stop();
      await signing.close();
    },
  };
}
