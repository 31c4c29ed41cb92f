import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { projectRoot } from '../../subgraphs/kernel/config';
import type { Logger } from '../../subgraphs/kernel/observability';
import { bundlePage, GRAPHIQL, PAGE_FILES, pageBundled, pageDir } from '../web/bundle';

/** What a browser may load on the page: this gateway and inline data, nothing else. */
const CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; font-src data:; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'";

const PAGE = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>GraphiQL · 公共数据平台网关</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/graphiql/page.css">
<style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
<div id="graphiql">Loading GraphiQL…</div>
<script src="/graphiql/page.js"></script>
</body>
</html>
`;

const TYPES: Record<string, string> = { 'page.js': 'text/javascript; charset=utf-8', 'page.css': 'text/css; charset=utf-8' };

export type PageRoutes = (pathname: string, req: IncomingMessage, res: ServerResponse) => boolean;

/**
 * GraphiQL at the gateway, from assets bundled from npm: `GET /graphql` (or `/`) from a browser gets
 * the page; the page loads its script, stylesheet and the client schema from here, and sends its
 * queries with the token typed into its Headers tab. Nothing of it needs a token: it holds no data.
 */
export async function graphiqlRoutes(log: Logger): Promise<PageRoutes | null> {
  if (!pageBundled(GRAPHIQL)) {
    try {
      await bundlePage(GRAPHIQL);
    } catch (error) {
      log.warn({ error: (error as Error).message }, 'GraphiQL is not bundled (npm run build bundles it); serving none');
      return null;
    }
  }
  const files = new Map(PAGE_FILES.map((file) => [`/graphiql/${file}`, { type: TYPES[file], body: readFileSync(path.join(pageDir(GRAPHIQL), file)) }]));
  files.set('/graphiql/schema.graphql', { type: 'text/plain; charset=utf-8', body: readFileSync(path.join(projectRoot(), 'schema', 'public.graphql')) });
  return (pathname, req, res) => {
    if (req.method !== 'GET') return false;
    const file = files.get(pathname);
    if (file) {
      res.writeHead(200, { 'content-type': file.type, 'cache-control': 'public, max-age=3600', 'x-content-type-options': 'nosniff' }).end(file.body);
      return true;
    }
    if ((pathname === '/graphql' || pathname === '/') && (req.headers.accept ?? '').includes('text/html')) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': CONTENT_SECURITY_POLICY, 'x-content-type-options': 'nosniff' }).end(PAGE);
      return true;
    }
    return false;
  };
}
