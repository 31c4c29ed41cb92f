import { CheckResult, VALID, invalid } from './check-result';

/**
 * Citizen ID number (公民身份号码), GB 11643-1999: 6-digit address code, 8-digit birth date,
 * 3-digit sequence (odd = male), and an ISO 7064 MOD 11-2 check character (0-9 or X).
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';
/** Province-level prefixes of GB/T 2260 (11 Beijing ... 65 Xinjiang, 71 Taiwan, 81/82 HK/Macao). */
const PROVINCES = new Set([11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82]);

export function citizenIdCheckCharacter(first17: string): string {
  let sum = 0;
  // charCodeAt rather than Number(): this runs for every seeded and reflowed row.
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i];
  return CHECK[sum % 11];
}

export function checkCitizenId(value: string, today: Date = new Date()): CheckResult {
  if (typeof value !== 'string' || !/^\d{17}[\dX]$/.test(value)) {
    return invalid('a citizen ID number is 17 digits followed by a digit or X');
  }
  if (!PROVINCES.has(Number(value.slice(0, 2)))) {
    return invalid(`address code ${value.slice(0, 6)} does not start with a province code`);
  }
  const y = Number(value.slice(6, 10));
  const m = Number(value.slice(10, 12));
  const d = Number(value.slice(12, 14));
  const birth = new Date(Date.UTC(y, m - 1, d));
  if (birth.getUTCFullYear() !== y || birth.getUTCMonth() !== m - 1 || birth.getUTCDate() !== d) {
    return invalid(`birth date ${value.slice(6, 14)} is not a real date`);
  }
  if (y < 1800) return invalid(`birth year ${y} is before 1800`);
  if (birth.getTime() > today.getTime()) return invalid(`birth date ${value.slice(6, 14)} is in the future`);
  const expected = citizenIdCheckCharacter(value.slice(0, 17));
  if (value[17] !== expected) {
    return invalid(`check character is '${value[17]}' but the first 17 digits require '${expected}'`);
  }
  return VALID;
}

export function composeCitizenId(addressCode: string, birthDate: string, sequence: number): string {
  const first17 = `${addressCode}${birthDate}${String(sequence).padStart(3, '0')}`;
  return first17 + citizenIdCheckCharacter(first17);
}

/** Facts a valid ID number states about its holder. */
export function describeCitizenId(value: string): { addressCode: string; birthDate: string; gender: 'MALE' | 'FEMALE' } {
  return {
    addressCode: value.slice(0, 6),
    birthDate: `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`,
    gender: Number(value[16]) % 2 === 1 ? 'MALE' : 'FEMALE',
  };
}
