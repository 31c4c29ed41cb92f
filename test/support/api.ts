import { decodeGlobalId, globalId } from '../../subgraphs/kernel/graphql/global-id';
import { Level, levelType } from '../../subgraphs/kernel/levels';
import { GraphQLResponse } from './stack';

/** The global id the API gives a level's record: levelId('CITY', 'ShareApplication', row.id). */
export const levelId = (level: Level, concept: string, localId: string) => globalId(levelType(level, concept), localId);

/** The record id behind a global id (to look the row up in a level's database). */
export function localId(id: string): string {
  const decoded = decodeGlobalId(id);
  if (!decoded) throw new Error(`not a global id: ${id}`);
  return decoded.localId;
}

/** A query of one field of a level's platform: onPlatform('CITY', 'shareApplications(role: APPLICANT) { … }'). */
export const onPlatform = (level: Level, selection: string, variables = '') => `query${variables ? `(${variables})` : ''} { platform(level: ${level}) { ${selection} } }`;

/** The value of the one field selected on a platform (or of the one root field, when no platform was asked). */
export function platformValue<T = any>(response: GraphQLResponse): T {
  expect(response.body.errors).toBeUndefined();
  const root = Object.values(response.body.data ?? {})[0] as Record<string, unknown>;
  return (response.body.data?.platform ? Object.values(root)[0] : root) as T;
}

/** The nodes of the one connection a response selected (on a platform, or at the root). */
export const nodesOf = <T = any>(response: GraphQLResponse): T[] => platformValue<{ nodes: T[] }>(response).nodes;

/**
 * The single error of a response, after checking that there is exactly one and that no data came with
 * it: a refused root field is null, and so is a refused field of a platform (they are nullable so that
 * one level's refusal leaves the other levels' answers standing).
 */
export function onlyError(response: GraphQLResponse) {
  expect(response.body.errors).toHaveLength(1);
  const platform = response.body.data?.platform as Record<string, unknown> | undefined;
  if (platform) expect(Object.values(platform).every((value) => value === null)).toBe(true);
  else expect(response.body.data ?? null).toBeNull();
  return response.body.errors![0];
}
