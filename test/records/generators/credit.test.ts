import { AS_OF, generateCreditRecords, generateLegalPersons, householdDivisionCodes } from '../../../subgraphs/modules/records/generators';

// 004 art. 18: the social credit basic database, about the legal persons of the legal-person database.
describe('generated credit records', () => {
  const legalPersons = generateLegalPersons({ count: 5000, divisionCodes: householdDivisionCodes('150000'), seed: 31 });
  const records = generateCreditRecords({ legalPersons, seed: 31 });

  it('rate each given legal person once, in its division, between its founding and the as-of date', () => {
    expect(records.map((r) => r.subjectUscc)).toEqual(legalPersons.map((l) => l.uscc));
    const outOfPlace = records.filter((r, i) => r.divisionCode !== legalPersons[i].divisionCode);
    const outOfTime = records.filter((r, i) => r.recordDate < legalPersons[i].establishedOn || r.recordDate > AS_OF);
    expect([...outOfPlace, ...outOfTime]).toEqual([]);
    expect(new Set(records.map((r) => r.rating))).toEqual(new Set(['A', 'B', 'C', 'D']));
  });

  it('list as dishonest only subjects rated C or D, on a court’s record', () => {
    const dishonest = records.filter((r) => r.dishonest);
    expect(dishonest.length).toBeGreaterThan(50);
    expect(dishonest.filter((r) => r.rating === 'A' || r.rating === 'B')).toEqual([]);
    expect(dishonest.filter((r) => !/人民法院$/.test(r.sourceAgency))).toEqual([]);
  });

  it('never rate a legal person whose licence was revoked A or B', () => {
    const revoked = records.filter((r, i) => legalPersons[i].status === 'REVOKED');
    expect(revoked.length).toBeGreaterThan(50);
    expect(revoked.filter((r) => r.rating === 'A' || r.rating === 'B')).toEqual([]);
  });

  it('are the same for the same seed and differ for another seed', () => {
    expect(generateCreditRecords({ legalPersons, seed: 31 })).toEqual(records);
    expect(generateCreditRecords({ legalPersons, seed: 32 })).not.toEqual(records);
  });
});
