import { pointerIntersection } from '@dnd-kit/collision';
import { useDroppable } from '@dnd-kit/solid';
import { Show, createEffect } from 'solid-js';
import { figure } from './format';
import { t, tr } from '../i18n/i18n';
import type { BoardContext } from './board-context';
import type { Column } from './board-state';
import { VirtualCards } from './virtual-cards';
import { dropStateIn } from './drop-state';
import { selectable } from '../batch/batch-plan';
import { bm } from './board-messages';
import { maxBatchItems } from '../../../api/contracts/batch';
import { toast } from '../ui/toasts';
import { reasonText } from '../api/problem';
import { pressToggle, takeFocusIfPressed } from './toggle-focus';

export const columnDropId = (state: string) => `column-${state}`;

/** Where a drop over this column would go, while cards are dragged: see drop-state.ts. */
export const dropState = (context: BoardContext, state: string) => dropStateIn(context.dropTargets(), state);

/** Title, count, WIP limit and (unless the lanes show it per unit) how many units are over it. */
export function ColumnHeader(props: { column: Column; context: BoardContext; showUnitsOver: boolean }) {
  const over = () => props.showUnitsOver && props.column.unitsOver > 0;
  return (
    <header class="column-header" classList={{ 'is-over': over() }}>
      <div class="column-title">
        <span class={`state-dot state-${props.column.state}`} aria-hidden="true" />
        <h2>{tr(props.column.label)}</h2>
        <span class="column-count" data-testid={`count-${props.column.state}`}>
          {figure(props.column.count)}
        </span>
        <ColumnSelect column={props.column} context={props.context} />
        <Show when={props.column.side}>
          <button
            type="button"
            class="button ghost icon column-toggle"
            data-testid={`toggle-${props.column.state}`}
            aria-expanded="true"
            aria-label={`${t('collapse')} ${tr(props.column.label)}`}
            title={t('collapse')}
            ref={(button) => takeFocusIfPressed(button, props.column.state)}
            onClick={(event) => pressToggle(props.column.state, event.currentTarget, props.context.toggle)}
          >
            ‹
          </button>
        </Show>
      </div>
      <Show when={props.column.wipLimit !== null || over()}>
        <div class="column-wip">
          <Show when={props.column.wipLimit}>
            {(limit) => (
              <span title={t('wipLimit')}>
                {t('wipLimit')} {limit()}
                {tr({ zh: '/单位', en: ' per unit' })}
              </span>
            )}
          </Show>
          <Show when={over()}>
            <span class="wip-warning" role="status" data-testid={`units-over-${props.column.state}`}>
              ⚠ {props.column.unitsOver} {props.column.unitsOver === 1 ? t('unitOver') : t('unitsOver')}
            </span>
          </Show>
        </div>
      </Show>
    </header>
  );
}

/**
 * While selecting: ticks every card of the column the viewer may change, or
 * unticks them. A column with more cards than were read is read on first
 * (up to what one batch takes), so that the whole column is ticked, and
 * the board then shows every card ticked.
 */
function ColumnSelect(props: { column: Column; context: BoardContext }) {
  const selection = () => props.context.selection;
  const state = () => selection()?.stateOf(props.column.cards) ?? 'none';
  const column = () => tr(props.column.label);
  const label = () => (props.column.next === null ? bm('selectColumn', { column: column() }) : bm('selectColumnShown', { column: column(), max: figure(maxBatchItems) }));
  const tickAll = async () => {
    const on = state() !== 'all';
    if (on && props.column.next !== null) {
      try {
        await props.context.loadColumn(props.column.state, maxBatchItems);
      } catch (error) {
        // Unread, the rest cannot be ticked: nothing is, and the toast says why.
        toast(() => reasonText(error));
        return;
      }
    }
    selection()?.toggleAll(props.column.cards, on);
    // More than one batch takes (the column's cards, or with those ticked elsewhere): some are left unticked, and the toast says so.
    if (on && (props.column.next !== null || state() !== 'all')) toast(() => bm('columnOverLimit', { column: column(), max: figure(maxBatchItems) }));
  };
  return (
    <Show when={(selection()?.active() ?? false) && props.column.cards.some(selectable)}>
      <input
        type="checkbox"
        class="column-select"
        data-testid={`select-column-${props.column.state}`}
        aria-label={label()}
        title={label()}
        checked={state() === 'all'}
        disabled={props.context.loadingMore(props.column.state)}
        ref={(box) => createEffect(() => (box.indeterminate = state() === 'some'))}
        onChange={() => void tickAll()}
      />
    </Show>
  );
}

