import { For, Show } from 'solid-js';
import { reportColumnLabels, reportFigureLabels, solveRateNote } from '../../../engine/report/report.labels';
import { tr } from '../i18n/i18n';
import type { ReportRow } from './api';
import { deadlineFigures, outcomeFigures, workFigures, type Figure } from './figures';
import { count, days } from './format';
import { rt } from './messages';
import { solveRateCell, solveRateMark } from './solve-rate';
import { scrollCue } from '../ui/scroll-cue';

export interface NamedRow {
  readonly key: string;
  readonly name: string;
  readonly row: ReportRow;
  /** How deep the unit sits in the tree (a police station under its county), to indent it under its parent's row. */
  readonly depth?: number;
}

/** Each level below the shallowest row's, in the scope column: a station read as a county's, not as one more unit. */
const indentPx = 14;

type Column = {
  readonly id: string;
  readonly label: string;
  readonly value: (row: ReportRow) => string;
  readonly title?: string;
  /** Whether a row's value carries the footnote mark of the note under the table. */
  readonly marked?: (row: ReportRow) => boolean;
};

// A phase frozen before a figure existed (the deadlines') has none: shown as a dash, not as 0.
const figureColumn = (figure: Figure): Column => ({ id: figure, label: tr(reportFigureLabels[figure]), value: (row) => (row.figures[figure] === undefined ? '—' : count(row.figures[figure])) });

const workColumns = (): Column[] => [
  ...workFigures.map(figureColumn),
  // Above 100% when more cases are solved in the span than filed in it: the heading says how it is counted, and such a
  // value is marked for the note under the table that says why.
  {
    id: 'solveRate',
    label: tr(reportColumnLabels.solveRate),
    value: (row) => solveRateCell(row.solveRate).text,
    marked: (row) => solveRateCell(row.solveRate).marked,
    title: rt('solveRateHint'),
  },
  { id: 'medianDaysToSolve', label: tr(reportColumnLabels.medianDaysToSolve), value: (row) => days(row.medianDaysToSolve) },
  { id: 'openAtEnd', label: tr(reportColumnLabels.openAtEnd), value: (row) => count(row.openAtEnd) },
  { id: 'overdueAtEnd', label: tr(reportColumnLabels.overdueAtEnd), value: (row) => count(row.overdueAtEnd) },
];

const outcomeColumns = (): Column[] => outcomeFigures.map(figureColumn);
const deadlineColumns = (): Column[] => deadlineFigures.map(figureColumn);

/**
 * One table of the report: a row per unit (or category) and the total, with
 * one group of columns. Wider than the page (long category names, English
 * headings), it scrolls in its box: a named region in the Tab order, so the
 * keyboard can scroll it and a screen reader says whose it is.
 */
function FigureTable(props: { section: string; caption: string; testId: string; columns: Column[]; rows: readonly NamedRow[]; total: ReportRow; scopeLabel: string; narrow?: boolean; note?: string }) {
  const noteId = () => `${props.testId}-note`;
  const shallowest = () => Math.min(...props.rows.map((row) => row.depth ?? 0));
  const indentOf = (row: NamedRow) => (row.depth ?? 0) - shallowest();
  const cell = (column: Column, row: ReportRow) => {
    const marked = props.note !== undefined && column.marked?.(row) === true;
    return (
      <>
        {column.value(row)}
        <Show when={marked}>
          <sup class="footnote-mark" aria-hidden="true">
            {solveRateMark}
          </sup>
        </Show>
      </>
    );
  };
  const describedBy = (column: Column, row: ReportRow) => (props.note !== undefined && column.marked?.(row) === true ? noteId() : undefined);
  return (
    <>
      <div class="report-table-wrap" ref={scrollCue} tabindex="0" role="region" aria-label={`${props.section} · ${props.caption}`}>
        <table class="report-table" classList={{ narrow: props.narrow === true }} data-testid={props.testId}>
          <caption>{props.caption}</caption>
          <thead>
            <tr>
              <th scope="col" class="col-scope">
                {props.scopeLabel}
              </th>
              <For each={props.columns}>
                {(column) => (
                  <th scope="col" title={column.title}>
                    {column.label}
                  </th>
                )}
              </For>
            </tr>
          </thead>
          <tbody>
            <For each={props.rows}>
              {(row) => (
                <tr data-key={row.key}>
                  <th scope="row" class="col-scope" style={indentOf(row) === 0 ? undefined : { 'padding-left': `${6 + indentOf(row) * indentPx}px` }} data-depth={indentOf(row)}>
                    {row.name}
                  </th>
                  <For each={props.columns}>
                    {(column) => (
                      <td data-column={column.id} aria-describedby={describedBy(column, row.row)}>
                        {cell(column, row.row)}
                      </td>
                    )}
                  </For>
                </tr>
              )}
            </For>
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" class="col-scope">
                {tr(reportColumnLabels.total)}
              </th>
              <For each={props.columns}>
                {(column) => (
                  <td data-testid={`${props.testId}-total-${column.id}`} aria-describedby={describedBy(column, props.total)}>
                    {cell(column, props.total)}
                  </td>
                )}
              </For>
            </tr>
          </tfoot>
        </table>
      </div>
      {/* Directly under its table, on paper too: what its marked values mean, read where they are. */}
      <Show when={props.note}>
        {(note) => (
          <p class="report-note report-definition report-table-note" id={noteId()} data-testid={noteId()}>
            {solveRateMark} {note()}
          </p>
        )}
      </Show>
    </>
  );
}

/** A dimension of the report (units or categories): the work table, the outcome table, then how deadlines were handled. */
export function ReportTables(props: { title: string; testId: string; scopeLabel: string; rows: readonly NamedRow[]; total: ReportRow }) {
  return (
    <section class="report-section" data-testid={props.testId}>
      <h2>{props.title}</h2>
      <FigureTable
        section={props.title}
        caption={rt('workTable')}
        testId={`${props.testId}-work`}
        columns={workColumns()}
        rows={props.rows}
        total={props.total}
        scopeLabel={props.scopeLabel}
        note={tr(solveRateNote)}
      />
      <FigureTable section={props.title} caption={rt('outcomeTable')} testId={`${props.testId}-outcomes`} columns={outcomeColumns()} rows={props.rows} total={props.total} scopeLabel={props.scopeLabel} />
      <FigureTable section={props.title} caption={rt('deadlineTable')} testId={`${props.testId}-deadlines`} columns={deadlineColumns()} rows={props.rows} total={props.total} scopeLabel={props.scopeLabel} narrow />
    </section>
  );
}
