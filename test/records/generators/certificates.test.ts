import { checkCitizenId, checkUscc } from '../../../subgraphs/kernel/identifiers';
import { AS_OF, generateCertificates, generateLegalPersons, generatePersons, householdDivisionCodes } from '../../../subgraphs/modules/records/generators';
import { addYears, ageOn } from '../../../subgraphs/modules/records/generators/calendar';

const DIVISIONS = householdDivisionCodes('150100');

// 004 art. 18: the electronic certificate basic database, issued to the persons and legal persons given.
describe('generated electronic certificates', () => {
  const persons = generatePersons({ count: 3000, divisionCodes: DIVISIONS, seed: 41 });
  const legalPersons = generateLegalPersons({ count: 1000, divisionCodes: DIVISIONS, seed: 41, representatives: persons });
  const certificates = generateCertificates({ persons, legalPersons, seed: 41 });
  const ofType = (type: string) => certificates.filter((c) => c.type === type);

  it('have unique numbers and belong to a given holder, by valid citizen ID or USCC, in the holder’s division', () => {
    expect(new Set(certificates.map((c) => c.certificateNo)).size).toBe(certificates.length);
    const holders = new Map<string, string>([
      ...persons.map((p) => [p.idNumber, p.divisionCode] as const),
      ...legalPersons.map((l) => [l.uscc, l.divisionCode] as const),
    ]);
    expect(certificates.filter((c) => holders.get(c.holderId) !== c.divisionCode)).toEqual([]);
    expect(certificates.filter((c) => !checkCitizenId(c.holderId).valid && !checkUscc(c.holderId).valid)).toEqual([]);
    expect(certificates.filter((c) => c.issuedOn > AS_OF)).toEqual([]);
  });

  it('give an ID card, numbered by the citizen ID, to everyone 16 or older and to no one younger', () => {
    const cardHolders = new Set(ofType('居民身份证').map((c) => c.certificateNo));
    expect(ofType('居民身份证').filter((c) => c.certificateNo !== c.holderId)).toEqual([]);
    const wrong = persons.filter((p) => cardHolders.has(p.idNumber) !== ageOn(p.birthDate, AS_OF) >= 16);
    expect(wrong).toEqual([]);
  });

  it('make an ID card valid 10 or 20 years by age at issue, and for good from 46 on', () => {
    const born = new Map(persons.map((p) => [p.idNumber, p.birthDate]));
    const wrong = ofType('居民身份证').filter((c) => {
      const age = ageOn(born.get(c.holderId)!, c.issuedOn);
      const expected = age <= 25 ? addYears(c.issuedOn, 10) : age <= 45 ? addYears(c.issuedOn, 20) : null;
      return c.expiresOn !== expected;
    });
    expect(wrong).toEqual([]);
    expect(ofType('居民身份证').some((c) => c.expiresOn === null)).toBe(true);
  });

  it('give a marriage certificate only to the married, and a business licence, numbered by the USCC, to every active legal person', () => {
    const married = new Set(persons.filter((p) => p.maritalStatus === 'MARRIED').map((p) => p.idNumber));
    expect(ofType('结婚证').length).toBe(married.size);
    expect(ofType('结婚证').filter((c) => !married.has(c.holderId) || !/^J\d{6}-\d{4}-\d{6}$/.test(c.certificateNo))).toEqual([]);
    const active = legalPersons.filter((l) => l.status === 'ACTIVE').map((l) => l.uscc);
    expect(ofType('营业执照').map((c) => c.certificateNo)).toEqual(active);
  });

  it('issue real estate certificates since the 2015 unified register, numbered like 蒙(2021)呼和浩特市不动产权第0012345号', () => {
    const realEstate = ofType('不动产权证书');
    expect(realEstate.length).toBeGreaterThan(500);
    expect(realEstate.filter((c) => c.issuedOn < '2015-03-01' || !/^蒙\(\d{4}\)\S+不动产权第\d{7}号$/.test(c.certificateNo))).toEqual([]);
    expect(realEstate.some((c) => checkUscc(c.holderId).valid)).toBe(true);
  });

  it('are the same for the same seed and differ for another seed', () => {
    expect(generateCertificates({ persons, legalPersons, seed: 41 })).toEqual(certificates);
    expect(generateCertificates({ persons, legalPersons, seed: 42 })).not.toEqual(certificates);
  });
});
