import { createServer, Server } from 'node:http';
import { chromium, Browser, Page } from 'playwright-core';
import { closeServer, listen } from '../../subgraphs/kernel/server/http';
import { demoAgency, Sector } from '../../subgraphs/modules/agency/demo-agencies';
import { startTestStack, TestStack } from '../support/stack';

// Issue 14: a browser uses the gateway — GraphiQL from assets bundled from npm, with nothing fetched
// beyond this machine, and fetches from allowed origins only (CORS). Debian's Chromium, driven by
// playwright-core; .ci/run installs it.
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

let stack: TestStack;
let browser: Browser;
/** A page of a web application on another origin, which the gateway allows (and one it does not). */
let allowedSite: Server;
let otherSite: Server;
let allowedOrigin: string;
let otherOrigin: string;
const outside: string[] = [];

const site = () => createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>site</title>'));

beforeAll(async () => {
  allowedSite = site();
  otherSite = site();
  allowedOrigin = `http://127.0.0.1:${await listen(allowedSite, 0, '127.0.0.1')}`;
  otherOrigin = `http://127.0.0.1:${await listen(otherSite, 0, '127.0.0.1')}`;
  stack = await startTestStack({ CORS_ORIGINS: allowedOrigin });
  // The browser is the client: it keeps the real clock even when a test run fakes the platforms' day
  // with libfaketime (whose preload stalls Chromium's page loads).
  const browserEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'LD_PRELOAD' && !name.startsWith('FAKETIME')));
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'], env: browserEnv as Record<string, string> });
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
  await Promise.all([allowedSite, otherSite].filter(Boolean).map(closeServer));
});

/** A page whose every request beyond loopback is refused and recorded. */
async function loopbackOnlyPage(): Promise<Page> {
  const page = await browser.newPage();
  await page.route('**/*', (route) => {
    const host = new URL(route.request().url()).hostname;
    if (host === '127.0.0.1' || host === 'localhost') return route.continue();
    outside.push(route.request().url());
    return route.abort();
  });
  return page;
}

describe('GraphiQL at the gateway', () => {
  it('runs a query with a token from the Headers tab and shows the answer, fetching nothing beyond this machine', async () => {
    const token = await stack.token(demoAgency('150102', Sector.HEALTH));
    const page = await loopbackOnlyPage();
    const query = '{ viewer { level jurisdiction { code } } }';
    const url = `${stack.gateway.url}?query=${encodeURIComponent(query)}&headers=${encodeURIComponent(JSON.stringify({ Authorization: `Bearer ${token}` }))}`;
    const response = await page.goto(url);
    expect(response!.headers()['content-type']).toMatch(/^text\/html/);
    expect(response!.headers()['content-security-policy']).toContain("connect-src 'self'");
    await page.locator('.graphiql-execute-button').click();
    await page.locator('.result-window').getByText('"COUNTY"').waitFor({ timeout: 20_000 });
    const result = await page.locator('.result-window').innerText();
    expect(result).toContain('"level": "COUNTY"');
    expect(result).toContain('"code": "150102"');
    expect(outside).toEqual([]);
    await page.close();
  });

  it('serves the page without a token, and nothing else without one', async () => {
    const page = await (await fetch(stack.gateway.url, { headers: { accept: 'text/html' } })).text();
    expect(page).toContain('<script src="/graphiql/page.js"></script>');
    expect(page).not.toMatch(/(src|href)="https?:/);
    const anonymous = (await (await fetch(stack.gateway.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ viewer { level } }"}' })).json()) as any;
    expect(anonymous.data).toBeNull();
    expect(anonymous.errors.map((e: any) => e.extensions.code)).toEqual(['UNAUTHENTICATED']);
  });
});

describe('a web application in the browser', () => {
  const callGateway = (page: Page, token: string) =>
    page.evaluate(
      async ([url, bearer]) => {
        try {
          const answer = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` }, body: '{"query":"{ viewer { level } }"}' });
          return `${answer.status} ${await answer.text()}`;
        } catch {
          return 'blocked';
        }
      },
      [stack.gateway.url, token] as const,
    );

  it('reads the gateway from an allowed origin, and is refused from another', async () => {
    const token = await stack.token(demoAgency('150102', Sector.HEALTH));
    const page = await loopbackOnlyPage();
    await page.goto(allowedOrigin);
    expect(await callGateway(page, token)).toBe('200 {"data":{"viewer":{"level":"COUNTY"}}}\n');
    await page.goto(otherOrigin);
    expect(await callGateway(page, token)).toBe('blocked');
    await page.close();
  });
});
