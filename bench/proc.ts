import { readdirSync, readFileSync } from 'node:fs';

/**
 * Resident memory and CPU time of a process and everything it started (a cluster primary and its
 * workers), read from /proc: the benchmark runs on Linux.
 */
export function treeRssBytes(rootPid: number): number {
  return processTree(rootPid).reduce((sum, pid) => sum + rssBytes(pid), 0);
}

/** /proc reports CPU time in USER_HZ, which Linux fixes at 100 per second for user space. */
const MS_PER_TICK = 10;

/** User plus system CPU time used so far by the processes of these trees, in milliseconds. */
export function treeCpuMs(rootPids: number[]): number {
  return rootPids.flatMap((pid) => processTree(pid)).reduce((sum, pid) => sum + cpuTicks(pid) * MS_PER_TICK, 0);
}

export function processTree(rootPid: number): number[] {
  const childrenOf = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const parent = parentPid(Number(entry));
    if (parent === null) continue;
    childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), Number(entry)]);
  }
  const tree: number[] = [];
  const visit = (pid: number) => {
    tree.push(pid);
    for (const child of childrenOf.get(pid) ?? []) visit(child);
  };
  visit(rootPid);
  return tree;
}

/** Fields of /proc/<pid>/stat after the command name (which may contain spaces and parentheses): state is [0]. */
function statFields(pid: number): string[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null; // the process ended while the list was read
  }
}

function parentPid(pid: number): number | null {
  const fields = statFields(pid);
  return fields ? Number(fields[1]) : null;
}

/** utime + stime (fields 14 and 15 of stat, [11] and [12] after the command name). */
function cpuTicks(pid: number): number {
  const fields = statFields(pid);
  return fields ? Number(fields[11]) + Number(fields[12]) : 0;
}

function rssBytes(pid: number): number {
  try {
    const kib = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kib ? Number(kib) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** Samples a process tree's RSS at an interval until stopped; reports the peak. */
export function sampleTreeRss(rootPid: number, intervalMs = 200): { stop(): { peakBytes: number; samples: number } } {
  let peakBytes = 0;
  let samples = 0;
  const take = () => {
    peakBytes = Math.max(peakBytes, treeRssBytes(rootPid));
    samples++;
  };
  take();
  const timer = setInterval(take, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      take();
      return { peakBytes, samples };
    },
  };
}

export const megabytes = (bytes: number) => bytes / (1024 * 1024);
