import { demoAgency, demoAuthority, Sector } from '../../subgraphs/modules/agency/demo-agencies';
import { CatalogState } from '../../subgraphs/modules/catalog/enums';
import { startTestStack, TestStack } from '../support/stack';
import { insertResources, onlyError, resourceInput } from './catalog-fixtures';
import { levelId } from '../support/api';

let stack: TestStack;
const hohhotAgency = demoAgency('150100', Sector.HEALTH);
const hulunbuirAgency = demoAgency('150700', Sector.HEALTH);
let hohhotAuthority: string;
let hulunbuirAuthority: string;
/** Setup: submissions written straight into the city database with the submission instants the tests need. */
let submittedBeforeNationalDay: string;
let submittedOnSaturday: string;
let submittedInNovember: string;
let hulunbuirSubmission: string;
let hohhotDraft: string;

/** Thursday 5 November 2026, 10:00 in Beijing: the November submission below is due within 2 working days (6 and 9 Nov). */
const TODAY = new Date('2026-11-05T02:00:00Z');

beforeAll(async () => {
  stack = await startTestStack();
  stack.clock.set(TODAY);
  hohhotAuthority = await stack.token(demoAuthority('150100'), 'AUTHORITY_REVIEWER');
  hulunbuirAuthority = await stack.token(demoAuthority('150700'), 'AUTHORITY_REVIEWER');
  const submitted = (code: string, at: string, provider = hohhotAgency) => ({ code, provider, state: CatalogState.SUBMITTED, submittedAt: new Date(at) });
  const rows = await insertResources(stack, 'CITY', [
    // Tuesday 29 Sep 2026, 10:00 in Beijing: two working days before the National Day break.
    submitted('150100-DL-0001', '2026-09-29T02:00:00Z'),
    // Saturday 19 Sep 2026, 10:00 in Beijing: the next day, Sunday 20 Sep, is an adjusted working day (调休).
    submitted('150100-DL-0002', '2026-09-19T02:00:00Z'),
    submitted('150100-DL-0003', '2026-11-02T02:00:00Z'),
    submitted('150700-DL-0001', '2026-09-29T02:00:00Z', hulunbuirAgency),
    { code: '150100-DL-0004', provider: hohhotAgency, state: CatalogState.DRAFT },
  ]);
  [submittedBeforeNationalDay, submittedOnSaturday, submittedInNovember, hulunbuirSubmission, hohhotDraft] = rows.map((r) => levelId('CITY', 'Resource', r.id));
});
afterAll(() => stack?.stop());

const REVIEW = `query($id: ID!) { node(id: $id) { ... on CityResource { state
  review { kind profile citation workingDays startedAt dueDay dueAt remainingWorkingDays overdue provisional } } } }`;

async function reviewOf(id: string, token: string) {
  const response = await stack.query(REVIEW, { id }, token);
  expect(response.body.errors).toBeUndefined();
  return response.body.data.node.review;
}

const PENDING = `query($within: Int) { platform(level: CITY) { pendingCatalogReviews(dueWithinWorkingDays: $within) { id state jurisdictionCode ... on CityResource { review { dueDay overdue } } } } }`;

async function pending(token: string, within?: number) {
  const response = await stack.query(PENDING, { within }, token);
  expect(response.body.errors).toBeUndefined();
  return response.body.data.platform.pendingCatalogReviews as { id: string; state: string; jurisdictionCode: string; review: { dueDay: string; overdue: boolean } }[];
}

describe('the authority\'s 5 working days to decide on a catalog submission (004 art. 11)', () => {
  it('dates a Hohhot submission of Tue 29 Sep 2026 to Mon 12 Oct, skipping National Day and counting Sat 10 Oct; it is overdue now', async () => {
    expect(await reviewOf(submittedBeforeNationalDay, hohhotAuthority)).toEqual({
      kind: 'CATALOG_APPROVAL',
      profile: 'INNER_MONGOLIA_2024',
      citation: '004 art. 11',
      workingDays: 5,
      startedAt: '2026-09-29T02:00:00.000Z',
      dueDay: '2026-10-12',
      dueAt: '2026-10-12T15:59:59.999Z',
      remainingWorkingDays: 0,
      overdue: true,
      provisional: false,
    });
  });

  it('counts the adjusted working Sunday 20 Sep 2026 for a submission of Sat 19 Sep: due Thu 24 Sep, before Mid-Autumn', async () => {
    // Without the adjusted Sunday the fifth working day would fall after Mid-Autumn (25-27 Sep): Mon 28 Sep.
    expect(await reviewOf(submittedOnSaturday, hohhotAuthority)).toMatchObject({ dueDay: '2026-09-24', workingDays: 5, overdue: true });
  });

  it('gives Hulunbuir (150700) the same 5 working days: its own measures change only share replies', async () => {
    expect(await reviewOf(hulunbuirSubmission, hulunbuirAuthority)).toMatchObject({
      profile: 'INNER_MONGOLIA_2024',
      citation: '004 art. 11',
      workingDays: 5,
      dueDay: '2026-10-12',
    });
  });

  it('shows no review deadline for a resource that is not waiting on the authority', async () => {
    const response = await stack.query(REVIEW, { id: hohhotDraft }, hohhotAuthority);
    expect(response.body.data.node).toEqual({ state: 'DRAFT', review: null });
  });
});

describe('the authority\'s queue of catalog submissions (004 art. 11)', () => {
  let submittedNow: string;
  beforeAll(async () => {
    const agencyToken = await stack.token(hohhotAgency);
    const created = await stack.query('mutation($input: CatalogResourceInput!) { createCityResource(input: $input) { id } }', { input: resourceInput('刚提交的资源') }, agencyToken);
    submittedNow = created.body.data.createCityResource.id;
    const submitted = await stack.query('mutation($id: ID!) { submitCityResource(id: $id) { state } }', { id: submittedNow }, agencyToken);
    expect(submitted.body.data.submitCityResource.state).toBe('SUBMITTED');
  });

  it('lists the Hohhot authority\'s submissions most urgent first, and nothing of other jurisdictions or states', async () => {
    const queue = await pending(hohhotAuthority);
    expect(queue.map((r) => r.id)).toEqual([submittedOnSaturday, submittedBeforeNationalDay, submittedInNovember, submittedNow]);
    expect(queue.map((r) => r.review.dueDay).slice(0, 3)).toEqual(['2026-09-24', '2026-10-12', '2026-11-09']);
    expect(queue.every((r) => r.state === 'SUBMITTED' && r.jurisdictionCode === '150100')).toBe(true);
    expect(queue.at(-1)!.review.overdue).toBe(false);
    expect((await pending(hulunbuirAuthority)).map((r) => r.id)).toEqual([hulunbuirSubmission]);
  });

  it('keeps to reviews due within the given working days, overdue ones included', async () => {
    expect((await pending(hohhotAuthority, 2)).map((r) => r.id)).toEqual([submittedOnSaturday, submittedBeforeNationalDay, submittedInNovember]);
  });

  it('is for authorities only (FORBIDDEN for an agency user)', async () => {
    const error = onlyError(await stack.query(PENDING, {}, await stack.token(hohhotAgency)));
    expect(error.extensions?.code).toBe('FORBIDDEN');
    expect(error.message).toMatch(/requires role AUTHORITY_REVIEWER/);
  });
});
