import { checkCitizenId, checkUscc, organizationCodeCheckCharacter } from '../../../subgraphs/kernel/identifiers';
import { AS_OF, generateLegalPersons, generatePersons, householdDivisionCodes } from '../../../subgraphs/modules/records/generators';
import { ageOn } from '../../../subgraphs/modules/records/generators/calendar';
import { placeOf } from '../../../subgraphs/modules/records/generators/places';

const ALL_COUNTIES = householdDivisionCodes('150000');

// 004 art. 18: the legal-person basic database; 004 art. 13-14: organisations are identified by USCC.
describe('generated legal persons', () => {
  const representatives = generatePersons({ count: 5000, divisionCodes: ALL_COUNTIES, seed: 21 });
  const legalPersons = generateLegalPersons({ count: 20_000, divisionCodes: ALL_COUNTIES, seed: 21, representatives });

  it('carry USCCs that pass the GB 32100 check, registered by market regulation (9) as enterprise, individual business or cooperative', () => {
    expect(legalPersons.filter((l) => !checkUscc(l.uscc).valid)).toEqual([]);
    expect(new Set(legalPersons.map((l) => l.uscc.slice(0, 2)))).toEqual(new Set(['91', '92', '93']));
  });

  it('embed their own division and a GB 11714 organisation code with a correct check character', () => {
    expect(legalPersons.filter((l) => l.uscc.slice(2, 8) !== l.divisionCode)).toEqual([]);
    expect(legalPersons.filter((l) => l.uscc[16] !== organizationCodeCheckCharacter(l.uscc.slice(8, 16)))).toEqual([]);
    expect(legalPersons.every((l) => ALL_COUNTIES.includes(l.divisionCode))).toBe(true);
  });

  it('are named by their kind: companies end in 公司, cooperatives in 专业合作社, shops after their banner or district', () => {
    const byType = (type: string) => legalPersons.filter((l) => l.uscc[1] === type);
    expect(byType('1').filter((l) => !/(有限公司|有限责任公司|股份有限公司)$/.test(l.name))).toEqual([]);
    expect(byType('3').filter((l) => !/专业合作社$/.test(l.name))).toEqual([]);
    expect(byType('2').filter((l) => /公司$/.test(l.name))).toEqual([]);
    const local = [...byType('2'), ...byType('3')];
    expect(local.filter((l) => !l.name.startsWith(placeOf(l.divisionCode).name))).toEqual([]);
    expect(legalPersons.some((l) => l.name.includes('乳业')) && legalPersons.some((l) => l.name.includes('稀土'))).toBe(true);
  });

  it('are represented by adults of the given persons, and founded no earlier than the law for their kind allows', () => {
    const byId = new Map(representatives.map((p) => [p.idNumber, p]));
    const wrong = legalPersons.filter((l) => {
      const person = byId.get(l.legalRepresentativeId);
      return !person || person.name !== l.legalRepresentative || ageOn(person.birthDate, l.establishedOn) < 18;
    });
    expect(wrong).toEqual([]);
    expect(legalPersons.filter((l) => l.establishedOn > AS_OF)).toEqual([]);
    expect(legalPersons.filter((l) => l.uscc[1] === '3' && l.establishedOn < '2007-07-01')).toEqual([]);
    expect(legalPersons.filter((l) => l.uscc[1] === '1' && l.establishedOn < '1994-07-01')).toEqual([]);
  });

  it('without given representatives draw valid ones; companies in a development zone get representatives of its city', () => {
    const inZone = generateLegalPersons({ count: 300, divisionCodes: ['150271'], seed: 4 }); // 包头稀土高新技术产业开发区
    expect(inZone.every((l) => l.divisionCode === '150271')).toBe(true);
    expect(inZone.filter((l) => !checkCitizenId(l.legalRepresentativeId).valid)).toEqual([]);
    expect(inZone.every((l) => l.legalRepresentativeId.startsWith('150200'))).toBe(true);
    expect(() => generateLegalPersons({ count: 1, divisionCodes: ['150102'], representatives: [] })).toThrow(/no adult/);
  });

  it('have registered capital in 万元 and a status among ACTIVE, REVOKED, CANCELLED', () => {
    expect(legalPersons.filter((l) => !(l.registeredCapital >= 1 && l.registeredCapital <= 50_000))).toEqual([]);
    const active = legalPersons.filter((l) => l.status === 'ACTIVE').length / legalPersons.length;
    expect(active).toBeGreaterThan(0.8);
    expect(new Set(legalPersons.map((l) => l.status))).toEqual(new Set(['ACTIVE', 'REVOKED', 'CANCELLED']));
  });
});

describe('generating legal persons is deterministic and their USCCs are unique', () => {
  const ONE_DIVISION = ['150102'];

  it('gives the same rows for the same seed and different rows for another seed', () => {
    const options = { count: 1000, divisionCodes: ALL_COUNTIES };
    expect(generateLegalPersons({ ...options, seed: 1 })).toEqual(generateLegalPersons({ ...options, seed: 1 }));
    expect(generateLegalPersons({ ...options, seed: 1 })).not.toEqual(generateLegalPersons({ ...options, seed: 2 }));
  });

  it('across 200 000 legal persons of one division', () => {
    const usccs = generateLegalPersons({ count: 200_000, divisionCodes: ONE_DIVISION, seed: 17 }).map((l) => l.uscc);
    expect(new Set(usccs).size).toBe(200_000);
    // Unique already without the division and type characters: the organisation codes differ.
    expect(new Set(usccs.map((u) => u.slice(8, 17))).size).toBe(200_000);
  });

  it('across calls over different index ranges, even with different seeds', () => {
    const first = new Set(generateLegalPersons({ count: 50_000, divisionCodes: ONE_DIVISION, seed: 1 }).map((l) => l.uscc));
    const second = generateLegalPersons({ count: 50_000, divisionCodes: ONE_DIVISION, seed: 2, startIndex: 50_000 });
    expect(second.filter((l) => first.has(l.uscc))).toEqual([]);
  });
});
