import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { GraphQLError, GraphQLSchema } from 'graphql';
import { DataSource } from 'typeorm';
import { PUBLIC_CALLER_HEADER, PUBLIC_REQUESTER, withPublicCaller } from '../auth/caller';
import { identityFrom, InvalidTokenError, isPartyClaims, partyFrom } from '../auth/identity';
import { checkServiceScope } from '../auth/service-scope';
import { createSubgraphTokenVerifier } from '../auth/service-token';
import { SignatureVerifier } from '../auth/request-signature';
import { AuditCollector } from '../audit/collector';
import { AUDIT_UNWRITTEN, auditPlugin, writeAudit } from '../audit/plugin';
import { AuditWriter } from '../audit/writer';
import { WorkingCalendar } from '../calendar';
import { Clock, systemClock } from '../clock';
import { PlatformConfig } from '../config';
import { RequestContext } from '../context';
import { createDataSource, openDatabase, StatementCounter } from '../db/data-source';
import { badInput, clientErrorFormatter, notFound } from '../errors';
import { readsOnlyPlugin } from '../graphql/reads-only';
import { operationResolutionPlugin } from '../graphql/operation-resolution';
import { jsonTextProblem, textInputsPlugin } from '../graphql/text-inputs';
import { createSharedState } from '../shared-state';
import { LoaderRegistry } from '../loaders';
import { PolicySnapshots, preparePolicyGeneration } from '../db/policy-generation';
import { LevelDefinition, levelEntities, levelTriggers } from '../module';
import { prepareTriggers } from '../db/triggers';
import { buildFederatedSchema, ReferenceResolvers } from '../schema';
import { decodeGlobalId } from '../graphql/global-id';
import { NodeIdResolver } from '../graphql/node';
import { NodeType, registerNodeTypes } from '../graphql/node-registry';
import { guardFieldsForPublic } from '../graphql/public-fields';
import { Level, levelName } from '../levels';
import { createLogger, ServiceMetrics } from '../observability';
import { Admission, createGraphQLHttpServer, drainServer, IncomingGraphQLRequest, listen, PURPOSE_HEADER, Readiness, statedPurposeFrom, StreamRoute } from './http';

/** The longest document a platform parses, in tokens (the gateway admits at most 3 000 from a client). */
export const PLATFORM_MAX_TOKENS = 30_000;

/** A function that runs at most once; later calls get the first call's promise. */
function once(run: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | null = null;
  return () => (running ??= run());
}

export async function buildLevelSchema(definition: LevelDefinition): Promise<GraphQLSchema> {
  const modules = definition.modules;
  const nodes = modules.flatMap((m) => m.nodes ?? []);
  registerNodeTypes(nodes);
  const schema = await buildFederatedSchema(
    definition.level,
    {
      resolvers: [NodeIdResolver, ...modules.flatMap((m) => m.resolvers)] as [Function, ...Function[]],
      // Every level's node types: this level's are its own; the others are declared as stubs where referred to.
      orphanedTypes: [...nodes.map((n) => n.type), ...modules.flatMap((m) => m.orphanedTypes ?? [])],
    },
    Object.assign({}, nodeReferenceResolvers(definition.level, nodes), ...modules.map((m) => m.referenceResolvers ?? {})),
  );
  return guardFieldsForPublic(schema, modules.flatMap((m) => m.openToPublic ?? []).map((coordinate) => levelName(definition.level, coordinate)));
}

/**
 * The gateway asks the owning level for a node by its global id; the level loads it as `node(id)`
 * would. One that does not exist or that the caller may not see is NOT_FOUND at its path: a null
 * always carries its reason.
 */
function nodeReferenceResolvers(level: Level, nodes: readonly NodeType[]): ReferenceResolvers {
  return Object.fromEntries(
    nodes
      .filter((node) => node.owner === level)
      .map((node) => [
        node.typeName,
        {
          __resolveReference: async (reference: { id: string }, ctx: RequestContext) => {
            const decoded = decodeGlobalId(reference.id);
            const found = decoded?.typeName === node.typeName ? await node.load(ctx, decoded.localId) : null;
            if (!found) throw notFound(`id: no ${node.typeName} ${reference.id} that you may see`, { field: 'id' });
            return found;
          },
        },
      ]),
  );
}

export interface RunningSubgraph {
  level: LevelDefinition['level'];
  url: string;
  port: number;
  db: DataSource;
  statements: StatementCounter;
  stop(): Promise<void>;
}

/**
 * Starts one level's platform: opens (and migrates or creates) its own database, seeds demo data
 * when empty, and serves its subgraph. Every request must carry the gateway's signature and a valid
 * token; anything else is refused before any GraphQL is parsed — including `_entities` and `_service`.
 */
export interface SubgraphOptions {
  /** Where requests read the time (ctx.now): the system clock unless a test sets one. */
  clock?: Clock;
}

