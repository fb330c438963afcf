/** One measured figure: null when it could not be measured, with the reason in the note. */
export interface Figure {
  readonly value: number | null;
  readonly note: string;
}

interface Goal {
  readonly unit: string;
  readonly test?: { readonly op: '≥' | '<'; readonly bound: number };
}

/** Every key of bench/results.json, in table order, with issue #9's goal where it sets one. */
export const goals: Readonly<Record<string, Goal>> = {
  rawTxPerSec: { unit: '/s' },
  httpFloorReqPerSec: { unit: '/s' },
  movesPerSec: { unit: '/s' },
  moveP99Ms: { unit: 'ms', test: { op: '<', bound: 20 } },
  moveRatio: { unit: '×', test: { op: '≥', bound: 0.8 } },
  boardP99Ms10k: { unit: 'ms', test: { op: '<', bound: 50 } },
  boardP99Ms100k: { unit: 'ms' },
  sweepMs1M: { unit: 'ms', test: { op: '<', bound: 200 } },
  reportMs1M: { unit: 'ms', test: { op: '<', bound: 1000 } },
  xstateTransitionsPerSec: { unit: '/s' },
  engineRatio: { unit: '×', test: { op: '≥', bound: 0.8 } },
  allowedMoves10kMs: { unit: 'ms', test: { op: '<', bound: 10 } },
  webFirstRenderMs5k: { unit: 'ms', test: { op: '<', bound: 1000 } },
  rssMb100k: { unit: 'MB', test: { op: '<', bound: 200 } },
  import50kMs: { unit: 'ms', test: { op: '<', bound: 10_000 } },
};

function shown(value: number, unit: string): string {
  const digits = unit === '×' ? 2 : value >= 100 ? 0 : value >= 10 ? 1 : 2;
  return `${value.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits })}${unit === '/s' ? '/s' : ` ${unit}`}`;
}

/** The verdict on a goal: PASS, MISS, or blank where there is no goal or no figure. */
export function verdict(key: string, value: number | null): string {
  const test = goals[key]?.test;
  if (test === undefined) return '';
  if (value === null) return 'n/a';
  return (test.op === '≥' ? value >= test.bound : value < test.bound) ? 'PASS' : 'MISS';
}

/** The results as a plain-text table (also valid Markdown). */
export function printTable(figures: Readonly<Record<string, Figure>>, quick: boolean): string {
  const rows = Object.entries(goals).map(([key, goal]) => {
    const figure = figures[key];
    const value = figure?.value ?? null;
    return [key, value === null ? 'null' : shown(value, goal.unit), goal.test === undefined ? '' : `${goal.test.op} ${goal.test.bound}${goal.unit === '×' ? '' : ` ${goal.unit}`}`, verdict(key, value), figure?.note ?? 'not run'];
  });
  const header = ['key', quick ? 'value (quick)' : 'value', 'goal', '', 'how / why'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) => `| ${cells.map((c, i) => (i === 1 ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join(' | ')} |`;
  return [line(header), `|${widths.map((w, i) => (i === 1 ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`, ...rows.map(line)].join('\n');
}
