import { LEVELS, Level } from '../../subgraphs/kernel/levels';
import { applyMask } from '../../subgraphs/kernel/policy';
import { demoAuthority } from '../../subgraphs/modules/agency/demo-agencies';
import { PersonRow } from '../../subgraphs/modules/records/record.entities';
import { localId } from '../support/api';
import { errorAt, valueAt } from '../support/responses';
import { GraphQLResponse, startTestStack, TestStack } from '../support/stack';
import { arrangeGrantState, expectedFor, GRANT_STATES, GrantState, MATRIX_SCENARIO, matrixAgency, purposeHeaders, STATED_PURPOSES, StatedPurpose } from './matrix-setup';

// Field-level enforcement of 004 art. 20-23 on every access path, for requesters of every level in every
// grant situation, stating the approved scenario, another purpose, or none. A leak is any value released
// where the rules deny it, or released unmasked where they require masking.

const ITEMS = [
  { field: 'name', item: 'name', shareType: 'UNCONDITIONAL' },
  { field: 'gender', item: 'gender', shareType: 'UNCONDITIONAL' },
  { field: 'birthDate', item: 'birth_date', shareType: 'UNCONDITIONAL' },
  { field: 'householdAddress', item: 'household_address', shareType: 'CONDITIONAL', mask: 'ADDRESS' },
  { field: 'maritalStatus', item: 'marital_status', shareType: 'CONDITIONAL' },
  { field: 'phone', item: 'phone', shareType: 'CONDITIONAL', mask: 'PHONE' },
  { field: 'ethnicity', item: 'ethnicity', shareType: 'NOT_SHARED' },
  { field: 'healthStatus', item: 'health_status', shareType: 'NOT_SHARED' },
] as const;
const SELECTION = ITEMS.map((i) => i.field).join(' ');

/** Each access path: a query, and where in its response each person record's items are. */
interface AccessPath {
  name: string;
  query: string;
  /** For each person returned: its id and a function from item to the response path of its value. */
  records(response: GraphQLResponse): { id: string; pathOf: (item: (typeof ITEMS)[number]) => (string | number)[] }[];
}

let stack: TestStack;
let resourceId: string;
let people: Map<string, PersonRow>;
let sampleId: string;

const paths = (): AccessPath[] => [
  {
    name: 'root field',
    query: `{ platform(level: REGION) { ... on PersonRegister { person(idNumber: "${sampleId}") { idNumber ${SELECTION} } } } }`,
    records: () => [{ id: sampleId, pathOf: (i) => ['platform', 'person', i.field] }],
  },
  {
    name: 'nested list',
    query: `{ platform(level: REGION) { ... on PersonRegister { persons(divisionCode: "150102", first: 2) { edges { node { idNumber ${SELECTION} } } } } } }`,
    records: (r) => (valueAt(r, ['platform', 'persons', 'edges']) as any[]).map((e, n) => ({ id: e.node.idNumber, pathOf: (i) => ['platform', 'persons', 'edges', n, 'node', i.field] })),
  },
  {
    name: 'generic records of the catalog',
    query: `{ catalog(filter: { text: "人口基础信息", level: REGION }) { edges { node { records(keys: ["${sampleId}"], items: [${ITEMS.map((i) => `"${i.item}"`).join(", ")}]) { nodes { key fields { item value } } } } } } }`,
    records: () => [{ id: sampleId, pathOf: (i) => ['catalog', 'edges', 0, 'node', 'records', 'nodes', 0, 'fields', ITEMS.findIndex((x) => x.item === i.item), 'value'] }],
  },
  {
    name: '_entities from the county platform',
    query: `{ platform(level: COUNTY) { ... on AssistanceRoll { assistanceRecords(divisionCode: "150102", first: 2) { edges { node { idNumber person { ${SELECTION} } } } } } } }`,
    records: (r) => (valueAt(r, ['platform', 'assistanceRecords', 'edges']) as any[]).map((e, n) => ({ id: e.node.idNumber, pathOf: (i) => ['platform', 'assistanceRecords', 'edges', n, 'node', 'person', i.field] })),
  },
  {
    name: 'aliases and a fragment',
    query: `query { who: platform(level: REGION) { ... on PersonRegister { person(idNumber: "${sampleId}") { ...Items } } } } fragment Items on RegionPerson { ${ITEMS.map((i) => `a_${i.field}: ${i.field}`).join(' ')} }`,
    records: () => [{ id: sampleId, pathOf: (i) => ['who', 'person', `a_${i.field}`] }],
  },
];

beforeAll(async () => {
  stack = await startTestStack();
  const authority = await stack.token(demoAuthority('150000'), 'AUTHORITY_REVIEWER');
  const found = await stack.query('{ catalog(filter: { text: "人口基础信息", level: REGION }) { edges { node { id } } } }', {}, authority);
  resourceId = found.body.data.catalog.edges[0].node.id;
  await stack.register(...LEVELS.flatMap((level) => GRANT_STATES.map((state) => matrixAgency(level, state))));
  for (const level of LEVELS) for (const state of GRANT_STATES) await arrangeGrantState(stack.subgraphs.REGION.db, localId(resourceId), matrixAgency(level, state), state);
  const rows = await stack.subgraphs.REGION.db.getRepository(PersonRow).find({ where: { divisionCode: '150102' }, order: { idNumber: 'ASC' } });
  people = new Map(rows.map((r) => [r.idNumber, r]));
  sampleId = rows[0].idNumber;
});
afterAll(() => stack?.stop());

interface Outcome { level: Level; state: GrantState; stated: StatedPurpose; path: string; item: string; expected: string; actual: string }

