import { hostname } from 'node:os';
import { DataSource, In, IsNull } from 'typeorm';
import { conflict } from '../../../kernel/errors';
import { SyncPosition } from '../../../kernel/sync/types';
import { ReflowRunState } from '../enums';
import { ReflowRun, ReflowWatermark } from '../run.entity';

/** A RUNNING run on another host whose batches stopped this long ago is taken to be dead. */
const STALE_AFTER_MS = 5 * 60_000;

export const processOwner = () => `${hostname()}:${process.pid}`;

function processIsGone(pid: number): boolean {
  try {
    process.kill(pid, 0); // signal 0 only asks whether the process exists
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/** A killed process leaves its run RUNNING; on this host we can tell, elsewhere the heartbeat tells. */
function abandoned(run: ReflowRun, now: Date): boolean {
  const separator = run.owner.lastIndexOf(':');
  const [host, pid] = [run.owner.slice(0, separator), Number(run.owner.slice(separator + 1))];
  if (host === hostname() && Number.isInteger(pid) && processIsGone(pid)) return true;
  const lastSign = run.heartbeatAt ?? run.startedAt ?? run.queuedAt;
  return now.getTime() - lastSign.getTime() > STALE_AFTER_MS;
}

/**
 * Makes `run` the one run of its subscription (taking over from a dead one) and returns where it
 * starts: the watermark of the last committed batch. Every batch then stores its watermark only
 * while the run still holds the lease, so two runs can never interleave batches.
 */
export async function acquireLease(db: DataSource, run: ReflowRun, onNote?: (line: string) => void): Promise<SyncPosition> {
  const now = new Date();
  return db.transaction(async (m) => {
    await m.createQueryBuilder().insert().into(ReflowWatermark).values({ subscriptionId: run.subscriptionId }).orIgnore().execute();
    const state = await m.findOneByOrFail(ReflowWatermark, { subscriptionId: run.subscriptionId });
    const holder = state.leaseRunId ? await m.findOneBy(ReflowRun, { id: state.leaseRunId }) : null;
    if (holder?.state === ReflowRunState.RUNNING) {
      if (!abandoned(holder, now)) throw conflict(`run ${holder.id} (${holder.owner}) is running subscription ${run.subscriptionId}`, { runId: holder.id });
      await m.update(ReflowRun, { id: holder.id, state: ReflowRunState.RUNNING }, {
        state: ReflowRunState.FAILED,
        error: 'abandoned: its process ended without finishing; a later run resumed from its last committed batch',
        finishedAt: now,
      });
      onNote?.(`run ${holder.id} was abandoned by ${holder.owner}; resuming from its last committed batch`);
    }
    const taken = await m.update(ReflowWatermark, { subscriptionId: run.subscriptionId, leaseRunId: state.leaseRunId ?? IsNull() }, { leaseRunId: run.id });
    if (!taken.affected) throw conflict(`another run took subscription ${run.subscriptionId} at the same moment`);
    await m.update(ReflowRun, { id: run.id }, { state: ReflowRunState.RUNNING, startedAt: now, heartbeatAt: now });
    const watermark = state.afterUpdatedAt && state.afterKey ? { updatedAt: state.afterUpdatedAt.toISOString(), key: state.afterKey } : null;
    return { watermark, shape: state.shape };
  });
}

/** Ends the run and gives the subscription back, in one transaction. */
export async function finishRun(db: DataSource, run: ReflowRun, state: ReflowRunState.SUCCEEDED | ReflowRunState.FAILED, error: string | null): Promise<void> {
  await db.transaction(async (m) => {
    // A run a cancellation already ended keeps the reason it was given.
    await m.update(ReflowRun, { id: run.id, state: In([ReflowRunState.QUEUED, ReflowRunState.RUNNING]) }, { state, error, finishedAt: new Date() });
    await m.update(ReflowWatermark, { subscriptionId: run.subscriptionId, leaseRunId: run.id }, { leaseRunId: null });
  });
}
