import { In, IsNull, Like, Not } from 'typeorm';
import { Level } from '../../subgraphs/kernel/levels';
import { demoAuthority } from '../../subgraphs/modules/agency/demo-agencies';
import { CatalogItem } from '../../subgraphs/modules/catalog/item.entity';
import { PersonRow } from '../../subgraphs/modules/records/record.entities';
import { startSubgraph } from '../../subgraphs/kernel/server/subgraph-server';
import { LEVEL_DEFINITIONS } from '../../subgraphs/levels';
import { dataOf, sharingApi } from '../sharing/sharing-fixtures';
import { errorCodes, startTestStack, TestStack } from '../support/stack';
import {
  HOHHOT_AUTHORITY, HULUNBUIR_AUTHORITY, PERSON_ITEMS, reconcileAt, REFLOW_PURPOSE, REFLOW_TEST_ENV, REGION_AUTHORITY, REGION_POLICE, resourceIdOf, runAt, subscribe, subscriptionGid,
} from './reflow-fixtures';
import { localId, nodesOf, onPlatform } from '../support/api';

// Issue 18: what a receiving platform holds is re-evaluated against the subscriber's entitlement.
// Values it may no longer hold leave every row, tombstones included; a tombstone is a key and a
// deletion time; a row that leaves the scope arrives as a tombstone; a cancelled subscription leaves
// nothing behind (004 art. 19-20: shared on demand, for the approved duty only; 004 art. 23).
let stack: TestStack;
let subscriptionId: string;
let grantId: string;
let resourceId: string;

const DATA_COLUMNS = ['name', 'gender', 'birthDate', 'householdAddress', 'maritalStatus', 'phone', 'ethnicity', 'healthStatus', 'education'] as const;
const regionPersons = () => stack.subgraphs.REGION.db.getRepository(PersonRow);
const cityPersons = () => stack.subgraphs.CITY.db.getRepository(PersonRow);
const received = () => cityPersons().find({ where: { originSubscription: subscriptionId }, order: { idNumber: 'ASC' } });
const holding = (rows: PersonRow[], column: (typeof DATA_COLUMNS)[number]) => rows.filter((row) => row[column] !== null).length;
const valuesOf = (row: PersonRow) => DATA_COLUMNS.filter((column) => row[column] !== null);

/** A level's audit records of one action, as its region-wide authority reads them through the gateway. */
async function trail(level: Level, action: string) {
  const reader = await stack.token(level === 'REGION' ? REGION_AUTHORITY : HOHHOT_AUTHORITY, 'AUTHORITY_REVIEWER');
  const response = await stack.query(onPlatform(level, 'auditTrail(filter: { action: $action }, first: 100) { nodes { action items effect reason recordCount userSub agencyUscc } }', '$action: String!'), { action }, reader);
  return nodesOf(response) as { action: string; items: string[]; effect: string; reason: string | null; recordCount: number; userSub: string; agencyUscc: string }[];
}

/** Cancels a subscription the region serves (by its own id, `city-…`). */
const cancel = async (token: string, id: string, reason: string) =>
  stack.query(`mutation($id: ID!, $reason: String!) { cancelRegionReflowSubscription(id: $id, reason: $reason) { subscription { id cancelledAt cancelReason cancelledBy } rowsPurgedAtTarget targetNotice } }`, { id: subscriptionGid('REGION', id), reason }, token);

beforeAll(async () => {
  stack = await startTestStack(REFLOW_TEST_ENV);
  resourceId = await resourceIdOf(stack, '150000-RK-0001');
  // Hohhot's authority holds a MASKED grant for two CONDITIONAL items (004 art. 22-23).
  const sharing = sharingApi(stack, 'REGION');
  const application = dataOf(await sharing.apply(await stack.token(HOHHOT_AUTHORITY, 'AGENCY_USER'), { resourceId, items: ['household_address', 'phone'], shareMode: 'MASKED', scenario: REFLOW_PURPOSE }));
  grantId = dataOf(await sharing.decide(await stack.token(REGION_POLICE, 'SOURCE_REVIEWER'), application.id, { decision: 'APPROVE' })).grant.id;
  subscriptionId = await subscribe(stack, 'REGION', await stack.token(HOHHOT_AUTHORITY, 'AUTHORITY_REVIEWER'), await stack.token(REGION_AUTHORITY, 'AUTHORITY_REVIEWER'), { resourceId, items: PERSON_ITEMS });
  expect(await runAt(stack, 'CITY', subscriptionId)).toMatchObject({ state: 'SUCCEEDED' });
});
afterAll(() => stack?.stop());

