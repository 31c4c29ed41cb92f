import { IsNull, Like } from 'typeorm';
import { Level } from '../../subgraphs/kernel/levels';
import { demoAgency, demoAuthority, Sector } from '../../subgraphs/modules/agency/demo-agencies';
import { AGGREGATION_RULE } from '../../subgraphs/modules/reflow/application.service';
import { LandParcelRow } from '../../subgraphs/modules/records/record.entities';
import { dataOf, errorOf } from '../sharing/sharing-fixtures';
import { startTestStack, TestStack } from '../support/stack';
import { HOHHOT_AUTHORITY, HULUNBUIR_AUTHORITY, reconcileAt, REFLOW_TEST_ENV, reflowApi, REGION_AUTHORITY, resourceIdOf, runAt, subscribe, subscriptionGid } from './reflow-fixtures';
import { nodesOf } from '../support/api';

// Issue 5 item 4 and the county: basic-database rows collected at county level aggregate to the city
// and on to the region (004 art. 18, unconditional), and a county receives its city's rows (reflow),
// all through the same module and engine.
let stack: TestStack;
let countyToCity: string;
let cityToRegion: string;
let cityToCounty: string;

const LAND_ITEMS = ['parcel_code', 'land_use', 'area_mu', 'rights_holder', 'division_code'];
const TUMED_LEFT = demoAuthority('150121');
const land = (level: Level) => stack.subgraphs[level].db.getRepository(LandParcelRow);
const byCode = (rows: LandParcelRow[]) => rows.map(({ parcelCode, divisionCode, landUse, areaMu, rightsHolderName }) => ({ parcelCode, divisionCode, landUse, areaMu, rightsHolderName })).sort((a, b) => a.parcelCode.localeCompare(b.parcelCode));
const live = (level: Level, where: object) => land(level).find({ where: { deletedAt: IsNull(), ...where } });

beforeAll(async () => {
  stack = await startTestStack(REFLOW_TEST_ENV);
  const hohhot = await stack.token(HOHHOT_AUTHORITY, 'AUTHORITY_REVIEWER');
  const region = await stack.token(REGION_AUTHORITY, 'AUTHORITY_REVIEWER');
  const aggregate = { items: LAND_ITEMS, purpose: '汇聚自然资源和空间地理基础库（004 第十八条）' };
  countyToCity = await subscribe(stack, 'COUNTY', hohhot, null, { ...aggregate, resourceId: await resourceIdOf(stack, '150121-ZY-0001') });
  cityToRegion = await subscribe(stack, 'CITY', region, null, { ...aggregate, resourceId: await resourceIdOf(stack, '150100-ZY-0001') });
  cityToCounty = await subscribe(stack, 'CITY', await stack.token(TUMED_LEFT, 'AUTHORITY_REVIEWER'), hohhot, { resourceId: await resourceIdOf(stack, '150100-ZY-0001'), items: LAND_ITEMS });
  for (const [level, subscription] of [['CITY', countyToCity], ['REGION', cityToRegion], ['COUNTY', cityToCounty]] as const) {
    expect(await runAt(stack, level, subscription)).toMatchObject({ state: 'SUCCEEDED' });
  }
});
afterAll(() => stack?.stop());

