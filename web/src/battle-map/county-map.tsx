import { For, Show, createMemo, createSignal, onCleanup } from 'solid-js';
import { colon, lang, tr, trFilled } from '../i18n/i18n';
import { count, percent } from '../reports/format';
import type { projectShapes } from './geo';
import { valueOf, type Measure, type Scale, type UnitMeasures } from './measure';
import { createLabelSpread } from './label-spread';
import { mapLabel } from './map-label';
import { battleMapMessages, bt } from './messages';

export type MapLayout = ReturnType<typeof projectShapes>;

/**
 * A unit's name as a map label or tile, where the heading says what kind of unit it is. In Chinese, a unit
 * drawn on the map goes by its area's name there (汉台分局 → 汉台区, 城固县公安局 → 城固县), as a map of
 * districts and counties names them all alike: cut from the unit's name, 汉台 stood beside 城固县 and 洋县,
 * and 洋县 cannot lose its 县. Otherwise, and in English, the unit's name without its kind: "汉台分局" → "汉台",
 * "Chenggu County Bureau" → "Chenggu", "Cyber Security Detachment" → "Cyber Security" (a Chinese detachment's
 * name, 网安支队, is short as it is). Only the map and its tiles: the targets and the grid name units as every
 * other page does (汉台分局), as they count a unit's work, not an area's.
 */
export function shortName(unit: UnitMeasures, areaName?: string): string {
  return lang() === 'zh' && areaName !== undefined && areaName.trim() !== '' ? areaName : shortUnitName(tr(unit.label));
}

/**
 * A unit's name as its tooltip and a screen reader say it: on the map, after the area's name it is labelled with
 * (汉台区 · 汉台分局), so that the area is seen to stand for the unit whose figures it shows; elsewhere the unit's name.
 */
export function unitTitle(unit: UnitMeasures, areaName?: string): string {
  const label = shortName(unit, areaName);
  return label === areaName && label !== tr(unit.label) ? `${label} · ${tr(unit.label)}` : tr(unit.label);
}

/** {@link shortName} of a unit's name as it is written. */
export function shortUnitName(name: string): string {
  return name.replace(/(公安局|分局)$/, '').replace(/ (County Bureau|District Bureau|Branch|Bureau|Detachment)$/, '') || name;
}

export function measureText(measure: Measure, value: number | null): string {
  if (value === null) return bt('noValue');
  return measure === 'solveRate' ? percent(value) : count(value);
}

/** A line per measure, for a unit's tooltip, under its name ({@link unitTitle}). */
export function unitSummary(unit: UnitMeasures, areaName?: string): string {
  // A county's figures include its police stations' (drawn with it, not as tiles of their own): the tooltip says so.
  const within = unit.subUnits === 0 ? '' : unit.subUnits === 1 ? bt('subUnitsOne') : trFilled(battleMapMessages.subUnitsMany, { n: count(unit.subUnits) });
  return `${unitTitle(unit, areaName)}${within}\n${bt('open')} ${count(unit.open)} · ${bt('overdue')} ${count(unit.overdue)} · ${bt('filed')} ${count(unit.filed)} · ${bt('solved')} ${count(unit.solved)} · ${bt('solveRate')} ${percent(unit.solveRate)}`;
}

/**
 * The counties drawn from the campaign's GeoJSON, each filled by its unit's
 * value of the measure and labelled with its name and value. With `onPick`,
 * a county is a button (click or Enter) that opens its unit.
 */
