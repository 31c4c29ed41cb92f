import { Level } from '../../kernel/levels';
import { SeedContext } from '../../kernel/module';
import { generateCertificates, generateCreditRecords, generateLandParcels, generateLegalPersons, generatePersons, householdDivisionCodes, PersonRecord, seededRandom } from './generators';
import { AssistanceRow, CertificateRow, CreditRow, LandParcelRow, LegalPersonRow, PersonRow } from './record.entities';

/** The fixed instant demo records were "last updated", so seeded databases are reproducible. */
const SEEDED_AT = new Date('2026-03-02T02:00:00.000Z');
const POPULATION_SEED = 2024;
const REGION_POPULATION = 4000;

const stamp = <T extends object>(rows: T[]) => rows.map((row) => ({ ...row, updatedAt: SEEDED_AT, deletedAt: null }));

/** The region's population register; the county's rolls point at the same people. */
const regionPopulation = () => generatePersons({ count: REGION_POPULATION, divisionCodes: householdDivisionCodes('150000'), seed: POPULATION_SEED });

const HOHHOT_AND_HULUNBUIR = [...householdDivisionCodes('150100'), ...householdDivisionCodes('150700')];
const ASSISTANCE_COUNTIES = ['150102', '150702', '150781'];
const HARDSHIP = ['因病致贫', '因残致贫', '缺乏劳动力', '因灾致贫', '年老体弱'];

function assistanceRoll(population: PersonRecord[]) {
  const random = seededRandom(POPULATION_SEED + 7);
  return population
    .filter((p) => ASSISTANCE_COUNTIES.includes(p.divisionCode) && random.chance(0.4))
    .map((p) => ({
      idNumber: p.idNumber,
      name: p.name,
      householdSize: random.int(1, 6),
      monthlyAllowance: random.int(600, 950),
      hardshipReason: random.pick(HARDSHIP),
      divisionCode: p.divisionCode,
    }));
}

/** What each level's platform holds of the basic databases (004 art. 18: built at region and city level). */
const PLANS: Record<Level, () => [Function, object[]][]> = {
  REGION: () => {
    const persons = regionPopulation();
    const legalPersons = generateLegalPersons({ count: 2000, divisionCodes: householdDivisionCodes('150000'), seed: POPULATION_SEED, representatives: persons });
    return [
      [PersonRow, persons],
      [LegalPersonRow, legalPersons],
      [CreditRow, generateCreditRecords({ legalPersons, seed: POPULATION_SEED })],
      [CertificateRow, generateCertificates({ persons: persons.slice(0, 1000), legalPersons: legalPersons.slice(0, 500), seed: POPULATION_SEED })],
      [LandParcelRow, generateLandParcels({ count: 2000, holders: { persons, legalPersons }, seed: POPULATION_SEED })],
    ];
  },
  CITY: () => {
    const persons = generatePersons({ count: 3000, divisionCodes: HOHHOT_AND_HULUNBUIR, seed: POPULATION_SEED + 1, startIndex: 1_000_000 });
    const legalPersons = generateLegalPersons({ count: 1500, divisionCodes: HOHHOT_AND_HULUNBUIR, seed: POPULATION_SEED + 1, startIndex: 500_000, representatives: persons });
    return [
      [PersonRow, persons],
      [LegalPersonRow, legalPersons],
      [LandParcelRow, generateLandParcels({ count: 1000, holders: { persons, legalPersons }, seed: POPULATION_SEED + 1, startIndex: 50_000 })],
    ];
  },
  COUNTY: () => {
    const population = regionPopulation();
    const tumedLeft = population.filter((p) => p.divisionCode === '150121');
    return [
      [AssistanceRow, assistanceRoll(population)],
      [LandParcelRow, generateLandParcels({ count: 300, holders: { persons: tumedLeft, legalPersons: [] }, seed: POPULATION_SEED + 2, startIndex: 90_000 })],
    ];
  },
};

/** Seeds thousands of valid demo records into an empty platform database, 500 rows per statement. */
export async function seedDemoRecords({ level, db }: SeedContext): Promise<void> {
  const plan = PLANS[level]();
  if ((await db.getRepository(plan[0][0]).count()) > 0) return;
  await db.transaction(async (m) => {
    for (const [entity, rows] of plan) {
      const stamped = stamp(rows);
      for (let i = 0; i < stamped.length; i += 500) await m.insert(entity, stamped.slice(i, i + 500) as never);
    }
  });
}
