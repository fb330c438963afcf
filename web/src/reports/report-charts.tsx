import { bare, solveStepValues, solveStepsSummary, unitsRanked, unitsSummary } from './chart-alternatives';
import { ChartFigure } from './chart-figure';
import { chartFont, useChart, type ChartOption } from './echarts';
import { count } from './format';
import { rt } from './messages';
import type { Report } from './api';

/**
 * Units ranked by cases solved, each unit's cases filed beside them. Side by side, not the filed bar drawn behind the
 * solved one: where a unit solved as many as it filed or more (cases filed before the span solved in it), the bar
 * behind was hidden whole, and a unit that filed three cases read as one that filed none.
 */
function UnitsRanked(props: { report: Report; unitName: (id: string) => string }) {
  let host: HTMLDivElement | undefined;
  const units = () => unitsRanked(props.report, props.unitName);
  useChart(
    () => host,
    (): ChartOption => {
      // A category axis runs bottom up: reversed, the unit that solved most stands at the top.
      const rows = [...units()].reverse();
      return {
        animation: false,
        textStyle: { fontFamily: chartFont() },
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        legend: { top: 0, data: [bare('casesSolved'), bare('casesFiled')] },
        grid: { left: 8, right: 36, top: 28, bottom: 8, containLabel: true },
        xAxis: { type: 'value', minInterval: 1 },
        yAxis: { type: 'category', data: rows.map((r) => r.name), axisTick: { show: false }, axisLabel: { fontSize: 12 } },
        // Within each unit's row the first series is drawn uppermost: cases solved (what the units are ranked by) above
        // cases filed, as the legend reads.
        series: [
          {
            name: bare('casesSolved'),
            type: 'bar',
            data: rows.map((r) => r.solved),
            barGap: '15%',
            barCategoryGap: '30%',
            // A branch's report has a row or two: they stay bars, not blocks.
            barMaxWidth: 14,
            itemStyle: { color: '#1f5fd1' },
            label: { show: true, position: 'right', fontSize: 10, color: '#1f2329' },
          },
          {
            name: bare('casesFiled'),
            type: 'bar',
            data: rows.map((r) => r.filed),
            barMaxWidth: 14,
            itemStyle: { color: '#8aa9e6' },
            label: { show: true, position: 'right', fontSize: 10, color: '#51565e' },
          },
        ],
      };
    },
  );
  return (
    <ChartFigure
      caption={rt('unitsRanked')}
      summary={unitsSummary(units())}
      testId="chart-units"
      hostRef={(element) => (host = element)}
      table={{ head: [rt('unit'), bare('casesSolved'), bare('casesFiled')], rows: units().map((unit) => [unit.name, count(unit.solved), count(unit.filed)]) }}
    />
  );
}

/**
 * From clue to prosecution: how many clues were found, verified, filed,
 * solved and sent for prosecution in the span. Bars, not a funnel, labelled
 * with their counts only: the steps are the span's work, not one batch of
 * clues followed through (see solveStepValues), and a bureau reader takes a
 * share of the clues found above 100% for a wrong figure. The note under the
 * chart says what the bars count.
 */
function SolveSteps(props: { report: Report }) {
  let host: HTMLDivElement | undefined;
  const steps = () => solveStepValues(props.report);
  useChart(
    () => host,
    (width): ChartOption => {
      const values = steps().map((step) => step.value);
      // A band narrower than the names' 96 px (a phone's, some 50 px): each English word on a line of its own, for at 96
      // px the five names ran into one another ("Clues foundClues verified…"), and wrapped to the band ECharts cut
      // "prosecution" in two. A Chinese name (no spaces) stays one line, narrow enough for its band.
      const narrow = (width() - 40) / Math.max(1, values.length) < 96;
      const axisLabel = narrow
        ? { interval: 0, fontSize: 11, lineHeight: 13, formatter: (name: string) => name.split(' ').join('\n') }
        : { interval: 0, fontSize: 12, width: 96, overflow: 'break' as const };
      return {
        animation: false,
        textStyle: { fontFamily: chartFont() },
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        grid: { left: 8, right: 8, top: 24, bottom: 8, containLabel: true },
        xAxis: { type: 'category', data: steps().map((step) => step.name), axisTick: { show: false }, axisLabel },
        yAxis: { type: 'value', minInterval: 1 },
        series: [
          {
            type: 'bar',
            barWidth: '56%',
            data: values.map((value, i) => ({ value, itemStyle: { color: ['#8aa9e6', '#5b87db', '#1f5fd1', '#1e8a4c', '#135f34'][i] } })),
            label: {
              show: true,
              position: 'top',
              fontSize: 12,
              color: '#1f2329',
              formatter: (p: { value: unknown }) => count(Number(p.value)),
            },
          },
        ],
      };
    },
  );
  return (
    <ChartFigure
      caption={rt('solveFunnel')}
      summary={solveStepsSummary(steps())}
      note={rt('solveStepsNote')}
      testId="chart-steps"
      hostRef={(element) => (host = element)}
      table={{ head: [rt('figure'), rt('chartCount')], rows: steps().map((step) => [step.name, count(step.value)]) }}
    />
  );
}

export function ReportCharts(props: { report: Report; unitName: (id: string) => string }) {
  return (
    <div class="report-charts">
      <UnitsRanked report={props.report} unitName={props.unitName} />
      <SolveSteps report={props.report} />
    </div>
  );
}
