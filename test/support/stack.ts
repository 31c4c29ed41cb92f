import '../../gateway/no-phone-home';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { signPartyToken, signToken } from '../../subgraphs/kernel/auth/jwt';
import { PartyKind, Role } from '../../subgraphs/kernel/auth/identity';
import { signRequest } from '../../subgraphs/kernel/auth/request-signature';
import { SettableClock } from '../../subgraphs/kernel/clock';
import { loadConfig } from '../../subgraphs/kernel/config';
import { dropMysqlDatabase } from '../../subgraphs/kernel/db/data-source';
import { Level, LEVELS } from '../../subgraphs/kernel/levels';
import { Agency } from '../../subgraphs/modules/agency/agency.entity';
import { DemoAgency } from '../../subgraphs/modules/agency/demo-agencies';
import { RunningStack, startStack } from '../../scripts/stack';

let stackCounter = 0;

export interface GraphQLResponse<T = any> {
  status: number;
  body: { data?: T; errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[] };
}

export interface TestStack extends RunningStack {
  /** A token for a demo agency with the given roles. */
  token(agency: DemoAgency, ...roles: Role[]): Promise<string>;
  /** A token for a registered person or organisation (an open-data applicant). */
  partyToken(party: { id: string; kind: PartyKind }): Promise<string>;
  /** Test setup: puts agencies into every level's copy of the registry, as a registration at the region would. */
  register(...agencies: DemoAgency[]): Promise<void>;
  /** POST through the gateway, with any extra headers (x-data-purpose, x-request-id). */
  query<T = any>(query: string, variables?: Record<string, unknown>, token?: string, headers?: Record<string, string>): Promise<GraphQLResponse<T>>;
  /** POST straight to one level's subgraph; `signed` adds a valid gateway signature. */
  direct<T = any>(level: Level, query: string, options?: { token?: string; signed?: boolean; variables?: Record<string, unknown> }): Promise<GraphQLResponse<T>>;
  /**
   * POST a JSON body to one level's service stream; `signed` adds a valid gateway signature. Reads the
   * answer's JSON lines (at most `lines`, then closes the connection), or a refusal's JSON body.
   */
  stream(level: Level, path: string, body: unknown, options?: { token?: string; signed?: boolean; lines?: number; requestId?: string }): Promise<{ status: number; lines: any[] }>;
  /** SQL statements run by a level's subgraph since the last reset. */
  /** Environment that points a command (e.g. npm run audit:verify) at this stack's databases. */
  databaseEnv: Record<string, string>;
  statements(level: Level): number;
  resetStatements(): void;
  /** The platforms' clock: the system's until a test sets a day (test/support/days.ts names some). */
  clock: SettableClock;
}

/**
 * A whole platform — three subgraphs and the gateway — on real servers with real databases:
 * MariaDB when DATABASE_URL is set (each stack in its own databases), else fresh SQLite files.
 */
export async function startTestStack(env: Record<string, string> = {}): Promise<TestStack> {
  const id = `t${process.pid}_${++stackCounter}_`;
  const sqliteDir = process.env.DATABASE_URL ? undefined : mkdtempSync(path.join(os.tmpdir(), 'platform-test-'));
  const config = loadConfig({ ...process.env, NODE_ENV: 'test', DATABASE_PREFIX: id, SQLITE_DIR: sqliteDir ?? 'data', ...env });
  const clock = new SettableClock();
  const stack = await startStack(config, { ephemeralPorts: true, clock });

  const post = async (url: string, payload: string, headers: Record<string, string>): Promise<GraphQLResponse> => {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: payload });
    const text = await response.text();
    let body;
    try {
      body = JSON.parse(text);
    } catch {
      throw new Error(`non-JSON response ${response.status}: ${text.slice(0, 200)}`);
    }
    return { status: response.status, body };
  };

  return {
    ...stack,
    async token(agency, ...roles) {
      const secret = (config.jwt as { secret: string }).secret;
      return signToken(
        { sub: `tester-${agency.uscc}-${roles.join('+') || 'AGENCY_USER'}`, agency: agency.uscc, roles: roles.length ? roles : ['AGENCY_USER'] },
        secret,
      );
    },
    partyToken(party) {
      return signPartyToken({ sub: `tester-${party.id}`, party: party.id, partyKind: party.kind }, (config.jwt as { secret: string }).secret);
    },
    async register(...agencies) {
      for (const level of LEVELS) await stack.subgraphs[level].db.getRepository(Agency).save(agencies.map((a) => ({ ...a })));
    },
    query(query, variables, token, headers = {}) {
      return post(stack.gateway.url, JSON.stringify({ query, variables }), { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers });
    },
    direct(level, query, options = {}) {
      const url = stack.subgraphs[level].url;
      const body = JSON.stringify({ query, variables: options.variables });
      const authorization = options.token ? `Bearer ${options.token}` : '';
      const headers: Record<string, string> = authorization ? { authorization } : {};
      if (options.signed) Object.assign(headers, signRequest(config.gatewaySigningSecret, { method: 'POST', path: new URL(url).pathname, authorization, body }));
      return post(url, body, headers);
    },
    async stream(level, streamPath, payload, options = {}) {
      const url = new URL(streamPath, stack.subgraphs[level].url);
      const body = JSON.stringify(payload);
      const authorization = options.token ? `Bearer ${options.token}` : '';
      const headers: Record<string, string> = { 'content-type': 'application/json', ...(authorization ? { authorization } : {}), ...(options.requestId ? { 'x-request-id': options.requestId } : {}) };
      if (options.signed) Object.assign(headers, signRequest(config.gatewaySigningSecret, { method: 'POST', path: url.pathname, authorization, body }));
      const response = await fetch(url, { method: 'POST', headers, body });
      if (!response.ok || !response.body) return { status: response.status, lines: [await response.json()] };
      const lines: any[] = [];
      const reader = response.body.getReader();
      const decoder = new TextDecoder();
      let buffered = '';
      while (lines.length < (options.lines ?? Infinity)) {
        const chunk = await reader.read();
        if (chunk.done) break;
        buffered += decoder.decode(chunk.value, { stream: true });
        const complete = buffered.split('\n');
        buffered = complete.pop()!;
        lines.push(...complete.map((line) => JSON.parse(line)));
      }
      await reader.cancel();
      return { status: response.status, lines: lines.slice(0, options.lines ?? Infinity) };
    },
    databaseEnv: { DATABASE_PREFIX: id, ...(sqliteDir ? { SQLITE_DIR: sqliteDir } : {}) },
    clock,
    statements: (level) => stack.subgraphs[level].statements.count,
    resetStatements() {
      for (const level of LEVELS) stack.subgraphs[level].statements.count = 0;
    },
    async stop() {
      await stack.stop();
      if (sqliteDir) rmSync(sqliteDir, { recursive: true, force: true });
      else await Promise.all(LEVELS.map((l) => dropMysqlDatabase(config.subgraphs[l].database)));
    },
  };
}

/** The error codes of a response, in order. */
export const errorCodes = (response: GraphQLResponse) => (response.body.errors ?? []).map((e) => e.extensions?.code);