describe('a tombstone is a key and a deletion time', () => {
  it('keeps no item value of a row deleted at the source', async () => {
    const [gone] = await regionPersons().find({ where: { divisionCode: Like('1501%'), deletedAt: IsNull() }, order: { idNumber: 'ASC' }, take: 1 });
    const now = new Date();
    await regionPersons().update({ idNumber: gone.idNumber }, { deletedAt: now, updatedAt: now });
    expect(await runAt(stack, 'CITY', subscriptionId)).toMatchObject({ state: 'SUCCEEDED', rowsDeleted: 1 });
    const tombstone = await cityPersons().findOneByOrFail({ idNumber: gone.idNumber });
    expect(tombstone).toMatchObject({ idNumber: gone.idNumber, deletedAt: now, originSubscription: subscriptionId });
    expect(valuesOf(tombstone)).toEqual([]);
    expect((await reconcileAt(stack, 'CITY', subscriptionId)).identical).toBe(true);
  });

  it('is checked by reflow:verify: a tombstone still holding a value is reported', async () => {
    const [tombstone] = await cityPersons().find({ where: { originSubscription: subscriptionId, deletedAt: Not(IsNull()) } });
    await cityPersons().update({ idNumber: tombstone.idNumber }, { phone: '139****0000' });
    expect(await reconcileAt(stack, 'CITY', subscriptionId)).toMatchObject({ identical: false, lingering: [tombstone.idNumber], missing: [], extra: [], different: [] });
  });
});

describe('values whose entitlement ended leave every row (004 art. 19-20, 23)', () => {
  it('drops the items of a revoked grant from live rows and tombstones alike, at the next run', async () => {
    const before = await received();
    expect(holding(before, 'householdAddress')).toBeGreaterThan(0);
    const revoked = await sharingApi(stack, 'REGION').revoke(await stack.token(REGION_POLICE, 'SOURCE_REVIEWER'), grantId, '回流用途核查');
    expect(dataOf(revoked).status).toBe('REVOKED');

    expect(await runAt(stack, 'CITY', subscriptionId)).toMatchObject({ state: 'SUCCEEDED' });
    const after = await received();
    expect(after).toHaveLength(before.length);
    expect([holding(after, 'householdAddress'), holding(after, 'phone')]).toEqual([0, 0]);
    expect(holding(after.filter((row) => row.deletedAt === null), 'name')).toBe(after.filter((row) => row.deletedAt === null).length);
    const verified = await reconcileAt(stack, 'CITY', subscriptionId);
    expect(verified).toMatchObject({ identical: true, lingering: [] });
  });

  it('records the purge at both ends: required at the source, done at the receiver', async () => {
    const atSource = await trail('REGION', 'REFLOW_PURGE');
    expect(atSource).toEqual([expect.objectContaining({ items: ['household_address', 'phone'], effect: 'REQUIRED', userSub: 'service:city', agencyUscc: HOHHOT_AUTHORITY.uscc })]);
    expect(atSource[0].reason).toMatch(/household_address: GRANT_REVOKED; phone: GRANT_REVOKED/);
    const atTarget = await trail('CITY', 'REFLOW_PURGE');
    expect(atTarget).toEqual([expect.objectContaining({ items: ['household_address', 'phone'], effect: 'DONE', userSub: 'service:city', recordCount: (await received()).length })]);
  });

  it("drops an item whose share type tightened to NOT_SHARED in the source's catalog", async () => {
    await stack.subgraphs.REGION.db.getRepository(CatalogItem).update({ resourceId: localId(resourceId), code: 'gender' }, { shareType: 'NOT_SHARED' as CatalogItem['shareType'] });
    expect(holding(await received(), 'gender')).toBeGreaterThan(0);
    expect(await runAt(stack, 'CITY', subscriptionId)).toMatchObject({ state: 'SUCCEEDED' });
    expect(holding(await received(), 'gender')).toBe(0);
    expect((await reconcileAt(stack, 'CITY', subscriptionId)).identical).toBe(true);
    await stack.subgraphs.REGION.db.getRepository(CatalogItem).update({ resourceId: localId(resourceId), code: 'gender' }, { shareType: 'UNCONDITIONAL' as CatalogItem['shareType'] });
    expect(await runAt(stack, 'CITY', subscriptionId)).toMatchObject({ state: 'SUCCEEDED' });
    expect(holding((await received()).filter((row) => row.deletedAt === null), 'gender')).toBeGreaterThan(0);
  });
});

