import { Match, Switch, createResource } from 'solid-js';
import { ReadFailed } from '../ui/read-failed';
import { unlessFailed } from '../ui/read-shown';
import { campaignStateLabels } from '../../../engine/campaign/campaign.labels';
import type { Phase } from '../../../engine/campaign/campaign-config';
import { clueStateLabels } from '../../../engine/clue/clue.labels';
import type { ClueState } from '../../../engine/clue/clue.model';
import { tr } from '../i18n/i18n';
import { reportsApi, type Flow } from './api';
import type { IdOrNone } from '../../../api/contracts/common';
import { burndownSummary, flowSummary, idealOpen, idealText, weeklyDays, windowDates } from './chart-alternatives';
import { ChartFigure, type ChartTable } from './chart-figure';
import { count } from './format';
import { chartFont, useChart, type ChartOption } from './echarts';
import { rt, type ReportMessageKey } from './messages';
import { calendarDay } from '../ui/dates';

/** Bottom to top: what is finished lies at the bottom of the stack, what has just arrived on top (the usual reading of a cumulative flow). */
const stackOrder: readonly ClueState[] = ['merged', 'unfounded', 'prosecuted', 'solved', 'filed', 'verifying', 'found'];
const stateColours: Record<ClueState, string> = {
  merged: '#d6d9de',
  unfounded: '#b3b8c1',
  prosecuted: '#135f34',
  solved: '#1e8a4c',
  filed: '#1f5fd1',
  verifying: '#5b87db',
  found: '#a9c0ec',
};

/** As the legend lists them: what has just arrived first. */
const legendOrder: readonly ClueState[] = [...stackOrder].reverse();

/**
 * What a chart's caption says it spans: its phase's window, the days a phase left ran, the window and the days after it
 * a phase under way past it has run on, or the range of days a date-range or whole-campaign report counts (cut at a
 * concluded campaign's conclusion, said as such).
 */
const captionOf = (flow: Flow, captions: { phase: ReportMessageKey; left: ReportMessageKey; overdue: ReportMessageKey; range: ReportMessageKey; concluded: ReportMessageKey }) => {
  const caption = flow.phase === null ? (flow.concludedAt !== null ? captions.concluded : captions.range) : flow.phaseEndedAt !== null ? captions.left : flow.windowEndedOn !== null ? captions.overdue : captions.phase;
  return rt(caption)
    .replace('{phase}', flow.phase === null ? '' : tr(campaignStateLabels[flow.phase]))
    .replace('{from}', calendarDay(flow.window.start))
    .replace('{ended}', flow.windowEndedOn === null ? '' : calendarDay(flow.windowEndedOn))
    .replaceAll('{to}', calendarDay(flow.window.end));
};

/**
 * The window's days along the bottom, as the UI writes dates: the ticks without the year (the window is one
 * campaign's, its first and last days said in the chart's sentence), the tooltip with it.
 */
function daysAxis(dates: readonly string[]) {
  return {
    type: 'category' as const,
    // A chart of one day draws bars (see drawnAs), which need room either side of their day.
    boundaryGap: dates.length === 1,
    data: [...dates],
    axisLabel: { fontSize: 11, formatter: (date: string) => calendarDay(date, { year: false }) },
    axisPointer: { label: { formatter: (pointed: { value: unknown }) => calendarDay(String(pointed.value)) } },
  };
}

/**
 * Vertical lines at today (or at the day of the report's "as of", said as such), when it falls inside the days charted,
 * and, for a phase under way past its window, at the window's last day: the days after it are the phase run on late. A
 * range cut at a concluded campaign's conclusion ends on the conclusion's day, marked as such: nothing after it counts,
 * and no today is drawn.
 */
