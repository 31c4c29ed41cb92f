import { AS_OF, PARCEL_CAPACITY, generateLandParcels, generateLegalPersons, generatePersons } from '../../../subgraphs/modules/records/generators';
import { ageOn } from '../../../subgraphs/modules/records/generators/calendar';

const DIVISIONS = ['150121', '152525', '150702'];

// 004 art. 18: the natural resources and spatial geography basic database.
describe('generated land parcels', () => {
  const persons = generatePersons({ count: 2000, divisionCodes: DIVISIONS, seed: 51 });
  const legalPersons = generateLegalPersons({ count: 500, divisionCodes: DIVISIONS, seed: 51, representatives: persons });
  const holders = { persons, legalPersons };
  const parcels = generateLandParcels({ count: 10_000, holders, seed: 51 });

  it('are coded <division>GB<5 digits> in the division of their rights holder, an adult or a legal person given', () => {
    const adults = new Map(persons.filter((p) => ageOn(p.birthDate, AS_OF) >= 18).map((p) => [p.idNumber, p]));
    const organisations = new Map(legalPersons.map((l) => [l.uscc, l]));
    const wrong = parcels.filter((parcel) => {
      const holder = adults.get(parcel.rightsHolderId) ?? organisations.get(parcel.rightsHolderId);
      return !holder || holder.divisionCode !== parcel.divisionCode || !new RegExp(`^${parcel.divisionCode}GB\\d{5}$`).test(parcel.parcelCode);
    });
    expect(wrong).toEqual([]);
    expect(parcels.some((p) => organisations.has(p.rightsHolderId)) && parcels.some((p) => adults.has(p.rightsHolderId))).toBe(true);
  });

  it('are mostly grassland, and each use has a plausible area in mu', () => {
    const count = (use: string) => parcels.filter((p) => p.landUse === use).length;
    expect(count('草地')).toBeGreaterThan(Math.max(count('耕地'), count('林地'), count('建设用地')));
    const limits: Record<string, [number, number]> = { 草地: [200, 8000], 耕地: [3, 300], 林地: [20, 3000], 建设用地: [0.5, 80] };
    expect(parcels.filter((p) => p.areaMu < limits[p.landUse][0] || p.areaMu > limits[p.landUse][1])).toEqual([]);
  });

  it('have unique codes up to the 100 000 the five digits allow, and refuse more', () => {
    const oneAdult = persons.filter((p) => ageOn(p.birthDate, AS_OF) >= 18).slice(0, 1);
    const codes = generateLandParcels({ count: PARCEL_CAPACITY, holders: { persons: oneAdult, legalPersons: [] } }).map((p) => p.parcelCode);
    expect(new Set(codes).size).toBe(PARCEL_CAPACITY);
    expect(() => generateLandParcels({ count: 1, holders, startIndex: PARCEL_CAPACITY })).toThrow(RangeError);
  });

  it('are the same for the same seed, differ for another, and can be generated in pieces', () => {
    expect(generateLandParcels({ count: 500, holders, seed: 51 })).toEqual(parcels.slice(0, 500));
    expect(generateLandParcels({ count: 500, holders, seed: 52 })).not.toEqual(parcels.slice(0, 500));
    expect(generateLandParcels({ count: 500, holders, seed: 51, startIndex: 500 })).toEqual(parcels.slice(500, 1000));
  });
});
