import { PersonRow } from '../../subgraphs/modules/records/record.entities';
import { closeReflowBench, emptyTarget, openReflowBench, RAW_ROWS_PER_STATEMENT, reflowedRows, rowsPerSecond, timedRawInsert, timedReflow, TimedWrite } from '../reflow-measure';
import { formatNumber, MeasuredScenario, ratio } from '../report';
import { interleaving } from '../rounds';
import { BenchContext, BenchSettings, Scenario } from '../scenario';

/** P5's own option (`--reflow-rows`): persons generated at the source, on top of the region's demo seeds. */
export interface ReflowRowsSetting {
  reflowRows: number;
}

/** Enough rows for pages to dominate the run's fixed costs, few enough that P5 stays well under a minute on two cores. */
export const DEFAULT_REFLOW_ROWS = 30_000;

const GOAL = { label: 'rows/s ratio', comparison: '>=' as const, target: 0.7, targetText: '0.7x' };
const REFLOW = 0;
const RAW = 1;
const SIDE_LABELS = ['reflow', 'raw INSERT'];

const personsToGenerate = (settings: BenchSettings) => (settings as BenchSettings & Partial<ReflowRowsSetting>).reflowRows ?? DEFAULT_REFLOW_ROWS;
const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

/**
 * P5: reflow rows/s against a raw multi-row INSERT of the same rows into the same emptied table, on
 * the benchmark's database (its SQLite folder, or MariaDB/MySQL when DATABASE_URL is set) but in
 * databases of its own: a region platform of its own is the source, so the stack's data stays as the
 * other scenarios expect it. Each reflow round pulls a new one-off subscription; the raw rounds write
 * the rows the first reflow round stored. Sides alternate like the load scenarios' (reflow first: it
 * produces the rows), after one unmeasured round of each, and each side's figure is the mean of its
 * rounds' rates.
 */
export const reflowVersusRawInsert: Scenario = {
  ids: ['P5'],
  async run(context: BenchContext) {
    const { stack, settings } = context;
    const bench = await openReflowBench(stack.env, `${stack.env.DATABASE_PREFIX ?? ''}reflow_`, personsToGenerate(settings), stack.execArgv);
    try {
      let rows: PersonRow[] = [];
      const write = async (side: number): Promise<TimedWrite> => {
        await emptyTarget(bench);
        if (side === RAW) return timedRawInsert(bench, rows);
        const reflow = await timedReflow(bench);
        if (rows.length === 0) rows = await reflowedRows(bench, reflow.subscriptionId);
        return reflow;
      };
      const report = (label: string, side: number, timed: TimedWrite) =>
        context.log(`  ${label}${SIDE_LABELS[side]}: ${formatNumber(rowsPerSecond(timed), 0)} rows/s (${timed.rows} rows in ${formatNumber(timed.ms / 1000, 2)} s)`);
      // Like the load scenarios' warm-up: a round of each side first, unmeasured, so that neither
      // side's figure includes compiling its code (the reflow's first round runs ~30 % slower).
      if (settings.warmupSeconds > 0) for (const side of [REFLOW, RAW]) report('warm-up, ', side, await write(side));
      const rounds: TimedWrite[][] = [[], []];
      for (const side of interleaving(settings.rounds, 2)) {
        const measured = await write(side);
        rounds[side].push(measured);
        report('', side, measured);
      }
      return [figures(rounds, bench.config.reflow.pageSize)];
    } finally {
      await closeReflowBench(bench);
    }
  },
};

function figures(rounds: TimedWrite[][], pageSize: number): MeasuredScenario {
  const [reflow, raw] = rounds.map((side) => mean(side.map(rowsPerSecond)));
  const rows = rounds[REFLOW][0].rows;
  // Both sides cut a page into statements of the same size (the upsert's and ours are 1 000 rows).
  const rowsPerStatement = Math.min(pageSize, RAW_ROWS_PER_STATEMENT);
  const measured = ratio(reflow, raw);
  return {
    id: 'P5',
    title: `reflow of ${rows} person rows (region → city: streamed over HTTP with policy, masking and audit per page; upserted with its watermark) vs raw multi-row INSERT of the same rows into the same emptied table`,
    ratio: measured,
    ratioLabel: 'rows/s',
    absolute:
      `${rows} rows; reflow ${formatNumber(reflow, 0)} rows/s, raw INSERT ${formatNumber(raw, 0)} rows/s (means of ${rounds[REFLOW].length} and ${rounds[RAW].length} rounds); ` +
      `${rowsPerStatement} rows per statement on both sides, one transaction per ${pageSize}-row page`,
    criteria: [{ ...GOAL, actual: measured }],
  };
}
