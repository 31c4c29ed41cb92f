import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

/**
 * `node dist/bench/profile-summary.js <file.cpuprofile> [--skip 10] [--top 25]`: where a process spent
 * its busy time (idle left out), by package and by function (self time), from a `node --cpu-prof`
 * profile. `--skip` leaves out the first seconds (start-up) so that only the time under load counts.
 */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}


/** The package a script belongs to: a node_modules package, a project file under dist/, or a Node internal. */
export function origin(url: string): string {
  const dependency = /node_modules\/((@[^/]+\/)?[^/]+)/.exec(url);
  if (dependency) return dependency[1];
  if (url.includes('/dist/')) return `project ${url.slice(url.indexOf('/dist/') + 6)}`;
  if (url.startsWith('node:')) return 'node';
  return url ? url : '(native)';
}

export function summarise(profile: CpuProfile, skipSeconds: number) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfMicros = new Map<number, number>();
  let elapsed = 0;
  profile.samples.forEach((id, i) => {
    elapsed += profile.timeDeltas[i];
    if (elapsed >= skipSeconds * 1e6) selfMicros.set(id, (selfMicros.get(id) ?? 0) + profile.timeDeltas[i]);
  });
  const byPackage = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let busy = 0;
  for (const [id, micros] of selfMicros) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    if (functionName === '(idle)') continue;
    busy += micros;
    const where = origin(url);
    byPackage.set(where, (byPackage.get(where) ?? 0) + micros);
    const name = `${functionName || '(anonymous)'} (${where}${url ? `:${lineNumber + 1}` : ''})`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + micros);
  }
  const ranked = (totals: Map<string, number>) => [...totals].sort((a, b) => b[1] - a[1]).map(([name, micros]) => ({ name, share: micros / busy }));
  return { busyMs: busy / 1000, packages: ranked(byPackage), functions: ranked(byFunction) };
}

function main() {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { skip: { type: 'string', default: '0' }, top: { type: 'string', default: '25' } } });
  if (positionals.length !== 1) throw new Error('usage: profile-summary <file.cpuprofile> [--skip seconds] [--top n]');
  const summary = summarise(JSON.parse(readFileSync(positionals[0], 'utf8')), Number(values.skip));
  const top = Number(values.top);
  const percent = (share: number) => `${(share * 100).toFixed(1).padStart(5)}%`;
  console.log(`busy ${summary.busyMs.toFixed(0)} ms\n\nby package (self time):`);
  for (const { name, share } of summary.packages.slice(0, top)) console.log(`${percent(share)}  ${name}`);
  console.log('\nby function (self time):');
  for (const { name, share } of summary.functions.slice(0, top)) console.log(`${percent(share)}  ${name}`);
}

if (require.main === module) main();
