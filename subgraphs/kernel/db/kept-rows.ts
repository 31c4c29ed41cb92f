import DataLoader from 'dataloader';
import type { SelectQueryBuilder } from 'typeorm';
import { freezeRows, PolicyReader, PolicySnapshots } from './policy-generation';

/** What a loader of kept rows needs of a request (a RequestContext is one). */
export interface KeepingReader extends PolicyReader {
  snapshots: PolicySnapshots;
  readsOnly: boolean;
}

/**
 * A per-request loader of rows from a policy table — one whose triggers move the policy generation on
 * every change (policy-generation.ts) — whose rows a query takes from the platform's snapshots, so
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

/**
 * The result of one statement over policy tables only, which a query takes from the platform's
 * snapshots: kept under the statement's exact SQL and parameters, so that nothing the statement
 * depends on — filter, caller's scope, cursor — can be answered from another's result.
 */
export function keptResult<R>(ctx: KeepingReader, name: string, query: SelectQueryBuilder<any>, run: () => Promise<R>): Promise<R> {
  if (!ctx.readsOnly) return run();
  const [sql, parameters] = query.getQueryAndParameters();
  return ctx.snapshots.get(ctx, `${name}:${sql}:${JSON.stringify(parameters)}`, () =>
    run().then((result) => {
      freezeRows(result);
      return result;
    }));
}
