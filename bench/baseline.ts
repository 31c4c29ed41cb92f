import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { projectRoot } from '../subgraphs/kernel/config';

const run = promisify(execFile);

/**
 * The platforms as they stood before the subgraph work of issue 17 (P7 compares subgraph CPU per
 * catalog page, new ÷ current, in one run): the last commit that landed before it. The catalog's
 * read path had not changed for issue 17 until then.
 */
export const P7_BASELINE = 'ba414cd';

/** Another commit's build, in a git worktree beside this checkout, sharing its node_modules. */
export interface BaselineBuild {
  revision: string;
  /** Its dist/, where its services' modules are. */
  distRoot: string;
  remove(): Promise<void>;
}

/**
 * Checks out `revision` into a temporary worktree and compiles it with this checkout's TypeScript and
 * dependencies. Refuses a revision whose package-lock.json differs: its services would run on
 * libraries other than its own, and the comparison would measure the difference.
 */
export async function buildBaseline(revision: string): Promise<BaselineBuild> {
  const root = projectRoot();
  const git = (...args: string[]) => run('git', ['-C', root, ...args], { maxBuffer: 64 * 1024 * 1024 });
  const { stdout: lock } = await git('show', `${revision}:package-lock.json`);
  if (lock !== readFileSync(path.join(root, 'package-lock.json'), 'utf8')) {
    throw new Error(`the baseline ${revision} locks other dependencies than this checkout; P7 compares code on the same libraries`);
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'platform-baseline-'));
  await git('worktree', 'add', '--detach', '--force', dir, revision);
  const remove = async () => {
    await git('worktree', 'remove', '--force', dir).catch(() => rmSync(dir, { recursive: true, force: true }));
  };
  try {
    symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
    await run(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], { cwd: dir, maxBuffer: 64 * 1024 * 1024 });
    const distRoot = path.join(dir, 'dist');
    if (!existsSync(path.join(distRoot, 'bench', 'subgraph-process.js'))) throw new Error(`the baseline ${revision} has no bench/subgraph-process.ts to start its platforms with`);
    return { revision, distRoot, remove };
  } catch (error) {
    await remove();
    throw error;
  }
}