describe('a row that leaves the scope is, for the subscriber, deleted', () => {
  it('arrives as a tombstone when its division moves out of 1501xx at the source', async () => {
    const [mover] = await regionPersons().find({ where: { divisionCode: Like('150102%'), deletedAt: IsNull() }, order: { idNumber: 'ASC' }, take: 1 });
    const movedAt = new Date();
    await regionPersons().update({ idNumber: mover.idNumber }, { divisionCode: '150702', updatedAt: movedAt });
    expect(await runAt(stack, 'CITY', subscriptionId)).toMatchObject({ state: 'SUCCEEDED', rowsRead: 1, rowsWritten: 0, rowsDeleted: 1 });
    const left = await cityPersons().findOneByOrFail({ idNumber: mover.idNumber });
    expect(left).toMatchObject({ deletedAt: movedAt, divisionCode: mover.divisionCode });
    expect(valuesOf(left)).toEqual([]);
    expect(await reconcileAt(stack, 'CITY', subscriptionId)).toMatchObject({ identical: true, extra: [] });
  });

  it('comes back live when it moves back; a move within the scope is an ordinary update', async () => {
    const [mover] = await regionPersons().find({ where: { divisionCode: '150702', idNumber: In((await received()).map((row) => row.idNumber)) } });
    await regionPersons().update({ idNumber: mover.idNumber }, { divisionCode: '150103', updatedAt: new Date() });
    expect(await runAt(stack, 'CITY', subscriptionId)).toMatchObject({ state: 'SUCCEEDED', rowsRead: 1, rowsWritten: 1, rowsDeleted: 0 });
    expect(await cityPersons().findOneByOrFail({ idNumber: mover.idNumber })).toMatchObject({ deletedAt: null, divisionCode: '150103', name: mover.name });
    await regionPersons().update({ idNumber: mover.idNumber }, { divisionCode: '150104', updatedAt: new Date() });
    expect(await runAt(stack, 'CITY', subscriptionId)).toMatchObject({ state: 'SUCCEEDED', rowsRead: 1, rowsWritten: 1, rowsDeleted: 0 });
    expect((await reconcileAt(stack, 'CITY', subscriptionId)).identical).toBe(true);
  });

  it('sends out-and-back within one page as the later change', async () => {
    const [mover] = await regionPersons().find({ where: { divisionCode: Like('150105%'), deletedAt: IsNull() }, take: 1 });
    const t = Date.now();
    await regionPersons().update({ idNumber: mover.idNumber }, { divisionCode: '150702', updatedAt: new Date(t - 2) });
    await regionPersons().update({ idNumber: mover.idNumber }, { divisionCode: mover.divisionCode, updatedAt: new Date(t - 1) });
    expect(await runAt(stack, 'CITY', subscriptionId)).toMatchObject({ state: 'SUCCEEDED', rowsRead: 2 });
    expect(await cityPersons().findOneByOrFail({ idNumber: mover.idNumber })).toMatchObject({ deletedAt: null, name: mover.name });
    expect((await reconcileAt(stack, 'CITY', subscriptionId)).identical).toBe(true);
  });
});

