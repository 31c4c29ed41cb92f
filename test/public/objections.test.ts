import { demoAgency, Sector } from '../../subgraphs/modules/agency/demo-agencies';
import { OpenObjection } from '../../subgraphs/modules/records/objection.entity';
import { errorCodes, startTestStack, TestStack } from '../support/stack';

/*
 * 004 art. 28 ¶3 (000 art. 27): anyone who finds that opened data infringes their privacy, personal
 * information or trade secrets objects with evidence; opening is suspended at once, the source
 * department verifies and withdraws the data, reopens it, or reopens it after treatment, and the
 * objector is told.
 */

let stack: TestStack;
let source: string;
let otherAgency: string;

const LEGAL_PERSONS = '150100-FR-0001';

beforeAll(async () => {
  stack = await startTestStack();
  stack.clock.set(new Date('2026-11-02T02:00:00Z'));
  source = await stack.token(demoAgency('150100', Sector.MARKET_SUPERVISION), 'SOURCE_REVIEWER');
  otherAgency = await stack.token(demoAgency('150102', Sector.HEALTH));
});
afterAll(() => stack?.stop());

const FIND = `{ catalog(filter: { jurisdictionCode: "150100", text: "法人" }) { nodes { id code items { code } } } }`;
const READ = (id: string, items: string[]) => `{ node(id: "${id}") { ... on CityResource { records(first: 2, items: ${JSON.stringify(items)}) { nodes { key fields { item value } } } } } }`;
const OPEN_READ = (items: string[]) => `{ catalog(filter: { jurisdictionCode: "150100", text: "法人" }) { nodes { records(first: 2, items: ${JSON.stringify(items)}) { nodes { key fields { value } } } } } }`;
const FILE = 'mutation($input: OpenDataObjectionInput!) { fileCityOpenDataObjection(input: $input) { id state item recordKey verification { workingDays citation } } }';
const DECIDE = 'mutation($id: ID!, $outcome: ObjectionOutcome!, $reason: String!) { decideCityOpenDataObjection(id: $id, outcome: $outcome, reason: $reason) { state decisionReason } }';
const FOLLOW = 'query($id: ID!) { platform(level: CITY) { openDataObjection(id: $id) { state decisionReason verification { workingDays } } } }';

let resourceId: string;
/** The first two records' values of one item as the public reads them, with the error codes. */
async function publicValues(item: string) {
  const response = await stack.query(OPEN_READ([item]));
  const records = response.body.data?.catalog?.nodes?.[0]?.records?.nodes ?? [];
  return { values: records.map((r: any) => r.fields[0].value), keys: records.map((r: any) => r.key), codes: errorCodes(response), errors: response.body.errors ?? [] };
}
const objection = (item: string, extra: Record<string, unknown> = {}) => ({
  resourceId,
  item,
  ground: 'TRADE_SECRET',
  statement: '公开的信息泄露了本企业尚未公开的经营信息',
  evidence: '营业执照复印件及说明，已提交至市场监管局窗口',
  contact: '0471-0000000',
  ...extra,
});

beforeAll(async () => {
  const found = await stack.query(FIND, {}, otherAgency);
  resourceId = found.body.data.catalog.nodes.find((n: any) => n.code === LEGAL_PERSONS).id;
});

