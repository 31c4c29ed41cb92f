import cluster, { Worker } from 'node:cluster';
import { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * The gateway on every core: node:cluster workers, each a whole gateway (worker.ts), sharing one
 * listening port. The primary only hands new connections to the workers in turn (round-robin, so
 * keep-alive clients spread evenly) and replaces a worker that dies; it loads none of the gateway,
 * which keeps its memory small.
 */
export interface RunningGatewayCluster {
  url: string;
  workers: number;
  stop(): Promise<void>;
}

/**
 * GATEWAY_WORKERS, or when it is 0 (the default) one worker per core, less the cores kept for other
 * work on the same machine, and at least one.
 */
export const workerCount = (configured: number, coresKept = 0) => (configured > 0 ? configured : Math.max(1, os.availableParallelism() - coresKept));

/**
 * V8 flags of the workers: an old generation that grows by 25% between full collections, where V8
 * would let it grow to several times what is live, and a young generation (V8's default: 16 MB per
 * semi-space) of 8 MB shared out among the workers, 2 MB the least. Each worker holds its own heap:
 * under load one otherwise grows to ~200 MB of mostly garbage. A smaller young generation means more
 * frequent collections, so it is only as small as the workers' number requires; measured in
 * docs/performance.md (one worker: 8 MB costs 3.8 ms of CPU per catalog page and 175 MB, 4 MB 4.9 ms
 * and 166 MB).
 */
export const workerV8Flags = (workers: number) => [`--max-semi-space-size=${Math.max(2, Math.floor(8 / workers))}`, '--heap-growing-percent=25'];

const RESPAWN_DELAY_MS = 1000;

export async function startGatewayCluster(configuredWorkers: number, coresKept = 0): Promise<RunningGatewayCluster> {
  const count = workerCount(configuredWorkers, coresKept);
  const extension = path.extname(__filename);
  // Run from sources (ts-node), a worker must compile TypeScript too.
  const compiler = extension === '.ts' ? ['-r', 'ts-node/register/transpile-only'] : [];
  cluster.setupPrimary({ exec: path.join(__dirname, `worker${extension}`), execArgv: [...process.execArgv, ...compiler, ...workerV8Flags(count)] });

  let stopping = false;
  const workers = await Promise.all(Array.from({ length: count }, startWorker));
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    console.error(`gateway worker ${worker.process.pid} ended (${signal ?? `code ${code}`}); starting another`);
    setTimeout(() => {
      if (!stopping) startWorker().catch((error) => console.error(error.message));
    }, RESPAWN_DELAY_MS);
  });

  const { port } = workers[0];
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    workers: count,
    async stop() {
      stopping = true;
      await Promise.all(Object.values(cluster.workers ?? {}).map((worker) => stopWorker(worker!)));
    },
  };
}

function startWorker(): Promise<{ worker: Worker; port: number }> {
  return new Promise((resolve, reject) => {
    const worker = cluster.fork();
    const failed = (code: number) => reject(new Error(`gateway worker ${worker.process.pid} exited with code ${code} before it listened`));
    worker.once('exit', failed);
    worker.once('listening', (address: AddressInfo) => {
      worker.off('exit', failed);
      resolve({ worker, port: address.port });
    });
  });
}

function stopWorker(worker: Worker): Promise<void> {
  if (worker.isDead()) return Promise.resolve();
  return new Promise((resolve) => {
    worker.once('exit', () => resolve());
    worker.process.kill('SIGTERM');
  });
}
