import { randomUUID } from 'node:crypto';
import { In } from 'typeorm';
import { composeCitizenId } from '../../subgraphs/kernel/identifiers';
import { AuditRecord } from '../../subgraphs/kernel/audit/audit.entity';
import { REFLOW_CHANGES_PATH } from '../../subgraphs/modules/reflow/source/stream';
import { startTestStack, TestStack } from '../support/stack';
import { cityServiceToken, HOHHOT_AUTHORITY, hohhotSubscribesToPersons, HULUNBUIR_AUTHORITY, REFLOW_TEST_ENV, reconcileAt, runAt } from './reflow-fixtures';

// A receiving platform pulls its subscription as a stream of pages (source/stream.ts): the pages the
// GraphQL pull field gives one request at a time, each decided and masked for the subscriber when it
// is made and in the source's audit trail before it is sent (001 art. 25; 004 art. 19-23), to the
// subscriber's SERVICE identity alone. A stream ends after REFLOW_STREAM_PAGES pages (3 here); the
// receiver opens the next from its watermark and is checked again.
let stack: TestStack;
let subscriptionId: string;
const PAGE = 10;
const STREAM_PAGES = 3;

const serviceToken = (agency = HOHHOT_AUTHORITY) => cityServiceToken(stack, agency);
const pull = (extra: Record<string, unknown> = {}) => ({ subscriptionId, limit: PAGE, ...extra });
const PULL_PAGE = `query($s: ID!, $n: Int!, $t: DateTimeISO, $k: String, $held: String) {
  regionReflowChanges(subscriptionId: $s, limit: $n, afterUpdatedAt: $t, afterKey: $k, heldShape: $held) { shape columns rows hasMore } }`;
const reflowAudit = (requestIds: string[]) => stack.subgraphs.REGION.db.getRepository(AuditRecord).find({ where: { action: 'REFLOW', requestId: In(requestIds) } });
const keysOf = (lines: { rows: unknown[][] }[]) => lines.flatMap((line) => line.rows.map((row) => row[0] as string));

beforeAll(async () => {
  stack = await startTestStack({ ...REFLOW_TEST_ENV, REFLOW_PAGE_SIZE: String(PAGE), REFLOW_STREAM_PAGES: String(STREAM_PAGES) });
  subscriptionId = await hohhotSubscribesToPersons(stack);
});
afterAll(() => stack?.stop());

