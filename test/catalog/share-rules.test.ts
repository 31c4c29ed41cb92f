import { demoAgency, Sector } from '../../subgraphs/modules/agency/demo-agencies';
import { NotOpenGrounds, OpenType, ShareMode, ShareType } from '../../subgraphs/modules/catalog/enums';
import { startTestStack, TestStack } from '../support/stack';
import { conditionalItem, ItemSpec, notSharedItem, onlyError, resourceInput, unconditionalItem } from './catalog-fixtures';

let stack: TestStack;
let token: string;

beforeAll(async () => {
  stack = await startTestStack();
  token = await stack.token(demoAgency('150100', Sector.HEALTH));
});
afterAll(() => stack?.stop());

const CREATE = 'mutation($input: CatalogResourceInput!) { createCityResource(input: $input) { id state } }';
const UPDATE = 'mutation($id: ID!, $input: CatalogResourceInput!) { updateCityResource(id: $id, input: $input) { id } }';
const VISIBLE = '{ platform(level: CITY) { resources(jurisdictionCode: "150100", first: 200) { nodes { id name items { code shareType } } } } }';

/** Two valid items come first, so the error must name the third one by its index. */
const withBadItem = (bad: ItemSpec) => resourceInput('违反共享规则的资源', [unconditionalItem('record_no', '登记编号'), conditionalItem('holder_name', '持有人姓名'), bad]);

async function visibleResources() {
  const response = await stack.query(VISIBLE, {}, token);
  expect(response.body.errors).toBeUndefined();
  return response.body.data.platform.resources.nodes;
}

const VIOLATIONS: [rule: string, item: ItemSpec, field: string, citation: string, says: RegExp][] = [
  ['a CONDITIONAL item states its legal basis', conditionalItem('diagnosis', '诊断', { legalBasis: null }), 'legalBasis', '004 art. 21', /is CONDITIONAL: 004 art\. 21 requires its legal basis/],
  ['a legal basis of blanks is no legal basis', conditionalItem('diagnosis', '诊断', { legalBasis: '   ' }), 'legalBasis', '004 art. 21', /requires its legal basis/],
  ['a NOT_SHARED item states its legal basis', notSharedItem('diagnosis', '诊断', { legalBasis: null }), 'legalBasis', '004 art. 21', /is NOT_SHARED: 004 art\. 21 requires its legal basis; an item without one must be UNCONDITIONAL/],
  ['a CONDITIONAL item states why it is not shared unconditionally', conditionalItem('diagnosis', '诊断', { shareReason: null }), 'shareReason', '004 art. 21', /004 art\. 21 requires the reason/],
  ['a NOT_SHARED item states why it is not shared', notSharedItem('diagnosis', '诊断', { shareReason: null }), 'shareReason', '004 art. 21', /is NOT_SHARED: 004 art\. 21 requires the reason/],
  ['a CONDITIONAL item states its conditions', conditionalItem('diagnosis', '诊断', { shareConditions: null }), 'shareConditions', '004 art. 21', /004 art\. 21 requires the conditions an agency must meet/],
  ['only a CONDITIONAL item has conditions', unconditionalItem('diagnosis', '诊断', { shareConditions: '仅限卫生部门' }), 'shareConditions', '004 art. 21', /share conditions apply only to CONDITIONAL items/],
  ['masked-only delivery needs a mask rule', unconditionalItem('diagnosis', '诊断', { maskedDeliveryOnly: true }), 'maskRule', '004 art. 22', /masked delivery \(004 art\. 22\) needs a mask rule/],
  ['the MASKED share mode needs a mask rule', conditionalItem('diagnosis', '诊断', { shareMode: ShareMode.MASKED }), 'maskRule', '004 art. 22', /masked delivery \(004 art\. 22\) needs a mask rule/],
  ['a mask rule is one the platform knows', conditionalItem('diagnosis', '诊断', { maskRule: 'SHA1' }), 'maskRule', '004 art. 22', /unknown mask rule 'SHA1'.*004 art\. 22/],
  ['a NOT_OPEN item states its grounds', unconditionalItem('diagnosis', '诊断', { openGrounds: null }), 'openGrounds', '004 art. 27', /is NOT_OPEN: 004 art\. 27 \(1\) requires its grounds: TRADE_SECRET, PERSONAL_PRIVACY or FORBIDDEN_BY_LAW/],
  ['a NOT_OPEN item states the basis of its grounds', unconditionalItem('diagnosis', '诊断', { openLegalBasis: ' ' }), 'openLegalBasis', '004 art. 27', /is NOT_OPEN on PERSONAL_PRIVACY: state the law, regulation or right/],
  ['a CONDITIONAL_OPEN item states its conditions', unconditionalItem('diagnosis', '诊断', { openType: OpenType.CONDITIONAL_OPEN }), 'openConditions', '004 art. 27', /is CONDITIONAL_OPEN: 004 art\. 27 \(2\) requires the conditions/],
  ['only a NOT_OPEN item has grounds for not opening', unconditionalItem('diagnosis', '诊断', { openType: OpenType.UNCONDITIONAL_OPEN, openGrounds: NotOpenGrounds.TRADE_SECRET }), 'openGrounds', '004 art. 27', /grounds for not opening apply only to NOT_OPEN items/],
  ['only a CONDITIONAL_OPEN item has open conditions', unconditionalItem('diagnosis', '诊断', { openConditions: '仅限科研' }), 'openConditions', '004 art. 27', /open conditions apply only to CONDITIONAL_OPEN items/],
];

