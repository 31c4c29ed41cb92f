import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { chromium, Browser, Page } from 'playwright-core';
import { demoSignInAllowed } from '../../gateway/dashboard/serve';
import { projectRoot } from '../../subgraphs/kernel/config';
import { demoAgency, demoAuthority, Sector } from '../../subgraphs/modules/agency/demo-agencies';
import { ShareMode } from '../../subgraphs/modules/catalog/enums';
import { ApplicationState, ShareApplication } from '../../subgraphs/modules/sharing/application.entity';
import { startTestStack, TestStack } from '../support/stack';
import { HOHHOT_AUTHORITY, PERSON_ITEMS, REFLOW_TEST_ENV, REGION_AUTHORITY, resourceIdOf, runAt, subscribe } from '../reflow/reflow-fixtures';

// Issue 16: the region aggregation dashboard at /dashboard — bundled from npm (ECharts), signed in as an
// authority, every number from the GraphQL API. Debian's Chromium, driven by playwright-core; the test
// saves the screenshot docs/dashboard.png shows.
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const REGION = demoAuthority('150000');
/** The platforms' day: the figures on the page are counted as of Monday 30 November 2026, whatever today is. */
const MONDAY = new Date('2026-11-30T02:00:00Z');
const DAY_MS = 86_400_000;

let stack: TestStack;
let browser: Browser;
const outside: string[] = [];

beforeAll(async () => {
  stack = await startTestStack(REFLOW_TEST_ENV);
  stack.clock.set(MONDAY);
  // Something to show: applications waiting — filed 2 (not yet due), 9 and 20 days before Monday (overdue) — and a reflow to Hohhot.
  const now = MONDAY.getTime();
  await stack.subgraphs.REGION.db.getRepository(ShareApplication).insert([2, 9, 20].map((daysAgo) => ({
    id: randomUUID(), resourceId: randomUUID(), applicantUscc: demoAgency('150100', Sector.HEALTH).uscc, applicantLevel: 'CITY' as const, applicantJurisdiction: '150100', applicantUser: 'dashboard',
    sourceDepartmentUscc: demoAgency('150000', Sector.PUBLIC_SECURITY).uscc, resourceJurisdiction: '150000', scenario: '看板测试', purpose: '看板测试', requestedItemsJson: '["phone"]',
    shareMode: ShareMode.INTERFACE, requestedEndDate: new Date(now + 90 * 86400000), state: ApplicationState.PENDING, submittedAt: new Date(now - daysAgo * 86400000),
  })));
  const resourceId = await resourceIdOf(stack, '150000-RK-0001');
  const subscription = await subscribe(stack, 'REGION', await stack.token(HOHHOT_AUTHORITY, 'AUTHORITY_REVIEWER'), await stack.token(REGION_AUTHORITY, 'AUTHORITY_REVIEWER'), { resourceId, items: PERSON_ITEMS, scopeDivisionCode: '150100' });
  await runAt(stack, 'CITY', subscription);
  // And a few reads, released and refused, for the audit figures.
  const reader = await stack.token(demoAgency('150100', Sector.HEALTH));
  await stack.query('{ platform(level: REGION) { ... on PersonRegister { persons(divisionCode: "150102", first: 5) { nodes { name ethnicity } } } } }', {}, reader);
  const browserEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'LD_PRELOAD' && !name.startsWith('FAKETIME')));
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'], env: browserEnv as Record<string, string> });
});
afterAll(async () => {
  stack?.clock.reset();
  await browser?.close();
  await stack?.stop();
});

/**
 * The dashboard for a period around the test's data: from well before the platforms' Monday to just after
 * the reflow run, which the runner stamps with the machine's time (the browser test's one real-clock read:
 * it only sets the period's end, so every figure the page shows is in the period, on any date).
 */
const dashboardUrl = () => {
  const period = new URLSearchParams({ from: new Date(MONDAY.getTime() - 60 * DAY_MS).toISOString(), to: new Date(Math.max(Date.now(), MONDAY.getTime()) + DAY_MS).toISOString() });
  return `${stack.gateway.url.replace('/graphql', '/dashboard')}?${period}`;
};

async function loopbackOnlyPage(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await page.route('**/*', (route) => {
    const host = new URL(route.request().url()).hostname;
    if (host === '127.0.0.1' || host === 'localhost') return route.continue();
    outside.push(route.request().url());
    return route.abort();
  });
  return page;
}

