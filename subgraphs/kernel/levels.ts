/** The three administrative levels of the platform hierarchy (domain.md, "The three levels"). */
export const LEVELS = ['REGION', 'CITY', 'COUNTY'] as const;
export type Level = (typeof LEVELS)[number];

export function isLevel(value: unknown): value is Level {
  return typeof value === 'string' && (LEVELS as readonly string[]).includes(value);
}

/** The level one step up, or null for the region (the top of the hierarchy). */
export function parentLevel(level: Level): Level | null {
  return level === 'COUNTY' ? 'CITY' : level === 'CITY' ? 'REGION' : null;
}

/** Subgraph name used in the supergraph for each level's platform. */
export const SUBGRAPH_NAME: Record<Level, string> = { REGION: 'region', CITY: 'city', COUNTY: 'county' };
