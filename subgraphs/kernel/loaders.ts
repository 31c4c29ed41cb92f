import DataLoader from 'dataloader';
import type { PolicyReader, PolicySnapshots } from './db/policy-generation';

/**
 * Per-request DataLoaders, created on first use. Modules name their loaders with a stable key,
 * so every resolver in one request shares one batch per lookup path.
 */
export class LoaderRegistry {
  private readonly loaders = new Map<string, DataLoader<any, any, any>>();

  get<K, V, C = K>(key: string, create: () => DataLoader<K, V, C>): DataLoader<K, V, C> {
    let loader = this.loaders.get(key);
    if (!loader) {
      loader = create();
      this.loaders.set(key, loader);
    }
    return loader as DataLoader<K, V, C>;
  }

  /** A value computed at most once per request (e.g. the requester's standing at this platform). */
  once<T>(key: string, compute: () => T): T {
    if (!this.values.has(key)) this.values.set(key, compute());
    return this.values.get(key) as T;
  }

  private readonly values = new Map<string, unknown>();
}

/** Orders rows to match the keys a DataLoader asked for (missing keys → null). */
export function byKeys<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): (V | null)[] {
  const index = new Map<K, V>();
  for (const row of rows) index.set(keyOf(row), row);
  return keys.map((k) => index.get(k) ?? null);
}

/** Groups rows under the keys a DataLoader asked for (missing keys → empty list). */
export function groupByKeys<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): V[][] {
  const groups = new Map<K, V[]>();
  for (const row of rows) {
    const k = keyOf(row);
    const list = groups.get(k);
    if (list) list.push(row);
    else groups.set(k, [row]);
  }
  return keys.map((k) => groups.get(k) ?? []);
}

/** Rows keyed by one of their columns, for a loader's `load`. */
export function rowsByKey<V>(rows: V[], keyOf: (row: V) => string): Map<string, V> {
  return new Map(rows.map((row) => [keyOf(row), row]));
}

/** Rows grouped under one of their columns, in the order given, for a loader's `load`. */
export function rowGroups<V>(rows: V[], keyOf: (row: V) => string): Map<string, V[]> {
  const groups = new Map<string, V[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const list = groups.get(key);
    if (list) list.push(row);
    else groups.set(key, [row]);
  }
  return groups;
}

/** What a loader of kept rows needs of a request (a RequestContext is one). */
export interface KeepingReader extends PolicyReader {
  snapshots: PolicySnapshots;
  readsOnly: boolean;
}

/**
 * A per-request loader of rows from a policy table — one whose triggers move the policy generation on
 * every change (db/policy-generation.ts) — whose rows a query takes from the platform's snapshots, so
 * that catalog pages and `_entities` batches read a resource, its items or an agency from the
 * database once per change rather than once per request. A request that writes loads for itself: it
 * must see its own writes, and the rows it gets are its own to change. Kept rows are frozen.
 * `absent` is what a key without rows gets (null for one row, [] for a list).
 */
export function keptRowsLoader<V>(ctx: KeepingReader, name: string, load: (keys: readonly string[]) => Promise<Map<string, V>>, absent: V): DataLoader<string, V> {
  return ctx.loaders.get(name, () =>
    new DataLoader<string, V>(async (keys) => {
      const rows = ctx.readsOnly ? await ctx.snapshots.getMany(ctx, name, keys, load) : await load(keys).then((loaded) => keys.map((key) => loaded.get(key)));
      return rows.map((row) => row ?? absent);
    }));
}
