import { useDraggable } from '@dnd-kit/solid';
import { Show } from 'solid-js';
import type { Card } from '../api/client';
import { t, tr } from '../i18n/i18n';
import type { BoardContext } from './board-context';
import { levelLabels } from './domain-labels';
import { dueDate } from './format';
import { MoveMenu } from './move-menu';
import type { PendingMove } from './board-state';

export const cardDragId = (card: Card) => `card-${card.kind}-${card.id}`;

/** What a card shows: the face, without drag behaviour (the drag overlay uses it too). */
export function CardFace(props: { card: Card; context: BoardContext; pending?: PendingMove | undefined }) {
  const unitName = () => props.context.unitName(props.card.unitId);
  const category = () => (props.card.categoryId === null ? null : props.context.categoryName(props.card.categoryId));
  return (
    <>
      <div class="card-top">
        <span class="card-id">
          #{props.card.id}
        </span>
        <Show when={props.card.level > 0}>
          <span class={`level-badge level-${props.card.level}`}>{tr(levelLabels[props.card.level] ?? { zh: '', en: '' })}</span>
        </Show>
        <Show when={props.pending}>
          <span class="pending-dot" title={t('submitting')} aria-label={t('submitting')} />
        </Show>
      </div>
      <div class="card-title">{props.card.title}</div>
      <div class="card-meta">
        <span class="chip chip-unit">{unitName()}</span>
        <Show when={category()}>{(name) => <span class="chip chip-category" title={name()}>{name()}</span>}</Show>
      </div>
      <div class="card-foot">
        <span class={props.card.assigneeName === null ? 'assignee none' : 'assignee'}>
          <span class="avatar" aria-hidden="true">
            {(props.card.assigneeName ?? '?').slice(0, 1)}
          </span>
          {props.card.assigneeName ?? t('unassigned')}
        </span>
        <span class={`due level-text-${props.card.level}`} title={t('due')}>
          {props.card.dueAt === null ? t('noDue') : dueDate(props.card.dueAt, props.context.timeZone())}
        </span>
      </div>
    </>
  );
}

/** A card on the board: draggable, opens its details on click, and has a "move to…" menu for the keyboard. */
export function BoardCard(props: { card: Card; context: BoardContext }) {
  const draggable = useDraggable({
    get id() {
      return cardDragId(props.card);
    },
  });
  const pending = () => props.context.pendingOf(props.card.id);
  return (
    <article
      ref={draggable.ref}
      class="card"
      classList={{
        [`card-level-${props.card.level}`]: true,
        'is-drag-source': draggable.isDragSource(),
        'is-pending': pending() !== undefined,
      }}
      data-testid={`card-${props.card.id}`}
      data-state={props.card.state}
      tabIndex={0}
      aria-label={`${props.card.id} ${props.card.title}`}
      onClick={() => props.context.open(props.card)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && e.target === e.currentTarget) props.context.open(props.card);
      }}
    >
      <CardFace card={props.card} context={props.context} pending={pending()} />
      <div class="card-actions">
        <MoveMenu card={props.card} onMove={(to) => props.context.move(props.card, to)} />
      </div>
    </article>
  );
}