describe('cancelling a subscription (by the subscriber authority or the source authority, with reasons)', () => {
  it('is refused to authorities that are neither, and without reasons', async () => {
    expect(errorCodes(await cancel(await stack.token(HULUNBUIR_AUTHORITY, 'AUTHORITY_REVIEWER'), subscriptionId, '越权撤销'))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await cancel(await stack.token(demoAuthority('150102'), 'AUTHORITY_REVIEWER'), subscriptionId, '越权撤销'))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await cancel(await stack.token(HOHHOT_AUTHORITY, 'AGENCY_USER'), subscriptionId, '无权'))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await cancel(await stack.token(HOHHOT_AUTHORITY, 'AUTHORITY_REVIEWER'), subscriptionId, ' '))).toEqual(['BAD_USER_INPUT']);
    expect((await received()).filter((row) => row.deletedAt === null).length).toBeGreaterThan(0);
  });

  it("by the subscriber's authority: the receiver ends every row at once, and the source serves no more pulls", async () => {
    const rows = (await received()).length;
    const response = await cancel(await stack.token(HOHHOT_AUTHORITY, 'AUTHORITY_REVIEWER'), subscriptionId, '业务系统下线，不再需要回流数据');
    expect(dataOf(response)).toEqual({
      subscription: { id: subscriptionGid('REGION', subscriptionId), cancelledAt: expect.any(String), cancelReason: '业务系统下线，不再需要回流数据', cancelledBy: expect.stringContaining(HOHHOT_AUTHORITY.uscc) },
      rowsPurgedAtTarget: rows,
      targetNotice: null,
    });
    const after = await received();
    expect(after.every((row) => row.deletedAt !== null && valuesOf(row).length === 0)).toBe(true);
    await expect(runAt(stack, 'CITY', subscriptionId)).rejects.toThrow(/cancelled/);
    expect(await reconcileAt(stack, 'CITY', subscriptionId)).toMatchObject({ identical: true, target: { count: 0 }, lingering: [] });
    expect(await trail('REGION', 'REFLOW_CANCEL')).toEqual([expect.objectContaining({ effect: 'DONE', reason: '业务系统下线，不再需要回流数据', agencyUscc: HOHHOT_AUTHORITY.uscc })]);
    expect((await trail('CITY', 'REFLOW_PURGE')).find((r) => r.recordCount === rows && r.reason?.includes('cancelled'))).toBeDefined();
    expect(errorCodes(await cancel(await stack.token(HOHHOT_AUTHORITY, 'AUTHORITY_REVIEWER'), subscriptionId, '再次撤销'))).toEqual(['CONFLICT']);
  });

  it('by the source authority while the receiver is down: the receiver purges when its next pull is refused', async () => {
    const again = await subscribe(stack, 'REGION', await stack.token(HOHHOT_AUTHORITY, 'AUTHORITY_REVIEWER'), await stack.token(REGION_AUTHORITY, 'AUTHORITY_REVIEWER'), { resourceId, items: ['name', 'gender'] });
    expect(await runAt(stack, 'CITY', again)).toMatchObject({ state: 'SUCCEEDED' });
    const held = await cityPersons().countBy({ originSubscription: again, deletedAt: IsNull() });
    expect(held).toBeGreaterThan(0);

    const city = stack.config.subgraphs.CITY.url;
    await stack.subgraphs.CITY.stop();
    const response = await cancel(await stack.token(REGION_AUTHORITY, 'AUTHORITY_REVIEWER'), again, '数据来源调整，停止回流');
    expect(dataOf(response)).toMatchObject({ rowsPurgedAtTarget: null, targetNotice: expect.stringMatching(/city platform did not answer.*purges when its next pull is refused/) });
    expect(dataOf(response).targetNotice).not.toContain(new URL(city).port);

    // The city platform comes back; its next run is refused by the source, with the reason, and it purges.
    stack.subgraphs.CITY = await startSubgraph(LEVEL_DEFINITIONS.CITY, stack.config);
    const run = await runAt(stack, 'CITY', again);
    expect(run).toMatchObject({ state: 'FAILED', error: expect.stringMatching(/SUBSCRIPTION_CANCELLED|cancelled .*数据来源调整，停止回流/) });
    expect(await cityPersons().countBy({ originSubscription: again, deletedAt: IsNull() })).toBe(0);
    expect((await cityPersons().findBy({ originSubscription: again })).every((row) => valuesOf(row).length === 0)).toBe(true);
    expect(await reconcileAt(stack, 'CITY', again)).toMatchObject({ identical: true, target: { count: 0 } });
  });
});
