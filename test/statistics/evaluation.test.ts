import { randomUUID } from 'node:crypto';
import { demoAgency, demoAuthority, Sector } from '../../subgraphs/modules/agency/demo-agencies';
import { CatalogState, ShareMode } from '../../subgraphs/modules/catalog/enums';
import { CatalogItem } from '../../subgraphs/modules/catalog/item.entity';
import { CatalogResourceRow } from '../../subgraphs/modules/catalog/resource.entity';
import { QualityIssue, QualityReport, QualityReportState } from '../../subgraphs/modules/quality/report.entity';
import { ApplicationState, ShareApplication } from '../../subgraphs/modules/sharing/application.entity';
import { levelId, onlyError } from '../support/api';
import { startTestStack, TestStack } from '../support/stack';

// 004 art. 39 ¶2, 41: the authority evaluates agencies yearly on cataloguing, sharing and timeliness;
// overdue reviews are a named violation (art. 49 (2)). Figures, weights and formulas: docs/evaluation.md.

const POLICE = demoAgency('150000', Sector.PUBLIC_SECURITY);
const MARKET = demoAgency('150000', Sector.MARKET_SUPERVISION);
const beijing = (local: string) => new Date(`${local}+08:00`);
let stack: TestStack;
let authority: string;
let lateReply: string;
let unanswered: string;

/** Setup: a share application to `source`, filed and decided on the given Beijing times. */
async function share(source: string, submitted: string, decided: string | null): Promise<string> {
  const id = randomUUID();
  await stack.subgraphs.REGION.db.getRepository(ShareApplication).insert({
    id, resourceId: randomUUID(), applicantUscc: demoAgency('150100', Sector.HEALTH).uscc, applicantLevel: 'CITY', applicantJurisdiction: '150100', applicantUser: 'evaluation',
    sourceDepartmentUscc: source, resourceJurisdiction: '150000', scenario: '评估测试', purpose: '评估测试', requestedItemsJson: '["phone"]', shareMode: ShareMode.INTERFACE,
    requestedEndDate: beijing('2027-06-30T00:00:00'), state: decided ? ApplicationState.REFUSED : ApplicationState.PENDING, submittedAt: beijing(submitted), decidedAt: decided ? beijing(decided) : null,
    refusalReason: decided ? '评估测试' : null, refusalLegalBasis: decided ? '评估测试' : null,
  });
  return levelId('REGION', 'ShareApplication', id);
}

beforeAll(async () => {
  stack = await startTestStack();
  authority = await stack.token(demoAuthority('150000'), 'AUTHORITY_REVIEWER');
  // Police: filed Monday 1 June 2026, due Monday 8 June (5 working days); one answered on the 3rd, one on the 15th.
  await share(POLICE.uscc, '2026-06-01T10:00:00', '2026-06-03T10:00:00');
  lateReply = await share(POLICE.uscc, '2026-06-01T10:00:00', '2026-06-15T10:00:00');
  // Market supervision: both in time.
  await share(MARKET.uscc, '2026-06-01T10:00:00', '2026-06-02T10:00:00');
  await share(MARKET.uscc, '2026-07-01T10:00:00', '2026-07-06T10:00:00');
  // A quality report on Police's data, filed in September and never answered: 7 working days long passed.
  const report = randomUUID();
  await stack.subgraphs.REGION.db.getRepository(QualityReport).insert({
    id: report, resourceId: randomUUID(), recordKey: '150102199001011234', item: 'name', issue: QualityIssue.ERROR, statement: '评估测试', suggestedValue: null, reporter: MARKET.uscc,
    reporterParty: null, contact: null, providerUscc: POLICE.uscc, jurisdictionCode: '150000', state: QualityReportState.UNDER_VERIFICATION, filedAt: beijing('2026-09-01T10:00:00'),
    extendedAt: null, extensionReason: null, answeredAt: null, answeredBy: null, answer: null, correctedValue: null,
  });
  unanswered = levelId('REGION', 'DataQualityReport', report);
});
beforeEach(() => stack.clock.set(new Date('2026-11-30T02:00:00Z')));
afterEach(() => stack.clock.reset());
afterAll(() => stack?.stop());

