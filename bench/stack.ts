import '../gateway/no-phone-home';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { signToken } from '../subgraphs/kernel/auth/jwt';
import { loadConfig, PlatformConfig } from '../subgraphs/kernel/config';
import { dropMysqlDatabase } from '../subgraphs/kernel/db/data-source';
import { Level, LEVELS } from '../subgraphs/kernel/levels';
import { DemoAgency, demoAgency, Sector } from '../subgraphs/modules/agency/demo-agencies';
import { freePort } from '../subgraphs/kernel/server/http';
import { ChildService, startService } from './processes';
import { AccessToGrant } from './records-access';

/** A gateway the benchmark loads: ours (cluster) or stock @apollo/gateway. */
export interface GatewayUnderTest {
  name: string;
  url: string;
  /** Processes serving requests (cluster workers); the stock gateway has one. */
  workers: number;
  service: ChildService;
}

export interface GatewayStart {
  name: string;
  /** A compiled module under dist/. */
  module: string;
  workers: number;
  env?: NodeJS.ProcessEnv;
}

/**
 * The services of one benchmark run, each its own process built from dist/: three level platforms
 * on fresh databases (MariaDB when DATABASE_URL is set, else SQLite files in a temporary folder),
 * our gateway and the stock one, all on free loopback ports.
 */
export class BenchStack {
  readonly subgraphs = {} as Record<Level, ChildService>;
  readonly gateways: GatewayUnderTest[] = [];

  private constructor(
    readonly env: NodeJS.ProcessEnv,
    readonly config: Readonly<PlatformConfig>,
    readonly logDir: string,
    private readonly sqliteDir: string | undefined,
    /** Node flags every service of this stack starts with (`--profile`'s CPU profiling); cluster workers inherit them. */
    readonly execArgv: string[],
    /** The build whose services run: this checkout's dist/ unless another is given (P7's baseline). */
    private readonly distRoot: string | undefined,
  ) {}

