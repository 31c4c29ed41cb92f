import { randomUUID } from 'node:crypto';
import { AuditRecord } from '../../subgraphs/kernel/audit/audit.entity';
import { beijingDay, computeDeadline, deadlineStatus, WorkingCalendar } from '../../subgraphs/kernel/calendar';
import { isWithin } from '../../subgraphs/kernel/identifiers';
import { Level, LEVELS } from '../../subgraphs/kernel/levels';
import { demoAgency, demoAuthority, Sector } from '../../subgraphs/modules/agency/demo-agencies';
import { CatalogState, ShareMode } from '../../subgraphs/modules/catalog/enums';
import { CatalogItem } from '../../subgraphs/modules/catalog/item.entity';
import { CatalogResourceRow } from '../../subgraphs/modules/catalog/resource.entity';
import { ApplicationState, ShareApplication } from '../../subgraphs/modules/sharing/application.entity';
import { GrantStatus, ShareGrant } from '../../subgraphs/modules/sharing/grant.entity';
import { PROCEDURES } from '../../subgraphs/modules/statistics/procedures';
import { QualityIssue, QualityReport, QualityReportState } from '../../subgraphs/modules/quality/report.entity';
import { ObjectionGround, ObjectionState, OpenObjection } from '../../subgraphs/modules/records/objection.entity';
import { OpenApplication, OpenApplicationState, OpenDeliveryMethod } from '../../subgraphs/modules/records/open-application.entity';
import { onlyError } from '../support/api';
import { startTestStack, TestStack } from '../support/stack';

// Issue 16: statistics are counted where the data lives, one aggregate statement per figure, for the
// caller's jurisdiction subtree; overdue steps are those past the limit of their policy profile.

const NOW = new Date('2026-11-30T02:00:00Z');
const DAY = 24 * 3600 * 1000;
let stack: TestStack;
let regionAuthority: string;
/** The calendar the platforms count with (2026 is arranged in the package's data). */
const calendar = new WorkingCalendar();

const STATISTICS = `query($level: PlatformLevel!, $j: ID, $from: DateTimeISO, $to: DateTimeISO) { platform(level: $level) { statistics(jurisdictionCode: $j, from: $from, to: $to, dueWithinWorkingDays: 3) {
  catalog { sourceDepartmentUscc shareType openType resources items }
  shareApplications { state count overdue dueSoon }
  grants { active expiringSoon expired revoked }
  activeSuspensions
  auditAccesses { day action effect reason count }
} } }`;
const statisticsOf = async (level: Level, token: string, variables: Record<string, unknown> = {}) => {
  const response = await stack.query(STATISTICS, { level, ...variables }, token);
  expect(response.body.errors).toBeUndefined();
  return response.body.data.platform.statistics;
};

/** Setup: share applications filed at the region on chosen days, for the overdue counts. */
async function fileApplications(days: number[], state = ApplicationState.PENDING, resourceJurisdiction = '150000') {
  const applicant = demoAgency('150100', Sector.HEALTH);
  await stack.subgraphs.REGION.db.getRepository(ShareApplication).insert(days.map((daysAgo) => ({
    id: randomUUID(), resourceId: randomUUID(), applicantUscc: applicant.uscc, applicantLevel: 'CITY' as const, applicantJurisdiction: '150100', applicantUser: 'statistics',
    sourceDepartmentUscc: demoAgency('150000', Sector.PUBLIC_SECURITY).uscc, resourceJurisdiction, scenario: '统计测试', purpose: '统计测试', requestedItemsJson: '["phone"]',
    shareMode: ShareMode.INTERFACE, requestedEndDate: new Date(NOW.getTime() + 90 * DAY), state, submittedAt: new Date(NOW.getTime() - daysAgo * DAY),
  })));
}

beforeAll(async () => {
  stack = await startTestStack();
  regionAuthority = await stack.token(demoAuthority('150000'), 'AUTHORITY_REVIEWER');
  await fileApplications([0, 1, 3, 5, 6, 8, 9, 10, 14, 30]);
  await fileApplications([2], ApplicationState.REFUSED);
  await fileCityReports();
});

