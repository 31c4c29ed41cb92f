/**
 * Pure arithmetic and formatting of benchmark results: ratios, goal checks and the markdown table.
 * Nothing here measures anything, so it can be tested without timing.
 */

/** What one load run produced (autocannon figures, already reduced). */
export interface LoadFigures {
  rps: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  /** Connection errors, timeouts, non-2xx statuses and GraphQL error bodies. */
  failures: number;
}

/** One condition of a goal: `actual <comparison> target`. */
export interface Criterion {
  label: string;
  actual: number;
  comparison: '>=' | '<=' | '=';
  target: number;
  /** How the target is written in the goal column, e.g. "2.0x" or "250 MB". */
  targetText: string;
}

export interface MeasuredScenario {
  id: string;
  title: string;
  /** The headline figure: a ratio measured side by side in this run. */
  ratio: number;
  ratioLabel: string;
  /** The absolute numbers behind the ratio, in words. */
  absolute: string;
  criteria: Criterion[];
}

/** A scenario that broke off with an error: the rest of the run goes on, and the row says why. */
export interface FailedScenario {
  id: string;
  title: string;
  error: string;
}

export type ScenarioResult = MeasuredScenario | FailedScenario;

export interface RunDescription {
  date: Date;
  cores: number;
  node: string;
  database: string;
  load: string;
  /** 1-minute load average when the run started: other work on the machine skews every figure. */
  loadAverageAtStart: number;
}

/** a / b, guarding against an empty denominator (a run that served nothing). */
export function ratio(numerator: number, denominator: number): number {
  if (denominator === 0) return numerator === 0 ? 1 : Number.POSITIVE_INFINITY;
  return numerator / denominator;
}

export function criterionMet(criterion: Criterion): boolean {
  if (!Number.isFinite(criterion.actual)) return criterion.comparison === '>=' && criterion.actual > 0;
  switch (criterion.comparison) {
    case '>=':
      return criterion.actual >= criterion.target;
    case '<=':
      return criterion.actual <= criterion.target;
    case '=':
      return criterion.actual === criterion.target;
  }
}

export const isFailed = (result: ScenarioResult): result is FailedScenario => 'error' in result;

export function goalMet(result: ScenarioResult): boolean | 'error' {
  if (isFailed(result)) return 'error';
  return result.criteria.every(criterionMet);
}

/** Rounds to a fixed number of decimals for display, without trailing noise like 1.0000000002. */
export function formatNumber(value: number, decimals = 2): string {
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '-∞';
  return value.toFixed(decimals);
}

export const formatRatio = (value: number) => `${formatNumber(value, 2)}x`;

const goalText = (criteria: Criterion[]) => criteria.map((c) => `${c.label} ${c.comparison === '=' ? '=' : c.comparison === '>=' ? '≥' : '≤'} ${c.targetText}`).join(' and ');

const VERDICT = { true: 'yes', false: '**no**', error: '**error**' } as const;

/** The markdown report: what ran where, then one row per scenario. */
export function renderTable(results: ScenarioResult[], run: RunDescription): string {
  const lines = [
    `Run ${run.date.toISOString()} — ${run.cores} cores (os.availableParallelism()), Node ${run.node}, ${run.database}; ` +
      `${run.load}; 1-min load average at start ${formatNumber(run.loadAverageAtStart, 2)}.`,
    '',
    '| | scenario | ratio | goal | met | absolute figures |',
    '| --- | --- | ---: | --- | --- | --- |',
  ];
  for (const result of results) {
    const met = VERDICT[String(goalMet(result)) as keyof typeof VERDICT];
    if (isFailed(result)) {
      lines.push(`| ${result.id} | ${escapeCell(result.title)} | — | — | ${met} | ${escapeCell(result.error)} |`);
      continue;
    }
    lines.push(
      `| ${result.id} | ${escapeCell(result.title)} | ${formatRatio(result.ratio)} ${escapeCell(result.ratioLabel)} | ` +
        `${escapeCell(goalText(result.criteria))} | ${met} | ${escapeCell(result.absolute)} |`,
    );
  }
  return lines.join('\n') + '\n';
}

const escapeCell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
