import { ChildProcess, fork } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { randomUUID } from 'node:crypto';
import path from 'node:path';

/**
 * Child processes of the benchmark. Every service runs in its own process so that CPU and memory
 * are per process, exactly as in production; output goes to a log file per process.
 */
export interface ChildService {
  name: string;
  pid: number;
  logFile: string;
  /** Asks the child to do something and waits for its answer (see the IPC protocol in subgraph-process.ts). */
  call<T>(command: string, payload?: unknown): Promise<T>;
  stop(): Promise<void>;
}

export interface StartOptions {
  name: string;
  /** A compiled module under dist/, e.g. 'gateway/main.js'. */
  module: string;
  /** Whose dist/: this checkout's (the default) or another build's, such as P7's baseline. */
  distRoot?: string;
  args?: string[];
  env: NodeJS.ProcessEnv;
  execArgv?: string[];
  logDir: string;
  /** Resolves true once the service answers; polled until it does. */
  ready: () => Promise<boolean>;
  readyTimeoutMs?: number;
}

/** The compiled project root (dist/), whichever compiled bench file this is. */
export const DIST_ROOT = path.resolve(__dirname, '..');

export async function startService(options: StartOptions): Promise<ChildService> {
  const logFile = path.join(options.logDir, `${options.name}.log`);
  const log = createWriteStream(logFile);
  const child = fork(path.join(options.distRoot ?? DIST_ROOT, options.module), options.args ?? [], {
    env: options.env,
    execArgv: options.execArgv ?? [],
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    serialization: 'advanced',
  });
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const pending = new Map<string, { resolve: (value: any) => void; reject: (error: Error) => void }>();
  child.on('message', (message: { id: string; result?: unknown; error?: string }) => {
    const waiting = pending.get(message.id);
    if (!waiting) return;
    pending.delete(message.id);
    if (message.error) waiting.reject(new Error(`${options.name}: ${message.error}`));
    else waiting.resolve(message.result);
  });
  exited.then((code) => {
    for (const waiting of pending.values()) waiting.reject(new Error(`${options.name} exited with code ${code}; see ${logFile}`));
    pending.clear();
  });

  await waitUntilReady(options, exited, logFile);
  return {
    name: options.name,
    pid: child.pid!,
    logFile,
    call<T>(command: string, payload?: unknown) {
      const id = randomUUID();
      return new Promise<T>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        child.send({ id, command, payload });
      });
    },
    stop: () => stopChild(child, exited),
  };
}

async function waitUntilReady(options: StartOptions, exited: Promise<number | null>, logFile: string) {
  const deadline = Date.now() + (options.readyTimeoutMs ?? 120_000);
  let exitCode: number | null | undefined;
  exited.then((code) => (exitCode = code ?? -1));
  while (Date.now() < deadline) {
    if (exitCode !== undefined) throw new Error(`${options.name} exited with code ${exitCode} before it was ready; see ${logFile}`);
    if (await options.ready().catch(() => false)) return;
    await sleep(250);
  }
  throw new Error(`${options.name} was not ready within ${options.readyTimeoutMs ?? 120_000} ms; see ${logFile}`);
}

async function stopChild(child: ChildProcess, exited: Promise<number | null>) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const stopped = await Promise.race([exited.then(() => true), sleep(10_000).then(() => false)]);
  if (!stopped) {
    child.kill('SIGKILL');
    await exited;
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
