import { BarChart, LineChart, type BarSeriesOption, type LineSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type MarkLineComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import { init, use, type ComposeOption, type EChartsType } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { onCleanup, onMount, createEffect, createSignal, type Accessor } from 'solid-js';

/** Only what the report draws, bundled: bars, lines and areas (flow, burndown), axes, tooltip, legend, a marker for today; SVG so charts print sharp. */
use([BarChart, LineChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, SVGRenderer]);

export type ChartOption = ComposeOption<
  BarSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption | MarkLineComponentOption | TooltipComponentOption
>;

/** The chart font: the page's own system stack (no web fonts). */
export function chartFont(): string {
  return getComputedStyle(document.documentElement).getPropertyValue('--font').trim() || 'sans-serif';
}

/**
 * Mounts an ECharts instance on an element and keeps it drawn: the option
 * is re-applied when it changes, the chart follows the element's size and
 * redraws for print (the page is narrower on paper). An option that reads
 * `width` (the element's, in px) is built again when it changes: what ECharts
 * sizes only in pixels (an axis label's wrapping width) can follow a phone's.
 */
export function useChart(element: () => HTMLElement | undefined, option: (width: Accessor<number>) => ChartOption): void {
  let chart: EChartsType | undefined;
  const [width, setWidth] = createSignal(0);
  onMount(() => {
    const host = element();
    if (host === undefined) return;
    chart = init(host, undefined, { renderer: 'svg' });
    setWidth(host.clientWidth);
    // Printed, the page is narrower than the screen the chart was drawn for, and the chart is not always drawn again
    // first (a print lays its pages out after 'beforeprint', and a PDF made headless fires nothing): its two charts ran
    // off the page, axes cut at "2026-12-1…". With a viewBox the drawing scales to the box the print style gives it.
    chart.on('finished', () => {
      const drawn = chart;
      const svg = host.querySelector('svg');
      if (drawn !== undefined && svg !== null) svg.setAttribute('viewBox', `0 0 ${drawn.getWidth()} ${drawn.getHeight()}`);
      // The host is the chart's image, named by a sentence of its figures: the drawing's own text (every tick label,
      // then the legend, read one after another) and the tooltip's box are kept from a screen reader.
      for (const part of Array.from(host.children)) part.setAttribute('aria-hidden', 'true');
    });
    const resize = () => {
      chart?.resize();
      setWidth(host.clientWidth);
    };
    const observer = new ResizeObserver(resize);
    observer.observe(host);
    const print = matchMedia('print');
    print.addEventListener('change', resize);
    addEventListener('beforeprint', resize);
    addEventListener('afterprint', resize);
    onCleanup(() => {
      observer.disconnect();
      print.removeEventListener('change', resize);
      removeEventListener('beforeprint', resize);
      removeEventListener('afterprint', resize);
      chart?.dispose();
    });
  });
  createEffect(() => {
    const next = option(width);
    chart?.setOption(next, { notMerge: true });
  });
}
