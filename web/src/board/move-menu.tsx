import { For, Show, createEffect, createMemo, createSignal, createUniqueId, on, onCleanup } from 'solid-js';
import type { Card } from '../api/client';
import { t, tr, trFilled } from '../i18n/i18n';
import { messages } from '../i18n/messages';
import { announce } from '../ui/announcer';
import { eventLabel, stateLabel } from './domain-labels';
import { firstMenuItem, menuItemFor, type MenuEntry } from './menu-keys';

/**
 * The keyboard way to move a card: a button opening a menu of the moves the
 * server allows (WAI-ARIA's menu button). The menu is one stop in the tab
 * order; arrows, Home, End and a typed letter move the focus inside it, Enter
 * or Space moves the card, Escape closes it back where it was opened from.
 * It closes once the focus leaves it, as on a click outside. Someone else's
 * change to the card leaves it open while the moves it offers stay the same;
 * when they change, it closes back where it was opened from, and says why.
 */
export function MoveMenu(props: { card: Card; tabbable: boolean; onMove: (to: string) => void; buttonRef?: (button: HTMLButtonElement) => void }) {
  const [open, setOpen] = createSignal(false);
  // The item in the tab order (a roving tab index): the one last focused, so Tab leaves the menu in one step.
  const [current, setCurrent] = createSignal(0);
  const menuId = createUniqueId();
  let menu: HTMLDivElement | undefined;
  let button: HTMLButtonElement | undefined;
  let wrapper: HTMLDivElement | undefined;
  // Where the focus goes back as the menu closes on a choice or Escape: the card when M opened it from there, else the button.
  let opener: HTMLElement | undefined;

  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) (opener ?? button)?.focus();
  };
  // Its items are keyed by the state they move to, so the card drawn anew with the same moves keeps them, and the focus.
  const targets = createMemo(() => props.card.allowed.map((move) => move.to), [], { equals: (a, b) => a.join() === b.join() });
  const eventTo = (to: string) => props.card.allowed.find((move) => move.to === to)?.event ?? '';
  // The moves as the open menu offers them. Changed under the user by someone else's change, the menu would offer a
  // move no longer allowed, or lose the item the focus was on: it closes.
  const offered = createMemo(() => props.card.allowed.map((move) => `${move.to} ${move.event}`).join('\n'));
  const keyboardInMenu = () => menu?.contains(document.activeElement) === true || document.activeElement === document.body;
  const closeOnChange = (refocus: boolean) => {
    close(refocus);
    announce(trFilled(messages.movesChanged, { id: props.card.id }));
  };
  createEffect(
    on(
      offered,
      () => {
        if (open()) closeOnChange(keyboardInMenu());
      },
      { defer: true },
    ),
  );
  // No moves left at all, the card takes the menu away with its button: the focus goes to the card, if the card is still drawn.
  onCleanup(() => {
    if (!open() || menu?.contains(document.activeElement) !== true) return;
    // Read off the element: the card's props may no longer be read once it is being taken away.
    const card = wrapper?.closest<HTMLElement>('[data-card-id]');
    queueMicrotask(() => {
      if (card?.isConnected !== true || (document.activeElement !== null && document.activeElement !== document.body)) return;
      card.focus();
      announce(trFilled(messages.movesChanged, { id: card.dataset.cardId ?? '' }));
    });
  });
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

  const items = () => Array.from(menu?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []);
  const entriesOf = (list: readonly HTMLElement[]): MenuEntry[] =>
    list.map((item) => ({ label: item.textContent ?? '', disabled: item.getAttribute('aria-disabled') === 'true' }));
  const focusItem = (index: number | null) => {
    if (index === null) return;
    setCurrent(index);
    items()[index]?.focus();
  };

  const openMenu = () => {
    const card = wrapper?.closest<HTMLElement>('[data-card-id]') ?? undefined;
    opener = card !== undefined && document.activeElement === card ? card : button;
    setCurrent(0);
    setOpen(true);
    queueMicrotask(() => focusItem(firstMenuItem(entriesOf(items()))));
  };

  // A native listener, so that the Escape stopped here does not also reach the document's (the drawer's, the batch's).
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close(true);
      return;
    }
    // Back from the menu is its button, which would keep it open (the focus stays inside): closed on the way.
    if (event.key === 'Tab' && event.shiftKey) {
      event.preventDefault();
      close(false);
      button?.focus();
      return;
    }
    if (event.ctrlKey || event.altKey || event.metaKey) return;
    const list = items();
    const to = menuItemFor(event.key, list.findIndex((item) => item === document.activeElement), entriesOf(list));
    if (to === null) return;
    event.preventDefault();
    focusItem(to);
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
        // In the Tab order after its card when the card is the board's Tab stop, else reached from the card by M.
        tabIndex={props.tabbable ? 0 : -1}
        aria-haspopup="menu"
        aria-expanded={open()}
        aria-controls={open() ? menuId : undefined}
        onClick={() => (open() ? close(false) : openMenu())}
      >
        {t('moveTo')}
      </button>
      <Show when={open()}>
        <div
          ref={menu}
          id={menuId}
          class="menu"
          role="menu"
          aria-label={t('moveMenuTitle')}
          on:keydown={onKey}
          onFocusIn={(event) => {
            const at = items().findIndex((item) => item === event.target);
            if (at >= 0) setCurrent(at);
          }}
        >
          <Show when={props.card.allowed.length > 0} fallback={<div class="menu-empty">{t('noMoves')}</div>}>
            <For each={targets()}>
              {(to, index) => (
                <button
                  type="button"
                  role="menuitem"
                  class="menu-item"
                  tabIndex={current() === index() ? 0 : -1}
                  data-testid={`move-to-${to}`}
                  onClick={() => {
                    close(true);
                    props.onMove(to);
                  }}
                >
                  <span class="menu-item-state">{tr(stateLabel(props.card.kind, to))}</span>
                  {/* The move's name beside the state it leads to, where the two differ: 查否 read "查否 查否". */}
                  <Show when={tr(eventLabel(eventTo(to))) !== tr(stateLabel(props.card.kind, to))}>
                    <span class="menu-item-event">{tr(eventLabel(eventTo(to)))}</span>
                  </Show>
                </button>
              )}
            </For>
          </Show>
        </div>
      </Show>
    </div>
  );
}
