import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../subgraphs/kernel/config';

/**
 * A browser page the gateway serves from assets bundled from npm: a government network has no
 * internet, so no CDN. Built by `npm run build`, or on first use in development; esbuild is a
 * development dependency — the production image carries the bundle built in its build stage.
 */
export interface WebPage {
  name: 'graphiql' | 'dashboard';
  /** The page's browser entry, relative to the project root. */
  entry: string;
}

export const GRAPHIQL: WebPage = { name: 'graphiql', entry: 'gateway/graphiql/page.browser.ts' };
export const DASHBOARD: WebPage = { name: 'dashboard', entry: 'gateway/dashboard/page.browser.ts' };

/** Each page is one script and one stylesheet. */
export const PAGE_FILES = ['page.js', 'page.css'] as const;

export const pageDir = (page: WebPage) => path.join(projectRoot(), 'dist', page.name);
export const pageBundled = (page: WebPage) => PAGE_FILES.every((file) => existsSync(path.join(pageDir(page), file)));

export async function bundlePage(page: WebPage): Promise<void> {
  const esbuild = await import('esbuild');
  const dir = pageDir(page);
  mkdirSync(dir, { recursive: true });
  // Built aside and renamed into place: gateways starting side by side never read a half-written file.
  const building = mkdtempSync(path.join(dir, '.building-'));
  await esbuild.build({
    entryPoints: { page: path.join(projectRoot(), page.entry) },
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2020',
    outdir: building,
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'error',
  });
  for (const file of PAGE_FILES) renameSync(path.join(building, file), path.join(dir, file));
  rmSync(building, { recursive: true, force: true });
}

if (require.main === module) {
  Promise.all([bundlePage(GRAPHIQL), bundlePage(DASHBOARD)]).catch((error) => {
    console.error(error.message ?? error);
    process.exit(1);
  });
}