/** Setup: quality reports, objections and open-data applications at the city platform, in Hohhot and Hulunbuir. */
async function fileCityReports() {
  const db = stack.subgraphs.CITY.db;
  const provider = demoAgency('150100', Sector.HEALTH).uscc;
  await db.getRepository(QualityReport).insert([[1, '150100'], [12, '150100'], [20, '150700']].map(([daysAgo, jurisdictionCode]) => ({
    id: randomUUID(), resourceId: randomUUID(), recordKey: `K${daysAgo}`, item: 'name', issue: QualityIssue.ERROR, statement: '统计测试', suggestedValue: null, reporter: provider, reporterParty: null, contact: null,
    providerUscc: provider, jurisdictionCode: String(jurisdictionCode), state: QualityReportState.UNDER_VERIFICATION, filedAt: new Date(NOW.getTime() - Number(daysAgo) * DAY),
    extendedAt: null, extensionReason: null, answeredAt: null, answeredBy: null, answer: null, correctedValue: null,
  })));
  await db.getRepository(OpenObjection).insert(['150100', '150700'].map((jurisdictionCode) => ({
    id: randomUUID(), resourceId: randomUUID(), item: 'name', recordKey: null, ground: ObjectionGround.PRIVACY, statement: '统计测试', evidence: '统计测试', objector: 'PUBLIC', contact: '统计测试',
    sourceDepartmentUscc: provider, jurisdictionCode, state: ObjectionState.SUSPENDED, filedAt: new Date(NOW.getTime() - 3 * DAY), decidedAt: null, decisionReason: null, decidedBy: null,
  })));
  await db.getRepository(OpenApplication).insert({
    id: randomUUID(), partyId: '150102198803150211', partyKind: 'PERSON', resourceId: randomUUID(), items: ['area_mu'], scenario: '统计测试', deliveryMethod: OpenDeliveryMethod.INTERFACE,
    usageEndsAt: new Date(NOW.getTime() + 90 * DAY), securityMeasures: '统计测试', sourceDepartmentUscc: provider, jurisdictionCode: '150100', state: OpenApplicationState.AUTHORITY_REVIEW,
    submittedAt: new Date(NOW.getTime() - 10 * DAY), reviewedAt: null, reviewedBy: null, decidedAt: null, decidedBy: null, approvedUse: null, refusalReason: null, refusalLegalBasis: null,
  });
}
beforeEach(() => stack.clock.set(NOW));
afterEach(() => stack.clock.reset());
afterAll(() => stack?.stop());

describe('aggregates equal the counts made apart from the raw rows', () => {
  it('catalog: published items by source department × share type × open type, per level', async () => {
    for (const level of LEVELS) {
      const db = stack.subgraphs[level].db;
      const published = await db.getRepository(CatalogResourceRow).findBy({ state: CatalogState.PUBLISHED });
      const items = await db.getRepository(CatalogItem).find();
      const apart = new Map<string, { resources: Set<string>; items: number }>();
      for (const item of items) {
        const resource = published.find((r) => r.id === item.resourceId);
        if (!resource) continue;
        const key = `${resource.sourceDepartmentUscc}|${item.shareType}|${item.openType}`;
        const entry = apart.get(key) ?? { resources: new Set(), items: 0 };
        entry.resources.add(resource.id);
        entry.items++;
        apart.set(key, entry);
      }
      const counted = (await statisticsOf(level, regionAuthority)).catalog;
      expect(Object.fromEntries(counted.map((c: any) => [`${c.sourceDepartmentUscc}|${c.shareType}|${c.openType}`, { resources: c.resources, items: c.items }])))
        .toEqual(Object.fromEntries([...apart].map(([key, v]) => [key, { resources: v.resources.size, items: v.items }])));
      expect(counted.length).toBeGreaterThan(0);
    }
  });

  it('share applications by state, overdue and due soon as each one\'s deadline says (004 art. 23)', async () => {
    const rows = await stack.subgraphs.REGION.db.getRepository(ShareApplication).find();
    const apart = new Map<string, { count: number; overdue: number; dueSoon: number }>();
    for (const row of rows) {
      const entry = apart.get(row.state) ?? { count: 0, overdue: 0, dueSoon: 0 };
      entry.count++;
      if (row.state === ApplicationState.PENDING) {
        const status = deadlineStatus(calendar, computeDeadline(calendar, 'SHARE_REPLY', row.resourceJurisdiction, row.submittedAt), NOW);
        if (status.overdue) entry.overdue++;
        else if (status.remainingWorkingDays <= 3) entry.dueSoon++;
      }
      apart.set(row.state, entry);
    }
    const counted = (await statisticsOf('REGION', regionAuthority)).shareApplications;
    expect(Object.fromEntries(counted.map((c: any) => [c.state, { count: c.count, overdue: c.overdue, dueSoon: c.dueSoon }]))).toEqual(Object.fromEntries(apart));
    // Filed 0-30 days before Monday 30 November: 5 working days have passed for those filed 8 days ago or earlier.
    expect(counted.find((c: any) => c.state === 'PENDING')).toMatchObject({ count: 10, overdue: 5 });
  });

  it('grants by where they stand now', async () => {
    const grants = stack.subgraphs.REGION.db.getRepository(ShareGrant);
    const grant = (endsInDays: number, status = GrantStatus.APPROVED) => ({
      id: randomUUID(), applicationId: randomUUID(), agencyUscc: demoAgency('150100', Sector.HEALTH).uscc, resourceId: randomUUID(), itemCodesJson: '["phone"]', scenario: '统计测试',
      mode: ShareMode.INTERFACE, endsAt: new Date(NOW.getTime() + endsInDays * DAY), status, revokedAt: status === GrantStatus.REVOKED ? NOW : null, revokeReason: null,
    });
    await grants.insert([grant(100), grant(10), grant(-1), grant(50, GrantStatus.REVOKED)]);
    const all = await grants.find();
    const apart = {
      revoked: all.filter((g) => g.status === GrantStatus.REVOKED).length,
      expired: all.filter((g) => g.status !== GrantStatus.REVOKED && g.endsAt <= NOW).length,
      active: all.filter((g) => g.status !== GrantStatus.REVOKED && g.endsAt > NOW).length,
      expiringSoon: all.filter((g) => g.status !== GrantStatus.REVOKED && g.endsAt > NOW && g.endsAt.getTime() <= NOW.getTime() + 30 * DAY).length,
    };
    expect((await statisticsOf('REGION', regionAuthority)).grants).toEqual(apart);
  });

  it('audit accesses per Beijing day, action, effect and reason, in the period asked', async () => {
    const reader = await stack.token(demoAgency('150100', Sector.HEALTH));
    await stack.query('{ platform(level: REGION) { ... on PersonRegister { persons(divisionCode: "150102", first: 3) { nodes { name ethnicity } } } } }', {}, reader);
    const from = new Date(NOW.getTime() - DAY);
    const to = new Date(NOW.getTime() + 400 * DAY);
    const records = (await stack.subgraphs.REGION.db.getRepository(AuditRecord).find()).filter((r) => ['READ', 'VERIFY', 'LOOKUP'].includes(r.action) && r.at >= from.toISOString() && r.at < to.toISOString());
    const apart = new Map<string, number>();
    for (const r of records) {
      const key = `${beijingDay(new Date(r.at))}|${r.action}|${r.effect}|${r.reason}`;
      apart.set(key, (apart.get(key) ?? 0) + 1);
    }
    const counted = (await statisticsOf('REGION', regionAuthority, { from: from.toISOString(), to: to.toISOString() })).auditAccesses;
    expect(Object.fromEntries(counted.map((c: any) => [`${c.day}|${c.action}|${c.effect}|${c.reason}`, c.count]))).toEqual(Object.fromEntries(apart));
    expect(records.length).toBeGreaterThan(0);
  });
});

