import { Level } from '../levels';
import { CheckResult, VALID, invalid } from './check-result';

/** GB/T 2260 administrative division code: six digits; trailing zero pairs say the level. */
export function checkDivisionCodeFormat(value: string): CheckResult {
  if (typeof value !== 'string' || !/^\d{6}$/.test(value)) return invalid('a division code is six digits, e.g. 150102');
  if (value.slice(0, 2) === '00') return invalid('a division code starts with a province code');
  if (value.slice(2, 4) === '00' && value.slice(4) !== '00') return invalid('a county code needs a city part (digits 3-4)');
  return VALID;
}

export function levelOfDivisionCode(code: string): Level {
  if (code.endsWith('0000')) return 'REGION';
  if (code.endsWith('00')) return 'CITY';
  return 'COUNTY';
}

/** Code prefix that every division inside `code` shares: 15 for 150000, 1501 for 150100, 150102 itself. */
export function subtreePrefix(code: string): string {
  const level = levelOfDivisionCode(code);
  return level === 'REGION' ? code.slice(0, 2) : level === 'CITY' ? code.slice(0, 4) : code;
}

export function isWithin(code: string, ancestorOrSelf: string): boolean {
  return code.startsWith(subtreePrefix(ancestorOrSelf));
}