describe('an objection suspends opening at once and the source department decides (004 art. 28 ¶3)', () => {
  it('refuses the very next public read of the record objected to with OPEN_SUSPENDED, and only that record', async () => {
    const before = await publicValues('name');
    expect(before.codes).toEqual([]);
    const filed = await stack.query(FILE, { input: objection('name', { recordKey: before.keys[0] }) });
    expect(filed.body.errors).toBeUndefined();
    expect(filed.body.data.fileCityOpenDataObjection).toMatchObject({ state: 'SUSPENDED', item: 'name', recordKey: before.keys[0], verification: { workingDays: 7, citation: '004 art. 28 ¶3 (limit of 002 art. 26)' } });

    const after = await publicValues('name');
    expect(after.values).toEqual([null, before.values[1]]);
    expect(after.errors.map((e: any) => [e.extensions.code, e.path.slice(-5).join('.')])).toEqual([['OPEN_SUSPENDED', 'nodes.0.fields.0.value']]);
    // Sharing with agencies is another matter: the objection concerns opening.
    const agency = await stack.query(READ(resourceId, ['name']), {}, otherAgency);
    expect(agency.body.data.node.records.nodes[0].fields[0].value).toBe(before.values[0]);
  });

  it('lets the objector follow the objection by its id, without a token, and nobody but the source department decide it', async () => {
    const filed = await stack.query(FILE, { input: objection('status') });
    const id = filed.body.data.fileCityOpenDataObjection.id;
    expect((await stack.query(FOLLOW, { id })).body.data.platform.openDataObjection).toEqual({ state: 'SUSPENDED', decisionReason: null, verification: { workingDays: 7 } });
    expect(errorCodes(await stack.query(DECIDE, { id, outcome: 'REOPEN', reason: '无' }))).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(await stack.query(DECIDE, { id, outcome: 'REOPEN', reason: '无' }, otherAgency))).toEqual(['FORBIDDEN']);
    expect((await publicValues('status')).codes).toEqual(['OPEN_SUSPENDED', 'OPEN_SUSPENDED']);

    const decided = await stack.query(DECIDE, { id, outcome: 'REOPEN', reason: '经核实，登记状态依法公示，不属于商业秘密' }, source);
    expect(decided.body.data.decideCityOpenDataObjection).toEqual({ state: 'REOPENED', decisionReason: '经核实，登记状态依法公示，不属于商业秘密' });
    expect((await stack.query(FOLLOW, { id })).body.data.platform.openDataObjection).toMatchObject({ state: 'REOPENED', verification: null });
    expect((await publicValues('status')).codes).toEqual([]);
    expect(errorCodes(await stack.query(DECIDE, { id, outcome: 'WITHDRAW', reason: '再议' }, source))).toEqual(['CONFLICT']);
  });

  it('reopens after treatment: the public reads the value masked, agencies as before', async () => {
    const clear = await publicValues('uscc');
    const filed = await stack.query(FILE, { input: objection('uscc', { ground: 'PERSONAL_INFORMATION' }) });
    const id = filed.body.data.fileCityOpenDataObjection.id;
    await stack.query(DECIDE, { id, outcome: 'REOPEN_MASKED', reason: '依法脱敏后开放' }, source);
    const masked = await publicValues('uscc');
    expect(masked.codes).toEqual([]);
    masked.values.forEach((value: string, i: number) => {
      expect(value).not.toBe(clear.values[i]);
      expect(value).toMatch(/\*/);
    });
  });

  it('withdraws the item: it becomes NOT_OPEN on the objection grounds and leaves the open catalog', async () => {
    const filed = await stack.query(FILE, { input: objection('established_on') });
    const id = filed.body.data.fileCityOpenDataObjection.id;
    await stack.query(DECIDE, { id, outcome: 'WITHDRAW', reason: '经核实，成立日期结合其他信息可识别未公开经营信息' }, source);
    const refused = await publicValues('established_on');
    expect(refused.codes).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED']);
    expect(refused.errors[0].extensions!.reason).toBe('NOT_OPEN');
    const items = (await stack.query(FIND)).body.data.catalog.nodes[0].items.map((i: { code: string }) => i.code);
    expect(items).not.toContain('established_on');
    const described = await stack.query(`{ node(id: "${resourceId}") { ... on CityResource { items { code openType openGrounds openLegalBasis } } } }`, {}, otherAgency);
    expect(described.body.data.node.items.find((i: any) => i.code === 'established_on')).toEqual({ code: 'established_on', openType: 'NOT_OPEN', openGrounds: 'TRADE_SECRET', openLegalBasis: expect.stringMatching(new RegExp(`^004 art\\. 28 ¶3: withdrawn after objection ${id}`)) });
  });

  it.each([
    ['an item that is not opened', { item: 'address' }, 'input.item', /is NOT_OPEN: nothing of it is opened to object to/],
    ['an item the resource does not have', { item: 'salary' }, 'input.item', /salary is not an item of 150100-FR-0001/],
    ['no evidence', { evidence: '  ' }, 'input.evidence', /evidence is required: 004 art\. 28 ¶3 asks the objector for evidence/],
    ['no contact', { contact: '' }, 'input.contact', /contact is required/],
    ['a record key too long', { recordKey: 'x'.repeat(65) }, 'input.recordKey', /a record key is 1 to 64 characters/],
  ])('refuses %s with BAD_USER_INPUT naming the field, and files nothing', async (_what, change, field, says) => {
    const before = await stack.subgraphs.CITY.db.getRepository(OpenObjection).count();
    const response = await stack.query(FILE, { input: objection('name', change) });
    expect(response.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(response.body.errors![0].message).toMatch(says);
    expect(await stack.subgraphs.CITY.db.getRepository(OpenObjection).count()).toBe(before);
  });
});