describe('authorization matrix: requester level × share type × grant state × stated purpose × access path (004 art. 20-23)', () => {
  const outcomes: Outcome[] = [];

  it('releases, masks or denies every item exactly as the rules say, with zero leaks', async () => {
    for (const level of LEVELS) {
      for (const state of GRANT_STATES) {
        const token = await stack.token(matrixAgency(level, state));
        for (const stated of STATED_PURPOSES) for (const path of paths()) {
          const response = await stack.query(path.query, {}, token, purposeHeaders(stated));
          const records = path.records(response);
          expect(records.length).toBeGreaterThan(0);
          for (const record of records) {
            const truth = people.get(record.id) ?? (await stack.subgraphs.REGION.db.getRepository(PersonRow).findOneByOrFail({ idNumber: record.id }));
            for (const item of ITEMS) {
              const expected = expectedFor(item.shareType, item.item, state, stated);
              const value = valueAt(response, record.pathOf(item));
              const error = errorAt(response, record.pathOf(item));
              const raw = String((truth as any)[item.field]);
              let actual: string;
              if (error) actual = `DENY:${error.extensions?.reason}`;
              else if (value === raw) actual = 'ALLOW';
              else if ('mask' in item && value === applyMask(item.mask, raw)) actual = 'MASKED';
              else actual = `UNEXPECTED:${JSON.stringify(value)}`;
              const want = expected.effect === 'DENY' ? `DENY:${expected.reason}` : expected.effect;
              if (error) {
                expect(value).toBeNull();
                expect(error.extensions).toMatchObject({ code: 'SHARE_DENIED', item: item.item, shareType: item.shareType });
              }
              outcomes.push({ level, state, stated, path: path.name, item: item.item, expected: want, actual });
            }
          }
        }
      }
    }
    const cases = new Set(outcomes.map((o) => `${o.level}|${o.state}|${o.stated}|${o.path}|${ITEMS.find((i) => i.item === o.item)!.shareType}`));
    expect(cases.size).toBeGreaterThanOrEqual(600);
    const mismatches = outcomes.filter((o) => o.actual !== o.expected);
    expect(mismatches).toEqual([]);
    const leaks = outcomes.filter((o) => o.expected.startsWith('DENY') && !o.actual.startsWith('DENY'));
    expect(leaks).toHaveLength(0);
  });

  it('explainAccess gives the same decision as the live path, for every case of the matrix', async () => {
    expect(outcomes.length).toBeGreaterThan(0);
    const authority = await stack.token(demoAuthority('150000'), 'AUTHORITY_REVIEWER');
    const explain = `query($a: ID!, $r: ID!, $p: String) { platform(level: REGION) { explainAccess(agency: $a, resource: $r, items: [${ITEMS.map((i) => `"${i.item}"`).join(', ')}], purpose: $p) { items { item effect reason } } } }`;
    const disagreements: unknown[] = [];
    for (const level of LEVELS) {
      for (const state of GRANT_STATES) {
        for (const stated of STATED_PURPOSES) {
          const purpose = stated === 'NONE' ? null : stated === 'APPROVED_SCENARIO' ? MATRIX_SCENARIO : '商业营销';
          const response = await stack.query(explain, { a: matrixAgency(level, state).uscc, r: resourceId, p: purpose }, authority);
          expect(response.body.errors).toBeUndefined();
          for (const explained of response.body.data.platform.explainAccess.items as { item: string; effect: string; reason: string | null }[]) {
            const said = explained.effect === 'DENY' ? `DENY:${explained.reason}` : explained.effect === 'ALLOW_MASKED' ? 'MASKED' : 'ALLOW';
            const live = outcomes.filter((o) => o.level === level && o.state === state && o.stated === stated && o.item === explained.item);
            expect(live.length).toBeGreaterThan(0);
            for (const o of live) if (o.actual !== said) disagreements.push({ ...o, explained: said });
          }
        }
      }
    }
    expect(disagreements).toEqual([]);
  });

  it('every decision of the matrix is in the region audit trail, with its path (001 art. 25, 004 art. 44)', async () => {
    expect(outcomes.length).toBeGreaterThan(0);
    const auditor = await stack.token(demoAuthority('150000'), 'AUTHORITY_REVIEWER');
    for (const level of LEVELS) {
      for (const state of GRANT_STATES) {
        const agency = matrixAgency(level, state);
        const trail = await stack.query(
          `query($a: ID!) { platform(level: REGION) { auditTrail(filter: { agencyUscc: $a }, first: 1000) { nodes { action items effect reason accessPath resourceId recordCount } } } }`,
          { a: agency.uscc },
          auditor,
        );
        const records = trail.body.data.platform.auditTrail.nodes as { items: string[]; effect: string; reason: string | null; accessPath: string; resourceId: string }[];
        for (const outcome of outcomes.filter((o) => o.level === level && o.state === state)) {
          const effect = outcome.expected === 'MASKED' ? 'ALLOW_MASKED' : outcome.expected.startsWith('DENY') ? 'DENY' : 'ALLOW';
          const reason = outcome.expected.startsWith('DENY') ? outcome.expected.slice(5) : null;
          const path = outcome.path.startsWith('_entities') ? 'ENTITIES' : 'ROOT';
          const match = records.find((r) => r.resourceId === localId(resourceId) && r.items.includes(outcome.item) && r.effect === effect && r.reason === reason && r.accessPath === path);
          expect({ ...outcome, audited: Boolean(match) }).toEqual({ ...outcome, audited: true });
        }
      }
    }
  });
});
