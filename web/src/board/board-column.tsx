import { useDroppable } from '@dnd-kit/solid';
import { For, Show } from 'solid-js';
import type { ItemKind } from '../api/client';
import { t, tr } from '../i18n/i18n';
import type { BoardContext } from './board-context';
import { BoardCard } from './board-card';
import type { Column } from './board-state';

export const columnDropId = (state: string) => `column-${state}`;

/**
 * One state of the board. While a card is dragged, the column says whether
 * the server would accept the card here (allowed) or not (dimmed); a drop
 * is sent either way, since the server is the judge.
 */
export function BoardColumn(props: { column: Column; kind: ItemKind; context: BoardContext }) {
  const droppable = useDroppable({
    get id() {
      return columnDropId(props.column.state);
    },
  });
  const dragState = () => {
    const card = props.context.dragging();
    if (card === null) return null;
    if (card.state === props.column.state) return 'home';
    return card.allowed.some((move) => move.to === props.column.state) ? 'allowed' : 'dimmed';
  };
  const over = () => props.column.unitsOver > 0;
  return (
    <section
      ref={droppable.ref}
      class="column"
      classList={{
        'column-side': props.column.side,
        'drop-allowed': dragState() === 'allowed',
        'drop-dimmed': dragState() === 'dimmed',
        'drop-home': dragState() === 'home',
        'drop-over': droppable.isDropTarget() && dragState() !== 'home',
      }}
      data-testid={`column-${props.column.state}`}
      aria-label={tr(props.column.label)}
    >
      <header class="column-header" classList={{ 'is-over': over() }}>
        <div class="column-title">
          <span class={`state-dot state-${props.column.state}`} aria-hidden="true" />
          <h2>{tr(props.column.label)}</h2>
          <span class="column-count" data-testid={`count-${props.column.state}`}>
            {props.column.count}
          </span>
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
              <span class="wip-warning" role="status">
                ⚠ {props.column.unitsOver} {props.column.unitsOver === 1 ? t('unitOver') : t('unitsOver')}
              </span>
            </Show>
          </div>
        </Show>
      </header>
      <div class="column-body">
        <For each={props.column.cards} fallback={<div class="column-empty">{t('empty')}</div>}>
          {(card) => <BoardCard card={card} context={props.context} />}
        </For>
        <Show when={props.column.next !== null}>
          <button
            type="button"
            class="button ghost load-more"
            data-testid={`load-more-${props.column.state}`}
            disabled={props.context.loadingMore(props.column.state)}
            onClick={() => props.context.loadMore(props.column.state)}
          >
            {props.context.loadingMore(props.column.state) ? t('loading') : `${t('loadMore')} (${props.column.count - props.column.cards.length})`}
          </button>
        </Show>
      </div>
    </section>
  );
}
