import { USCC_ALPHABET } from '../../../kernel/identifiers';

/**
 * Unique identifiers from row indices. A generated identifier is unique because its variable part
 * is a one-to-one function of the row's global index (startIndex + position): two rows with
 * different indices can never share it, whatever the seed or the division chosen for them. Calls
 * that cover different index ranges therefore never collide. The index is first shuffled through
 * a bijection so that neighbouring rows do not get neighbouring numbers.
 */

/** (multiplier · index + offset) mod capacity — a bijection on [0, capacity) when multiplier and capacity are coprime. */
function shuffle(index: number, capacity: number, multiplier: number, offset: number): number {
  if (index >= capacity) throw new RangeError(`row index ${index} exceeds the ${capacity} unique identifiers this generator can make`);
  return (multiplier * index + offset) % capacity;
}

/**
 * Citizen ID numbers: a person's 3-digit sequence (顺序码) is unique only per address code and
 * birth date, and its parity is fixed by gender — so 500 numbers per (division, birth date, gender).
 *
 * Birth dates span 1940-01-01 … 2024-12-31, cut into windows of BIRTH_WINDOW_DAYS days (~11 years).
 * The index fixes the day within the window and the serial k (sequence = 2k, +1 for men); the
 * seeded random source only chooses which window (the age cohort). From (birth date, sequence)
 * one recovers the day within the window and k, hence the index: the ID is unique per division.
 */
export const BIRTH_WINDOW_DAYS = 4096;
const SERIALS_PER_GENDER = 500;
export const PERSON_CAPACITY = BIRTH_WINDOW_DAYS * SERIALS_PER_GENDER; // 2 048 000

export function personSlot(index: number): { dayInWindow: number; serial: number } {
  const slot = shuffle(index, PERSON_CAPACITY, 1_299_709, 777_777); // 1 299 709 is prime, coprime to 2¹⁴·5³
  return { dayInWindow: slot % BIRTH_WINDOW_DAYS, serial: Math.floor(slot / BIRTH_WINDOW_DAYS) };
}

/**
 * Organisation code body of a USCC: "MA" (the prefix of codes issued since 2015) and six
 * USCC-alphabet characters spelling the shuffled index in base 31.
 */
const ORGANISATION_SUFFIX_LENGTH = 6;
export const LEGAL_PERSON_CAPACITY = USCC_ALPHABET.length ** ORGANISATION_SUFFIX_LENGTH; // 887 503 681

export function organisationCodeBody(index: number): string {
  let rest = shuffle(index, LEGAL_PERSON_CAPACITY, 1_000_003, 31_415_926); // product stays below 2⁵³
  let suffix = '';
  for (let i = 0; i < ORGANISATION_SUFFIX_LENGTH; i++) {
    suffix = USCC_ALPHABET[rest % USCC_ALPHABET.length] + suffix;
    rest = Math.floor(rest / USCC_ALPHABET.length);
  }
  return 'MA' + suffix;
}

/** Land parcel number: five digits, so at most 100 000 parcels. */
export const PARCEL_CAPACITY = 100_000;

export function parcelNumber(index: number): string {
  return String(shuffle(index, PARCEL_CAPACITY, 7_919, 4_242)).padStart(5, '0');
}
