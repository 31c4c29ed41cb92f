import { checkCitizenId, describeCitizenId } from '../../../subgraphs/kernel/identifiers';
import { AS_OF, PERSON_CAPACITY, generatePersons, householdDivisionCodes } from '../../../subgraphs/modules/records/generators';
import { ageOn } from '../../../subgraphs/modules/records/generators/calendar';
import { BIRTH_WINDOW_DAYS, personSlot } from '../../../subgraphs/modules/records/generators/slots';

const ALL_COUNTIES = householdDivisionCodes('150000');
const share = (rows: readonly unknown[], matches: number) => matches / rows.length;

// 004 art. 18: the natural-person basic database, seeded with realistic demo rows.
describe('generated natural persons', () => {
  const persons = generatePersons({ count: 20_000, divisionCodes: ALL_COUNTIES, seed: 11 });

  it('carry citizen ID numbers that pass the GB 11643 check and state their own birth date, gender and division', () => {
    expect(persons.filter((p) => !checkCitizenId(p.idNumber).valid)).toEqual([]);
    const misstated = persons.filter((p) => {
      const stated = describeCitizenId(p.idNumber);
      return stated.addressCode !== p.divisionCode || stated.birthDate !== p.birthDate || stated.gender !== p.gender;
    });
    expect(misstated).toEqual([]);
    expect(new Set(persons.map((p) => p.gender))).toEqual(new Set(['MALE', 'FEMALE']));
  });

  it('live only in the requested divisions, at an address under the division’s full name path', () => {
    const hohhot = generatePersons({ count: 2000, divisionCodes: ['150102', '150121'], seed: 3 });
    expect(new Set(hohhot.map((p) => p.divisionCode))).toEqual(new Set(['150102', '150121']));
    const path = { '150102': '内蒙古自治区呼和浩特市新城区', '150121': '内蒙古自治区呼和浩特市土默特左旗' } as Record<string, string>;
    expect(hohhot.filter((p) => !new RegExp(`^${path[p.divisionCode]}.+\\d+号$`).test(p.householdAddress))).toEqual([]);
    expect(persons.every((p) => ALL_COUNTIES.includes(p.divisionCode))).toBe(true);
  });

  it('never register a household in a statistical-only development zone, and reject unknown divisions', () => {
    const rows = generatePersons({ count: 500, divisionCodes: ['150102', '150172'] });
    expect(rows.every((p) => p.divisionCode === '150102')).toBe(true);
    expect(() => generatePersons({ count: 1, divisionCodes: ['150172'] })).toThrow(/statistical-only/);
    expect(() => generatePersons({ count: 1, divisionCodes: ['150199'] })).toThrow(RangeError);
  });

  it('are born from 1940 to the end of 2024, across the whole range', () => {
    const years = persons.map((p) => Number(p.birthDate.slice(0, 4)));
    expect(Math.min(...years)).toBe(1940);
    expect(Math.max(...years)).toBe(2024);
    expect(persons.every((p) => p.birthDate <= AS_OF)).toBe(true);
  });

  it('are of the ethnicities of Inner Mongolia in roughly census proportions (Han ~79 %, Mongol ~17 %)', () => {
    expect(share(persons, persons.filter((p) => p.ethnicity === '汉族').length)).toBeGreaterThan(0.75);
    expect(share(persons, persons.filter((p) => p.ethnicity === '汉族').length)).toBeLessThan(0.83);
    expect(share(persons, persons.filter((p) => p.ethnicity === '蒙古族').length)).toBeGreaterThan(0.14);
    expect(share(persons, persons.filter((p) => p.ethnicity === '蒙古族').length)).toBeLessThan(0.21);
    for (const minority of ['满族', '回族', '达斡尔族', '鄂温克族']) expect(persons.some((p) => p.ethnicity === minority)).toBe(true);
  });

  it('give many Mongols a Mongolian name of their gender and everyone else a surname and a given name', () => {
    const mongols = persons.filter((p) => p.ethnicity === '蒙古族');
    expect(mongols.filter((p) => p.name === '巴特尔').every((p) => p.gender === 'MALE')).toBe(true);
    expect(mongols.filter((p) => p.name === '其其格').every((p) => p.gender === 'FEMALE')).toBe(true);
    expect(mongols.some((p) => p.name === '巴特尔') && mongols.some((p) => p.name === '其其格')).toBe(true);
    const others = persons.filter((p) => p.ethnicity !== '蒙古族');
    expect(others.every((p) => p.name.length >= 2 && p.name.length <= 3)).toBe(true);
    expect(others.some((p) => p.name === '巴特尔')).toBe(false);
  });

  it('are unmarried below the legal marriage age (men 22, women 20) and have an 11-digit mobile number', () => {
    const belowMarriageAge = persons.filter((p) => ageOn(p.birthDate, AS_OF) < (p.gender === 'MALE' ? 22 : 20));
    expect(belowMarriageAge.length).toBeGreaterThan(1000);
    expect(belowMarriageAge.filter((p) => p.maritalStatus !== 'UNMARRIED')).toEqual([]);
    expect(persons.filter((p) => !/^1[3-9]\d{9}$/.test(p.phone))).toEqual([]);
    expect(new Set(persons.map((p) => p.healthStatus))).toEqual(new Set(['健康', '慢性病', '残疾', '重大疾病']));
  });
});

