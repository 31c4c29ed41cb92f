import { LRUCache } from 'lru-cache';
import { Column, DataSource, Entity, PrimaryColumn } from 'typeorm';
import type { LoaderRegistry } from '../loaders';
import { DatabaseTrigger, mysqlTriggerStatements } from './triggers';

/** What reading the generation needs of a request: its database and its per-request loaders (a RequestContext is one). */
export interface PolicyReader {
  db: DataSource;
  loaders: LoaderRegistry;
}

/**
 * Access decisions are made from a few tables: the catalog's share attributes, grants, applications
 * under review, suspensions. Reading them for every request costs more than deciding. Instead each
 * platform counts their changes in one row, bumped by database triggers in the same transaction as
 * the change, so that no writer — a service, another replica, an operator's SQL — can change a
 * decision without the count moving. A request reads the count once; what was loaded under the same
 * count is still exact and is reused (PolicySnapshots).
 */
@Entity('policy_generation')
export class PolicyGeneration {
  @PrimaryColumn({ type: 'int' })
  id: number;

  @Column({ type: 'int' })
  value: number;
}

const ROW_ID = 1;
const EVENTS = [
  ['INSERT', 'ai'],
  ['UPDATE', 'au'],
  ['DELETE', 'ad'],
] as const;

/** The triggers one table needs, named `policy_generation_<table>_<ai|au|ad>`. */
export function policyTriggers(table: string): DatabaseTrigger[] {
  return EVENTS.map(([event, suffix]) => {
    const name = `policy_generation_${table}_${suffix}`;
    return {
      name,
      sqlite: `CREATE TRIGGER IF NOT EXISTS "${name}" AFTER ${event} ON "${table}" BEGIN UPDATE "policy_generation" SET "value" = "value" + 1 WHERE "id" = ${ROW_ID}; END`,
      mysql: `CREATE TRIGGER \`${name}\` AFTER ${event} ON \`${table}\` FOR EACH ROW UPDATE \`policy_generation\` SET \`value\` = \`value\` + 1 WHERE \`id\` = ${ROW_ID}`,
    };
  });
}

/** The same triggers on MySQL/MariaDB, for the migration that starts watching a table. */
export const mysqlPolicyTriggers = (table: string) => mysqlTriggerStatements(policyTriggers(table));

/**
 * At start: makes sure the counter row exists. The triggers that bump it are the platform's (see
 * levelTriggers in module.ts): created on SQLite, checked on MySQL, where a platform whose database
 * lacks one refuses to start rather than serve decisions from a cache that would not notice a change.
 */
export async function preparePolicyGeneration(db: DataSource): Promise<void> {
  await db.createQueryBuilder().insert().into(PolicyGeneration).values({ id: ROW_ID, value: 0 }).orIgnore().updateEntity(false).execute();
}

/** This request's view of the counter, read once (one statement of one row). */
export function policyGeneration(ctx: PolicyReader): Promise<number> {
  return ctx.loaders.once('kernel.policyGeneration', async () => {
    const [row] = await ctx.db.query(`SELECT value FROM policy_generation WHERE id = ${ROW_ID}`);
    return Number(row?.value ?? 0);
  });
}

/** Agencies whose standing one platform keeps between changes; the least recently used go first. */
const MAX_SNAPSHOTS = 2000;

/**
 * What was loaded from the policy tables, kept while the counter stands still: a request that reads
 * a newer count empties it, and a request that read an older count (it started before a change that
 * another has already seen) loads for itself without keeping anything.
 */
export class PolicySnapshots {
  private generation = -1;
  private readonly values = new LRUCache<string, Promise<unknown>>({ max: MAX_SNAPSHOTS });

  /** Whether this request may use what is kept (see above), emptying it first for a newer count. */
  private async current(ctx: PolicyReader): Promise<boolean> {
    const generation = await policyGeneration(ctx);
    if (generation < this.generation) return false;
    if (generation > this.generation) {
      this.values.clear();
      this.generation = generation;
    }
    return true;
  }

  /** Keeps one value under `key`, with its load's failure never kept. */
  private keep<T>(key: string, loading: Promise<T>): Promise<T> {
    this.values.set(key, loading);
    loading.catch(() => this.values.peek(key) === loading && this.values.delete(key));
    return loading;
  }

  async get<T>(ctx: PolicyReader, key: string, load: () => Promise<T>): Promise<T> {
    if (!(await this.current(ctx))) return load();
    return (this.values.get(key) as Promise<T> | undefined) ?? this.keep(key, load());
  }

  /**
   * Many rows at once, each kept under `name:key`: those kept are taken, the rest loaded in one call
   * and kept. What is kept is frozen, because every later request shares it.
   */
  async getMany<V>(ctx: PolicyReader, name: string, keys: readonly string[], load: (keys: readonly string[]) => Promise<Map<string, V>>): Promise<V[]> {
    if (!(await this.current(ctx))) {
      const loaded = await load(keys);
      return keys.map((key) => loaded.get(key) as V);
    }
    const rows = keys.map((key) => this.values.get(`${name}:${key}`));
    const missing = keys.filter((_, i) => !rows[i]);
    if (missing.length > 0) {
      const loading = load(missing).then((loaded) => {
        for (const value of loaded.values()) freezeRows(value);
        return loaded;
      });
      keys.forEach((key, i) => {
        rows[i] ??= this.keep(`${name}:${key}`, loading.then((loaded) => loaded.get(key)));
      });
    }
    return Promise.all(rows) as Promise<V[]>;
  }
}

/** A row, or a list of rows, made read-only (its Date fields excepted). */
export function freezeRows(value: unknown): void {
  if (Array.isArray(value)) value.forEach((row) => Object.freeze(row));
  if (value && typeof value === 'object') Object.freeze(value);
}
