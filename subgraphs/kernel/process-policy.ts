/**
 * What every process of the platform does with a failure no code was there to handle.
 *
 * An unhandled rejection is a promise whose failure nobody awaited — work started ahead of need,
 * a background task. It is logged with its context and the process keeps serving: the failure
 * belongs to one piece of work, which records its own outcome (a reflow run FAILED with its reason),
 * while one level's outage must never take another level's platform down with it. The sync path
 * handles every rejection itself (kernel/sync/engine.ts); this is the net under the net.
 *
 * An uncaught exception escaped a callback synchronously: what state the process is in is unknown,
 * so it is logged and the process exits with code 1, for its supervisor to start it again.
 */
let installed = false;

export interface ProcessPolicyOptions {
  /** Names the process in each line (gateway, platform, reflow). */
  name: string;
  log?: (line: string) => void;
  exit?: (code: number) => void;
}

function describe(reason: unknown): { message: string; stack?: string } {
  if (reason instanceof Error) return { message: reason.message, stack: reason.stack };
  return { message: String(reason) };
}

export function installProcessPolicy({ name, log = (line) => console.error(line), exit = (code) => process.exit(code) }: ProcessPolicyOptions): void {
  if (installed) return;
  installed = true;
  process.on('unhandledRejection', (reason) => {
    log(JSON.stringify({ level: 'error', process: name, pid: process.pid, event: 'unhandledRejection', policy: 'logged; the process keeps serving', ...describe(reason) }));
  });
  process.on('uncaughtException', (error) => {
    log(JSON.stringify({ level: 'fatal', process: name, pid: process.pid, event: 'uncaughtException', policy: 'logged; the process exits', ...describe(error) }));
    exit(1);
  });
}
