import { useDraggable } from '@dnd-kit/solid';
import { Show, onMount, untrack } from 'solid-js';
import type { Card } from '../api/client';
import { colon, t, tr } from '../i18n/i18n';
import type { BoardContext } from './board-context';
import { levelLabels } from './domain-labels';
import { age, ago } from './format';
import { calendarDay, dateTime } from '../ui/dates';
import { dueShown } from './due-shown';
import { MoveMenu } from './move-menu';
import { am } from '../attachments/messages';
import { xm } from '../deadlines/messages';
import type { PendingMove } from './board-state';
import { selectable } from '../batch/batch-plan';
import { bm } from './board-messages';
import { cardLabel } from './card-status';
import { focusedCard } from './card-focus';
import { fixedBecause } from './card-fixed';
import { watchFixedDrag } from './fixed-drag';
import { toast } from '../ui/toast-store';

export const cardDragId = (card: Card) => `card-${card.kind}-${card.id}`;

/** What a card shows: the face, without drag behaviour (the drag overlay uses it too). */
export function CardFace(props: { card: Card; context: BoardContext; pending?: PendingMove | undefined }) {
  const unitName = () => props.context.unitName(props.card.unitId);
  const category = () => (props.card.categoryId === null ? null : props.context.categoryName(props.card.categoryId));
  return (
    <>
      <div class="card-top">
        <span class="card-id">#{props.card.id}</span>
        <Show when={props.card.level > 0}>
          <span class={`level-badge level-${props.card.level}`}>{tr(levelLabels[props.card.level] ?? { zh: '', en: '' })}</span>
        </Show>
        <span class="card-times">
          <Show when={props.card.attachmentCount > 0}>
            <span class="card-files" title={`${am('title')}${colon()}${props.card.attachmentCount}`} data-testid="attachment-count">
              <svg aria-hidden="true" viewBox="0 0 24 24" width="11" height="11" fill="none" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" stroke-linejoin="round">
                <path d="m21 11-8.6 8.6a5.5 5.5 0 0 1-7.8-7.8l9.2-9.2a3.7 3.7 0 0 1 5.2 5.2l-9.2 9.2a1.8 1.8 0 0 1-2.6-2.6L15.5 7" />
              </svg>
              <span class="visually-hidden">{am('title')} </span>
              {props.card.attachmentCount}
            </span>
          </Show>
          <Show when={props.card.lastNoteAt}>
            {(at) => (
              <span class="card-note" title={`${t('lastNoteAt')}${colon()}${dateTime(at(), props.context.timeZone())}`} data-testid="last-note">
                <span aria-hidden="true">✎ </span>
                {ago(at(), props.context.asOf())}
              </span>
            )}
          </Show>
          <span class="card-age" title={t('inState')} data-testid="age">
            {age(props.card.enteredAt, props.context.asOf())}
          </span>
        </span>
        {/* Shown where it is going while its dialog is open (nothing sent yet: a still ring), then while it is sent (spinning). */}
        <Show when={props.pending}>
          {(pending) => {
            const label = () => (pending().stage === 'draft' ? t('awaitingDetails') : t('submitting'));
            return <span class="pending-dot" classList={{ 'is-draft': pending().stage === 'draft' }} title={label()} aria-label={label()} data-testid="pending-dot" />;
          }}
        </Show>
      </div>
      <div class="card-title">{props.card.title}</div>
      <div class="card-meta">
        <span class="chip chip-unit" title={unitName()}>
          {unitName()}
        </span>
        <Show when={category()}>
          {(name) => (
            <span class="chip chip-category" title={name()}>
              {name()}
            </span>
          )}
        </Show>
        <Show when={props.card.typical}>
          <span class="chip chip-typical" title={t('typicalCase')} data-testid="typical-chip">
            {t('typicalShort')}
          </span>
        </Show>
        <Show when={props.card.extensionAskedUntil}>
          {(until) => (
            <span class="chip chip-asked" title={xm('askedChipTitle', { date: calendarDay(until()) })} data-testid="asked-chip">
              {xm('askedChip')}
            </span>
          )}
        </Show>
      </div>
      <div class="card-foot">
        <span class={props.card.assigneeName === null ? 'assignee none' : 'assignee'}>
          <span class="avatar" aria-hidden="true">
            {(props.card.assigneeName ?? '?').slice(0, 1)}
          </span>
          <span class="assignee-name" title={props.card.assigneeName ?? undefined}>
            {props.card.assigneeName ?? t('unassigned')}
          </span>
        </span>
        <Show when={dueShown(props.card, props.context.timeZone())}>
          {(due) => (
            <span class={`due level-text-${props.card.level}`} title={t('due')}>
              {due()}
            </span>
          )}
        </Show>
      </div>
    </>
  );
}

/**
 * A card on the board: opens its details on click or Enter. Cards the user
 * may move are draggable and have a "move to…" menu (M opens it from the
 * card); for viewers and cards with no allowed move there is neither, and a
 * try to drag one says why it stays (see watchFixedDrag).
 */
