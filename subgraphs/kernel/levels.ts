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

/** What the code needs to know about a level, in one place. */
export interface LevelFacts {
  /** Starts the names of the level's GraphQL types (CityPlatform, CityResource) and mutations (applyCityShare). */
  word: 'Region' | 'City' | 'County';
  /** The level's subgraph in the supergraph. */
  subgraph: string;
  defaultPort: number;
  defaultDatabase: string;
  /** How the platform is called: 自治区 / 盟市 / 旗县 public data platform. */
  platformName: string;
}

export const LEVEL_FACTS: Readonly<Record<Level, LevelFacts>> = {
  REGION: { word: 'Region', subgraph: 'region', defaultPort: 4001, defaultDatabase: 'region_platform', platformName: '自治区公共数据平台' },
  CITY: { word: 'City', subgraph: 'city', defaultPort: 4002, defaultDatabase: 'city_platform', platformName: '盟市公共数据平台' },
  COUNTY: { word: 'County', subgraph: 'county', defaultPort: 4003, defaultDatabase: 'county_platform', platformName: '旗县公共数据平台' },
};

/** The GraphQL type a level gives a concept: levelType('CITY', 'ShareApplication') → CityShareApplication. */
export const levelType = (level: Level, concept: string): string => `${LEVEL_FACTS[level].word}${concept}`;

/** The level a level type belongs to, read from its name; null for a type of no level. */
export function levelOfType(typeName: string): Level | null {
  return LEVELS.find((level) => new RegExp(`^${LEVEL_FACTS[level].word}[A-Z]`).test(typeName)) ?? null;
}

/** The level's name in a root field pattern: levelName('CITY', 'apply{Level}Share') → applyCityShare. */
export function levelName(level: Level, pattern: string): string {
  const word = LEVEL_FACTS[level].word;
  return pattern.replace('{Level}', word).replace('{level}', word.toLowerCase());
}

/** Subgraph name used in the supergraph for each level's platform. */
export const SUBGRAPH_NAME: Readonly<Record<Level, string>> = { REGION: LEVEL_FACTS.REGION.subgraph, CITY: LEVEL_FACTS.CITY.subgraph, COUNTY: LEVEL_FACTS.COUNTY.subgraph };
