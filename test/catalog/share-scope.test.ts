import { demoAgency, Sector } from '../../subgraphs/modules/agency/demo-agencies';
import { CatalogResourceRow } from '../../subgraphs/modules/catalog/resource.entity';
import { PersonRow } from '../../subgraphs/modules/records/record.entities';
import { decide, ShareScope, withinShareScope } from '../../subgraphs/kernel/policy';
import { errorAt } from '../support/responses';
import { localId, onlyError } from '../support/api';
import { startTestStack, TestStack } from '../support/stack';
import { dataOf, resourceIds, sharingApi } from '../sharing/sharing-fixtures';
import { grant, item, NOW, REQUESTER, SCENARIO } from '../kernel/policy/fixtures';
import { resourceInput, unconditionalItem } from './catalog-fixtures';

// 004 art. 10 ¶4: a catalog entry states its share scope (共享范围) — which agencies its sharing applies
// to. The policy engine enforces it: outside the scope an agency gets none of the resource's items,
// whatever its share type or grants; verification (核验) stays every agency's (004 art. 21).

const HOHHOT_HEALTH = { agencyUscc: '111501000015010004', level: 'CITY', jurisdiction: '150100' } as const;
const XINCHENG_POLICE = { agencyUscc: '111501020015010201', level: 'COUNTY', jurisdiction: '150102' } as const;

describe('who is within a share scope (004 art. 10 ¶4)', () => {
  const cases: Array<[string, ShareScope | null, typeof HOHHOT_HEALTH | typeof XINCHENG_POLICE, boolean]> = [
    ['no scope: every agency', null, XINCHENG_POLICE, true],
    ['levels: a county agency is outside a region-and-city scope', { levels: ['REGION', 'CITY'], jurisdictionCode: null, agencies: null }, XINCHENG_POLICE, false],
    ['levels: a city agency is inside it', { levels: ['REGION', 'CITY'], jurisdictionCode: null, agencies: null }, HOHHOT_HEALTH, true],
    ['jurisdiction: a county below the named city is inside', { levels: null, jurisdictionCode: '150100', agencies: null }, XINCHENG_POLICE, true],
    ['jurisdiction: another city is outside', { levels: null, jurisdictionCode: '150700', agencies: null }, HOHHOT_HEALTH, false],
    ['agencies: only those named', { levels: null, jurisdictionCode: null, agencies: [HOHHOT_HEALTH.agencyUscc] }, XINCHENG_POLICE, false],
    ['every condition applies: the named agency at a level left out is outside', { levels: ['REGION'], jurisdictionCode: null, agencies: [HOHHOT_HEALTH.agencyUscc] }, HOHHOT_HEALTH, false],
  ];
  it.each(cases)('%s', (_, scope, requester, inside) => {
    expect(withinShareScope(requester, scope)).toBe(inside);
  });
});

describe('the policy engine refuses outside the scope: OUTSIDE_SHARE_SCOPE', () => {
  const regionOnly: ShareScope = { levels: ['REGION'], jurisdictionCode: null, agencies: null };
  const cityRequester = { ...REQUESTER, ...HOHHOT_HEALTH };

  it('refuses an UNCONDITIONAL item to an agency outside it', () => {
    expect(decide(cityRequester, item({ shareType: 'UNCONDITIONAL', scope: regionOnly }), [], 'READ', NOW)).toMatchObject({ effect: 'DENY', reason: 'OUTSIDE_SHARE_SCOPE' });
  });

  it('refuses a CONDITIONAL item even under a valid grant for the stated scenario', () => {
    const valid = grant({ agencyUscc: cityRequester.agencyUscc });
    expect(decide(cityRequester, item({ scope: regionOnly }), [valid], 'READ', NOW, SCENARIO)).toMatchObject({ effect: 'DENY', reason: 'OUTSIDE_SHARE_SCOPE' });
    expect(decide(cityRequester, item(), [valid], 'READ', NOW, SCENARIO)).toMatchObject({ effect: 'ALLOW' });
  });

  it('still answers verification, which every agency may ask (004 art. 21)', () => {
    expect(decide(cityRequester, item({ shareType: 'NOT_SHARED', scope: regionOnly }), [], 'VERIFY', NOW)).toMatchObject({ effect: 'ALLOW' });
  });

  it('releases inside the scope as without one', () => {
    expect(decide(REQUESTER, item({ shareType: 'UNCONDITIONAL', scope: regionOnly }), [], 'READ', NOW)).toMatchObject({ effect: 'ALLOW' });
  });
});

