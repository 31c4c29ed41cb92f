import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { startStack } from '../../scripts/stack';
import { loadConfig } from '../../subgraphs/kernel/config';
import { LEVELS } from '../../subgraphs/kernel/levels';
import { closeServer, freePort, listen } from '../../subgraphs/kernel/server/http';

// A platform that cannot start must not leave half of itself running: when the gateway's port is
// taken, the level platforms already started are stopped again and their ports are free.
const canListen = async (port: number) => {
  const probe = createServer();
  try {
    await listen(probe, port, '127.0.0.1');
    return true;
  } catch {
    return false;
  } finally {
    await closeServer(probe);
  }
};

describe('a stack that cannot start', () => {
  it('fails with the taken port and stops the level platforms it had started', async () => {
    const taken = createServer();
    const gatewayPort = await listen(taken, await freePort(), '127.0.0.1');
    const levelPorts = await Promise.all(LEVELS.map(() => freePort()));
    const env: Record<string, string> = { NODE_ENV: 'test', DATABASE_PREFIX: `sf${process.pid}_`, GATEWAY_PORT: String(gatewayPort) };
    if (!process.env.DATABASE_URL) env.SQLITE_DIR = mkdtempSync(path.join(os.tmpdir(), 'platform-test-'));
    LEVELS.forEach((level, i) => (env[`${level}_PORT`] = String(levelPorts[i])));
    try {
      await expect(startStack(loadConfig({ ...process.env, ...env }))).rejects.toThrow(/EADDRINUSE/);
      for (const port of levelPorts) expect(await canListen(port)).toBe(true);
    } finally {
      await closeServer(taken);
    }
  });
});
