import { composeCitizenId } from '../../../kernel/identifiers';
import { streetAddress } from './addresses';
import { AS_OF, ageOn, dayOf, isoDate } from './calendar';
import { Gender, personName } from './names';
import { Place, placesFor } from './places';
import { DEFAULT_SEED, Random, checkRowRange, rowRandoms } from './random';
import { BIRTH_WINDOW_DAYS, personSlot } from './slots';

/** A row of the natural-person basic database (人口基础库, 004 art. 18). */
export interface PersonRecord {
  idNumber: string;
  name: string;
  gender: Gender;
  ethnicity: string;
  birthDate: string;
  householdAddress: string;
  maritalStatus: 'UNMARRIED' | 'MARRIED' | 'DIVORCED' | 'WIDOWED';
  phone: string;
  education: string;
  healthStatus: string;
  /** Household registration division; also the address code of idNumber. */
  divisionCode: string;
}

export interface RowOptions {
  count: number;
  divisionCodes: readonly string[];
  seed?: number;
  /** Global index of the first row. Calls over different index ranges never repeat an identifier. */
  startIndex?: number;
}

/** Civil Code art. 1047: men marry from 22, women from 20. */
export const MARRIAGE_AGE: Record<Gender, number> = { MALE: 22, FEMALE: 20 };
export const ADULT_AGE = 18;

/** Adult on AS_OF: may represent a legal person, hold land, own real estate. */
export function isAdult(person: PersonRecord): boolean {
  return ageOn(person.birthDate, AS_OF) >= ADULT_AGE;
}

/** Inner Mongolia, 2020 census, rounded. */
const ETHNICITIES: readonly (readonly [string, number])[] = [
  ['汉族', 78.7], ['蒙古族', 17.7], ['满族', 1.7], ['回族', 0.8], ['达斡尔族', 0.3],
  ['鄂温克族', 0.12], ['朝鲜族', 0.07], ['鄂伦春族', 0.03], ['俄罗斯族', 0.02],
];

/**
 * Relative size of each ~11-year birth cohort (see slots.ts) from 1940 on: few of the oldest
 * still alive, most born 1962-1996. The last window is cut short by AS_OF.
 */
const FIRST_BIRTH_DAY = dayOf('1940-01-01');
const LAST_BIRTH_DAY = dayOf(AS_OF);
const COHORTS = [3, 8, 15, 17, 16, 12, 11, 8].map((weight, window) => [FIRST_BIRTH_DAY + window * BIRTH_WINDOW_DAYS, weight] as const);
const COHORTS_BUT_LAST = COHORTS.slice(0, -1);
const LAST_COHORT_DAYS = LAST_BIRTH_DAY - COHORTS[COHORTS.length - 1][0] + 1;

/**
 * `count` persons with household registration in `divisionCodes` (statistical-only zones left out).
 * ID numbers never repeat across calls whose index ranges [startIndex, startIndex + count) do not
 * overlap, whatever their seeds and divisions (slots.ts); indices stop at PERSON_CAPACITY.
 */
export function generatePersons({ count, divisionCodes, seed = DEFAULT_SEED, startIndex = 0 }: RowOptions): PersonRecord[] {
  checkRowRange(count, startIndex);
  const places = placesFor(divisionCodes, { households: true });
  const randomFor = rowRandoms(seed, 'persons');
  const persons = new Array<PersonRecord>(count);
  for (let row = 0; row < count; row++) persons[row] = personAt(startIndex + row, randomFor(startIndex + row), places);
  return persons;
}

function personAt(index: number, random: Random, places: readonly Place[]): PersonRecord {
  const place = random.pick(places);
  const gender: Gender = random.chance(0.51) ? 'MALE' : 'FEMALE';
  const ethnicity = random.weighted(ETHNICITIES);
  const { dayInWindow, serial } = personSlot(index);
  const cohortStart = random.weighted(dayInWindow < LAST_COHORT_DAYS ? COHORTS : COHORTS_BUT_LAST);
  const birthDate = isoDate(cohortStart + dayInWindow);
  const age = ageOn(birthDate, AS_OF);
  return {
    // Odd sequence for men, even for women (GB 11643).
    idNumber: composeCitizenId(place.code, birthDate.replace(/-/g, ''), serial * 2 + (gender === 'MALE' ? 1 : 0)),
    name: personName(random, gender, ethnicity),
    gender,
    ethnicity,
    birthDate,
    householdAddress: streetAddress(random, place),
    maritalStatus: maritalStatus(random, gender, age),
    phone: mobileNumber(random),
    education: education(random, age, Number(birthDate.slice(0, 4))),
    healthStatus: random.weighted(age < 45 ? HEALTH_YOUNG : age < 65 ? HEALTH_MIDDLE : HEALTH_OLD),
    divisionCode: place.code,
  };
}

const MARITAL_YOUNG = [['UNMARRIED', 55], ['MARRIED', 42], ['DIVORCED', 3]] as const;
const MARITAL_MIDDLE = [['UNMARRIED', 8], ['MARRIED', 80], ['DIVORCED', 9], ['WIDOWED', 3]] as const;
const MARITAL_OLD = [['UNMARRIED', 2], ['MARRIED', 68], ['DIVORCED', 5], ['WIDOWED', 25]] as const;

function maritalStatus(random: Random, gender: Gender, age: number): PersonRecord['maritalStatus'] {
  if (age < MARRIAGE_AGE[gender]) return 'UNMARRIED';
  return random.weighted(age < 30 ? MARITAL_YOUNG : age < 60 ? MARITAL_MIDDLE : MARITAL_OLD);
}

const HEALTH_YOUNG = [['健康', 93], ['慢性病', 4], ['残疾', 2], ['重大疾病', 1]] as const;
const HEALTH_MIDDLE = [['健康', 75], ['慢性病', 20], ['残疾', 3], ['重大疾病', 2]] as const;
const HEALTH_OLD = [['健康', 45], ['慢性病', 45], ['残疾', 6], ['重大疾病', 4]] as const;

/** Highest education completed (or, for pupils, being attended); later cohorts studied longer. */
const EDUCATION_BEFORE_1960 = [['小学', 40], ['初中', 35], ['高中', 14], ['大学专科', 6], ['大学本科', 5]] as const;
const EDUCATION_1960_1979 = [['小学', 15], ['初中', 40], ['高中', 20], ['中等职业教育', 8], ['大学专科', 10], ['大学本科', 6], ['硕士研究生', 1]] as const;
const EDUCATION_SINCE_1980 = [['初中', 20], ['高中', 18], ['中等职业教育', 10], ['大学专科', 22], ['大学本科', 25], ['硕士研究生', 4], ['博士研究生', 1]] as const;

function education(random: Random, age: number, birthYear: number): string {
  if (age < 6) return '学龄前';
  if (age < 12) return '小学';
  if (age < 15) return '初中';
  if (age < ADULT_AGE) return random.chance(0.7) ? '高中' : '中等职业教育';
  return random.weighted(birthYear < 1960 ? EDUCATION_BEFORE_1960 : birthYear < 1980 ? EDUCATION_1960_1979 : EDUCATION_SINCE_1980);
}

/** Mainland mobile numbers: 1, a network digit 3-9, then nine digits. */
const NETWORK_DIGITS = [['3', 30], ['5', 25], ['8', 25], ['7', 8], ['9', 8], ['4', 2], ['6', 2]] as const;

function mobileNumber(random: Random): string {
  return `1${random.weighted(NETWORK_DIGITS)}${random.int(0, 9)}${String(random.int(0, 99_999_999)).padStart(8, '0')}`;
}