export function BoardCard(props: { card: Card; context: BoardContext }) {
  const fixed = () => fixedBecause(props.card, props.context.movesNone());
  const movable = () => fixed() === null;
  // Never disabled: dnd-kit marks a disabled draggable aria-disabled, which told screen readers that a
  // card they can open was unavailable. A card not movable is kept from dragging by boardSensors instead.
  const draggable = useDraggable({
    get id() {
      return cardDragId(props.card);
    },
  });
  const pending = () => props.context.pendingOf(props.card.id);
  const selection = () => props.context.selection;
  // While selecting, a click or Enter ticks a card the viewer may change (a card they may not still opens).
  const ticks = () => (selection()?.active() ?? false) && selectable(props.card);
  const selected = () => selection()?.isSelected(props.card) ?? false;
  // The other ticked cards go with the one dragged, and are shown so.
  const goesAlong = () => {
    const dragged = props.context.dragging();
    return dragged !== null && dragged.id !== props.card.id && selected() && (selection()?.isSelected(dragged) ?? false);
  };
  // The board's one Tab stop among the cards (see card-keys.ts); the others are reached by the arrow keys.
  const tabStop = () => props.context.tabStop() === props.card.id;
  const help = () => (ticks() ? 'card-help-selecting' : movable() ? 'card-help-movable' : 'card-help');
  let menuButton: HTMLButtonElement | undefined;
  let element: HTMLElement | undefined;
  onMount(() => {
    const lost = document.activeElement === null || document.activeElement === document.body;
    if (lost && untrack(focusedCard) === props.card.id && !element?.hasAttribute('data-dnd-placeholder')) element?.focus();
  });
  return (
    <article
      ref={(el) => {
        element = el;
        draggable.ref(el);
      }}
      data-card-id={props.card.id}
      class="card"
      classList={{
        [`card-level-${props.card.level}`]: true,
        'is-drag-source': draggable.isDragSource() || goesAlong(),
        'is-pending': pending() !== undefined,
        'is-movable': movable(),
        'is-selected': selected(),
      }}
      data-testid={`card-${props.card.id}`}
      data-state={props.card.state}
      data-draggable={movable() ? 'true' : 'false'}
      tabIndex={tabStop() ? 0 : -1}
      // While selecting, a card the viewer may change is a checkbox (a click or Space ticks it), heard as checked or not.
      // Not aria-pressed: dnd-kit's accessibility plugin owns that attribute on a draggable (it says whether it is held)
      // and rewrites it whenever the board's cards change, so a ticked card scrolled into view was heard as not ticked.
      role={ticks() ? 'checkbox' : 'button'}
      // The name replaces everything the card shows for a screen reader: it says what the face does, not the title alone.
      aria-label={cardLabel(props.card, props.context, pending())}
      aria-roledescription={movable() ? t('cardMovable') : t('card')}
      aria-describedby={help()}
      aria-checked={ticks() ? selected() : undefined}
      aria-keyshortcuts={movable() ? 'M' : undefined}
      onPointerDown={(e) => {
        const why = fixed();
        // Said in a toast, which screen readers hear too (the toasts are a live region).
        if (why !== null && element !== undefined) watchFixedDrag(e, element, () => toast(() => fixed() ?? why, 'info'));
      }}
      onClick={(e) => {
        const chosen = selection();
        if (chosen === null || !selectable(props.card) || !(ticks() || e.ctrlKey || e.metaKey || e.shiftKey)) props.context.open(props.card);
        else if (e.shiftKey) chosen.extendTo(props.card);
        else chosen.toggle(props.card);
      }}
      onKeyDown={(e) => {
        if (e.target !== e.currentTarget) return;
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          if (ticks()) selection()?.toggle(props.card);
          else props.context.open(props.card);
        } else if ((e.key === 'm' || e.key === 'M') && movable()) {
          e.preventDefault();
          menuButton?.click();
        }
      }}
    >
      <Show when={ticks()}>
        <span class="card-tick" classList={{ 'is-on': selected() }} aria-hidden="true" data-testid="tick" />
      </Show>
      <CardFace card={props.card} context={props.context} pending={pending()} />
      <Show when={movable()}>
        <div class="card-actions">
          <MoveMenu card={props.card} tabbable={tabStop()} buttonRef={(el) => (menuButton = el)} onMove={(to) => props.context.move(props.card, to)} />
        </div>
      </Show>
    </article>
  );
}

/** What the drag overlay shows: the card held, and how many go with it when it is one of several ticked. */
export function DraggedCards(props: { card: Card; context: BoardContext }) {
  const many = () => {
    const selection = props.context.selection;
    return selection !== null && selection.isSelected(props.card) ? selection.size() : 1;
  };
  return (
    <article class={`card overlay card-level-${props.card.level}`} classList={{ 'is-many': many() > 1 }}>
      <CardFace card={props.card} context={props.context} />
      <Show when={many() > 1}>
        <span class="card-count-badge" data-testid="drag-count">
          {bm('draggingMany', { n: many() })}
        </span>
      </Show>
    </article>
  );
}
