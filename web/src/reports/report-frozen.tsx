import { For, Show } from 'solid-js';
import { reportColumnLabels, reportFigureLabels } from '../../../engine/report/report.labels';
import { colon, tr } from '../i18n/i18n';
import type { Report, ReportRow } from './api';
import { allFigures } from './figures';
import { count, days, percent } from './format';
import { dateTime } from '../ui/dates';
import { rt } from './messages';
import { AdvanceRecord } from './report-advance';

interface Line {
  readonly id: string;
  readonly label: string;
  readonly frozen: string;
  readonly live: string;
  readonly delta: number | null;
}

function lines(frozen: ReportRow, live: ReportRow): Line[] {
  // A phase frozen before a figure existed (the deadlines') did not count it: nothing to compare.
  const figureLines = allFigures.filter((figure) => frozen.figures[figure] !== undefined).map((figure): Line => {
    const a = frozen.figures[figure] ?? 0;
    const b = live.figures[figure] ?? 0;
    return { id: figure, label: tr(reportFigureLabels[figure]), frozen: count(a), live: count(b), delta: b - a };
  });
  const other = (id: keyof typeof reportColumnLabels, a: number | null, b: number | null, show: (n: number | null) => string): Line => ({
    id,
    label: tr(reportColumnLabels[id]),
    frozen: show(a),
    live: show(b),
    delta: a === b ? 0 : a === null || b === null ? null : b - a,
  });
  return [
    ...figureLines,
    other('solveRate', frozen.solveRate, live.solveRate, percent),
    other('medianDaysToSolve', frozen.medianDaysToSolve, live.medianDaysToSolve, days),
    other('openAtEnd', frozen.openAtEnd, live.openAtEnd, (n) => count(n ?? 0)),
    other('overdueAtEnd', frozen.overdueAtEnd, live.overdueAtEnd, (n) => count(n ?? 0)),
  ];
}

const signed = (line: Line) => {
  if (line.delta === null) return '≠';
  if (line.delta === 0) return '';
  const rounded = Math.round(line.delta * 1000) / 1000;
  return `${rounded > 0 ? '+' : ''}${line.id === 'solveRate' ? percent(rounded) : count(rounded)}`;
};

/** The report frozen when the office advanced out of the phase, beside the live one, every figure with its difference. */
export function FrozenComparison(props: { frozen: Report; live: Report; timeZone: string }) {
  const all = () => lines(props.frozen.total, props.live.total);
  const differing = () => all().filter((line) => line.delta !== 0).length;
  return (
    <section class="report-section frozen" data-testid="frozen">
      <h2>
        {rt('frozen')} <span class="muted">/ {rt('live')}</span>
      </h2>
      <Show when={props.frozen.frozen}>
        {(stamp) => (
          <p class="frozen-stamp">
            <span>
              {rt('frozenAt')}
              {colon()}
              <strong data-testid="frozen-at">{dateTime(stamp().frozenAt, props.timeZone)}</strong>
            </span>
            <span>
              {rt('frozenHash')}
              {colon()}
              <code class="rp-hash" data-testid="frozen-hash" title={stamp().hash}>
                {stamp().hash}
              </code>
            </span>
            <span class={differing() === 0 ? 'chip rp-chip-ok' : 'chip rp-chip-warn'} data-testid="frozen-verdict">
              {differing() === 0 ? rt('frozenSame') : `${count(differing())} ${rt('frozenDiffers')}`}
            </span>
          </p>
        )}
      </Show>
      <Show when={props.frozen.frozen?.advance}>{(advance) => <AdvanceRecord advance={advance()} timeZone={props.timeZone} />}</Show>
      <div class="report-table-wrap">
        <table class="report-table frozen-table">
          <thead>
            <tr>
              <th scope="col" class="col-scope">
                {rt('figure')}
              </th>
              <th scope="col">{rt('frozen')}</th>
              <th scope="col">{rt('live')}</th>
              <th scope="col">{rt('difference')}</th>
            </tr>
          </thead>
          <tbody>
            <For each={all()}>
              {(line) => (
                <tr classList={{ differs: line.delta !== 0 }}>
                  <th scope="row" class="col-scope">
                    {line.label}
                  </th>
                  <td>{line.frozen}</td>
                  <td>{line.live}</td>
                  <td>{signed(line)}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
    </section>
  );
}
