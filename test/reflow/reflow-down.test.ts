import { randomUUID } from 'node:crypto';
import { IsNull, Like } from 'typeorm';
import { applyMask } from '../../subgraphs/kernel/policy';
import { demoAgency, Sector } from '../../subgraphs/modules/agency/demo-agencies';
import { PersonRow } from '../../subgraphs/modules/records/record.entities';
import { ReflowRunState, ReflowRunTrigger } from '../../subgraphs/modules/reflow/enums';
import { ReflowRun, ReflowWatermark } from '../../subgraphs/modules/reflow/run.entity';
import { processOwner } from '../../subgraphs/modules/reflow/target/lease';
import { errorAt } from '../support/responses';
import { errorCodes, startTestStack, TestStack } from '../support/stack';
import { dataOf, sharingApi } from '../sharing/sharing-fixtures';
import {
  HOHHOT_AUTHORITY, HULUNBUIR_AUTHORITY, PERSON_ITEMS, reconcileAt, REFLOW_TEST_ENV, reflowApi, REGION_AUTHORITY, REGION_POLICE, resourceIdOf, runAt, subscribe,
  REFLOW_PURPOSE, subscriptionGid,
} from './reflow-fixtures';
import { levelId, nodesOf } from '../support/api';

// Issue 5, done-when: Hohhot applies for reflow of the region's natural-person records (000 art. 16,
// 004 art. 19); after approval a run brings exactly the rows of 1501xx divisions with only the items
// Hohhot's authority may hold (004 art. 21-23), which the city platform then serves under its own
// enforcement and audit, to Hohhot's agencies only (004 art. 20).
let stack: TestStack;
let subscriptionId: string;
let grantId: string;
let hohhotReader: string;
let hulunbuirReader: string;

const HOHHOT_CIVIL = demoAgency('150100', Sector.CIVIL_AFFAIRS);
const HULUNBUIR_CIVIL = demoAgency('150700', Sector.CIVIL_AFFAIRS);
const regionPersons = () => stack.subgraphs.REGION.db.getRepository(PersonRow);
const cityPersons = () => stack.subgraphs.CITY.db.getRepository(PersonRow);
const reflowed = () => cityPersons().find({ where: { originSubscription: subscriptionId, deletedAt: IsNull() }, order: { idNumber: 'ASC' } });
const hohhotAtRegion = () => regionPersons().find({ where: { divisionCode: Like('1501%'), deletedAt: IsNull() }, order: { idNumber: 'ASC' } });

beforeAll(async () => {
  stack = await startTestStack(REFLOW_TEST_ENV);
  const resourceId = await resourceIdOf(stack, '150000-RK-0001');
  // Hohhot's authority holds a MASKED grant for two CONDITIONAL items at the region (004 art. 22-23).
  const sharing = sharingApi(stack, 'REGION');
  const shareApplication = dataOf(await sharing.apply(await stack.token(HOHHOT_AUTHORITY, 'AGENCY_USER'), { resourceId, items: ['household_address', 'phone'], shareMode: 'MASKED', scenario: REFLOW_PURPOSE }));
  grantId = dataOf(await sharing.decide(await stack.token(REGION_POLICE, 'SOURCE_REVIEWER'), shareApplication.id, { decision: 'APPROVE' })).grant.id;
  const hohhot = await stack.token(HOHHOT_AUTHORITY, 'AUTHORITY_REVIEWER');
  const region = await stack.token(REGION_AUTHORITY, 'AUTHORITY_REVIEWER');
  subscriptionId = await subscribe(stack, 'REGION', hohhot, region, { resourceId, items: PERSON_ITEMS });
  hohhotReader = await stack.token(HOHHOT_CIVIL);
  hulunbuirReader = await stack.token(HULUNBUIR_CIVIL);
  const first = await runAt(stack, 'CITY', subscriptionId);
  expect(first).toMatchObject({ state: 'SUCCEEDED', error: null });
});
afterAll(() => stack?.stop());