describe('the reflow stream', () => {
  it('gives, one per line, the pages the GraphQL pull gives, and ends after REFLOW_STREAM_PAGES of them', async () => {
    const { status, lines } = await stack.stream('REGION', REFLOW_CHANGES_PATH, pull({ countRemaining: true }), { token: await serviceToken(), signed: true });
    expect(status).toBe(200);
    expect(lines).toHaveLength(STREAM_PAGES);
    expect(lines[0].remaining).toBeGreaterThan(STREAM_PAGES * PAGE);
    expect(lines.slice(1).map((line) => line.remaining)).toEqual([undefined, undefined]);
    let after: { t: string | null; k: string | null } = { t: null, k: null };
    let held: string | null = null;
    for (const { remaining: _counted, ...line } of lines) {
      const page = await stack.direct('REGION', PULL_PAGE, { token: await serviceToken(), signed: true, variables: { s: subscriptionId, n: PAGE, ...after, held } });
      expect(line).toEqual(page.body.data.regionReflowChanges);
      const last = line.rows.at(-1);
      after = { t: last[2], k: last[0] };
      held = line.shape;
    }
    expect(lines.every((line) => line.hasMore && line.rows.length === PAGE)).toBe(true);
  });

  it('sends no page before it is in the audit trail, every page of a stream under the stream\'s request id', async () => {
    const requestId = randomUUID();
    const { lines } = await stack.stream('REGION', REFLOW_CHANGES_PATH, pull(), { token: await serviceToken(), signed: true, lines: 2, requestId });
    expect(lines).toHaveLength(2);
    const audited = await reflowAudit([requestId]);
    const auditedKeys = new Set(audited.flatMap((record) => record.recordKeys));
    for (const key of keysOf(lines)) expect(auditedKeys).toContain(key);
    expect(audited.every((record) => record.agencyUscc === HOHHOT_AUTHORITY.uscc && record.userSub === 'service:city')).toBe(true);
  });

  it('lets a run pull across several streams: each is admitted anew, and the copy is complete', async () => {
    const run = await runAt(stack, 'CITY', subscriptionId);
    expect(run).toMatchObject({ state: 'SUCCEEDED', error: null });
    expect(run.pages).toBeGreaterThan(STREAM_PAGES);
    expect(await reconcileAt(stack, 'CITY', subscriptionId)).toMatchObject({ identical: true, missing: [], extra: [], different: [] });
    // One stream per STREAM_PAGES pages, each its own request (and its own audit records' request id).
    const trail = await stack.subgraphs.REGION.db.getRepository(AuditRecord).find({ where: { action: 'REFLOW', agencyUscc: HOHHOT_AUTHORITY.uscc } });
    const during = (record: AuditRecord) => new Date(record.at) >= run.startedAt! && new Date(record.at) <= run.finishedAt!;
    const pulls = new Set(trail.filter(during).map((record) => record.requestId));
    expect(pulls.size).toBe(Math.ceil(run.pages / STREAM_PAGES));
  });

  it('is opened by the SERVICE identity of the subscriber alone, signed', async () => {
    const refused = async (options: { token?: string; signed?: boolean }) => {
      const { status, lines } = await stack.stream('REGION', REFLOW_CHANGES_PATH, pull(), options);
      return { status, codes: lines.flatMap((line) => (line.errors ?? []).map((e: any) => e.extensions.code)), pages: lines.filter((line) => line.rows).length };
    };
    expect(await refused({ token: await serviceToken() })).toEqual({ status: 401, codes: ['UNAUTHENTICATED'], pages: 0 });
    expect(await refused({ signed: true })).toEqual({ status: 401, codes: ['UNAUTHENTICATED'], pages: 0 });
    expect(await refused({ token: await stack.token(HOHHOT_AUTHORITY, 'AUTHORITY_REVIEWER'), signed: true })).toEqual({ status: 403, codes: ['FORBIDDEN'], pages: 0 });
    expect(await refused({ token: await stack.partyToken({ id: composeCitizenId('150102', '19900101', 12), kind: 'PERSON' }), signed: true })).toEqual({ status: 403, codes: ['FORBIDDEN'], pages: 0 });
    // Another agency's SERVICE identity is admitted as a caller, and refused the subscription: its one line says so.
    expect(await refused({ token: await serviceToken(HULUNBUIR_AUTHORITY), signed: true })).toEqual({ status: 200, codes: ['FORBIDDEN'], pages: 0 });
  });

  it('answers a malformed pull with BAD_USER_INPUT naming the field, and no page', async () => {
    const token = await serviceToken();
    const errorOf = async (body: unknown) => {
      const { lines } = await stack.stream('REGION', REFLOW_CHANGES_PATH, body, { token, signed: true });
      expect(lines).toHaveLength(1);
      return lines[0].errors[0].extensions;
    };
    expect(await errorOf([])).toMatchObject({ code: 'BAD_USER_INPUT', field: 'body' });
    expect(await errorOf({ limit: PAGE })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'subscriptionId' });
    expect(await errorOf(pull({ limit: 0 }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'limit' });
    expect(await errorOf(pull({ afterKey: 'X' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'afterKey' });
    expect(await errorOf(pull({ afterUpdatedAt: 'yesterday', afterKey: 'X' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'afterUpdatedAt' });
    expect(await errorOf(pull({ pages: 1.5 }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'pages' });
    // Texts are bounded and printable, as every GraphQL argument is.
    expect(await errorOf(pull({ heldShape: 'x'.repeat(10_001) }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'heldShape' });
    expect(await errorOf(pull({ afterUpdatedAt: '2026-01-01T00:00:00.000Z', afterKey: 'A\u0000' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'afterKey' });
  });
});