/** Opens (and migrates or creates) a level's own database, with the triggers its modules rely on. */
export async function openLevelDatabase(definition: LevelDefinition, config: Readonly<PlatformConfig>) {
  const endpoint = config.subgraphs[definition.level];
  const opened = createDataSource({ database: endpoint.database, entities: levelEntities(definition), migrations: definition.migrations, logSql: config.logSql });
  await openDatabase(opened.dataSource, endpoint.database);
  await preparePolicyGeneration(opened.dataSource);
  await prepareTriggers(opened.dataSource, levelTriggers(definition));
  return opened;
}

/** What every platform starts with, and the demo data when asked for (each step only into empty tables). */
export async function seedLevel(definition: LevelDefinition, db: DataSource, config: Readonly<PlatformConfig>, calendar: WorkingCalendar, demo: boolean): Promise<void> {
  const seed = { level: definition.level, db, config, calendar };
  for (const module of definition.modules) await module.seed?.(seed);
  if (demo) for (const module of definition.modules) await module.seedDemo?.(seed);
}

export async function startSubgraph(definition: LevelDefinition, config: Readonly<PlatformConfig>, options: SubgraphOptions = {}): Promise<RunningSubgraph> {
  const clock = options.clock ?? systemClock;
  const endpoint = config.subgraphs[definition.level];
  const { dataSource, statements } = await openLevelDatabase(definition, config);
  const snapshots = new PolicySnapshots();
  const calendar = new WorkingCalendar();
  await seedLevel(definition, dataSource, config, calendar, config.seedDemo);

  const registryModules = definition.modules.filter((m) => m.agencyRegistry);
  if (registryModules.length !== 1) throw new Error(`the ${definition.level} platform must mount exactly one module keeping the agency registry`);
  const agencyRegistry = registryModules[0].agencyRegistry!;
  // Registered persons and organisations (open-data applicants), where a module keeps their register.
  const partyRegistry = definition.modules.find((m) => m.partyRegistry)?.partyRegistry ?? null;

  const service = `${definition.level.toLowerCase()}-platform`;
  const log = createLogger(service, config.logLevel);
  const metrics = new ServiceMetrics(service, { processMetrics: config.environment !== 'test' });
  const schema = await buildLevelSchema(definition);
  const auditWriter = new AuditWriter(dataSource);
  const apollo = new ApolloServer<RequestContext>({
    schema,
    // Answers are per caller, so no cache policy is computed: Apollo's cache-control plugin would wrap every field's resolver to compute one.
    plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginInlineTraceDisabled(), ApolloServerPluginCacheControlDisabled(), operationResolutionPlugin(), readsOnlyPlugin(), textInputsPlugin(), auditPlugin(auditWriter, metrics)],
    includeStacktraceInErrorResponses: config.environment !== 'production',
    formatError: clientErrorFormatter(config.environment),
    // Bounded like the gateway bounds clients, but far above what the gateway's plans for its largest admitted operations need.
    parseOptions: { maxTokens: PLATFORM_MAX_TOKENS },
  });
  await apollo.start();

  const verifyToken = createSubgraphTokenVerifier(config);
  const serviceFields = new Set(definition.modules.flatMap((m) => m.serviceFields ?? []).map((pattern) => levelName(definition.level, pattern)));
  const serviceStreams = definition.modules.flatMap((m) => m.serviceStreams ?? []);
  const streamPaths = new Set(serviceStreams.map((stream) => stream.path));
  const sharedState = createSharedState(config.redis);
  const signatures = new SignatureVerifier(config.gatewaySigningSecret, config.signatureWindowSeconds, sharedState);

  const admit = async (request: IncomingGraphQLRequest): Promise<Admission<RequestContext>> => {
    const authorization = request.headers.get('authorization') ?? '';
    const purposeHeader = request.headers.get(PURPOSE_HEADER) ?? '';
    const publicCaller = request.headers.get(PUBLIC_CALLER_HEADER) ?? '';
    let verdict;
    try {
      verdict = await signatures.verify(request.headers, { method: request.method, path: request.target, authorization, purpose: purposeHeader, publicCaller, body: request.rawBody });
    } catch {
      return { admit: false, status: 503, code: 'SERVICE_UNAVAILABLE', message: 'replay protection is unavailable (shared state); the request was not admitted' };
    }
    if (!verdict.ok) return { admit: false, status: 401, code: 'UNAUTHENTICATED', message: verdict.reason };
    const token = /^Bearer (.+)$/i.exec(authorization)?.[1];
    // Only the gateway's signature makes a request public: without a token, or with a registered party's.
    if (!token && !publicCaller) return { admit: false, status: 401, code: 'UNAUTHENTICATED', message: 'a bearer token is required' };
    const streamPath = request.target.split('?', 1)[0];
    const stream = streamPaths.has(streamPath);
    const serviceOnly = (status = 403, code = 'FORBIDDEN'): Admission<RequestContext> => ({ admit: false, status, code, message: `${streamPath} serves platform-internal SERVICE calls only` });
    if (stream && !token) return serviceOnly(401, 'UNAUTHENTICATED');
    const stated = statedPurposeFrom(purposeHeader);
    if (!stated.ok) return { admit: false, status: 400, code: 'BAD_REQUEST', message: stated.reason };
    const loaders = new LoaderRegistry();
    const common = {
      authorization,
      requestId: request.requestId,
      calendar,
      audit: new AuditCollector(),
      level: definition.level,
      db: dataSource,
      config,
      loaders,
      snapshots,
      readsOnly: false,
      now: clock.now(),
      statedPurpose: stated.purpose,
      shared: sharedState,
    };
    if (!token) return { admit: true, context: withPublicCaller<RequestContext>(common, publicCaller) };
    try {
      const claims = await verifyToken(token);
      if (isPartyClaims(claims)) {
        if (stream) return serviceOnly();
        if (!publicCaller) return { admit: false, status: 401, code: 'UNAUTHENTICATED', message: "a registered party's request comes through the gateway, which signs it as public" };
        if (!partyRegistry) return { admit: false, status: 401, code: 'UNAUTHENTICATED', message: `the ${definition.level.toLowerCase()} platform registers no open-data users` };
        const party = partyFrom(claims, await partyRegistry({ db: dataSource, loaders, snapshots })(claims.party));
        return { admit: true, context: withPublicCaller<RequestContext>(common, publicCaller, party) };
      }
      if (publicCaller) return { admit: false, status: 401, code: 'UNAUTHENTICATED', message: "a request is an agency's (a token) or the public's, not both" };
      const identity = identityFrom(claims, await agencyRegistry({ db: dataSource, loaders, snapshots })(claims.agency));
      // A SERVICE identity calls the service fields and streams, and nothing else; streams have no other caller.
      if (stream && !identity.roles.includes('SERVICE')) return serviceOnly();
      if (!stream && identity.roles.includes('SERVICE')) {
        const scope = checkServiceScope(request.rawBody, serviceFields);
        if (!scope.ok) return { admit: false, status: 403, code: 'FORBIDDEN', message: scope.reason };
      }
      return { admit: true, context: { ...common, identity, caller: { kind: 'AGENCY', identity } } };
    } catch (error) {
      if (error instanceof InvalidTokenError) return { admit: false, status: 401, code: 'UNAUTHENTICATED', message: error.message };
      throw error;
    }
  };

  const ready = async (): Promise<Readiness> => {
    try {
      await dataSource.query('SELECT 1');
      return { ready: true, checks: { database: 'ok' } };
    } catch {
      return { ready: false, checks: { database: 'the database does not answer' } };
    }
  };
  const formatError = clientErrorFormatter(config.environment);
  /** A stream's line is made in a request scope of its own: the time, loaders and audit of that line alone. */
  const lineScope = (admitted: RequestContext): RequestContext => ({ ...admitted, now: clock.now(), loaders: new LoaderRegistry(), audit: new AuditCollector(), readsOnly: true });
  const streams: StreamRoute<RequestContext>[] = serviceStreams.map((stream) => ({
    path: stream.path,
    async serve(admitted, body, send) {
      // Held to the rule every GraphQL argument is: texts bounded and printable.
      const problem = jsonTextProblem(body);
      if (problem) throw badInput(problem.path, problem.problem);
      for await (const { scope, line } of stream.lines(body, () => lineScope(admitted))) {
        // No line leaves before its accesses are in the audit trail (001 art. 25).
        await writeAudit(auditWriter, metrics, scope).catch(() => {
          throw new GraphQLError(AUDIT_UNWRITTEN, { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
        });
        if (!(await send(line))) return;
      }
    },
    formatError(error) {
      if (error instanceof GraphQLError) return formatError(error.toJSON());
      log.error({ err: error }, 'stream failed');
      return formatError({ message: (error as Error)?.message ?? String(error), extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    },
  }));
  const server = createGraphQLHttpServer({
    apollo,
    admit,
    ready,
    streams,
    log,
    metrics,
    metricsAccess: { served: config.environment !== 'production' || config.metricsToken !== null, token: config.metricsToken },
    describe: (context) => (context.caller.kind === 'AGENCY' ? { agency: context.caller.identity.agency, platform: context.caller.identity.level } : { agency: PUBLIC_REQUESTER, platform: null }),
  });
  let boundPort: number;
  try {
    boundPort = await listen(server, endpoint.port, config.host);
  } catch (error) {
    // Nothing of a platform that could not listen may stay open: its database, Apollo's timers.
    await apollo.stop();
    await sharedState.close();
    await dataSource.destroy();
    throw error;
  }
  const stopModules = definition.modules.flatMap((m) => m.start?.({ level: definition.level, db: dataSource, config, calendar, log, metrics }) ?? []);
  log.info({ port: boundPort, host: config.host }, 'platform listening');
  return {
    level: definition.level,
    url: `http://127.0.0.1:${boundPort}/graphql`,
    port: boundPort,
    db: dataSource,
    statements,
    // Stopping twice (a test that stops one level, then the whole stack) waits for the first stop.
    stop: once(async () => {
      await Promise.all(stopModules.map((stopModule) => stopModule()));
      log.info('platform draining');
      await drainServer(server, config.drainTimeoutMs);
      await apollo.stop();
      await sharedState.close();
      await dataSource.destroy();
    }),
  };
}
