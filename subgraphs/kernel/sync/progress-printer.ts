import { SyncProgress } from './types';

const BAR_WIDTH = 30;

function describe(progress: SyncProgress): string {
  const done = progress.read;
  const counts = `${done} read, ${progress.written} written, ${progress.deleted} deleted, ${progress.rate} rows/s, page ${progress.pages}`;
  return progress.total ? `${done}/${progress.total} rows (${counts})` : counts;
}

function bar(progress: SyncProgress): string {
  if (!progress.total) return '';
  const share = Math.min(1, progress.read / progress.total);
  const filled = Math.round(share * BAR_WIDTH);
  return `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${String(Math.round(share * 100)).padStart(3)}% `;
}

/**
 * Progress of a pull on a terminal: a bar redrawn in place when the stream is a TTY, one plain line
 * per batch otherwise (logs, CI, a parent process reading the output).
 */
export function progressPrinter(label: string, stream: NodeJS.WriteStream = process.stderr) {
  const interactive = Boolean(stream.isTTY);
  let drawn = false;
  const clear = () => {
    if (drawn) stream.write('\r\x1b[K');
    drawn = false;
  };
  return {
    update(progress: SyncProgress) {
      if (interactive) {
        clear();
        stream.write(`${label} ${bar(progress)}${describe(progress)}`);
        drawn = true;
      } else {
        stream.write(`${label} ${describe(progress)}\n`);
      }
    },
    /** A line of its own (warnings, events), kept above the bar. */
    note(line: string) {
      clear();
      stream.write(`${line}\n`);
    },
    done() {
      if (drawn) stream.write('\n');
      drawn = false;
    },
  };
}