export function CountyMap(props: {
  layout: MapLayout;
  units: readonly UnitMeasures[];
  measure: Measure;
  scale: Scale;
  onPick?: (unitId: string) => void;
  /** Whether picking the unit opens anything for the reader (every unit, when not given). */
  opens?: (unitId: string) => boolean;
  labelSize?: number;
}) {
  const unitOf = createMemo(() => new Map(props.units.filter((u) => u.mapFeatureId !== null).map((u) => [u.mapFeatureId, u])));
  // The labels are drawn in the map's own units, so a phone's narrow map shrank them past reading (7 px):
  // never under about 11 px as shown, whatever the map's drawn width. The map is drawn whole in its box, so bound by
  // the box's height where that is the smaller (the wall on a 4:3 projector): by its width alone, its labels were 9.7 px.
  const [shownWidth, setShownWidth] = createSignal(0);
  // The county under the pointer or the keyboard's focus, outlined once more above all the others: its own outline was
  // drawn over by the neighbours drawn after it, and a focused county showed a dark edge on one side only.
  const [lit, setLit] = createSignal<string | null>(null);
  const litPath = () => props.layout.shapes.find((shape) => shape.id === lit())?.path;
  const size = () => Math.max(props.labelSize ?? 15, shownWidth() === 0 ? 0 : (11 * props.layout.width) / shownWidth());
  // Labels kept at that size on a small map lay on one another (at 1024 × 768 "Chenggu 19" over "Liuba 16"): moved
  // apart, a fifth of their size between them.
  const spread = createLabelSpread(
    () => [size(), props.measure, props.units, props.layout, lang()],
    () => size() * 0.2,
  );
  const watch = (svg: SVGSVGElement) => {
    const observer = new ResizeObserver(([entry]) => {
      const box = entry?.contentRect;
      setShownWidth(box === undefined || props.layout.height === 0 ? 0 : Math.min(box.width, (box.height * props.layout.width) / props.layout.height));
    });
    observer.observe(svg);
    onCleanup(() => observer.disconnect());
  };
  return (
    <svg ref={watch} class="county-map" viewBox={`0 0 ${props.layout.width} ${props.layout.height}`} role="group" aria-label={bt('counties')} data-testid="county-map">
      <For each={props.layout.shapes}>
        {(shape) => {
          const unit = () => unitOf().get(shape.id);
          const value = () => {
            const u = unit();
            return u === undefined ? null : valueOf(u, props.measure);
          };
          // A link when the map has one and the reader may open the county's unit.
          const linked = () => {
            const u = unit();
            return props.onPick !== undefined && u !== undefined && (props.opens?.(u.unitId) ?? true);
          };
          const pick = () => {
            const u = unit();
            if (u !== undefined && linked()) props.onPick?.(u.unitId);
          };
          // The unit the area stands for, with the area's name (汉台区 · 汉台分局): the label shows the area's only.
          const said = () => {
            const u = unit();
            return u === undefined ? shape.name : `${unitTitle(u, shape.name)}${colon()}${measureText(props.measure, value())}`;
          };
          const tooltip = () => {
            const u = unit();
            return u === undefined ? shape.name : unitSummary(u, shape.name);
          };
          return (
            <path
              class="county"
              classList={{ 'is-link': linked() }}
              d={shape.path}
              fill={props.scale.fill(value())}
              fill-rule="evenodd"
              data-testid={`county-${unit()?.unitId ?? shape.id}`}
              data-feature={shape.id}
              data-value={value() ?? ''}
              role={linked() ? 'button' : undefined}
              // Lower case: on SVG an attribute is taken as spelled, and `tabIndex` left every county out of the Tab order.
              tabindex={linked() ? 0 : undefined}
              aria-label={said()}
              onClick={pick}
              onFocus={() => setLit(shape.id)}
              onBlur={() => setLit((id) => (id === shape.id ? null : id))}
              onMouseEnter={() => linked() && setLit(shape.id)}
              onMouseLeave={() => setLit((id) => (id === shape.id && document.activeElement?.getAttribute('data-feature') !== shape.id ? null : id))}
              onKeyDown={(event) => {
                if (event.key === 'Enter' || event.key === ' ') {
                  event.preventDefault();
                  pick();
                }
              }}
            >
              <title>{tooltip()}</title>
            </path>
          );
        }}
      </For>
      <Show when={props.onPick !== undefined && litPath()}>{(path) => <path class="county-ring" d={path()} fill="none" fill-rule="evenodd" aria-hidden="true" data-testid="county-ring" />}</Show>
      <g class="county-labels" aria-hidden="true">
        <For each={props.layout.shapes}>
          {(shape) => (
            <Show when={unitOf().get(shape.id)}>
              {(unit) => {
                const value = () => valueOf(unit(), props.measure);
                const shift = () => spread.shift(shape.id);
                return (
                  <text
                    ref={spread.label(shape.id)}
                    x={shape.label[0]}
                    y={shape.label[1]}
                    transform={`translate(${shift().dx.toFixed(1)} ${shift().dy.toFixed(1)})`}
                    text-anchor="middle"
                    fill={props.scale.ink(value())}
                    font-size={String(size())}
                  >
                    <tspan x={shape.label[0]} font-weight="600">
                      {mapLabel(shortName(unit(), shape.name))}
                    </tspan>
                    <tspan x={shape.label[0]} dy={size() * 1.25} font-size={String(size() * 1.15)} font-weight="700">
                      {measureText(props.measure, value())}
                    </tspan>
                  </text>
                );
              }}
            </Show>
          )}
        </For>
      </g>
    </svg>
  );
}

/**
 * The scale of the measure: a gradient from 0 to its largest value, and the colour of "no data"; under them, for the
 * solve rate, what it counts, unless `noteApart` (the wall gives the note a line of its own, the width of its panel).
 */
export function MeasureLegend(props: { scale: Scale; measure: Measure; noteApart?: boolean }) {
  const steps = [0, 0.25, 0.5, 0.75, 1];
  return (
    <div class="measure-legend" data-testid="legend">
      <span class="legend-scale">
        <span class="legend-bar" style={{ background: `linear-gradient(90deg, ${props.scale.definition.from}, ${props.scale.definition.to})` }} />
        <span class="legend-ticks">
          {/* Each count once: a campaign of no items (its largest value 1) read "0 0 1 1 1". */}
          <For each={props.scale.definition.rate ? steps.map(percent) : [...new Set(steps.map((step) => Math.round(step * props.scale.max)))].map(count)}>{(tick) => <span>{tick}</span>}</For>
        </span>
      </span>
      <Show when={props.measure === 'solveRate'}>
        <span class="legend-none">
          <span class="legend-swatch" />
          {bt('noValue')}
        </span>
        <Show when={props.noteApart !== true}>
          <MeasureNote measure={props.measure} />
        </Show>
      </Show>
    </div>
  );
}

/** What the measure counts, where that needs saying: the units' solve rate is not the report's (see solveRateHint). */
export function MeasureNote(props: { measure: Measure }) {
  return (
    <Show when={props.measure === 'solveRate'}>
      <span class="legend-hint" data-testid="solve-rate-hint">
        {bt('solveRateHint')}
      </span>
    </Show>
  );
}