describe('every procedure is counted by state at every level', () => {
  it.each(LEVELS)('%s: each state\'s count equals the rows in that state', async (level) => {
    const names = Object.keys(PROCEDURES) as (keyof typeof PROCEDURES)[];
    const response = await stack.query(`query($level: PlatformLevel!) { platform(level: $level) { statistics { ${names.map((n) => `${n} { state count overdue dueSoon }`).join(' ')} reflowRuns { runs } reflowLag { subscriptionId } } } }`, { level }, regionAuthority);
    expect(response.body.errors).toBeUndefined();
    for (const name of names) {
      const procedure = PROCEDURES[name];
      const rows = await stack.subgraphs[level].db.getRepository(procedure.entity).find();
      const stateOf = (row: any) => row[procedure.state.slice(2)];
      const apart = new Map<string, number>();
      for (const row of rows) apart.set(stateOf(row), (apart.get(stateOf(row)) ?? 0) + 1);
      const counted = response.body.data.platform.statistics[name] as { state: string; count: number; overdue: number; dueSoon: number }[];
      expect(Object.fromEntries(counted.map((c) => [c.state, c.count]))).toEqual(Object.fromEntries(apart));
      for (const c of counted) expect(c.overdue + c.dueSoon).toBeLessThanOrEqual(c.count);
    }
    if (level === 'CITY') for (const name of ['qualityReports', 'objections', 'openDataApplications']) expect(response.body.data.platform.statistics[name].length).toBeGreaterThan(0);
  });

  it("quality reports overdue and due soon as each one's limit says (004 art. 45; 7 working days)", async () => {
    const rows = await stack.subgraphs.CITY.db.getRepository(QualityReport).findBy({ state: QualityReportState.UNDER_VERIFICATION });
    const statuses = rows.map((row) => deadlineStatus(calendar, computeDeadline(calendar, 'QUALITY_VERIFICATION', row.jurisdictionCode, row.filedAt), NOW));
    const response = await stack.query('{ platform(level: CITY) { statistics { qualityReports { state count overdue dueSoon } } } }', {}, regionAuthority);
    expect(response.body.data.platform.statistics.qualityReports).toEqual([{
      state: 'UNDER_VERIFICATION',
      count: rows.length,
      overdue: statuses.filter((s) => s.overdue).length,
      dueSoon: statuses.filter((s) => !s.overdue && s.remainingWorkingDays <= 3).length,
    }]);
    expect(statuses.filter((s) => s.overdue).length).toBe(2);
  });
});