  /** `build`: another build's dist/ and a name for its databases (P7 runs the baseline's platforms beside these). */
  static async create(execArgv: string[] = [], build: { distRoot: string; name: string } | null = null): Promise<BenchStack> {
    const logDir = mkdtempSync(path.join(os.tmpdir(), 'platform-bench-'));
    const sqliteDir = process.env.DATABASE_URL ? undefined : path.join(logDir, 'sqlite');
    const ports = await Promise.all(LEVELS.map(() => freePort()));
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      // As deployed: production mode (graphql-js, for one, leaves out its development checks), with
      // secrets of this run. P4 restarts the platforms in development: its bypass is refused in production.
      NODE_ENV: 'production',
      // Production starts without demo data; the benchmark's agencies, catalog and records are the demo's.
      SEED_DEMO: 'true',
      JWT_SECRET: randomBytes(32).toString('hex'),
      GATEWAY_SIGNING_SECRET: randomBytes(32).toString('hex'),
      SERVICE_TOKEN_SECRET: randomBytes(32).toString('hex'),
      APOLLO_TELEMETRY_DISABLED: 'true',
      DATABASE_PREFIX: `bench${process.pid}_${build ? `${build.name}_` : ''}`,
      ...(sqliteDir ? { SQLITE_DIR: sqliteDir } : {}),
      ...Object.fromEntries(LEVELS.map((level, i) => [`${level}_PORT`, String(ports[i])])),
    };
    for (const level of LEVELS) delete env[`${level}_URL`];
    return new BenchStack(env, loadConfig(env), logDir, sqliteDir, execArgv, build?.distRoot);
  }

  /** Another build's services beside these, on their own ports and databases, with the same Node flags. */
  sibling(build: { distRoot: string; name: string }): Promise<BenchStack> {
    return BenchStack.create(this.execArgv, build);
  }

  get database(): string {
    const db = this.config.subgraphs.REGION.database;
    return db.kind === 'mysql' ? `${db.flavor === 'mariadb' ? 'MariaDB' : 'MySQL'} (DATABASE_URL)` : 'embedded SQLite';
  }

  /** Starts the three level platforms side by side; `extraEnv` is for benchmark switches such as the enforcement bypass. */
  async startSubgraphs(extraEnv: NodeJS.ProcessEnv = {}): Promise<void> {
    await Promise.all(
      LEVELS.map(async (level) => {
        this.subgraphs[level] = await startService({
          name: `subgraph-${level.toLowerCase()}`,
          module: 'bench/subgraph-process.js',
          distRoot: this.distRoot,
          args: [level],
          env: { ...this.env, ...extraEnv },
          execArgv: this.execArgv,
          logDir: this.logDir,
          ready: () => httpAnswers(`http://127.0.0.1:${this.config.subgraphs[level].port}/readyz`),
        });
      }),
    );
  }

  subgraphPids(): number[] {
    return LEVELS.map((level) => this.subgraphs[level].pid);
  }

  async stopSubgraphs(): Promise<void> {
    await Promise.all(LEVELS.map((level) => this.subgraphs[level]?.stop()));
  }

  /** Starts a gateway process on a free port and waits until it answers GraphQL. */
  async startGateway({ name, module, workers, env = {} }: GatewayStart): Promise<GatewayUnderTest> {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/graphql`;
    const token = await this.token();
    const service = await startService({
      name: `gateway-${name}`,
      module,
      distRoot: this.distRoot,
      env: { ...this.env, ...env, GATEWAY_PORT: String(port) },
      execArgv: this.execArgv,
      logDir: this.logDir,
      ready: () => graphqlAnswers(url, token),
    });
    const gateway = { name, url, workers, service };
    this.gateways.push(gateway);
    return gateway;
  }

  /** An ordinary agency user's token; by default Hohhot's health commission, reading the catalog. */
  token(agency: DemoAgency = demoAgency('150100', Sector.HEALTH)): Promise<string> {
    const secret = (this.config.jwt as { secret: string }).secret;
    return signToken({ sub: 'bench-user', agency: agency.uscc, jurisdiction: agency.jurisdictionCode, level: agency.level, roles: ['AGENCY_USER'] }, secret);
  }

  async statements(): Promise<Record<Level, number>> {
    const counts = await Promise.all(LEVELS.map((level) => this.subgraphs[level].call<number>('statements')));
    return Object.fromEntries(LEVELS.map((level, i) => [level, counts[i]])) as Record<Level, number>;
  }

  async resetStatements(): Promise<void> {
    await Promise.all(LEVELS.map((level) => this.subgraphs[level].call('reset-statements')));
  }

  /** Adds `count` published resources to a level's catalog and enters them in the region's index. */
  async padCatalog(level: 'CITY' | 'COUNTY', count: number): Promise<void> {
    const entries = await this.subgraphs[level].call<unknown[]>('pad-catalog', { count });
    await this.subgraphs.REGION.call('add-index-entries', { entries });
  }

  /** Approves access to items of a resource held by a level (setup for record scenarios). */
  async grantAccess(level: Level, access: AccessToGrant): Promise<void> {
    await this.subgraphs[level].call('grant-access', access);
  }

  /** Stops every service and drops the run's databases; the services' logs stay only when asked to (after a failure). */
  async stop(keepLogs = false): Promise<void> {
    await Promise.all(this.gateways.map((g) => g.service.stop()));
    await this.stopSubgraphs();
    if (this.sqliteDir) rmSync(this.sqliteDir, { recursive: true, force: true });
    else await Promise.all(LEVELS.map((level) => dropMysqlDatabase(this.config.subgraphs[level].database)));
    if (!keepLogs) rmSync(this.logDir, { recursive: true, force: true });
  }
}

async function httpAnswers(url: string): Promise<boolean> {
  const response = await fetch(url);
  return response.ok;
}

async function graphqlAnswers(url: string, token: string): Promise<boolean> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: '{ __typename }' }),
  });
  return response.ok;
}
