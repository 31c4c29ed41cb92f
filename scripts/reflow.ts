import '../gateway/no-phone-home';
import 'reflect-metadata';
import { progressPrinter } from '../subgraphs/kernel/sync/progress-printer';
import { ReflowRunState, ReflowRunTrigger } from '../subgraphs/modules/reflow/enums';
import { runSubscription } from '../subgraphs/modules/reflow/target/runner';
import { withReceivingPlatform } from './reflow-target';
import { installProcessPolicy } from '../subgraphs/kernel/process-policy';

/**
 * `npm run reflow -- <subscriptionId>`: one run of a reflow or aggregation subscription, from the
 * receiving platform's database and the source's API, with progress on stderr (a bar on a
 * terminal, a line per batch otherwise). Ctrl-C stops after the current batch; the next run
 * resumes there. Exits 1 when the run fails.
 */
async function main() {
  installProcessPolicy({ name: 'reflow' });
  const subscriptionId = process.argv[2];
  const stop = new AbortController();
  process.once('SIGINT', () => stop.abort());
  const run = await withReceivingPlatform(subscriptionId, 'npm run reflow -- <subscriptionId>', (platform, id) => {
    const printer = progressPrinter(`reflow ${id}`);
    return runSubscription(platform, id, { trigger: ReflowRunTrigger.COMMAND, signal: stop.signal, onProgress: printer.update, onNote: printer.note }).finally(printer.done);
  });
  const seconds = run.startedAt && run.finishedAt ? (run.finishedAt.getTime() - run.startedAt.getTime()) / 1000 : 0;
  const summary = `run ${run.id} ${run.state}: ${run.rowsRead} read, ${run.rowsWritten} written, ${run.rowsDeleted} deleted in ${seconds.toFixed(1)} s (${run.rate} rows/s)`;
  if (run.state === ReflowRunState.SUCCEEDED) return console.log(summary);
  // Both lines on one stream, so that the reason is always the last line a reader (or a log) sees.
  console.error(summary);
  console.error(`run failed: ${run.error}`);
  process.exit(1);
}

main().catch((error) => {
  console.error(error.message ?? error);
  process.exit(2);
});
