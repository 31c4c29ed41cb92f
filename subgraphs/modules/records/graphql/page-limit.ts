import { badInput } from '../../../kernel/errors';

/**
 * The most records one page returns, for the typed queries (`regionPersons`, …) and for the generic
 * `records` of a catalog resource alike. 1000 because statement counts are measured for 1 vs 1000
 * records (performance scenario P3), and because the gateway's demand control (maxCost 50 000) admits
 * one such page — `regionPersons(first: 1000)` is estimated at 2 001, generic records with every item
 * at about 31 000 — while a page nested in another page multiplies far past it
 * (test/security/demand-control.test.ts).
 */
export const MAX_RECORD_PAGE = 1000;

/** Refuses a page size outside 1..MAX_RECORD_PAGE with BAD_USER_INPUT naming `first`. */
export function requireRecordPageSize(first: number): void {
  if (first < 1 || first > MAX_RECORD_PAGE) throw badInput('first', `must be between 1 and ${MAX_RECORD_PAGE}`);
}