/** The figures the page shows, counted here from the API's statistics with the operation's own variables. */
async function apiFigures(variables: Record<string, unknown>) {
  const response = await stack.query(`query($from: DateTimeISO!, $to: DateTimeISO!) { platforms { statistics(from: $from, to: $to) {
    catalog { resources items }
    ${['shareApplications', 'upwardApplications', 'demands', 'reflowApplications', 'openDataApplications', 'qualityReports', 'objections'].map((p) => `${p} { overdue }`).join(' ')}
    reflowRuns { rowsWritten } auditAccesses { count } } } }`, variables, await stack.token(REGION, 'AUTHORITY_REVIEWER'));
  expect(response.body.errors).toBeUndefined();
  const all = response.body.data.platforms.map((p: any) => p.statistics);
  const total = (pick: (s: any) => number[]) => all.flatMap(pick).reduce((a: number, b: number) => a + b, 0);
  return {
    resources: total((s) => s.catalog.map((c: any) => c.resources)),
    items: total((s) => s.catalog.map((c: any) => c.items)),
    overdue: total((s) => Object.values(s).filter(Array.isArray).flatMap((list: any) => list.filter((c: any) => 'overdue' in c).map((c: any) => c.overdue))),
    reflowRows: total((s) => s.reflowRuns.map((r: any) => r.rowsWritten)),
    accesses: total((s) => s.auditAccesses.map((a: any) => a.count)),
  };
}

describe('the dashboard at /dashboard', () => {
  it('signs in as the region authority, draws its charts from one operation, shows the API\'s numbers, and fetches nothing beyond this machine', async () => {
    const page = await loopbackOnlyPage();
    const operations: { query: string; variables: Record<string, unknown> }[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/graphql' && request.method() === 'POST') operations.push(JSON.parse(request.postData() ?? '{}'));
    });
    const response = await page.goto(dashboardUrl());
    expect(response!.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.locator('select[name="demo-authority"]').selectOption(REGION.uscc);
    await page.locator('button[name="demo-sign-in"]').click();
    await page.locator('#dashboard[data-state="ready"]').waitFor({ timeout: 30_000 });
    expect(await page.locator('canvas').count()).toBeGreaterThanOrEqual(3);

    expect(operations).toHaveLength(1);
    expect(operations[0].query).toMatch(/^query Dashboard\(/);
    const shown = Object.fromEntries(await Promise.all(['resources', 'items', 'overdue', 'reflowRows', 'accesses'].map(async (key) => [key, Number(await page.locator(`[data-figure="${key}"]`).innerText())])));
    expect(shown).toEqual(await apiFigures(operations[0].variables));
    expect(shown.overdue).toBeGreaterThan(0);
    expect(shown.reflowRows).toBeGreaterThan(0);
    await expect(page.locator('header h1').innerText()).resolves.toBe('公共数据共享开放监管看板');

    await page.screenshot({ path: path.join(projectRoot(), 'docs', 'dashboard.png') });
    expect(outside).toEqual([]);
    await page.close();
  });

  it('answers "why is this denied?" from the explain box', async () => {
    const page = await loopbackOnlyPage();
    await page.goto(dashboardUrl());
    await page.locator('select[name="demo-authority"]').selectOption(REGION.uscc);
    await page.locator('button[name="demo-sign-in"]').click();
    await page.locator('#dashboard[data-state="ready"]').waitFor({ timeout: 30_000 });
    await page.locator('.explain input[name="agency"]').fill(demoAgency('150100', Sector.HEALTH).uscc);
    await page.locator('.explain input[name="resource"]').fill(await resourceIdOf(stack, '150000-RK-0001'));
    await page.locator('.explain button[type="submit"]').click();
    await page.locator('.explain-output table').waitFor({ timeout: 10_000 });
    const text = await page.locator('.explain-output').innerText();
    expect(text).toContain('NO_GRANT');
    expect(text).toContain('004 art. 21 (1)');
    await page.close();
  });

  it('offers demo sign-in only outside production, with demo data, and needs a token for every number', async () => {
    expect((await fetch(stack.gateway.url.replace('/graphql', '/dashboard/demo-authorities'))).status).toBe(200);
    expect(demoSignInAllowed(stack.config)).toBe(true);
    expect(demoSignInAllowed({ ...stack.config, environment: 'production' })).toBe(false);
    expect(demoSignInAllowed({ ...stack.config, seedDemo: false })).toBe(false);
    const anonymous = (await (await fetch(stack.gateway.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ platforms { statistics { activeSuspensions } } }' }) })).json()) as any;
    expect(anonymous.errors.map((e: any) => e.extensions.code)).toContain('UNAUTHENTICATED');
  });
});
