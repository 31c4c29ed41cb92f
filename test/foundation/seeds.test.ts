import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { loadConfig } from '../../subgraphs/kernel/config';
import { dropMysqlDatabase } from '../../subgraphs/kernel/db/data-source';
import { LEVELS } from '../../subgraphs/kernel/levels';
import { startSubgraph } from '../../subgraphs/kernel/server/subgraph-server';
import { LEVEL_DEFINITIONS } from '../../subgraphs/levels';
import { Agency } from '../../subgraphs/modules/agency/agency.entity';
import { CatalogResourceRow } from '../../subgraphs/modules/catalog/resource.entity';
import { Jurisdiction } from '../../subgraphs/modules/jurisdiction/jurisdiction.entity';
import { PersonRow } from '../../subgraphs/modules/records/record.entities';

// Issue 14: production starts with the division registry and nothing invented; demo data comes only
// in development, with SEED_DEMO=true, or from `npm run seed`.
const ROOT = path.join(__dirname, '..', '..');
const env: Record<string, string> = {
  NODE_ENV: 'production',
  JWT_SECRET: 'seeds-test-jwt-secret-0123456789abcdefgh',
  GATEWAY_SIGNING_SECRET: 'seeds-test-signing-secret-0123456789abcd',
  SERVICE_TOKEN_SECRET: 'seeds-test-service-secret-0123456789abcd',
  DATABASE_PREFIX: `seed${process.pid}_`,
  REGION_PORT: '0',
  REFLOW_SCHEDULER: 'false',
  LOG_LEVEL: 'silent',
};
let sqliteDir: string | undefined;

beforeAll(() => {
  if (!process.env.DATABASE_URL) env.SQLITE_DIR = sqliteDir = mkdtempSync(path.join(os.tmpdir(), 'platform-seeds-'));
});
afterAll(async () => {
  if (sqliteDir) rmSync(sqliteDir, { recursive: true, force: true });
  else await Promise.all(LEVELS.map((level) => dropMysqlDatabase(loadConfig({ ...process.env, ...env }).subgraphs[level].database)));
});

async function regionCounts() {
  const region = await startSubgraph(LEVEL_DEFINITIONS.REGION, loadConfig({ ...process.env, ...env }));
  try {
    return {
      divisions: await region.db.getRepository(Jurisdiction).count(),
      agencies: await region.db.getRepository(Agency).count(),
      resources: await region.db.getRepository(CatalogResourceRow).count(),
      persons: await region.db.getRepository(PersonRow).count(),
    };
  } finally {
    await region.stop();
  }
}

describe('seeds are explicit', () => {
  it('starts production on an empty database with the division registry and no demo data', async () => {
    expect(loadConfig({ ...process.env, ...env }).seedDemo).toBe(false);
    expect(await regionCounts()).toEqual({ divisions: expect.any(Number), agencies: 0, resources: 0, persons: 0 });
    expect((await regionCounts()).divisions).toBeGreaterThan(100);
  });

  it('seeds the demo data into the configured databases with npm run seed, once however often it runs', async () => {
    const seed = () => promisify(execFile)(path.join(ROOT, 'node_modules', '.bin', 'ts-node'), ['--transpile-only', 'scripts/seed.ts'], { cwd: ROOT, env: { ...process.env, ...env } });
    expect((await seed()).stdout).toContain('region platform: demo data in place');
    const seeded = await regionCounts();
    expect(seeded.agencies).toBeGreaterThan(0);
    expect(seeded.resources).toBeGreaterThan(0);
    expect(seeded.persons).toBeGreaterThan(0);
    await seed();
    expect(await regionCounts()).toEqual(seeded);
  });

  it('is on by default outside production, and on in production only when asked', () => {
    expect(loadConfig({ NODE_ENV: 'development' }).seedDemo).toBe(true);
    expect(loadConfig({ ...env, SEED_DEMO: 'true' }).seedDemo).toBe(true);
  });
});
