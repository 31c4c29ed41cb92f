import { spawnSync } from 'node:child_process';
import path from 'node:path';

// Issue 18: every service process has one policy for failures no code handled (kernel/process-policy.ts).
const probe = (failure: 'rejection' | 'exception') =>
  spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', path.join(__dirname, 'fixtures', 'process-policy-child.ts'), failure], { encoding: 'utf8', timeout: 30_000 });

describe('the process policy', () => {
  it('logs an unhandled rejection with its context and keeps serving', () => {
    const { status, stdout, stderr } = probe('rejection');
    expect(status).toBe(0);
    expect(stdout).toContain('still serving');
    expect(JSON.parse(stderr.trim())).toMatchObject({ level: 'error', process: 'probe', event: 'unhandledRejection', message: 'the source platform did not answer', policy: expect.stringMatching(/keeps serving/) });
  });

  it('logs an uncaught exception and exits 1: the process state is unknown', () => {
    const { status, stdout, stderr } = probe('exception');
    expect(status).toBe(1);
    expect(stdout).not.toContain('still serving');
    expect(JSON.parse(stderr.trim())).toMatchObject({ level: 'fatal', process: 'probe', event: 'uncaughtException', message: 'state unknown' });
  });
});
