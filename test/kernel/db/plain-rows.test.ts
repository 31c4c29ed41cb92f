import { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { plainRows } from '../../../subgraphs/kernel/db/plain-rows';
import { CreditRow, PersonRow } from '../../../subgraphs/modules/records/record.entities';
import { startTestStack, TestStack } from '../../support/stack';

// A reflow page is read as plain rows, not entities. Each value must be what the entity would hold —
// a Date for a datetime, a boolean for a boolean, a string for a date — on SQLite and on MySQL alike.
let stack: TestStack;
let db: DataSource;

beforeAll(async () => {
  stack = await startTestStack();
  db = stack.subgraphs.REGION.db;
});
afterAll(() => stack?.stop());

/** The entities' values of the selected properties, as plain objects. */
async function entityValues<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, properties: string[]) {
  const entities = await query.getMany();
  return entities.map((entity) => Object.fromEntries(properties.map((property) => [property, entity[property]])));
}

describe('plain rows of a select', () => {
  it('hold what the entities hold, for every kind of column a record table has', async () => {
    const cases = [
      { entity: PersonRow, properties: ['idNumber', 'divisionCode', 'updatedAt', 'deletedAt', 'name', 'gender', 'birthDate', 'phone', 'originPlatform', 'syncedAt'] },
      { entity: CreditRow, properties: ['subjectUscc', 'divisionCode', 'updatedAt', 'rating', 'dishonest', 'recordDate'] },
    ];
    for (const { entity, properties } of cases) {
      const query = () => db.getRepository(entity).createQueryBuilder('r').select(properties.map((p) => `r.${p}`)).orderBy('r.updatedAt', 'ASC').limit(200);
      const plain = await plainRows(query());
      expect(plain.length).toBeGreaterThan(10);
      expect(plain).toEqual(await entityValues(query(), properties));
    }
  });

  it('converts datetimes to Dates and booleans to booleans, as an entity does', async () => {
    const [person] = await plainRows(db.getRepository(PersonRow).createQueryBuilder('r').select(['r.idNumber', 'r.updatedAt']).limit(1));
    expect(person.updatedAt).toBeInstanceOf(Date);
    const credits = await plainRows(db.getRepository(CreditRow).createQueryBuilder('r').select(['r.subjectUscc', 'r.dishonest']).where('r.dishonest IS NOT NULL'));
    expect(credits.length).toBeGreaterThan(0);
    for (const credit of credits) expect(typeof credit.dishonest).toBe('boolean');
  });

  it('refuses a selection that is not a column of the queried entity', async () => {
    await expect(plainRows(db.getRepository(PersonRow).createQueryBuilder('r').select('COUNT(*)', 'n'))).rejects.toThrow("not 'COUNT(*)'");
    await expect(plainRows(db.getRepository(PersonRow).createQueryBuilder('r').select(['r.idNumber', 'r.nonsense']))).rejects.toThrow("not 'r.nonsense'");
  });
});
