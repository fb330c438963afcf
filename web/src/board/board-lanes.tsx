import { pointerIntersection } from '@dnd-kit/collision';
import { useDroppable } from '@dnd-kit/solid';
import { For, Index, Show, createMemo } from 'solid-js';
import type { Board, Card, Swimlane } from '../api/client';
import { t, tr } from '../i18n/i18n';
import type { BoardContext } from './board-context';
import { CollapsedColumn, ColumnHeader, LoadMore, dropState } from './board-column';
import type { Column } from './board-state';
import { figure } from './format';
import { laneKeyOf } from './lane-key';
import { VirtualCards } from './virtual-cards';

type Lane = Board['lanes'][number];

/**
 * One lane's cell of one column: the lane's cards in that state, its count
 * and a highlight when the unit is over the WIP limit. The limit is judged
 * on all the unit's cards there: under a filter the cell shows how many the
 * filter shows beside them.
 * Over the limit is shown, never blocked: the cell takes drops all the same.
 */
function LaneCell(props: { lane: Lane; column: Column; cards: readonly Card[]; swimlane: Swimlane; context: BoardContext }) {
  const droppable = useDroppable({
    get id() {
      return `cell-${props.lane.key}-${props.column.state}`;
    },
    // As a column: the cell under the pointer, or none (see BoardColumn).
    collisionDetector: pointerIntersection,
    get data() {
      return { state: props.column.state, lane: props.lane.key };
    },
  });
  const count = () => props.lane.counts[props.column.state] ?? 0;
  // The unit's cards in the state whatever the filters show: what its limit counts, so a filter never hides that it is over.
  const held = () => props.lane.held[props.column.state] ?? 0;
  const over = () => props.lane.over.includes(props.column.state);
  const limit = () => (props.swimlane === 'unit' ? props.column.wipLimit : null);
  const collapsed = () => props.column.side && !props.context.expanded(props.column.state);
  const drop = () => dropState(props.context, props.column.state);
  return (
    <div
      ref={droppable.ref}
      class="lane-cell"
      classList={{
        'is-over': over(),
        'is-collapsed': collapsed(),
        'drop-allowed': drop() === 'allowed',
        'drop-dimmed': drop() === 'dimmed',
        'drop-over': droppable.isDropTarget() && drop() !== 'home',
      }}
      data-testid={`cell-${props.lane.key}-${props.column.state}`}
      data-over={over() ? 'true' : 'false'}
      role="group"
      aria-label={`${tr(props.lane.label)} · ${tr(props.column.label)}`}
    >
      <div class="lane-cell-count" title={over() ? t('overLimit') : limit() === null ? undefined : t('wipLimit')}>
        <Show when={limit()} fallback={<span>{figure(count())}</span>}>
          {(wip) => (
            <>
              <Show when={count() !== held()}>
                <span data-testid="shown" title={t('shownByFilters')}>
                  {figure(count())} ·{' '}
                </span>
              </Show>
              <span data-testid="wip" title={t('heldOfLimit')}>
                {over() ? '⚠ ' : ''}
                {figure(held())}/{figure(wip())}
              </span>
            </>
          )}
        </Show>
      </div>
      <Show when={!collapsed()}>
        <VirtualCards cards={props.cards} context={props.context} row={props.lane.key} />
        <Show when={count() > props.cards.length && props.column.next !== null}>
          <div class="lane-more muted">+{figure(count() - props.cards.length)}</div>
        </Show>
      </Show>
    </div>
  );
}

/**
 * The board in swimlanes (by unit or by category): one header row of
 * columns, then for each lane with anything in it a row of cells. Columns
 * and lanes share one grid so the cells line up.
 */
export function BoardLanes(props: { columns: readonly Column[]; lanes: readonly Lane[]; swimlane: Swimlane; context: BoardContext }) {
  const collapsed = (column: Column) => column.side && !props.context.expanded(column.state);
  const width = (column: Column) => (collapsed(column) ? '44px' : column.side ? '200px' : 'minmax(220px, 1fr)');
  // A phone's grid (the board's stylesheet picks it): no column of lane names, each name a row of its own over its lane's
  // cells, and two columns to the screen, as the board without lanes has.
  const phoneWidth = (column: Column) => (collapsed(column) ? '44px' : 'var(--phone-column)');
  const templates = () => ({ '--lanes-wide': `160px ${props.columns.map(width).join(' ')}`, '--lanes-phone': props.columns.map(phoneWidth).join(' ') });
  const byLane = createMemo(() => {
    const map = new Map<string, Card[]>();
    for (const column of props.columns) for (const card of column.cards) {
      const key = `${laneKeyOf(card, props.swimlane)}|${column.state}`;
      map.set(key, [...(map.get(key) ?? []), card]);
    }
    return map;
  });
  const shown = (lane: Lane) => Object.values(lane.counts).some((n) => n > 0) || lane.over.length > 0 || props.columns.some((c) => (byLane().get(`${lane.key}|${c.state}`)?.length ?? 0) > 0);
  const total = (lane: Lane) => Object.values(lane.counts).reduce((sum, n) => sum + n, 0);
  // Rows keyed by the lane's key, cells by position: a live re-read hands every lane and column new objects, which
  // keyed by object would draw each row anew, and with it every card (the focused one and its open menu too).
  const laneByKey = createMemo(() => new Map(props.lanes.map((lane) => [lane.key, lane])));
  const shownKeys = createMemo(() => props.lanes.filter(shown).map((lane) => lane.key), [], { equals: (a, b) => a.join('\n') === b.join('\n') });
  return (
    <div class="lanes" style={templates()} data-testid="lanes" data-swimlane={props.swimlane}>
      <div class="lanes-corner">{props.swimlane === 'unit' ? t('unit') : t('category')}</div>
      <Index each={props.columns}>
        {(column) => (
          <div class="lanes-head" classList={{ 'column-side': column().side }} data-testid={`column-${column().state}`}>
            <Show when={!(column().side && !props.context.expanded(column().state))} fallback={<CollapsedColumn column={column()} context={props.context} />}>
              <ColumnHeader column={column()} context={props.context} showUnitsOver={props.swimlane !== 'unit'} />
              <LoadMore column={column()} context={props.context} shown={column().cards.length} />
            </Show>
          </div>
        )}
      </Index>
      <For each={shownKeys()}>
        {(key) => (
          <Show when={laneByKey().get(key)}>
            {(lane) => (
              <>
                <div class="lane-label" classList={{ 'is-over': lane().over.length > 0 }} data-testid={`lane-${key}`}>
                  <span class="lane-name">{tr(lane().label)}</span>
                  <span class="column-count">{figure(total(lane()))}</span>
                  <Show when={lane().over.length > 0}>
                    <span class="wip-warning">⚠ {t('overLimit')}</span>
                  </Show>
                </div>
                <Index each={props.columns}>
                  {(column) => <LaneCell lane={lane()} column={column()} cards={byLane().get(`${key}|${column().state}`) ?? []} swimlane={props.swimlane} context={props.context} />}
                </Index>
              </>
            )}
          </Show>
        )}
      </For>
    </div>
  );
}
