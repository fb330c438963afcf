import { For, Show, createSignal, onCleanup } from 'solid-js';
import type { Card } from '../api/client';
import { t, tr } from '../i18n/i18n';
import { eventLabel, stateLabel } from './domain-labels';

/**
 * The keyboard way to move a card: a button opening a menu of the moves
 * the server allows, each a button (Tab/arrows to choose, Enter to move,
 * Escape to close). It closes once the focus leaves it, as on a click outside.
 */
export function MoveMenu(props: { card: Card; onMove: (to: string) => void; buttonRef?: (button: HTMLButtonElement) => void }) {
  const [open, setOpen] = createSignal(false);
  let menu: HTMLDivElement | undefined;
  let button: HTMLButtonElement | undefined;
  let wrapper: HTMLDivElement | undefined;

  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button?.focus();
  };
  // Tabbing past its last item left it open over the next card, where Escape no longer reached it.
  // The focus gone nowhere (the window left, a click outside, which closes it anyway) keeps it open, and so does
  // the focus given back to its own card (the board puts it there as the drawer closes, which may land just after M).
  const onFocusOut = (event: FocusEvent) => {
    const to = event.relatedTarget;
    if (!open() || !(to instanceof Node) || wrapper?.contains(to) === true) return;
    if (to === wrapper?.closest('[data-card-id]')) return;
    close(false);
  };
  const onDocumentPointer = (event: PointerEvent) => {
    if (menu !== undefined && !menu.contains(event.target as Node) && event.target !== button) close(false);
  };
  document.addEventListener('pointerdown', onDocumentPointer);
  onCleanup(() => document.removeEventListener('pointerdown', onDocumentPointer));

  const items = () => Array.from(menu?.querySelectorAll<HTMLButtonElement>('button[role="menuitem"]') ?? []);
  const onKey = (event: KeyboardEvent) => {
    const list = items();
    const at = list.indexOf(document.activeElement as HTMLButtonElement);
    if (event.key === 'Escape') {
      event.preventDefault();
      close(true);
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      list[(at + step + list.length) % list.length]?.focus();
    }
  };

  return (
    <div ref={wrapper} class="move-menu" onClick={(e) => e.stopPropagation()} onFocusOut={onFocusOut}>
      <button
        ref={(el) => {
          button = el;
          props.buttonRef?.(el);
        }}
        type="button"
        class="card-action"
        data-testid="move-menu"
        aria-haspopup="menu"
        aria-expanded={open()}
        onClick={() => {
          setOpen(!open());
          if (open()) queueMicrotask(() => items()[0]?.focus());
        }}
      >
        {t('moveTo')}
      </button>
      <Show when={open()}>
        <div ref={menu} class="menu" role="menu" aria-label={t('moveMenuTitle')} onKeyDown={onKey}>
          <Show when={props.card.allowed.length > 0} fallback={<div class="menu-empty">{t('noMoves')}</div>}>
            <For each={props.card.allowed}>
              {(move) => (
                <button
                  type="button"
                  role="menuitem"
                  class="menu-item"
                  data-testid={`move-to-${move.to}`}
                  onClick={() => {
                    close(true);
                    props.onMove(move.to);
                  }}
                >
                  <span class="menu-item-state">{tr(stateLabel(props.card.kind, move.to))}</span>
                  <span class="menu-item-event">{tr(eventLabel(move.event))}</span>
                </button>
              )}
            </For>
          </Show>
        </div>
      </Show>
    </div>
  );
}
