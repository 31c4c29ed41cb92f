import { DataSource } from 'typeorm';
import { AgencyRegistry, PartyRegistry } from './auth/identity';
import { PolicyGeneration, PolicySnapshots, policyTriggers } from './db/policy-generation';
import { DatabaseTrigger } from './db/triggers';
import { LoaderRegistry } from './loaders';
import { WorkingCalendar } from './calendar';
import { PlatformConfig } from './config';
import { Level } from './levels';
import type { Logger, ServiceMetrics } from './observability';
import type { NodeType } from './graphql/node-registry';
import { ReferenceResolvers } from './schema';
import type { ServiceStream } from './server/service-stream';

/**
 * A domain module is written once and mounted by every level subgraph that needs it. It brings
 * its entities (TypeORM tables), its resolvers and GraphQL types, its node types, and optionally
 * reference resolvers of other entities and demo seed data. A module is the same object at every
 * level; what differs by level is the type (CityShareApplication) and the request's ctx.level.
 */
export interface PlatformModule {
  name: string;
  entities: Function[];
  resolvers: Function[];
  orphanedTypes?: Function[];
  /** Types a client fetches by global id, with how their level loads them (node(id), _entities). */
  nodes?: NodeType[];
  /** How this level loads entities that are not nodes (keyed otherwise: a record by its key). */
  referenceResolvers?: ReferenceResolvers;
  /** Runs once at start: seeds what every platform starts with when its tables are empty (idempotent), loads state. */
  seed?: (seed: SeedContext) => Promise<void>;
  /**
   * Demo data — invented agencies, catalogs and records — for development and trials: only with
   * SEED_DEMO (on by default outside production) or `npm run seed`; idempotent. Production starts
   * with the division registry and nothing invented.
   */
  seedDemo?: (seed: SeedContext) => Promise<void>;
  /** Runs once the platform serves requests (e.g. a scheduler); what it returns is awaited before the database closes. */
  start?: (context: StartContext) => () => Promise<void>;
  /**
   * Fields the public may select without a token (kernel/graphql/public-fields.ts), as `Type.field`
   * or `Type.*`; every other field refuses a public caller. Values still pass the open-type decision.
   */
  openToPublic?: string[];
  /** Root fields SERVICE identities may call (platform-to-platform flows), as level patterns ('{level}ReflowChanges'); nothing else. */
  serviceFields?: string[];
  /** Streams SERVICE identities may open (server/service-stream.ts); no other caller may. */
  serviceStreams?: ServiceStream[];
  /** Tables that access decisions are made from: every change to them bumps the policy generation (db/policy-generation.ts). */
  policyTables?: string[];
  /** Other triggers the module's tables rely on (db/triggers.ts). */
  triggers?: DatabaseTrigger[];
  /** The module keeping the agency registry tells the platform where every request's identity is looked up. */
  agencyRegistry?: (platform: { db: DataSource; loaders: LoaderRegistry; snapshots: PolicySnapshots }) => AgencyRegistry;
  /** The module keeping the register of open-data users (persons and organisations) tells where a party's token is checked. */
  partyRegistry?: (platform: { db: DataSource; loaders: LoaderRegistry; snapshots: PolicySnapshots }) => PartyRegistry;
}

export interface SeedContext {
  level: Level;
  db: DataSource;
  config: Readonly<PlatformConfig>;
  /** The level's working-day calendar, for modules that load arrangements into it at start. */
  calendar: WorkingCalendar;
}

/** What a module running beside the requests (a scheduler) reports through: the platform's log and metrics. */
export interface StartContext extends SeedContext {
  log: Logger;
  metrics: ServiceMetrics;
}

/** What a level's platform is made of. */
export interface LevelDefinition {
  level: Level;
  modules: PlatformModule[];
  /** MySQL migrations for this level's database, oldest first. */
  migrations: Function[];
}

/** Every table of a level's database: the kernel's own and those of the modules it mounts. */
/** Every trigger a level's database must have: those that watch the policy tables, and the modules' own. */
export const levelTriggers = (definition: LevelDefinition): DatabaseTrigger[] =>
  definition.modules.flatMap((m) => [...(m.policyTables ?? []).flatMap(policyTriggers), ...(m.triggers ?? [])]);

export const levelEntities = (definition: LevelDefinition): Function[] => [PolicyGeneration, ...definition.modules.flatMap((m) => m.entities)];