const EVALUATION = `query($from: DateTimeISO!, $to: DateTimeISO!, $j: ID) { platform(level: REGION) { evaluation(from: $from, to: $to, jurisdictionCode: $j) {
  agency { uscc } rank score figures { name met cases ratio weight article } violations { kind article objectId dueDay doneAt } } } }`;
const YEAR = { from: '2025-12-31T16:00:00.000Z', to: '2026-12-31T16:00:00.000Z' };
const evaluate = async (token = authority, variables: Record<string, unknown> = YEAR) => stack.query(EVALUATION, variables, token);
const of = (list: any[], uscc: string) => list.find((e) => e.agency.uscc === uscc);
const figure = (evaluation: any, name: string) => evaluation.figures.find((f: any) => f.name === name);

describe('the annual evaluation of agencies (004 art. 39, 41)', () => {
  it('counts replies in time, as the deadline of each application says (004 art. 23)', async () => {
    const list = (await evaluate()).body.data.platform.evaluation;
    expect(figure(of(list, POLICE.uscc), 'SHARE_REPLIES_IN_TIME')).toMatchObject({ met: 1, cases: 2, ratio: 0.5, weight: 20, article: '004 art. 23, 49 (2)' });
    expect(figure(of(list, MARKET.uscc), 'SHARE_REPLIES_IN_TIME')).toMatchObject({ met: 2, cases: 2, ratio: 1 });
  });

  it('records every late or missing step as a violation with its article (004 art. 49)', async () => {
    const police = of((await evaluate()).body.data.platform.evaluation, POLICE.uscc);
    expect(police.violations).toEqual([
      { kind: 'SHARE_REPLY', article: '004 art. 23, 49 (2)', objectId: lateReply, dueDay: '2026-06-08', doneAt: '2026-06-15T02:00:00.000Z' },
      { kind: 'QUALITY_VERIFICATION', article: '004 art. 45, 49 (3)', objectId: unanswered, dueDay: '2026-09-10', doneAt: null },
    ]);
    expect(figure(police, 'QUALITY_ANSWERED_IN_TIME')).toMatchObject({ met: 0, cases: 1, ratio: 0 });
  });

  it('scores the weighted mean of the figures with cases, and ranks by it', async () => {
    const list = (await evaluate()).body.data.platform.evaluation;
    for (const evaluation of list) {
      const weighed = evaluation.figures.filter((f: any) => f.ratio !== null);
      const weight = weighed.reduce((sum: number, f: any) => sum + f.weight, 0);
      const expected = weight ? Math.round((weighed.reduce((sum: number, f: any) => sum + f.weight * f.ratio, 0) / weight) * 1000) / 10 : null;
      expect(evaluation.score).toBe(expected);
    }
    expect(of(list, MARKET.uscc).rank).toBeLessThan(of(list, POLICE.uscc).rank);
    const scores = list.map((e: any) => e.score ?? -1);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('counts catalog completeness over the agency\'s published items (004 art. 21, 27)', async () => {
    const db = stack.subgraphs.REGION.db;
    const resources = await db.getRepository(CatalogResourceRow).findBy({ state: CatalogState.PUBLISHED, providerUscc: POLICE.uscc });
    const items = (await db.getRepository(CatalogItem).find()).filter((i) => resources.some((r) => r.id === i.resourceId));
    expect(figure(of((await evaluate()).body.data.platform.evaluation, POLICE.uscc), 'CATALOG_COMPLETENESS')).toMatchObject({ cases: items.length });
    expect(items.length).toBeGreaterThan(0);
  });

  it('is for authorities, over their own jurisdiction, for a period that ends after it starts', async () => {
    expect(onlyError(await evaluate(await stack.token(POLICE))).extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect(onlyError(await evaluate(await stack.token(demoAuthority('150100'), 'AUTHORITY_REVIEWER'), { ...YEAR, j: '150000' })).extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect(onlyError(await evaluate(authority, { from: YEAR.to, to: YEAR.from })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
  });
});
