import DataLoader from 'dataloader';

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
  const index = rowsByKey(rows, keyOf);
  return keys.map((k) => index.get(k) ?? null);
}

/** Groups rows under the keys a DataLoader asked for (missing keys → empty list). */
export function groupByKeys<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): V[][] {
  const groups = rowGroups(rows, keyOf);
  return keys.map((k) => groups.get(k) ?? []);
}

/** Rows keyed by one of their columns, for a loader's `load`. */
export function rowsByKey<K, V>(rows: V[], keyOf: (row: V) => K): Map<K, V> {
  return new Map(rows.map((row) => [keyOf(row), row]));
}

/** Rows grouped under one of their columns, in the order given, for a loader's `load`. */
export function rowGroups<K, V>(rows: V[], keyOf: (row: V) => K): Map<K, V[]> {
  const groups = new Map<K, V[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const list = groups.get(key);
    if (list) list.push(row);
    else groups.set(key, [row]);
  }
  return groups;
}