describe('share scope through the platforms', () => {
  let stack: TestStack;
  const regionReader = demoAgency('150000', Sector.CIVIL_AFFAIRS);
  const cityReader = demoAgency('150100', Sector.CIVIL_AFFAIRS);
  let person: PersonRow;
  let populationId: string;

  beforeAll(async () => {
    stack = await startTestStack();
    person = (await stack.subgraphs.REGION.db.getRepository(PersonRow).find({ order: { idNumber: 'ASC' }, take: 1 }))[0];
    populationId = (await resourceIds(stack, await stack.token(regionReader), '人口基础信息'))['150000-RK-0001'];
    // Setup: the region's population resource is shared with region agencies only.
    await stack.subgraphs.REGION.db.getRepository(CatalogResourceRow).update({ id: localId(populationId) }, { shareScope: { levels: ['REGION'], jurisdictionCode: null, agencies: null } });
  });
  afterAll(() => stack?.stop());

  const readName = async (reader = cityReader) =>
    stack.query(`query($id: ID!) { platform(level: REGION) { ... on PersonRegister { person(idNumber: $id) { name } } } }`, { id: person.idNumber }, await stack.token(reader));

  it('an agency outside the scope gets the field refused at its path, with the reason', async () => {
    const response = await readName();
    expect(response.body.data.platform.person).toEqual({ name: null });
    expect(errorAt(response, ['platform', 'person', 'name'])?.extensions).toMatchObject({ code: 'SHARE_DENIED', reason: 'OUTSIDE_SHARE_SCOPE' });
  });

  it('an agency inside it reads the value', async () => {
    const response = await readName(regionReader);
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data.platform.person).toEqual({ name: person.name });
  });

  it('an application from outside the scope is refused before anything is written', async () => {
    const response = await sharingApi(stack, 'REGION').apply(await stack.token(cityReader), { resourceId: populationId, items: ['household_address'] });
    expect(onlyError(response)).toMatchObject({ extensions: { code: 'SHARE_DENIED', reason: 'OUTSIDE_SHARE_SCOPE', field: 'input.resourceId' } });
  });

  it('a resource states its scope when compiled, and shows it', async () => {
    const token = await stack.token(demoAgency('150100', Sector.HEALTH));
    const input = { ...resourceInput('按范围共享的资源', [unconditionalItem('record_no', '登记编号')]), shareScope: { jurisdictionCode: '150100', levels: ['CITY', 'COUNTY'] } };
    const created = dataOf(await stack.query(`mutation($input: CatalogResourceInput!) { createCityResource(input: $input) { shareScope { levels jurisdictionCode agencies } } }`, { input }, token));
    expect(created.shareScope).toEqual({ levels: ['CITY', 'COUNTY'], jurisdictionCode: '150100', agencies: null });
  });

  it.each([
    ['an empty scope', {}, 'BAD_USER_INPUT', 'input.shareScope'],
    ['a division that does not exist', { jurisdictionCode: '159999' }, 'NOT_FOUND', 'input.shareScope.jurisdictionCode'],
    ['an agency code that is not a USCC', { agencies: ['12345'] }, 'BAD_USER_INPUT', 'input.shareScope.agencies[0]'],
  ])('refuses %s with a 4xx error naming the field', async (_, shareScope, code, field) => {
    const token = await stack.token(demoAgency('150100', Sector.HEALTH));
    const input = { ...resourceInput('范围有误的资源', [unconditionalItem('record_no', '登记编号')]), shareScope };
    const error = onlyError(await stack.query(`mutation($input: CatalogResourceInput!) { createCityResource(input: $input) { id } }`, { input }, token));
    expect(error.extensions).toMatchObject({ code, field });
  });
});