describe('share and open attributes of every data item are checked when an agency writes its catalog (004 art. 21-22, 27)', () => {
  it.each(VIOLATIONS)('rejects a resource breaking "%s", naming the item and the rule, and writes nothing', async (_rule, item, field, citation, says) => {
    const before = await visibleResources();
    const error = onlyError(await stack.query(CREATE, { input: withBadItem(item) }, token));
    const path = `input.items[2].${field}`;
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: path, rule: citation, item: 'diagnosis' });
    const naming = `${path}: input.items[2] (diagnosis)`;
    expect(error.message.slice(0, naming.length)).toBe(naming);
    expect(error.message).toMatch(says);
    expect(await visibleResources()).toEqual(before);
  });

  it('accepts the same items once they follow the rules, deriving the resource share type from them', async () => {
    const items = [conditionalItem('diagnosis', '诊断', { shareMode: ShareMode.MASKED, maskRule: 'FULL' }), notSharedItem('genome', '基因信息')];
    const response = await stack.query(CREATE, { input: resourceInput('合规的资源', items) }, token);
    expect(response.body.errors).toBeUndefined();
    const created = (await visibleResources()).find((r: any) => r.id === response.body.data.createCityResource.id);
    expect(created.items).toEqual([{ code: 'diagnosis', shareType: ShareType.CONDITIONAL }, { code: 'genome', shareType: ShareType.NOT_SHARED }]);
  });

  it('lets data withheld from agencies be opened: no article of the seeds ties the open type to the share type (004 art. 21, 27)', async () => {
    const items = [notSharedItem('station_id', '监测站编号', { openType: OpenType.CONDITIONAL_OPEN, openGrounds: null, openLegalBasis: null, openConditions: '用于环境科研' })];
    const response = await stack.query(CREATE, { input: resourceInput('不共享但可有条件开放的资源', items) }, token);
    expect(response.body.errors).toBeUndefined();
  });

  it('rejects a resource without items, and an item code listed twice', async () => {
    const empty = onlyError(await stack.query(CREATE, { input: resourceInput('没有信息项的资源', []) }, token));
    expect(empty.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.items' });
    expect(empty.message).toMatch(/^input\.items: a catalog resource lists at least one data item \(004 art\. 10\)/);
    const twice = onlyError(await stack.query(CREATE, { input: withBadItem(unconditionalItem('record_no', '重复编号')) }, token));
    expect(twice.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.items[2].code' });
    expect(twice.message).toMatch(/item code 'record_no' appears twice/);
  });

  it('checks an edit of a draft the same way and leaves the draft as it was', async () => {
    const created = await stack.query(CREATE, { input: resourceInput('待修改的资源') }, token);
    const { id } = created.body.data.createCityResource;
    const before = await visibleResources();
    const error = onlyError(await stack.query(UPDATE, { id, input: withBadItem(notSharedItem('diagnosis', '诊断', { legalBasis: null })) }, token));
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.items[2].legalBasis', rule: '004 art. 21' });
    expect(await visibleResources()).toEqual(before);
  });
});