function dayLines(flow: Flow, dates: readonly string[]) {
  const concluded =
    flow.concludedAt !== null
      ? [{ xAxis: flow.window.end, label: { formatter: rt('campaignConcluded'), color: '#3d434b', position: 'insideEndTop' as const, backgroundColor: 'rgba(255, 255, 255, 0.85)', padding: [1, 3] }, lineStyle: { color: '#5f6670', type: 'solid' as const } }]
      : [];
  const today = flow.concludedAt === null && dates.includes(flow.today)
    ? [{ xAxis: flow.today, label: { formatter: flow.asOf === null ? rt('today') : rt('asOf'), color: '#c8322b' }, lineStyle: { color: '#c8322b', type: 'dashed' as const } }]
    : [];
  const windowEnded =
    flow.windowEndedOn !== null && dates.includes(flow.windowEndedOn)
      ? [{ xAxis: flow.windowEndedOn, label: { formatter: rt('windowEnded'), color: '#3d434b', position: 'insideEndTop' as const, backgroundColor: 'rgba(255, 255, 255, 0.85)', padding: [1, 3] }, lineStyle: { color: '#5f6670', type: 'solid' as const } }]
      : [];
  const data = [...windowEnded, ...concluded, ...today];
  return data.length === 0 ? undefined : { symbol: 'none', silent: true, data };
}

/**
 * How a series draws the days counted. A line needs two of them: a chart of one day (a phase left on the day it began)
 * draws bars, and a window counted only on its first day so far shows that day's points. Drawn as lines, both were an
 * empty chart over the figures the table beside it gives.
 */
function drawnAs<Look extends object>(flow: Flow, dates: readonly string[], asLine: Look) {
  if (dates.length === 1) return { type: 'bar' as const, barMaxWidth: 96 };
  return { type: 'line' as const, symbol: flow.days.length === 1 ? 'circle' : 'none', symbolSize: 8, ...asLine };
}

function CumulativeFlow(props: { flow: Flow }) {
  let host: HTMLDivElement | undefined;
  useChart(
    () => host,
    (): ChartOption => {
      const dates = windowDates(props.flow);
      const byDate = new Map(props.flow.days.map((d) => [d.date, d]));
      return {
        animation: false,
        textStyle: { fontFamily: chartFont() },
        tooltip: { trigger: 'axis' },
        legend: { top: 0, data: legendOrder.map((s) => tr(clueStateLabels[s])) },
        grid: { left: 8, right: 16, top: 60, bottom: 8, containLabel: true },
        xAxis: daysAxis(dates),
        yAxis: { type: 'value', minInterval: 1 },
        series: stackOrder.map((state, i) => ({
          name: tr(clueStateLabels[state]),
          ...drawnAs(props.flow, dates, { lineStyle: { width: 0.5, color: stateColours[state] }, areaStyle: { color: stateColours[state], opacity: 0.92 } }),
          stack: 'flow',
          itemStyle: { color: stateColours[state] },
          data: dates.map((date) => byDate.get(date)?.counts[state] ?? null),
          ...(i === stackOrder.length - 1 ? { markLine: dayLines(props.flow, dates) } : {}),
        })),
      };
    },
  );
  const table = (): ChartTable => ({
    head: [rt('date'), ...legendOrder.map((state) => tr(clueStateLabels[state]))],
    rows: weeklyDays(props.flow).map((day) => [calendarDay(day.date), ...legendOrder.map((state) => count(day.counts[state] ?? 0))]),
    note: rt('chartDataWeekly'),
  });
  return (
    <ChartFigure
      caption={captionOf(props.flow, { phase: 'cumulativeFlow', left: 'cumulativeFlowLeft', overdue: 'cumulativeFlowOverdue', range: 'cumulativeFlowRange', concluded: 'cumulativeFlowConcluded' })}
      summary={flowSummary(props.flow, legendOrder)}
      testId="chart-flow"
      hostRef={(element) => (host = element)}
      table={table()}
    />
  );
}

