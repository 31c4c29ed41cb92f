import path from 'node:path';
import { demoAgency, demoAuthority, Sector } from '../../subgraphs/modules/agency/demo-agencies';
import { errorCodes, GraphQLResponse, startTestStack, TestStack } from '../support/stack';

// Issue 3 item 4: chinese-days ships arrangements up to 2026; an operator loads later years, from a
// file at start or through the region authority's mutation, and every level's platform uses them.
let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack({ CALENDAR_DIR: path.join(__dirname, 'fixtures') });
});
afterAll(() => stack?.stop());

/** Every level's coverage in one operation: the region lists the platforms, each level answers its own. */
const COVERAGE = '{ platforms { level calendarCoverage(years: [2026, 2027, 2028]) { year covered loaded } } }';
const coverageByLevel = (response: GraphQLResponse): Record<string, unknown[]> =>
  Object.fromEntries((response.body.data!.platforms as { level: string; calendarCoverage: unknown[] }[]).map((p) => [p.level, p.calendarCoverage]));

const ARRANGEMENT_2027 = {
  year: 2027,
  holidays: ['2027-01-01', '2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11'],
  workdays: ['2027-02-07', '2027-02-20'],
  source: 'test arrangement, not the official 2027 notice',
};

describe('working-day calendar maintenance', () => {
  it('knows 2026 from the package and 2028 from the arrangement file, at every level', async () => {
    const token = await stack.token(demoAgency('150102', Sector.HEALTH));
    const coverage = coverageByLevel(await stack.query(COVERAGE, {}, token));
    expect(Object.keys(coverage).sort()).toEqual(['CITY', 'COUNTY', 'REGION']);
    for (const level of Object.keys(coverage)) {
      expect(coverage[level]).toEqual([
        { year: 2026, covered: true, loaded: false },
        { year: 2027, covered: false, loaded: false },
        { year: 2028, covered: true, loaded: true },
      ]);
    }
  });

  it('refuses the arrangement from anyone but the region authority', async () => {
    const mutation = 'mutation($a: YearArrangementInput!) { loadRegionWorkingCalendar(arrangement: $a) }';
    const city = await stack.query(mutation, { a: ARRANGEMENT_2027 }, await stack.token(demoAuthority('150100'), 'AUTHORITY_REVIEWER'));
    expect(errorCodes(city)).toEqual(['FORBIDDEN']);
    const agency = await stack.query(mutation, { a: ARRANGEMENT_2027 }, await stack.token(demoAgency('150000', Sector.HEALTH)));
    expect(errorCodes(agency)).toEqual(['FORBIDDEN']);
  });

  it('rejects a malformed arrangement naming the field, and loads nothing', async () => {
    const authority = await stack.token(demoAuthority('150000'), 'AUTHORITY_REVIEWER');
    const bad = { ...ARRANGEMENT_2027, workdays: ['2027-02-08'] };
    const response = await stack.query('mutation($a: YearArrangementInput!) { loadRegionWorkingCalendar(arrangement: $a) }', { a: bad }, authority);
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.body.errors![0].message).toMatch(/^arrangement\.workdays\[0\]/);
    const after = coverageByLevel(await stack.query(COVERAGE, {}, authority));
    expect(after.CITY[1]).toEqual({ year: 2027, covered: false, loaded: false });
  });

  it("the region authority's arrangement reaches the city and county platforms", async () => {
    const authority = await stack.token(demoAuthority('150000'), 'AUTHORITY_REVIEWER');
    const response = await stack.query('mutation($a: YearArrangementInput!) { loadRegionWorkingCalendar(arrangement: $a) }', { a: ARRANGEMENT_2027 }, authority);
    expect(response.body).toEqual({ data: { loadRegionWorkingCalendar: 2027 } });
    const after = coverageByLevel(await stack.query(COVERAGE, {}, authority));
    for (const level of ['REGION', 'CITY', 'COUNTY']) expect(after[level][1]).toEqual({ year: 2027, covered: true, loaded: true });
  });
});
