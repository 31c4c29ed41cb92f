import { AS_OF, randomDateBetween } from './calendar';
import { LegalPersonRecord } from './legal-persons';
import { Place, placeOf } from './places';
import { DEFAULT_SEED, Random, rowRandoms } from './random';

/** A row of the social credit basic database (信用基础库, 004 art. 18): one rating of a legal person. */
export interface CreditRecord {
  subjectUscc: string;
  rating: CreditRating;
  /** Listed as dishonest (失信主体), e.g. a dishonest judgment debtor; only ever with rating C or D. */
  dishonest: boolean;
  recordDate: string;
  sourceAgency: string;
  /** The subject's division. */
  divisionCode: string;
}

export type CreditRating = 'A' | 'B' | 'C' | 'D';

/** A licence revoked for wrongdoing usually comes with a poor rating. */
const RATINGS: Record<LegalPersonRecord['status'], readonly (readonly [CreditRating, number])[]> = {
  ACTIVE: [['A', 35], ['B', 50], ['C', 10], ['D', 5]],
  CANCELLED: [['A', 10], ['B', 50], ['C', 30], ['D', 10]],
  REVOKED: [['C', 30], ['D', 70]],
};
const DISHONEST_SHARE: Record<CreditRating, number> = { A: 0, B: 0, C: 0.15, D: 0.7 };

/** One credit record per legal person, rated by a city-level agency after the subject was established. */
export function generateCreditRecords(options: { legalPersons: readonly LegalPersonRecord[]; seed?: number }): CreditRecord[] {
  const randomFor = rowRandoms(options.seed ?? DEFAULT_SEED, 'credit records');
  return options.legalPersons.map((subject, index) => {
    const random = randomFor(index);
    const rating = random.weighted(RATINGS[subject.status]);
    const dishonest = random.chance(DISHONEST_SHARE[rating]);
    return {
      subjectUscc: subject.uscc,
      rating,
      dishonest,
      recordDate: randomDateBetween(random, subject.establishedOn, AS_OF),
      sourceAgency: sourceAgency(random, placeOf(subject.divisionCode), dishonest),
      divisionCode: subject.divisionCode,
    };
  });
}

/** Courts list dishonest judgment debtors; tax, market and development agencies rate everyone. */
function sourceAgency(random: Random, place: Place, dishonest: boolean): string {
  const { cityName } = place;
  if (dishonest) return `${cityName}${place.level === 'REGION' ? '高级' : '中级'}人民法院`;
  return random.pick([`国家税务总局${cityName}税务局`, `${cityName}市场监督管理局`, `${cityName}发展和改革委员会`]);
}