/** A side column while collapsed: a narrow strip with its name and count that opens on click (and still takes drops); see toggle-focus.ts for where the focus goes. */
export function CollapsedColumn(props: { column: Column; context: BoardContext }) {
  return (
    <button
      type="button"
      class="column-collapsed"
      data-testid={`toggle-${props.column.state}`}
      aria-expanded="false"
      aria-label={`${t('expand')} ${tr(props.column.label)} (${props.column.count})`}
      title={t('expand')}
      ref={(button) => takeFocusIfPressed(button, props.column.state)}
      onClick={(event) => pressToggle(props.column.state, event.currentTarget, props.context.toggle)}
    >
      <span class="column-count">{figure(props.column.count)}</span>
      <span class="column-collapsed-label">{tr(props.column.label)}</span>
    </button>
  );
}

/** The "load more" button of a column that has more cards than were read. */
export function LoadMore(props: { column: Column; context: BoardContext; shown: number }) {
  return (
    <Show when={props.column.next !== null}>
      <button
        type="button"
        class="button ghost load-more"
        data-testid={`load-more-${props.column.state}`}
        disabled={props.context.loadingMore(props.column.state)}
        onClick={() => props.context.loadMore(props.column.state)}
      >
        {props.context.loadingMore(props.column.state) ? t('loading') : `${t('loadMore')} (${figure(props.column.count - props.shown)})`}
      </button>
    </Show>
  );
}

/**
 * One state of the board without lanes. While a card is dragged, the column
 * says whether the server would accept the card here (allowed) or not
 * (dimmed); a drop is sent either way, since the server is the judge.
 */
export function BoardColumn(props: { column: Column; context: BoardContext }) {
  const droppable = useDroppable({
    get id() {
      return columnDropId(props.column.state);
    },
    // Where the pointer is, only: let go over the toolbar or between columns and nothing moves (the default falls
    // back to the column the dragged card's shape overlaps most, so a card let go of above the board still moved).
    collisionDetector: pointerIntersection,
  });
  const collapsed = () => props.column.side && !props.context.expanded(props.column.state);
  const drop = () => dropState(props.context, props.column.state);
  return (
    <section
      ref={droppable.ref}
      class="column"
      classList={{
        'column-side': props.column.side,
        'is-collapsed': collapsed(),
        'drop-allowed': drop() === 'allowed',
        'drop-dimmed': drop() === 'dimmed',
        'drop-home': drop() === 'home',
        'drop-over': droppable.isDropTarget() && drop() !== 'home',
      }}
      data-testid={`column-${props.column.state}`}
      aria-label={tr(props.column.label)}
    >
      <Show when={!collapsed()} fallback={<CollapsedColumn column={props.column} context={props.context} />}>
        <ColumnHeader column={props.column} context={props.context} showUnitsOver />
        {/* Not a Tab stop of its own: Chromium makes a scroller without a focusable card one (every column but the one
            holding the board's Tab stop), unnamed, read out as all its cards' text. The cards are reached by the arrow keys. */}
        <div class="column-body" tabindex="-1">
          <Show when={props.column.cards.length > 0} fallback={<div class="column-empty">{t('empty')}</div>}>
            <VirtualCards cards={props.column.cards} context={props.context} />
          </Show>
          <LoadMore column={props.column} context={props.context} shown={props.column.cards.length} />
        </div>
      </Show>
    </section>
  );
}
