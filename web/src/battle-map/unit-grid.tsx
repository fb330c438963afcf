import { A } from '@solidjs/router';
import { For, Show, createMemo } from 'solid-js';
import { colon, tr } from '../i18n/i18n';
import type { BattleMap } from '../reports/api';
import { count } from '../reports/format';
import { mix, definitionOf } from './measure';
import { bt } from './messages';
import { scrollCue } from '../ui/scroll-cue';

type CategoryKey = string;
const keyOf = (categoryId: number | null): CategoryKey => (categoryId === null ? 'none' : String(categoryId));

/** Where a unit's or a category's completion report is. */
export type ReportHref = (scope: { unit: string } | { category: number }) => string;

/**
 * Clues per unit and category: open over total in each cell, its colour
 * the share of the most open in any cell. A cell opens the board filtered
 * to its unit and category (the uncategorised column to the unit only), where the reader sees that unit's items;
 * a unit's or a category's heading opens its completion report. Its rows are units, detachments and county branches
 * alike, named as the board and the reports name them (汉台分局 under 刑侦支队, not the map's 汉台区).
 */
export function UnitGrid(props: {
  map: BattleMap;
  onPick: (unitId: string, categoryId: number | null) => void;
  /** Whether the reader may open the unit's board (every unit, when not given). */
  opens?: (unitId: string) => boolean;
  reportHref: ReportHref;
}) {
  const cells = createMemo(() => new Map(props.map.grid.map((c) => [`${c.unitId}|${keyOf(c.categoryId)}`, c])));
  const columns = createMemo(() => props.map.categories.filter((c) => c.categoryId !== null || props.map.grid.some((g) => g.categoryId === null)));
  const maxOpen = createMemo(() => Math.max(1, ...props.map.grid.map((c) => c.open)));
  const scale = definitionOf('open');
  const rowTotal = (unitId: string) => props.map.grid.filter((c) => c.unitId === unitId).reduce((s, c) => ({ open: s.open + c.open, total: s.total + c.total }), { open: 0, total: 0 });
  const columnTotal = (categoryId: number | null) =>
    props.map.grid.filter((c) => c.categoryId === categoryId).reduce((s, c) => ({ open: s.open + c.open, total: s.total + c.total }), { open: 0, total: 0 });
  const all = () => props.map.grid.reduce((s, c) => ({ open: s.open + c.open, total: s.total + c.total }), { open: 0, total: 0 });
  return (
    <div class="unit-grid-wrap" ref={scrollCue}>
      <table class="unit-grid" data-testid="unit-grid">
        <thead>
          <tr>
            <th scope="col" class="grid-corner">
              {bt('gridHint')}
            </th>
            <For each={columns()}>
              {(category) => (
                <th scope="col" title={`${tr(category.label)} · ${bt('report')}`}>
                  <Show when={category.categoryId} fallback={<span class="grid-category">{tr(category.label)}</span>}>
                    {(id) => (
                      <A class="grid-category grid-report" href={props.reportHref({ category: id() })} data-testid={`grid-report-category-${id()}`}>
                        {tr(category.label)}
                      </A>
                    )}
                  </Show>
                </th>
              )}
            </For>
            <th scope="col">{bt('total')}</th>
          </tr>
        </thead>
        <tbody>
          <For each={props.map.units}>
            {(unit) => (
              <tr>
                <th scope="row" title={`${tr(unit.label)} · ${bt('report')}`}>
                  <A class="grid-report" href={props.reportHref({ unit: unit.unitId })} data-testid={`grid-report-unit-${unit.unitId}`}>
                    {tr(unit.label)}
                  </A>
                </th>
                <For each={columns()}>
                  {(category) => {
                    const cell = () => cells().get(`${unit.unitId}|${keyOf(category.categoryId)}`);
                    const open = () => cell()?.open ?? 0;
                    const total = () => cell()?.total ?? 0;
                    const share = () => open() / maxOpen();
                    // Said whole, as a cell's figures alone ("0 / 1", "·") name nothing: its unit, category and what they count.
                    const said = () => `${tr(unit.label)} · ${tr(category.label)}${colon()}${bt('open')} ${open()} / ${total()}`;
                    const shown = () => (total() === 0 ? '·' : `${count(open())} / ${count(total())}`);
                    // A button inside the cell, not the cell as one: a cell made a button is no longer the table's, its row and column unsaid.
                    return (
                      <td
                        class="grid-cell"
                        classList={{ empty: total() === 0 }}
                        style={{ background: total() === 0 ? undefined : mix(scale, share()), color: share() > 0.55 ? '#fff' : undefined }}
                        data-testid={`cell-${unit.unitId}-${keyOf(category.categoryId)}`}
                        title={said()}
                      >
                        <Show when={props.opens?.(unit.unitId) ?? true} fallback={<span class="grid-figure">{shown()}</span>}>
                          <button type="button" class="grid-figure" aria-label={said()} onClick={() => props.onPick(unit.unitId, category.categoryId)}>
                            {shown()}
                          </button>
                        </Show>
                      </td>
                    );
                  }}
                </For>
                <td class="grid-total">{`${count(rowTotal(unit.unitId).open)} / ${count(rowTotal(unit.unitId).total)}`}</td>
              </tr>
            )}
          </For>
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{bt('total')}</th>
            <For each={columns()}>{(category) => <td class="grid-total">{`${count(columnTotal(category.categoryId).open)} / ${count(columnTotal(category.categoryId).total)}`}</td>}</For>
            <td class="grid-total">{`${count(all().open)} / ${count(all().total)}`}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
