import { Level, LEVELS } from '../../subgraphs/kernel/levels';
import { demoAgency, demoAuthority, Sector } from '../../subgraphs/modules/agency/demo-agencies';
import { startTestStack, TestStack } from '../support/stack';
import { dataOf, errorOf, resourceIds, sharingApi } from './sharing-fixtures';
import { nodesOf } from '../support/api';

// 004 art. 50: a data user that misuses shared data has its access suspended until it corrects.
let stack: TestStack;
let resources: Record<string, string>;
let regionAuthority: string;

const MISUSE = '将共享数据用于申请用途以外的商业推广（004 第五十条）';

beforeAll(async () => {
  stack = await startTestStack();
  regionAuthority = await stack.token(demoAuthority('150000'), 'AUTHORITY_REVIEWER');
  resources = {
    ...(await resourceIds(stack, regionAuthority, '人口基础信息')),
    ...(await resourceIds(stack, regionAuthority, '最低生活保障')),
  };
});
afterAll(() => stack?.stop());

const api = (level: Level) => sharingApi(stack, level);

/** An application at each level's platform, as the agency's user: CONDITIONAL items of a published resource there. */
const APPLY_AT: Record<Level, { code: string; items: string[] }> = {
  REGION: { code: '150000-RK-0001', items: ['phone'] },
  CITY: { code: '150100-RK-0001', items: ['phone'] },
  COUNTY: { code: '150102-DB-0001', items: ['household_size'] },
};
const applyAt = (level: Level, token: string) => api(level).apply(token, { resourceId: resources[APPLY_AT[level].code], items: APPLY_AT[level].items });

const activeAt = async (level: Level, agencyUscc: string) =>
  (nodesOf(await api(level).suspensions(regionAuthority)) as any[]).filter((s) => s.agencyUscc === agencyUscc).map((s) => s.imposedBy);

describe('suspension of a misusing agency (004 art. 50)', () => {
  it("the region authority's suspension reaches the city and county platforms, and its lifting too", async () => {
    const agency = demoAgency('150100', Sector.HEALTH);
    const suspended = dataOf(await api('REGION').suspend(regionAuthority, agency.uscc, MISUSE));
    expect(suspended).toMatchObject({ agencyUscc: agency.uscc, reason: MISUSE, imposedBy: '150000', active: true, liftedAt: null });
    const user = await stack.token(agency);
    for (const level of LEVELS) {
      expect(await activeAt(level, agency.uscc)).toEqual(['150000']);
      const refused = errorOf(await applyAt(level, user));
      expect(refused.code).toBe('AGENCY_SUSPENDED');
      expect(refused.message).toMatch(/suspended until it corrects \(004 art\. 50\)/);
    }

    const lifted = dataOf(await api('REGION').lift(regionAuthority, agency.uscc, '已整改并删除违规使用的数据'));
    expect(lifted).toMatchObject({ active: false, liftReason: '已整改并删除违规使用的数据' });
    for (const level of LEVELS) {
      expect(await activeAt(level, agency.uscc)).toEqual([]);
      const history = (nodesOf(await api(level).suspensions(regionAuthority, false)) as any[]).filter((s) => s.agencyUscc === agency.uscc);
      expect(history).toMatchObject([{ imposedBy: '150000', active: false, liftReason: '已整改并删除违规使用的数据' }]);
      expect(dataOf(await applyAt(level, user)).state).toBe('PENDING');
    }
  });

  it('suspending twice is a CONFLICT, and so is lifting a suspension that is not there', async () => {
    const agency = demoAgency('150000', Sector.HEALTH);
    dataOf(await api('REGION').suspend(regionAuthority, agency.uscc, MISUSE));
    expect(errorOf(await api('REGION').suspend(regionAuthority, agency.uscc, MISUSE))).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/^uscc: .* already suspended/) });
    dataOf(await api('REGION').lift(regionAuthority, agency.uscc, '已整改'));
    expect(errorOf(await api('REGION').lift(regionAuthority, agency.uscc, '已整改'))).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/is not suspended/) });
  });

  it("a city authority suspends its own agencies on the city platform only, and the region's lifting leaves the city's suspension standing", async () => {
    const agency = demoAgency('150100', Sector.CIVIL_AFFAIRS);
    const cityAuthority = await stack.token(demoAuthority('150100'), 'AUTHORITY_REVIEWER');
    expect(dataOf(await api('CITY').suspend(cityAuthority, agency.uscc, MISUSE))).toMatchObject({ imposedBy: '150100', active: true });
    expect(await activeAt('REGION', agency.uscc)).toEqual([]);
    expect(await activeAt('COUNTY', agency.uscc)).toEqual([]);

    dataOf(await api('REGION').suspend(regionAuthority, agency.uscc, MISUSE));
    expect((await activeAt('CITY', agency.uscc)).sort()).toEqual(['150000', '150100']);
    dataOf(await api('REGION').lift(regionAuthority, agency.uscc, '已整改'));
    expect(await activeAt('CITY', agency.uscc)).toEqual(['150100']);
    expect(errorOf(await applyAt('CITY', await stack.token(agency))).code).toBe('AGENCY_SUSPENDED');
    expect(dataOf(await applyAt('REGION', await stack.token(agency))).state).toBe('PENDING');
  });

  it('is decided by authorities of the platform\'s own level or the region; everyone else is FORBIDDEN', async () => {
    const target = demoAgency('150102', Sector.HEALTH).uscc;
    const forbidden: [Level, string][] = [
      ['REGION', await stack.token(demoAuthority('150100'), 'AUTHORITY_REVIEWER')],
      ['CITY', await stack.token(demoAuthority('150102'), 'AUTHORITY_REVIEWER')],
      ['COUNTY', await stack.token(demoAuthority('150100'), 'AUTHORITY_REVIEWER')],
      ['REGION', await stack.token(demoAgency('150000', Sector.PUBLIC_SECURITY), 'SOURCE_REVIEWER', 'AGENCY_USER')],
    ];
    for (const [level, token] of forbidden) {
      expect(errorOf(await api(level).suspend(token, target, MISUSE)).code).toBe('FORBIDDEN');
      expect(errorOf(await api(level).suspensions(token)).code).toBe('FORBIDDEN');
    }
    expect(await activeAt('REGION', target)).toEqual([]);
  });

  it('names the argument that is wrong: an invalid USCC or a missing reason', async () => {
    const badUscc = errorOf(await api('REGION').suspend(regionAuthority, '91150100MA0000000X', MISUSE));
    expect(badUscc).toMatchObject({ code: 'BAD_USER_INPUT', extensions: { field: 'uscc' } });
    expect(badUscc.message).toMatch(/^uscc: '91150100MA0000000X' is not a valid USCC: check character/);
    const noReason = errorOf(await api('REGION').suspend(regionAuthority, demoAgency('150102', Sector.HEALTH).uscc, ' '));
    expect(noReason).toMatchObject({ code: 'BAD_USER_INPUT', extensions: { field: 'reason' } });
  });
});
