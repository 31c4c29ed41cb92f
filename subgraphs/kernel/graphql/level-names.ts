import { Level } from '../levels';

const WORD: Record<Level, string> = { REGION: 'Region', CITY: 'City', COUNTY: 'County' };

/**
 * Root fields are owned by one subgraph each, so a module mounted at every level names its root
 * fields after the level: levelName('CITY', 'submit{Level}Resource') → submitCityResource.
 */
export function levelName(level: Level, pattern: string): string {
  const word = WORD[level];
  return pattern.replace('{Level}', word).replace('{level}', word.toLowerCase());
}
