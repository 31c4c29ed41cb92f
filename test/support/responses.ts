import { GraphQLResponse } from './stack';

type Path = readonly (string | number)[];

/** The value at a path of a response's data (undefined when the path does not exist). */
export function valueAt(response: GraphQLResponse, path: Path): unknown {
  let node: any = response.body.data;
  for (const key of path) {
    if (node === null || node === undefined) return undefined;
    node = node[key];
  }
  return node;
}

/** The error reported at exactly this path, if any. */
export function errorAt(response: GraphQLResponse, path: Path) {
  return (response.body.errors ?? []).find((e) => e.path && e.path.length === path.length && e.path.every((k, i) => k === path[i]));
}
