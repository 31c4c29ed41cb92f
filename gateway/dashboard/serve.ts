import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { signToken } from '../../subgraphs/kernel/auth/jwt';
import type { PlatformConfig } from '../../subgraphs/kernel/config';
import type { Logger } from '../../subgraphs/kernel/observability';
import { DEMO_AGENCIES, Sector } from '../../subgraphs/modules/agency/demo-agencies';
import type { PageRoutes } from '../graphiql/serve';
import { bundlePage, DASHBOARD, PAGE_FILES, pageBundled, pageDir } from '../web/bundle';

/** The page loads its script and stylesheet from here and talks to /graphql; charts draw on canvas. */
const CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'";

const PAGE = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>公共数据监管看板 · Dashboard</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/dashboard/page.css">
</head>
<body>
<div id="dashboard">正在加载… Loading…</div>
<script src="/dashboard/page.js"></script>
</body>
</html>
`;

const TYPES: Record<string, string> = { 'page.js': 'text/javascript; charset=utf-8', 'page.css': 'text/css; charset=utf-8' };

/**
 * Signing in as a demo authority, for development and trials only: the demo registry exists
 * (SEED_DEMO), tokens are the HS256 development kind, and this is not production. Anywhere else the
 * page asks for a token from the identity provider.
 */
export const demoSignInAllowed = (config: Readonly<PlatformConfig>) => config.environment !== 'production' && config.seedDemo && config.jwt.algorithm === 'HS256';

const DEMO_AUTHORITIES = DEMO_AGENCIES.filter((agency) => agency.sector === Sector.DATA_AUTHORITY);

const json = (res: ServerResponse, status: number, body: unknown) =>
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }).end(JSON.stringify(body));

async function readJson(req: IncomingMessage): Promise<Record<string, unknown> | null> {
  let text = '';
  for await (const chunk of req) {
    text += chunk;
    if (text.length > 4096) return null;
  }
  try {
    const body = JSON.parse(text);
    return typeof body === 'object' && body !== null ? body : null;
  } catch {
    return null;
  }
}

/**
 * The region aggregation dashboard at `/dashboard` (issue 16): a page bundled from npm (ECharts),
 * whose numbers all come from the GraphQL API with the signed-in authority's token.
 */
export async function dashboardRoutes(config: Readonly<PlatformConfig>, log: Logger): Promise<PageRoutes | null> {
  if (!pageBundled(DASHBOARD)) {
    try {
      await bundlePage(DASHBOARD);
    } catch (error) {
      log.warn({ error: (error as Error).message }, 'the dashboard is not bundled (npm run build bundles it); serving none');
      return null;
    }
  }
  const files = new Map(PAGE_FILES.map((file) => [`/dashboard/${file}`, { type: TYPES[file], body: readFileSync(path.join(pageDir(DASHBOARD), file)) }]));
  const jwt = config.jwt;
  const secret = jwt.algorithm === 'HS256' ? jwt.secret : null;
  const demo = demoSignInAllowed(config) && secret !== null;
  return (pathname, req, res) => {
    if (pathname === '/dashboard' && req.method === 'GET') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': CONTENT_SECURITY_POLICY, 'x-content-type-options': 'nosniff' }).end(PAGE);
      return true;
    }
    const file = req.method === 'GET' ? files.get(pathname) : undefined;
    if (file) {
      res.writeHead(200, { 'content-type': file.type, 'cache-control': 'public, max-age=3600', 'x-content-type-options': 'nosniff' }).end(file.body);
      return true;
    }
    if (pathname === '/dashboard/demo-authorities' && req.method === 'GET') {
      json(res, demo ? 200 : 404, demo ? DEMO_AUTHORITIES.map(({ uscc, name, jurisdictionCode, level }) => ({ uscc, name, jurisdictionCode, level })) : { error: 'demo sign-in is off: sign in with a token' });
      return true;
    }
    if (pathname === '/dashboard/demo-token' && req.method === 'POST') {
      if (!demo) {
        json(res, 404, { error: 'demo sign-in is off: sign in with a token' });
        return true;
      }
      readJson(req)
        .then(async (body) => {
          const authority = DEMO_AUTHORITIES.find((agency) => agency.uscc === body?.uscc);
          if (!authority) return json(res, 400, { error: 'uscc: not a demo authority (GET /dashboard/demo-authorities)' });
          const token = await signToken({ sub: `dashboard-${authority.uscc}`, agency: authority.uscc, roles: ['AUTHORITY_REVIEWER'] }, secret!, { expiresIn: '8h', issuer: config.jwt.issuer, audience: config.jwt.audience });
          json(res, 200, { token });
        })
        .catch((error) => {
          log.error({ error: (error as Error).message }, 'demo sign-in failed');
          if (!res.headersSent) json(res, 500, { error: 'demo sign-in failed' });
        });
      return true;
    }
    return false;
  };
}