describe('scoping: an authority sees its jurisdiction subtree, the region all', () => {
  it('counts only the subtree asked for, and refuses a subtree that is not the caller\'s', async () => {
    const hohhot = await stack.token(demoAuthority('150100'), 'AUTHORITY_REVIEWER');
    const mine = await statisticsOf('CITY', hohhot);
    const cityResources = await stack.subgraphs.CITY.db.getRepository(CatalogResourceRow).findBy({ state: CatalogState.PUBLISHED });
    const inHohhot = cityResources.filter((r) => isWithin(r.jurisdictionCode, '150100')).length;
    const distinct = (catalog: any[]) => catalog.reduce((sum, c) => sum + c.items, 0);
    const items = await stack.subgraphs.CITY.db.getRepository(CatalogItem).find();
    expect(distinct(mine.catalog)).toBe(items.filter((i) => cityResources.some((r) => r.id === i.resourceId && isWithin(r.jurisdictionCode, '150100'))).length);
    expect(inHohhot).toBeGreaterThan(0);
    expect(distinct((await statisticsOf('CITY', regionAuthority)).catalog)).toBeGreaterThan(distinct(mine.catalog));
    expect(onlyError(await stack.query(STATISTICS, { level: 'CITY', j: '150700' }, hohhot)).extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect(onlyError(await stack.query(STATISTICS, { level: 'CITY' }, await stack.token(demoAgency('150100', Sector.HEALTH)))).extensions).toMatchObject({ code: 'FORBIDDEN' });
  });

  it.each(LEVELS)("every procedure figure at the %s platform counts, for Hohhot's authority, exactly the rows filed by or about Hohhot's subtree", async (level) => {
    await fileApplications([1, 12], ApplicationState.PENDING, '150000');
    const hohhot = await stack.token(demoAuthority('150100'), 'AUTHORITY_REVIEWER');
    const names = Object.keys(PROCEDURES) as (keyof typeof PROCEDURES)[];
    const response = await stack.query(`query($level: PlatformLevel!) { platform(level: $level) { statistics { ${names.map((n) => `${n} { state count }`).join(' ')} } } }`, { level }, hohhot);
    expect(response.body.errors).toBeUndefined();
    for (const name of names) {
      const procedure = PROCEDURES[name];
      const column = (qualified: string) => qualified.slice(2);
      const rows = (await stack.subgraphs[level].db.getRepository(procedure.entity).find()).filter((row: any) => procedure.scopeJurisdictions.some((c) => String(row[column(c)] ?? '').startsWith('1501')));
      const apart = new Map<string, number>();
      for (const row of rows as any[]) apart.set(row[column(procedure.state)], (apart.get(row[column(procedure.state)]) ?? 0) + 1);
      expect(Object.fromEntries(response.body.data.platform.statistics[name].map((c: any) => [c.state, c.count]))).toEqual(Object.fromEntries(apart));
    }
  });

  it("a city authority's share applications are those filed by or about its subtree", async () => {
    await fileApplications([1], ApplicationState.PENDING, '150000');
    const hulunbuir = await stack.token(demoAuthority('150700'), 'AUTHORITY_REVIEWER');
    const theirs = await statisticsOf('REGION', hulunbuir);
    expect(theirs.shareApplications).toEqual([]);
  });
});

describe('one operation brings every level', () => {
  it('platforms { statistics } answers for the three levels at once', async () => {
    const response = await stack.query('{ platforms { level statistics { level catalog { items } shareApplications { state count } } } }', {}, regionAuthority);
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data.platforms.map((p: any) => p.statistics.level)).toEqual(['REGION', 'CITY', 'COUNTY']);
  });
});

describe('statement count does not grow with the data', () => {
  it('runs as many statements for 10 applications as for 210', async () => {
    // Measured on a second request: the first after a write re-reads the identity and policy snapshots the write invalidated.
    const count = async () => {
      await statisticsOf('REGION', regionAuthority);
      stack.resetStatements();
      await statisticsOf('REGION', regionAuthority);
      return stack.statements('REGION');
    };
    const before = await count();
    await fileApplications(Array.from({ length: 200 }, (_, i) => i % 40));
    expect(await count()).toBe(before);
    expect(before).toBeGreaterThan(0);
  });
});