describe('generating persons is deterministic', () => {
  const options = { count: 1000, divisionCodes: ALL_COUNTIES };

  it('gives the same rows for the same seed and different rows for another seed', () => {
    expect(generatePersons({ ...options, seed: 1 })).toEqual(generatePersons({ ...options, seed: 1 }));
    expect(generatePersons({ ...options, seed: 1 })).not.toEqual(generatePersons({ ...options, seed: 2 }));
  });

  it('makes a row depend only on seed and index, so a range can be generated in pieces', () => {
    const whole = generatePersons({ ...options, seed: 5 });
    const pieces = [...generatePersons({ ...options, count: 400, seed: 5 }), ...generatePersons({ ...options, count: 600, seed: 5, startIndex: 400 })];
    expect(pieces).toEqual(whole);
  });
});

describe('citizen ID numbers of generated persons are unique', () => {
  // One division on purpose: address codes cannot help, only the birth date and sequence scheme.
  const ONE_DIVISION = ['150102'];

  it('gives every index below the capacity its own (day in birth window, serial)', () => {
    const seen = new Uint8Array(PERSON_CAPACITY);
    for (let index = 0; index < PERSON_CAPACITY; index++) {
      const { dayInWindow, serial } = personSlot(index);
      const slot = serial * BIRTH_WINDOW_DAYS + dayInWindow;
      if (seen[slot]) throw new Error(`index ${index} reuses slot ${slot}`);
      seen[slot] = 1;
    }
  });

  it('across 200 000 persons of one division', () => {
    const ids = generatePersons({ count: 200_000, divisionCodes: ONE_DIVISION, seed: 17 }).map((p) => p.idNumber);
    expect(new Set(ids).size).toBe(200_000);
  });

  it('across calls over different index ranges, even with different seeds', () => {
    const first = generatePersons({ count: 50_000, divisionCodes: ONE_DIVISION, seed: 1, startIndex: 0 });
    const second = generatePersons({ count: 50_000, divisionCodes: ONE_DIVISION, seed: 2, startIndex: 50_000 });
    const ids = new Set(first.map((p) => p.idNumber));
    expect(second.filter((p) => ids.has(p.idNumber))).toEqual([]);
  });

  it('and refuses to go beyond the capacity of the scheme rather than repeat a number', () => {
    expect(generatePersons({ count: 1, divisionCodes: ONE_DIVISION, startIndex: PERSON_CAPACITY - 1 })).toHaveLength(1);
    expect(() => generatePersons({ count: 2, divisionCodes: ONE_DIVISION, startIndex: PERSON_CAPACITY - 1 })).toThrow(RangeError);
    expect(() => generatePersons({ count: -1, divisionCodes: ONE_DIVISION })).toThrow(RangeError);
  });
});
