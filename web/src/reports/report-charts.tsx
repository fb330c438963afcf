import { bare, solveStepValues, solveStepsSummary, unitsRanked, unitsSummary } from './chart-alternatives';
import { ChartFigure } from './chart-figure';
import { chartFont, useChart, type ChartOption } from './echarts';
import { count } from './format';
import { rt } from './messages';
import type { Report } from './api';

/** Units ranked by cases solved, cases filed behind each bar for scale. */
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
        series: [
          { name: bare('casesFiled'), type: 'bar', data: rows.map((r) => r.filed), barGap: '-100%', barWidth: '62%', barMaxWidth: 28, itemStyle: { color: '#dbe4f3' }, z: 1 },
          {
            name: bare('casesSolved'),
            type: 'bar',
            data: rows.map((r) => r.solved),
            barWidth: '62%',
            // A branch's report has a row or two: they stay bars, not blocks.
            barMaxWidth: 28,
            itemStyle: { color: '#1f5fd1' },
            label: { show: true, position: 'right', fontSize: 11, color: '#51565e' },
            z: 2,
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
 * solved and sent for prosecution in the span, each with its share of the
 * clues found. Bars, not a funnel: within a phase more cases can be solved
 * than were filed in it (filed earlier), and a funnel would hide that.
 */
function SolveSteps(props: { report: Report }) {
  let host: HTMLDivElement | undefined;
  const steps = () => solveStepValues(props.report);
  useChart(
    () => host,
    (): ChartOption => {
      const values = steps().map((step) => step.value);
      const found = values[0] ?? 0;
      return {
        animation: false,
        textStyle: { fontFamily: chartFont() },
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        grid: { left: 8, right: 8, top: 24, bottom: 8, containLabel: true },
        xAxis: { type: 'category', data: steps().map((step) => step.name), axisTick: { show: false }, axisLabel: { interval: 0, fontSize: 12, width: 96, overflow: 'break' } },
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
              formatter: (p: { value: unknown }) => {
                const value = Number(p.value);
                return found === 0 ? count(value) : `${count(value)} · ${Math.round((value / found) * 100)}%`;
              },
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
      testId="chart-steps"
      hostRef={(element) => (host = element)}
      table={{ head: [rt('figure'), rt('chartCount'), rt('shareOfFound')], rows: steps().map((step) => [step.name, count(step.value), step.share ?? '—']) }}
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
