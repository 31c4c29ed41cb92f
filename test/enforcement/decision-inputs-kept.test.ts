import { randomUUID } from 'node:crypto';
import { LEVELS } from '../../subgraphs/kernel/levels';
import { levelTriggers } from '../../subgraphs/kernel/module';
import { LEVEL_DEFINITIONS } from '../../subgraphs/levels';
import { demoAgency, Sector } from '../../subgraphs/modules/agency/demo-agencies';
import { ShareMode } from '../../subgraphs/modules/catalog/enums';
import { GrantStatus, ShareGrant } from '../../subgraphs/modules/sharing/grant.entity';
import { PersonRow } from '../../subgraphs/modules/records/record.entities';
import { errorAt } from '../support/responses';
import { startTestStack, TestStack } from '../support/stack';
import { localId } from '../support/api';

// Each platform keeps what its access decisions are made from (published items' share attributes,
// grants, applications, suspensions) between requests, until a database trigger records a change.
// A change made by any writer — here plain SQL behind the services' back — must decide the very next
// request: a revoked grant stops access at once (004 art. 23), a suspension cuts off every item
// (art. 50), an item made NOT_SHARED is no longer released (art. 21).

let stack: TestStack;
let reader: string;
let person: PersonRow;
let resourceId: string;

const READ = (id: string) => `{ platform(level: REGION) { ... on PersonRegister { person(idNumber: "${id}", purpose: "test") { name householdAddress } } } }`;
const read = () => stack.query(READ(person.idNumber), {}, reader);
const reasonOf = async (field: string) => {
  const response = await read();
  // A suspended agency's lookup is refused whole, at the root field: that is the reason for every field.
  const refused = errorAt(response, ['platform', 'person'])?.extensions?.reason;
  if (refused) return refused;
  return errorAt(response, ['platform', 'person', field])?.extensions?.reason ?? (response.body.data.platform.person[field] === null ? 'null' : 'RELEASED');
};
const region = () => stack.subgraphs.REGION.db;
const READER = demoAgency('150102', Sector.CIVIL_AFFAIRS);

beforeAll(async () => {
  stack = await startTestStack();
  reader = await stack.token(READER);
  person = await region().getRepository(PersonRow).findOneOrFail({ where: { divisionCode: '150102' }, order: { idNumber: 'ASC' } });
  const found = await stack.query('{ catalog(filter: { text: "人口基础信息", level: REGION }) { edges { node { id } } } }', {}, reader);
  resourceId = found.body.data.catalog.edges[0].node.id;
});
afterAll(() => stack?.stop());

describe('decision inputs kept between requests', () => {
  it('every level has the triggers of every table its modules declare', async () => {
    for (const level of LEVELS) {
      const db = stack.subgraphs[level].db;
      const names: string[] =
        db.options.type === 'better-sqlite3'
          ? (await db.query(`SELECT name FROM sqlite_master WHERE type = 'trigger'`)).map((r: { name: string }) => r.name)
          : (await db.query('SELECT TRIGGER_NAME AS name FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE()')).map((r: { name: string }) => r.name);
      const declared = LEVEL_DEFINITIONS[level].modules.flatMap((m) => m.policyTables ?? []);
      expect(declared).toEqual(expect.arrayContaining(['catalog_item', 'share_grant', 'agency_suspension']));
      expect(names).toEqual(expect.arrayContaining(levelTriggers(LEVEL_DEFINITIONS[level]).map((t) => t.name)));
    }
  });

  it('a grant written and then revoked in SQL decides the next request each time', async () => {
    expect(await reasonOf('householdAddress')).toBe('NO_GRANT');
    const grantId = randomUUID();
    await region().getRepository(ShareGrant).insert({
      id: grantId, applicationId: randomUUID(), agencyUscc: READER.uscc, resourceId: localId(resourceId), itemCodesJson: JSON.stringify(['household_address']),
      scenario: 'test', mode: ShareMode.INTERFACE, endsAt: new Date(Date.now() + 86400_000), status: GrantStatus.APPROVED, revokedAt: null, revokeReason: null,
    });
    expect(await reasonOf('householdAddress')).toBe('RELEASED');
    expect(await reasonOf('householdAddress')).toBe('RELEASED');
    await region().query(`UPDATE share_grant SET status = '${GrantStatus.REVOKED}', revokedAt = '2026-11-01 00:00:00' WHERE id = ?`, [grantId]);
    expect(await reasonOf('householdAddress')).toBe('GRANT_REVOKED');
    await region().query('DELETE FROM share_grant WHERE id = ?', [grantId]);
    expect(await reasonOf('householdAddress')).toBe('NO_GRANT');
  });

  it('a suspension inserted in SQL cuts off the next request, and deleting it restores access', async () => {
    expect(await reasonOf('name')).toBe('RELEASED');
    await region().query(
      `INSERT INTO agency_suspension (agencyUscc, reason, suspendedBy, imposedBy, suspendedAt, liftedAt) VALUES (?, 'test', 'operator', '150000', '2026-11-01 00:00:00', NULL)`,
      [READER.uscc],
    );
    expect(await reasonOf('name')).toBe('AGENCY_SUSPENDED');
    await region().query('DELETE FROM agency_suspension WHERE agencyUscc = ?', [READER.uscc]);
    expect(await reasonOf('name')).toBe('RELEASED');
  });

  it('an item made NOT_SHARED in SQL is refused on the next request', async () => {
    expect(await reasonOf('name')).toBe('RELEASED');
    await region().query(`UPDATE catalog_item SET shareType = 'NOT_SHARED' WHERE resourceId = ? AND code = 'name'`, [localId(resourceId)]);
    try {
      expect(await reasonOf('name')).toBe('NOT_SHARED');
    } finally {
      await region().query(`UPDATE catalog_item SET shareType = 'UNCONDITIONAL' WHERE resourceId = ? AND code = 'name'`, [localId(resourceId)]);
    }
    expect(await reasonOf('name')).toBe('RELEASED');
  });
});
