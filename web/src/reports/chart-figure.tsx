import { For, Show } from 'solid-js';
import { rt } from './messages';
import { scrollCue } from '../ui/scroll-cue';

/** A chart's numbers as a table: column headings, then rows whose first cell names the row. */
export interface ChartTable {
  readonly head: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /** How the rows were chosen, when not every point of the chart has one (a row a week). */
  readonly note?: string;
}

/**
 * One chart of the report with its text alternative. The drawing is an
 * image named by a sentence that sums it up: read as it is drawn, a screen
 * reader went through every tick label ("0 10 20 … 2026-09-01 …"). Its
 * numbers are in a table under a toggle, closed by default so the page reads
 * as before; not printed, the paper has the report's own tables.
 */
export function ChartFigure(props: { caption: string; summary: string; note?: string; testId: string; hostRef: (host: HTMLDivElement) => void; table: ChartTable }) {
  return (
    <figure class="report-chart">
      <figcaption>{props.caption}</figcaption>
      <div class="chart-host chart-tall" ref={props.hostRef} role="img" aria-label={props.summary} aria-describedby={props.note === undefined ? undefined : `${props.testId}-note`} data-testid={props.testId} />
      {/* What the drawing counts, read with it and printed with it. */}
      <Show when={props.note}>
        {(note) => (
          <p class="muted chart-note" id={`${props.testId}-note`} data-testid={`${props.testId}-note`}>
            {note()}
          </p>
        )}
      </Show>
      <details class="chart-data no-print" data-testid={`${props.testId}-data`}>
        <summary>
          {rt('chartData')}
          <span class="visually-hidden"> · {props.caption}</span>
        </summary>
        <Show when={props.table.note}>{(note) => <p class="muted chart-data-note">{note()}</p>}</Show>
        {/* A wide table (the flow's seven states) scrolls in its box, which the keyboard can scroll too. */}
        <div class="report-table-wrap" ref={scrollCue} tabindex="0" role="region" aria-label={`${rt('chartData')} · ${props.caption}`}>
          <table class="report-table chart-data-table">
            <caption>{props.caption}</caption>
            <thead>
              <tr>
                <For each={props.table.head}>{(heading) => <th scope="col">{heading}</th>}</For>
              </tr>
            </thead>
            <tbody>
              <For each={props.table.rows}>
                {(row) => (
                  <tr>
                    <th scope="row">{row[0]}</th>
                    <For each={row.slice(1)}>{(cell) => <td>{cell}</td>}</For>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
