import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../subgraphs/kernel/config';

/** Where the bundled GraphiQL page lives: built by `npm run build`, or on first use in development. */
export const GRAPHIQL_DIR = path.join(projectRoot(), 'dist', 'graphiql');
export const GRAPHIQL_FILES = ['page.js', 'page.css'] as const;

export const graphiqlBundled = () => GRAPHIQL_FILES.every((file) => existsSync(path.join(GRAPHIQL_DIR, file)));

/**
 * Bundles GraphiQL (React, CodeMirror, the graphql-js build) from node_modules into one script and one
 * stylesheet: a government network has no internet, so no CDN. esbuild is a development dependency —
 * the production image carries the bundle built in its build stage.
 */
export async function bundleGraphiql(): Promise<void> {
  const esbuild = await import('esbuild');
  mkdirSync(GRAPHIQL_DIR, { recursive: true });
  // Built aside and renamed into place: gateways starting side by side never read a half-written file.
  const building = mkdtempSync(path.join(GRAPHIQL_DIR, '.building-'));
  await esbuild.build({
    entryPoints: { page: path.join(projectRoot(), 'gateway', 'graphiql', 'page.browser.ts') },
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2020',
    outdir: building,
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'error',
  });
  for (const file of GRAPHIQL_FILES) renameSync(path.join(building, file), path.join(GRAPHIQL_DIR, file));
  rmSync(building, { recursive: true, force: true });
}

if (require.main === module) {
  bundleGraphiql().catch((error) => {
    console.error(error.message ?? error);
    process.exit(1);
  });
}