describe('aggregation county → city → region (004 art. 18)', () => {
  it('is approved on submission for a basic database, and carries every item, CONDITIONAL ones included', async () => {
    const subscriptions = nodesOf(await reflowApi(stack, 'CITY').subscriptions(await stack.token(REGION_AUTHORITY, 'AUTHORITY_REVIEWER')));
    expect(subscriptions).toContainEqual(expect.objectContaining({ id: subscriptionGid('COUNTY', countyToCity), direction: 'AGGREGATION', sourceLevel: 'COUNTY', targetLevel: 'CITY', scopePrefix: '150121' }));
    expect(subscriptions).toContainEqual(expect.objectContaining({ id: subscriptionGid('CITY', cityToRegion), direction: 'AGGREGATION', sourceLevel: 'CITY', targetLevel: 'REGION', scopePrefix: '1501' }));
    const countyRows = await live('COUNTY', { originSubscription: IsNull() });
    expect(countyRows.length).toBeGreaterThan(100);
    expect(byCode(await live('CITY', { originSubscription: countyToCity }))).toEqual(byCode(countyRows));
    expect(countyRows.every((r) => r.rightsHolderName !== null)).toBe(true);
  });

  it("reaches the region with the city's own rows and the county's, the region's own rows untouched", async () => {
    const atCity = await live('CITY', { divisionCode: Like('1501%'), originPlatform: IsNull() });
    const fromCounty = await live('CITY', { originSubscription: countyToCity });
    expect(byCode(await live('REGION', { originSubscription: cityToRegion }))).toEqual(byCode([...atCity, ...fromCounty]));
    expect(await land('REGION').countBy({ originSubscription: IsNull(), divisionCode: Like('1501%') })).toBeGreaterThan(0);
    for (const [level, subscription] of [['CITY', countyToCity], ['REGION', cityToRegion]] as const) {
      expect((await reconcileAt(stack, level, subscription)).identical).toBe(true);
    }
  });

  it('passes a change at the county on to the city and then the region', async () => {
    const [parcel] = await live('COUNTY', { originSubscription: IsNull() });
    await land('COUNTY').update({ parcelCode: parcel.parcelCode }, { landUse: '林地', areaMu: 12.5, updatedAt: new Date() });
    expect(await runAt(stack, 'CITY', countyToCity)).toMatchObject({ state: 'SUCCEEDED', rowsWritten: 1 });
    expect(await runAt(stack, 'REGION', cityToRegion)).toMatchObject({ state: 'SUCCEEDED', rowsWritten: 1 });
    expect(await land('REGION').findOneByOrFail({ parcelCode: parcel.parcelCode })).toMatchObject({ landUse: '林地', areaMu: 12.5, originPlatform: 'CITY' });
  });

  it('collects basic databases only, within the applicant\'s own jurisdiction', async () => {
    const county = reflowApi(stack, 'COUNTY');
    const roll = await resourceIdOf(stack, '150102-DB-0001');
    const notBasic = errorOf(await county.apply(await stack.token(HOHHOT_AUTHORITY, 'AUTHORITY_REVIEWER'), { resourceId: roll, items: ['name'] }));
    expect(notBasic).toMatchObject({ code: 'BAD_USER_INPUT', extensions: { rule: '004 art. 18' } });
    const foreign = errorOf(await county.apply(await stack.token(HULUNBUIR_AUTHORITY, 'AUTHORITY_REVIEWER'), { resourceId: await resourceIdOf(stack, '150121-ZY-0001'), items: LAND_ITEMS }));
    expect(foreign.code).toBe('FORBIDDEN');
  });

  it('records the rule that approved it', async () => {
    const [application] = nodesOf(await stack.query('{ platform(level: COUNTY) { reflowApplications { nodes { decidedBy direction state } } } }', {}, await stack.token(HOHHOT_AUTHORITY, 'AUTHORITY_REVIEWER')));
    expect(application).toEqual({ decidedBy: AGGREGATION_RULE, direction: 'AGGREGATION', state: 'APPROVED' });
  });
});

describe('reflow city → county through the same module', () => {
  it("brings the city's rows of the county, but none that came from the county itself", async () => {
    const expected = await live('CITY', { divisionCode: Like('150121%'), originPlatform: IsNull() });
    expect(await land('CITY').countBy({ divisionCode: Like('150121%'), originPlatform: 'COUNTY' })).toBeGreaterThan(0);
    expect(expected.length).toBeGreaterThan(0);
    expect(byCode(await live('COUNTY', { originSubscription: cityToCounty }))).toEqual(byCode(expected).map((r) => ({ ...r, rightsHolderName: null })));
    expect((await reconcileAt(stack, 'COUNTY', cityToCounty)).identical).toBe(true);
  });

  it("serves them at the county to the county's agencies only", async () => {
    const [row] = await live('COUNTY', { originSubscription: cityToCounty });
    const query = `{ catalog(filter: { level: COUNTY, text: "土默特左旗土地承包经营权信息" }) { edges { node { code records(keys: ["${row.parcelCode}"], items: ["land_use"]) { nodes { key fields { value } } } } } } }`;
    const rowsFor = async (agency: ReturnType<typeof demoAgency>) => {
      const edges = dataOf(await stack.query(query, {}, await stack.token(agency))).edges as any[];
      return edges.find((e) => e.node.code === '150121-ZY-0001').node.records.nodes;
    };
    expect(await rowsFor(demoAgency('150121', Sector.NATURAL_RESOURCES))).toEqual([{ key: row.parcelCode, fields: [{ value: row.landUse }] }]);
    expect(await rowsFor(demoAgency('150102', Sector.NATURAL_RESOURCES))).toEqual([]);
  });
});
