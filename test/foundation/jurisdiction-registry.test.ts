import { demoAgency, demoAuthority, Sector } from '../../subgraphs/modules/agency/demo-agencies';
import { errorCodes, startTestStack, TestStack } from '../support/stack';

let stack: TestStack;
let token: string;

beforeAll(async () => {
  stack = await startTestStack();
  token = await stack.token(demoAgency('150100', Sector.CIVIL_AFFAIRS));
});
afterAll(() => stack?.stop());

describe('jurisdiction registry through the gateway (issue 2, item 5)', () => {
  it('returns the region with its 12 leagues/cities and 108 county-level divisions, 5 of them statistical-only', async () => {
    const response = await stack.query(
      `{ jurisdiction(code: "150000") {
           code name level platform { level name }
           children { code level platform { level }
             children { code statisticalOnly platform { level } } } } }`,
      {},
      token,
    );
    expect(response.body.errors).toBeUndefined();
    const region = response.body.data.jurisdiction;
    expect(region).toMatchObject({ code: '150000', name: '内蒙古自治区', level: 'REGION', platform: { level: 'REGION', name: '自治区公共数据平台' } });
    expect(region.children).toHaveLength(12);
    expect(region.children.every((c: any) => c.level === 'CITY' && c.platform.level === 'CITY')).toBe(true);
    const grandchildren = region.children.flatMap((c: any) => c.children);
    expect(grandchildren).toHaveLength(108);
    expect(grandchildren.filter((g: any) => !g.statisticalOnly)).toHaveLength(103);
    expect(grandchildren.filter((g: any) => g.statisticalOnly).map((g: any) => g.code).sort()).toEqual(['150172', '150271', '150571', '152571', '152971']);
    expect(grandchildren.every((g: any) => g.platform.level === 'COUNTY')).toBe(true);
  });

  it('answers parent, ancestors and level queries', async () => {
    const response = await stack.query(
      `{ jurisdiction(code: "150102") { name parent { code name } ancestors { code } platform { level } }
         leagues: jurisdictions(level: CITY) { nodes { code } } }`,
      {},
      token,
    );
    expect(response.body.data).toEqual({
      jurisdiction: { name: '新城区', parent: { code: '150100', name: '呼和浩特市' }, ancestors: [{ code: '150000' }, { code: '150100' }], platform: { level: 'COUNTY' } },
      leagues: { nodes: expect.arrayContaining([{ code: '150100' }, { code: '150700' }, { code: '152500' }]) },
    });
    expect(response.body.data.leagues.nodes).toHaveLength(12);
  });

  it('says BAD_USER_INPUT for a malformed code and NOT_FOUND for an unknown one', async () => {
    const malformed = await stack.query('{ jurisdiction(code: "15A102") { name } }', {}, token);
    expect(errorCodes(malformed)).toEqual(['BAD_USER_INPUT']);
    expect(malformed.body.errors![0].message).toMatch(/code: '15A102' is not a division code/);
    const unknown = await stack.query('{ jurisdiction(code: "159999") { name } }', {}, token);
    expect(errorCodes(unknown)).toEqual(['NOT_FOUND']);
    expect(unknown.status).toBeLessThan(500);
  });
});

describe('agency registry (issue 2, item 6)', () => {
  it('lists the agencies of a jurisdiction with their authority', async () => {
    const response = await stack.query('{ jurisdiction(code: "150700") { agencies { nodes { uscc name isAuthority jurisdiction { code } } } } }', {}, token);
    const agencies = response.body.data.jurisdiction.agencies.nodes;
    expect(agencies.length).toBeGreaterThanOrEqual(6);
    expect(agencies.filter((a: any) => a.isAuthority)).toEqual([expect.objectContaining({ name: '呼伦贝尔市政务服务与数据管理局', jurisdiction: { code: '150700' } })]);
  });

  it('rejects an invalid USCC saying what is wrong', async () => {
    const response = await stack.query('{ agency(uscc: "91350100M000100Y44") { name } }', {}, token);
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.body.errors![0].message).toMatch(/check character is '4' but the first 17 characters require '3'/);
  });

  it('lets an authority register an agency below it, and nobody else', async () => {
    const mutation = `mutation($input: RegisterAgencyInput!) { registerAgency(input: $input) { uscc level jurisdiction { name } } }`;
    const input = { uscc: '12150102MB1234567A', name: '新城区大数据中心', sector: 'DATA_AUTHORITY', jurisdictionCode: '150102' };
    const badCheck = await stack.query(mutation, { input }, await stack.token(demoAuthority('150100'), 'AUTHORITY_REVIEWER'));
    expect(errorCodes(badCheck)).toEqual(['BAD_USER_INPUT']);
    expect(badCheck.body.errors![0].message).toMatch(/^input\.uscc: /);

    const valid = { ...input, uscc: '12150102MB12345671' };
    const { checkUscc, usccCheckCharacter } = await import('../../subgraphs/kernel/identifiers');
    valid.uscc = valid.uscc.slice(0, 17) + usccCheckCharacter(valid.uscc.slice(0, 17));
    expect(checkUscc(valid.uscc).valid).toBe(true);

    const notAuthority = await stack.query(mutation, { input: valid }, token);
    expect(errorCodes(notAuthority)).toEqual(['FORBIDDEN']);
    const otherCity = await stack.query(mutation, { input: valid }, await stack.token(demoAuthority('150700'), 'AUTHORITY_REVIEWER'));
    expect(errorCodes(otherCity)).toEqual(['FORBIDDEN']);

    const created = await stack.query(mutation, { input: valid }, await stack.token(demoAuthority('150100'), 'AUTHORITY_REVIEWER'));
    expect(created.body).toEqual({ data: { registerAgency: { uscc: valid.uscc, level: 'COUNTY', jurisdiction: { name: '新城区' } } } });
    const again = await stack.query(mutation, { input: valid }, await stack.token(demoAuthority('150000'), 'AUTHORITY_REVIEWER'));
    expect(errorCodes(again)).toEqual(['CONFLICT']);
  });
});
