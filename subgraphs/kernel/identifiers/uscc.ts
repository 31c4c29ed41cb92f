import { CheckResult, VALID, invalid } from './check-result';

/**
 * Unified Social Credit Code (统一社会信用代码), GB 32100-2015.
 * 18 characters: registration authority (1), organisation type (1), division code (6),
 * organisation code (9, GB 11714), check character (1). The alphabet omits I, O, S, V, Z.
 */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const REGISTRATION_AUTHORITIES = '123456789ABCDEFGHJKLMNY';

/** The check character for the first 17 characters of a USCC. */
export function usccCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_ALPHABET.indexOf(first17[i]) * WEIGHTS[i];
  return USCC_ALPHABET[(31 - (sum % 31)) % 31];
}

/** GB 11714 check character for the 8-character body of an organisation code. */
export function organizationCodeCheckCharacter(body8: string): string {
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += parseInt(body8[i], 36) * weights[i];
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

export function checkUscc(value: string): CheckResult {
  if (typeof value !== 'string' || value.length !== 18) {
    return invalid(`a USCC has 18 characters, got ${typeof value === 'string' ? value.length : typeof value}`);
  }
  for (let i = 0; i < 18; i++) {
    if (!USCC_ALPHABET.includes(value[i])) {
      return invalid(`character ${i + 1} ('${value[i]}') is not allowed; USCCs use digits and A-Y without I, O, S, V, Z`);
    }
  }
  if (!REGISTRATION_AUTHORITIES.includes(value[0])) {
    return invalid(`character 1 ('${value[0]}') is not a registration authority code`);
  }
  if (!/^\d{6}$/.test(value.slice(2, 8))) {
    return invalid(`characters 3-8 ('${value.slice(2, 8)}') must be a six-digit administrative division code`);
  }
  const expected = usccCheckCharacter(value.slice(0, 17));
  if (value[17] !== expected) {
    return invalid(`check character is '${value[17]}' but the first 17 characters require '${expected}'`);
  }
  return VALID;
}

/** Build a valid USCC from its parts (seed data and tests). `orgBody8` uses USCC characters only. */
export function composeUscc(registrationAuthority: string, orgType: string, divisionCode: string, orgBody8: string): string {
  const orgCode = orgBody8 + organizationCodeCheckCharacter(orgBody8);
  const first17 = `${registrationAuthority}${orgType}${divisionCode}${orgCode}`;
  return first17 + usccCheckCharacter(first17);
}
