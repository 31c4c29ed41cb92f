import { demoAgency, Sector } from '../../subgraphs/modules/agency/demo-agencies';
import { startTestStack, TestStack } from '../support/stack';
import { dataOf, onlyError } from './demand-fixtures';

let stack: TestStack;
let token: string;

beforeAll(async () => {
  stack = await startTestStack();
  token = await stack.token(demoAgency('150100', Sector.CIVIL_AFFAIRS));
});
afterAll(() => stack?.stop());

const ENTRY = 'resource { id } resourceCode resourceName jurisdictionCode sourceDepartmentUscc itemCode itemName shareType shareReason legalBasis';
const negativeList = async (level: 'region' | 'city' | 'county', jurisdictionCode?: string) =>
  dataOf(await stack.query(`query($code: ID) { platform(level: ${level.toUpperCase()}) { negativeList(jurisdictionCode: $code, first: 200) { nodes { ${ENTRY} } } } }`, { code: jurisdictionCode }, token)).platform.negativeList.nodes;

describe('the negative list (负面清单) is the NOT_SHARED items of the published catalog (004 art. 20, 21)', () => {
  it('lists, for the region, exactly ethnicity and health_status of 人口基础信息 with their reason and legal basis', async () => {
    const entries = await negativeList('region', '150000');
    expect(entries).toEqual([
      expect.objectContaining({
        resourceCode: '150000-RK-0001',
        resourceName: '内蒙古自治区人口基础信息',
        sourceDepartmentUscc: demoAgency('150000', Sector.PUBLIC_SECURITY).uscc,
        itemCode: 'ethnicity',
        itemName: '民族',
        shareType: 'NOT_SHARED',
        shareReason: '民族信息属敏感个人信息，仅提供核验',
        legalBasis: '《中华人民共和国个人信息保护法》第二十八条、第三十四条',
      }),
      expect.objectContaining({
        resourceCode: '150000-RK-0001',
        itemCode: 'health_status',
        shareType: 'NOT_SHARED',
        legalBasis: '《中华人民共和国基本医疗卫生与健康促进法》第九十二条',
      }),
    ]);
  });

  it('leaves out UNCONDITIONAL and CONDITIONAL items', async () => {
    const codes = (await negativeList('region')).map((e: { itemCode: string }) => e.itemCode);
    for (const shared of ['name', 'id_number', 'gender', 'birth_date', 'household_address', 'marital_status', 'uscc', 'dishonest']) expect(codes).not.toContain(shared);
  });

  it('keeps to the jurisdiction asked for and the divisions below it', async () => {
    const hohhot = await negativeList('city', '150100');
    expect(hohhot.map((e: { resourceCode: string; itemCode: string }) => `${e.resourceCode}/${e.itemCode}`)).toEqual(['150100-RK-0001/ethnicity', '150100-RK-0001/health_status']);
    const counties = await negativeList('county', '150700');
    expect(counties.map((e: { jurisdictionCode: string }) => e.jurisdictionCode).sort()).toEqual(['150702', '150781']);
    expect(counties.every((e: { itemCode: string }) => e.itemCode === 'hardship_reason')).toBe(true);
  });

  it('ignores resources that are not published: a draft NOT_SHARED item stays off the list', async () => {
    const provider = await stack.token(demoAgency('150100', Sector.HEALTH));
    const input = {
      name: '呼和浩特市传染病报告信息',
      summary: '法定传染病病例报告（草稿）',
      dataForm: 'TABLE',
      format: 'MySQL table',
      updateFrequency: 'DAILY',
      items: [{ code: 'case_no', name: '报告卡编号', dataType: 'STRING', shareType: 'NOT_SHARED', openType: 'NOT_OPEN', openGrounds: 'PERSONAL_PRIVACY', openLegalBasis: '《中华人民共和国传染病防治法》第十二条', shareReason: '涉及患者隐私', legalBasis: '《中华人民共和国传染病防治法》第十二条' }],
    };
    dataOf(await stack.query('mutation($input: CatalogResourceInput!) { createCityResource(input: $input) { id } }', { input }, provider));
    expect((await negativeList('city', '150100')).map((e: { itemCode: string }) => e.itemCode)).not.toContain('case_no');
  });

  it('reads the list in as many statements for two jurisdictions as for one (one query, not one per resource)', async () => {
    // Once each unmeasured: what the platform keeps between queries while its policy tables stand still is not per-list work.
    await negativeList('city', '150100');
    await negativeList('city');
    stack.resetStatements();
    await negativeList('city', '150100');
    const forOne = stack.statements('CITY');
    stack.resetStatements();
    expect(await negativeList('city')).toHaveLength(4);
    expect(stack.statements('CITY')).toBe(forOne);
  });

  it('names a malformed jurisdiction code as bad input', async () => {
    const response = await stack.query('{ platform(level: CITY) { negativeList(jurisdictionCode: "15x") { nodes { itemCode } } } }', {}, token);
    expect(onlyError(response).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'jurisdictionCode' });
  });
});