/** Open clues per day against the window, with the ideal line (see idealOpen). */
function Burndown(props: { flow: Flow }) {
  let host: HTMLDivElement | undefined;
  useChart(
    () => host,
    (): ChartOption => {
      const dates = windowDates(props.flow);
      const byDate = new Map(props.flow.days.map((d) => [d.date, d]));
      return {
        animation: false,
        textStyle: { fontFamily: chartFont() },
        tooltip: { trigger: 'axis' },
        legend: { top: 0, data: [rt('openClues'), rt('idealLine')] },
        grid: { left: 8, right: 16, top: 44, bottom: 8, containLabel: true },
        xAxis: daysAxis(dates),
        yAxis: { type: 'value', minInterval: 1 },
        series: [
          {
            name: rt('idealLine'),
            type: 'line',
            symbol: 'none',
            lineStyle: { type: 'dashed', color: '#8a8f98', width: 1.5 },
            itemStyle: { color: '#8a8f98' },
            data: idealOpen(props.flow, dates),
          },
          {
            name: rt('openClues'),
            ...drawnAs(props.flow, dates, { lineStyle: { color: '#c8322b', width: 2 }, areaStyle: { color: 'rgba(200, 50, 43, 0.08)' } }),
            itemStyle: { color: '#c8322b' },
            data: dates.map((date) => byDate.get(date)?.open ?? null),
            markLine: dayLines(props.flow, dates),
          },
        ],
      };
    },
  );
  const table = (): ChartTable => {
    const dates = windowDates(props.flow);
    const ideal = idealOpen(props.flow, dates);
    const idealOn = (date: string) => ideal[dates.indexOf(date)];
    return {
      head: [rt('date'), rt('openClues'), rt('idealLine')],
      rows: weeklyDays(props.flow).map((day) => [calendarDay(day.date), count(day.open), idealText(idealOn(day.date))]),
      note: rt('chartDataWeekly'),
    };
  };
  return (
    <ChartFigure
      caption={captionOf(props.flow, { phase: 'burndown', left: 'burndownLeft', overdue: 'burndownOverdue', range: 'burndownRange', concluded: 'burndownConcluded' })}
      summary={burndownSummary(props.flow)}
      testId="chart-burndown"
      hostRef={(element) => (host = element)}
      table={table()}
    />
  );
}

/**
 * The cumulative flow and the burndown of a phase (the campaign's current one
 * when none is named) or of the days a date-range or whole-campaign report
 * counts (`range`: its first and last local days), to the report's "as of" if it has one, of the report's unit
 * (with those below it) and category when it has them, read from their own route.
 */
export function FlowCharts(props: {
  campaignId: number;
  phase: Phase | undefined;
  range?: { readonly from: string; readonly to: string } | undefined;
  /** The report's "as of", when one was asked: the charts run to it, as its table counts. */
  asOf?: string | undefined;
  unit?: string | undefined;
  category?: IdOrNone | undefined;
}) {
  const [flow] = createResource(
    () => ({ id: props.campaignId, phase: props.phase, from: props.range?.from, to: props.range?.to, asOf: props.asOf, unit: props.unit, category: props.category }),
    (source) =>
      reportsApi.flow(source.id, source.phase, {
        unit: source.unit,
        category: source.category,
        ...(source.asOf === undefined ? {} : { asOf: source.asOf }),
        ...(source.from === undefined || source.to === undefined ? {} : { range: { from: source.from, to: source.to } }),
      }),
  );
  return (
    <Switch>
      <Match when={flow.error !== undefined}>
        <ReadFailed what={rt('flowFailed')} error={flow.error} testid="flow-failed" />
      </Match>
      <Match when={unlessFailed(flow)}>
        {(current) => (
          <div
            class="report-charts flow-charts"
            data-testid="flow-charts"
            data-phase={current().phase ?? ''}
            data-window={`${current().window.start}/${current().window.end}`}
            data-phase-ended={current().phaseEndedAt ?? ''}
            data-window-ended={current().windowEndedOn ?? ''}
            data-concluded={current().concludedAt ?? ''}
            data-as-of={current().asOf ?? ''}
            data-unit={current().unit ?? ''}
            data-category={current().categoryId ?? ''}
            data-open-today={current().days.at(-1)?.open ?? ''}
          >
            <CumulativeFlow flow={current()} />
            <Burndown flow={current()} />
          </div>
        )}
      </Match>
    </Switch>
  );
}
