import { findDivision } from '../../kernel/divisions';
import { badInput } from '../../kernel/errors';
import { Level } from '../../kernel/levels';
import { UpwardStepKind } from './enums';

/** One step on the way: the authority of a jurisdiction, or the department holding the data. */
export interface Hop {
  level: Level;
  jurisdictionCode: string;
  kind: UpwardStepKind;
}

/** The facts a route follows from: who asks, and where the data is. */
export interface RouteFacts {
  requesterLevel: Level;
  requesterJurisdiction: string;
  resourceLevel: Level;
  resourceJurisdiction: string;
}

function parentOf(code: string): string {
  const parent = findDivision(code)?.parentCode;
  if (!parent) throw new Error(`division ${code} has no parent division`);
  return parent;
}

/**
 * 004 art. 25, 000 art. 23: an agency's own authority applies to the authority one level up, so a
 * county agency's application goes county → city, and a city agency's starts at its city. The city
 * answers data of its own; anything else goes on to the region, which routes it to the holder — a
 * region department or another city's platform. The route is a function of the facts, so every level
 * on it knows the step before and after its own.
 */
export function routeOf(facts: RouteFacts): Hop[] {
  const hops: Hop[] = [];
  const authority = (level: Level, jurisdictionCode: string) => hops.push({ level, jurisdictionCode, kind: UpwardStepKind.AUTHORITY });
  const city = facts.requesterLevel === 'COUNTY' ? parentOf(facts.requesterJurisdiction) : facts.requesterJurisdiction;
  if (facts.requesterLevel === 'COUNTY') authority('COUNTY', facts.requesterJurisdiction);
  authority('CITY', city);
  const heldByThatCity = facts.resourceLevel === 'CITY' && facts.resourceJurisdiction === city;
  if (!heldByThatCity) authority('REGION', parentOf(city));
  hops.push({ level: facts.resourceLevel, jurisdictionCode: facts.resourceJurisdiction, kind: UpwardStepKind.HOLDER });
  return hops;
}

/** The authority step a level's platform takes on this route, if any. */
export const authorityHopAt = (route: readonly Hop[], level: Level): Hop | undefined =>
  route.find((hop) => hop.kind === UpwardStepKind.AUTHORITY && hop.level === level);

export const holderHopOf = (route: readonly Hop[]): Hop => route[route.length - 1];

export const hopAfter = (route: readonly Hop[], hop: Hop): Hop | undefined => route[route.indexOf(hop) + 1];

export const hopBefore = (route: readonly Hop[], hop: Hop): Hop | undefined => route[route.indexOf(hop) - 1];

/**
 * Upward applications ask for data a higher level holds (the region's or a city's: county data is
 * never looked up). A city's own data is applied for on its platform directly (004 art. 23).
 */
export function checkUpwardTarget(requester: { level: Level; jurisdiction: string }, target: { level: Level; jurisdictionCode: string; code: string }): void {
  if (requester.level === 'CITY' && target.level === 'CITY' && target.jurisdictionCode === requester.jurisdiction) {
    throw badInput('input.resourceId', `${target.code} is your own city's data: apply for it on the city platform (applyCityShare, 004 art. 23), not upward`);
  }
}

/** Platforms where agencies file upward applications, and platforms holding data applied for upward. */
export const REQUESTING_LEVELS: readonly Level[] = ['COUNTY', 'CITY'];
export const HOLDING_LEVELS: readonly Level[] = ['REGION', 'CITY'];