describe('reflow of the region population register to Hohhot', () => {
  it('brings exactly the rows of 1501xx divisions, with only the entitled items (004 art. 19, 21-23)', async () => {
    const source = await hohhotAtRegion();
    const received = await reflowed();
    expect(source.length).toBeGreaterThan(100);
    expect(received.map((r) => r.idNumber)).toEqual(source.map((r) => r.idNumber));
    received.forEach((row, i) => {
      const truth = source[i];
      expect(row).toMatchObject({
        divisionCode: truth.divisionCode,
        name: truth.name, gender: truth.gender, birthDate: truth.birthDate, // UNCONDITIONAL: as they are
        householdAddress: applyMask('ADDRESS', truth.householdAddress), phone: applyMask('PHONE', truth.phone), // under the MASKED grant
        maritalStatus: null, // CONDITIONAL without a grant
        ethnicity: null, healthStatus: null, education: null, // NOT_SHARED, and not an item
      });
    });
    expect(await reconcileAt(stack, 'CITY', subscriptionId)).toMatchObject({ identical: true, missing: [], extra: [], different: [] });
  });

  it('marks each received row with its origin; the city platform\'s own rows have none', async () => {
    const [row] = await reflowed();
    const answer = await stack.query(`{ platform(level: CITY) { ... on PersonRegister { person(idNumber: "${row.idNumber}") { idNumber origin { platform subscription syncedAt } } } } }`, {}, hohhotReader);
    expect(dataOf(answer)).toEqual({ idNumber: row.idNumber, origin: { platform: 'REGION', subscription: levelId('REGION', 'ReflowSubscription', subscriptionId), syncedAt: row.syncedAt!.toISOString() } });
    const own = await cityPersons().findOneByOrFail({ originSubscription: IsNull(), divisionCode: Like('1501%') });
    const ownAnswer = await stack.query(`{ platform(level: CITY) { ... on PersonRegister { person(idNumber: "${own.idNumber}") { origin { platform } } } } }`, {}, hohhotReader);
    expect(dataOf(ownAnswer)).toEqual({ origin: null });
  });

  it("serves them to Hohhot's agencies under the city's own catalog, enforcement and audit", async () => {
    const [row] = await reflowed();
    const answer = await stack.query(`{ platform(level: CITY) { ... on PersonRegister { person(idNumber: "${row.idNumber}") { name gender householdAddress } } } }`, {}, hohhotReader);
    expect(answer.body.data.platform.person).toEqual({ name: row.name, gender: row.gender, householdAddress: null });
    // household_address is CONDITIONAL in 150100-RK-0001 too, and the reader holds no city grant.
    expect(errorAt(answer, ['platform', 'person', 'householdAddress'])?.extensions).toMatchObject({ code: 'SHARE_DENIED', reason: 'NO_GRANT' });
    const trail = await stack.query(`query($a: ID!) { platform(level: CITY) { auditTrail(filter: { agencyUscc: $a }) { nodes { action effect items recordKeys } } } }`, { a: HOHHOT_CIVIL.uscc }, await stack.token(HOHHOT_AUTHORITY, 'AUTHORITY_REVIEWER'));
    expect(nodesOf(trail)).toEqual(expect.arrayContaining([
      expect.objectContaining({ action: 'READ', effect: 'ALLOW', items: ['gender', 'name'], recordKeys: [row.idNumber] }),
      expect.objectContaining({ action: 'READ', effect: 'DENY', items: ['household_address'], recordKeys: [row.idNumber] }),
    ]));
  });

  it('is invisible to a Hulunbuir token: not by key, not in lists, not through the catalog (004 art. 20)', async () => {
    const [row] = await reflowed();
    const byKey = await stack.query(`{ platform(level: CITY) { ... on PersonRegister { person(idNumber: "${row.idNumber}") { name } } } }`, {}, hulunbuirReader);
    expect(errorCodes(byKey)).toEqual(['NOT_FOUND']);
    // The city's own records of the division stay as visible as before; the received ones are not there.
    const listed = async (token: string) => {
      const list = dataOf(await stack.query(`{ platform(level: CITY) { ... on PersonRegister { persons(divisionCode: "${row.divisionCode}", first: 500) { totalCount edges { node { idNumber } } } } } }`, {}, token));
      return { totalCount: list.totalCount, ids: list.edges.map((e: any) => e.node.idNumber) as string[] };
    };
    const own = await cityPersons().countBy({ divisionCode: row.divisionCode, originSubscription: IsNull(), deletedAt: IsNull() });
    const received = await cityPersons().countBy({ divisionCode: row.divisionCode, originSubscription: subscriptionId, deletedAt: IsNull() });
    const hulunbuirList = await listed(hulunbuirReader);
    expect(hulunbuirList.totalCount).toBe(own);
    expect(hulunbuirList.ids).not.toContain(row.idNumber);
    const hohhotList = await listed(hohhotReader);
    expect(hohhotList.totalCount).toBe(own + received);
    expect(hohhotList.ids).toContain(row.idNumber);
    const resourceId = await resourceIdOf(stack, '150100-RK-0001');
    const records = `{ catalog(filter: { level: CITY, text: "呼和浩特市人口基础信息" }) { edges { node { id records(keys: ["${row.idNumber}"], items: ["name"]) { totalCount nodes { key } } } } } }`;
    const catalogView = (response: any) => response.body.data.catalog.edges.find((e: any) => e.node.id === resourceId).node.records;
    expect(catalogView(await stack.query(records, {}, hulunbuirReader))).toEqual({ totalCount: 0, nodes: [] });
    expect(catalogView(await stack.query(records, {}, hohhotReader))).toEqual({ totalCount: 1, nodes: [{ key: row.idNumber }] });
  });

  it("records every value sent in the region's audit trail as REFLOW, for the subscriber (001 art. 25)", async () => {
    const trail = await stack.query(`query($a: ID!) { platform(level: REGION) { auditTrail(filter: { agencyUscc: $a, action: "REFLOW" }, first: 1000) { nodes { effect reason items recordCount userSub } } } }`, { a: HOHHOT_AUTHORITY.uscc }, await stack.token(REGION_AUTHORITY, 'AUTHORITY_REVIEWER'));
    const records = nodesOf(trail) as { effect: string; reason: string | null; items: string[]; recordCount: number; userSub: string }[];
    const total = (await hohhotAtRegion()).length;
    const sum = (effect: string) => records.filter((r) => r.effect === effect).reduce((n, r) => n + r.recordCount, 0);
    expect(records.every((r) => r.userSub === 'service:city')).toBe(true);
    expect(sum('ALLOW')).toBe(total);
    expect(sum('ALLOW_MASKED')).toBe(total);
    expect(records.find((r) => r.effect === 'ALLOW_MASKED')!.items).toEqual(['household_address', 'phone']);
    expect(records.find((r) => r.effect === 'DENY')).toMatchObject({ items: ['marital_status'], reason: 'OUTSIDE_GRANTED_ITEMS' });
  });

  it('brings updates and deletions at the source in the next incremental run', async () => {
    const [changed, removed] = await hohhotAtRegion();
    const now = new Date();
    await regionPersons().update({ idNumber: changed.idNumber }, { name: '更名测试', updatedAt: now });
    await regionPersons().update({ idNumber: removed.idNumber }, { deletedAt: now, updatedAt: now });
    const run = await runAt(stack, 'CITY', subscriptionId);
    expect(run).toMatchObject({ state: 'SUCCEEDED', rowsRead: 2, rowsWritten: 1, rowsDeleted: 1 });
    expect(await cityPersons().findOneByOrFail({ idNumber: changed.idNumber })).toMatchObject({ name: '更名测试', deletedAt: null });
    expect((await cityPersons().findOneByOrFail({ idNumber: removed.idNumber })).deletedAt).toEqual(now);
    expect(await runAt(stack, 'CITY', subscriptionId)).toMatchObject({ state: 'SUCCEEDED', rowsRead: 0 });
    expect((await reconcileAt(stack, 'CITY', subscriptionId)).identical).toBe(true);
  });

  it('names the keys that differ when the target no longer matches its source', async () => {
    const [tampered, lost] = await reflowed();
    await cityPersons().update({ idNumber: tampered.idNumber }, { name: '篡改' });
    await cityPersons().delete({ idNumber: lost.idNumber });
    expect(await reconcileAt(stack, 'CITY', subscriptionId)).toMatchObject({ identical: false, different: [tampered.idNumber], missing: [lost.idNumber], extra: [] });
    await cityPersons().save([tampered, lost]);
    expect((await reconcileAt(stack, 'CITY', subscriptionId)).identical).toBe(true);
  });

  it('lets runs be watched through the gateway: Hohhot sees its own, the region all, Hulunbuir none', async () => {
    const runs = async (token: string) => nodesOf(await reflowApi(stack, 'CITY').runs(token)) as { subscription: { id: string }; state: string; rowsRead: number; rate: number }[];
    const hohhot = await runs(await stack.token(HOHHOT_AUTHORITY, 'AUTHORITY_REVIEWER'));
    expect(hohhot.length).toBeGreaterThanOrEqual(3);
    expect(hohhot.every((r) => r.subscription.id === subscriptionGid('REGION', subscriptionId) && r.state === 'SUCCEEDED')).toBe(true);
    expect(hohhot.at(-1)).toMatchObject({ rowsRead: (await hohhotAtRegion()).length + 1, rate: expect.any(Number) });
    expect(await runs(await stack.token(REGION_AUTHORITY, 'AUTHORITY_REVIEWER'))).toEqual(hohhot);
    expect(await runs(await stack.token(HULUNBUIR_AUTHORITY, 'AUTHORITY_REVIEWER'))).toEqual([]);
    expect(errorCodes(await reflowApi(stack, 'CITY').runs(await stack.token(HULUNBUIR_AUTHORITY, 'AUTHORITY_REVIEWER'), subscriptionGid('REGION', subscriptionId)))).toEqual(['NOT_FOUND']);
  });

  it('never interleaves two runs of one subscription: a live holder keeps it', async () => {
    const holder = Object.assign(new ReflowRun(), { id: randomUUID(), subscriptionId, trigger: ReflowRunTrigger.COMMAND, state: ReflowRunState.RUNNING, owner: processOwner(), queuedAt: new Date(), startedAt: new Date(), heartbeatAt: new Date() });
    const city = stack.subgraphs.CITY.db;
    await city.getRepository(ReflowRun).insert(holder);
    await city.getRepository(ReflowWatermark).update({ subscriptionId }, { leaseRunId: holder.id });
    expect(await runAt(stack, 'CITY', subscriptionId)).toMatchObject({ state: 'FAILED', rowsRead: 0, error: `run ${holder.id} (${holder.owner}) is running subscription ${subscriptionId}` });
    await city.getRepository(ReflowRun).update({ id: holder.id }, { state: ReflowRunState.SUCCEEDED, finishedAt: new Date() });
    expect(await runAt(stack, 'CITY', subscriptionId)).toMatchObject({ state: 'SUCCEEDED' });
  });

  it('stops items whose grant ended: the next run pulls everything again without them (004 art. 23)', async () => {
    const revoked = await sharingApi(stack, 'REGION').revoke(await stack.token(REGION_POLICE, 'SOURCE_REVIEWER'), grantId, '回流用途核查');
    expect(dataOf(revoked).status).toBe('REVOKED');
    const run = await runAt(stack, 'CITY', subscriptionId);
    expect(run).toMatchObject({ state: 'SUCCEEDED', rowsWritten: (await hohhotAtRegion()).length });
    const rows = await reflowed();
    expect(rows.every((r) => r.householdAddress === null && r.phone === null && r.name !== null)).toBe(true);
    expect((await reconcileAt(stack, 'CITY', subscriptionId)).identical).toBe(true);
  });

  it('delivers nothing to a suspended subscriber: the run fails with the reason (004 art. 50)', async () => {
    const region = await stack.token(REGION_AUTHORITY, 'AUTHORITY_REVIEWER');
    const suspend = await sharingApi(stack, 'REGION').suspend(region, HOHHOT_AUTHORITY.uscc, '回流数据超范围使用');
    expect(suspend.body.errors).toBeUndefined();
    await regionPersons().update({ divisionCode: Like('150102%') }, { updatedAt: new Date() });
    const run = await runAt(stack, 'CITY', subscriptionId);
    expect(run).toMatchObject({ state: 'FAILED', rowsRead: 0, error: expect.stringMatching(/suspended .*004 art\. 50/) });
    await sharingApi(stack, 'REGION').lift(region, HOHHOT_AUTHORITY.uscc, '已整改');
    expect(await runAt(stack, 'CITY', subscriptionId)).toMatchObject({ state: 'SUCCEEDED', rowsRead: expect.any(Number) });
    expect((await reconcileAt(stack, 'CITY', subscriptionId)).identical).toBe(true);
  });
});
