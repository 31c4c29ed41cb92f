import { LegalPersonRecord } from './legal-persons';
import { PersonRecord, isAdult } from './people';
import { DEFAULT_SEED, checkRowRange, logUniform, rowRandoms } from './random';
import { parcelNumber } from './slots';

/** A row of the natural resources and spatial geography basic database (自然资源和空间地理基础库, 004 art. 18). */
export interface LandParcelRecord {
  /** divisionCode + 'GB' + five digits; unique across calls over different index ranges. */
  parcelCode: string;
  landUse: LandUse;
  /** 亩 */
  areaMu: number;
  /** Citizen ID number or USCC of the rights holder. */
  rightsHolderId: string;
  rightsHolderName: string;
  /** The rights holder's division: herders and farmers hold land where they live. */
  divisionCode: string;
}

export type LandUse = '耕地' | '草地' | '林地' | '建设用地';

/**
 * Inner Mongolia is mostly grassland. Areas are log-uniform within a range typical of the use
 * (a herder's grassland contract runs to thousands of mu), and whether households or
 * organisations hold the land depends on the use.
 */
const LAND_USES: Record<LandUse, { weight: number; areaMu: readonly [number, number]; heldByPersonShare: number }> = {
  草地: { weight: 45, areaMu: [200, 8000], heldByPersonShare: 0.8 },
  耕地: { weight: 25, areaMu: [3, 300], heldByPersonShare: 0.8 },
  林地: { weight: 20, areaMu: [20, 3000], heldByPersonShare: 0.6 },
  建设用地: { weight: 10, areaMu: [0.5, 80], heldByPersonShare: 0.1 },
};
const LAND_USE_WEIGHTS = Object.entries(LAND_USES).map(([use, { weight }]) => [use as LandUse, weight] as const);

export function generateLandParcels(options: {
  count: number;
  /** Rights holders to draw from: adults among the persons, and the legal persons. */
  holders: { persons: readonly PersonRecord[]; legalPersons: readonly LegalPersonRecord[] };
  seed?: number;
  startIndex?: number;
}): LandParcelRecord[] {
  const { count, seed = DEFAULT_SEED, startIndex = 0 } = options;
  checkRowRange(count, startIndex);
  const adults = options.holders.persons.filter(isAdult).map((p) => ({ id: p.idNumber, name: p.name, divisionCode: p.divisionCode }));
  const organisations = options.holders.legalPersons.map((l) => ({ id: l.uscc, name: l.name, divisionCode: l.divisionCode }));
  if (count > 0 && adults.length + organisations.length === 0) {
    throw new RangeError('land parcels need at least one adult or legal person as rights holder');
  }
  const randomFor = rowRandoms(seed, 'land parcels');
  const parcels = new Array<LandParcelRecord>(count);
  for (let row = 0; row < count; row++) {
    const index = startIndex + row;
    const random = randomFor(index);
    const landUse = random.weighted(LAND_USE_WEIGHTS);
    const { areaMu, heldByPersonShare } = LAND_USES[landUse];
    const byPerson = organisations.length === 0 || (adults.length > 0 && random.chance(heldByPersonShare));
    const holder = random.pick(byPerson ? adults : organisations);
    parcels[row] = {
      parcelCode: `${holder.divisionCode}GB${parcelNumber(index)}`,
      landUse,
      areaMu: Math.round(logUniform(random, ...areaMu) * 100) / 100, // to 0.01 mu
      rightsHolderId: holder.id,
      rightsHolderName: holder.name,
      divisionCode: holder.divisionCode,
    };
  }
  return parcels;
}
