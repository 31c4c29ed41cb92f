import { criterionMet, goalMet, MeasuredScenario, ratio, renderTable, RunDescription } from '../../bench/report';
import { combineRounds, interleaving } from '../../bench/rounds';

const RUN: RunDescription = {
  date: new Date('2026-03-02T08:00:00Z'),
  cores: 2,
  node: '20.20.2',
  database: 'embedded SQLite',
  load: 'autocannon, 32 connections',
  loadAverageAtStart: 0.5,
};

const P1: MeasuredScenario = {
  id: 'P1',
  title: 'catalog page: ours vs stock',
  ratio: ratio(250, 100),
  ratioLabel: 'RPS',
  absolute: 'ours 250 rps, stock 100 rps',
  criteria: [
    { label: 'RPS ratio', actual: ratio(250, 100), comparison: '>=', target: 2, targetText: '2.0x' },
    { label: 'p99', actual: 80, comparison: '<=', target: 120, targetText: "stock's (120 ms)" },
  ],
};


describe('benchmark ratios', () => {
  it('divides the measured side by the reference side', () => {
    expect(ratio(250, 100)).toBe(2.5);
    expect(ratio(3, 4)).toBe(0.75);
  });

  it('treats two empty sides as equal and an empty reference as unbounded', () => {
    expect(ratio(0, 0)).toBe(1);
    expect(ratio(5, 0)).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('goals', () => {
  it('is met only when every criterion holds', () => {
    expect(goalMet(P1)).toBe(true);
    const slowerTail = { ...P1, criteria: [P1.criteria[0], { ...P1.criteria[1], actual: 121 }] };
    expect(goalMet(slowerTail)).toBe(false);
  });

  it('compares at-least, at-most and equality exactly at the boundary', () => {
    const criterion = { label: 'x', targetText: '', target: 2 };
    expect(criterionMet({ ...criterion, actual: 2, comparison: '>=' })).toBe(true);
    expect(criterionMet({ ...criterion, actual: 1.99, comparison: '>=' })).toBe(false);
    expect(criterionMet({ ...criterion, actual: 2, comparison: '<=' })).toBe(true);
    expect(criterionMet({ ...criterion, actual: 2.01, comparison: '<=' })).toBe(false);
    expect(criterionMet({ ...criterion, actual: 2, comparison: '=' })).toBe(true);
    expect(criterionMet({ ...criterion, actual: 2.5, comparison: '=' })).toBe(false);
  });

  it('counts a ratio over an empty reference as met for at-least goals only', () => {
    const unbounded = { label: 'x', targetText: '', target: 2, actual: Number.POSITIVE_INFINITY };
    expect(criterionMet({ ...unbounded, comparison: '>=' })).toBe(true);
    expect(criterionMet({ ...unbounded, comparison: '<=' })).toBe(false);
  });
});

describe('the markdown table', () => {
  const table = renderTable([P1], RUN);

  it('states the machine and the load above the table', () => {
    expect(table.split('\n')[0]).toBe(
      'Run 2026-03-02T08:00:00.000Z — 2 cores (os.availableParallelism()), Node 20.20.2, embedded SQLite; autocannon, 32 connections; 1-min load average at start 0.50.',
    );
  });

  it('writes one row per scenario: ratio, goal, verdict and the absolute figures beside it', () => {
    const rows = table.trim().split('\n').slice(4);
    expect(rows).toEqual([
      "| P1 | catalog page: ours vs stock | 2.50x RPS | RPS ratio ≥ 2.0x and p99 ≤ stock's (120 ms) | yes | ours 250 rps, stock 100 rps |",
    ]);
  });

  it('escapes pipes so that a figure cannot break the table', () => {
    const piped = renderTable([{ ...P1, absolute: 'a | b' }], RUN);
    expect(piped).toContain('a \\| b');
  });

  it('writes a scenario that broke off as an error row, with its message', () => {
    const broken = renderTable([{ id: 'P4', title: 'broke off with an error', error: "Table 'x' doesn't exist" }], RUN);
    expect(broken).toContain("| P4 | broke off with an error | — | — | **error** | Table 'x' doesn't exist |");
  });

  it('marks a missed goal in bold', () => {
    const missed = renderTable([{ ...P1, criteria: [{ ...P1.criteria[0], actual: 1.2 }] }], RUN);
    expect(missed).toContain('| **no** |');
  });
});

describe('rounds', () => {
  it('alternates two sides so that each goes first equally often', () => {
    expect(interleaving(4)).toEqual([0, 1, 1, 0, 0, 1, 1, 0]);
  });

  it('runs more sides forwards, then backwards', () => {
    expect(interleaving(3, 3)).toEqual([0, 1, 2, 2, 1, 0, 0, 1, 2]);
  });

  it('averages rates and latencies of equally long rounds and adds up the counts', () => {
    const combined = combineRounds([
      { rps: 100, p50Ms: 10, p99Ms: 40, requests: 1000, failures: 0 },
      { rps: 200, p50Ms: 20, p99Ms: 60, requests: 2000, failures: 3 },
    ]);
    expect(combined).toEqual({ rps: 150, p50Ms: 15, p99Ms: 50, requests: 3000, failures: 3 });
  });
});
