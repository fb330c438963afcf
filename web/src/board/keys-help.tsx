import { For, Show, createSignal, onCleanup, onMount } from 'solid-js';
import { t } from '../i18n/i18n';
import { useModalKeys } from '../ui/modal-keys';
import { bm, type BoardMessageKey } from './board-messages';
import { boardShortcutOf, isTypingIn } from './shortcut-keys';

/** Each key the board takes and what it does there, in the order a keyboard user meets them. */
const keyRows: readonly { readonly keys: readonly string[]; readonly does: BoardMessageKey }[] = [
  { keys: ['Tab'], does: 'keysTab' },
  { keys: ['↑', '↓'], does: 'keysUpDown' },
  { keys: ['←', '→'], does: 'keysLeftRight' },
  { keys: ['Home', 'End'], does: 'keysHomeEnd' },
  { keys: ['Enter', 'Space'], does: 'keysOpen' },
  { keys: ['M'], does: 'keysMove' },
  { keys: ['Ctrl/⌘ + click', 'Shift + click'], does: 'keysSelect' },
  { keys: ['Esc'], does: 'keysEscape' },
  { keys: ['/'], does: 'keysSearch' },
  { keys: ['?'], does: 'keysHelp' },
];

/**
 * The board's keys shown to whoever asks with `?` (a sighted keyboard user
 * has no other way to learn them: the cards' descriptions are heard, not
 * seen), and `/` taken to the toolbar's search box. Mounted once with the board.
 */
export function BoardShortcuts() {
  const [open, setOpen] = createSignal(false);
  const onKey = (event: KeyboardEvent) => {
    if (event.defaultPrevented || open()) return;
    const shortcut = boardShortcutOf(event, isTypingIn(event.target));
    if (shortcut === null) return;
    event.preventDefault();
    if (shortcut === 'keys') setOpen(true);
    else document.querySelector<HTMLInputElement>('[role=toolbar] input[name=q]')?.focus();
  };
  onMount(() => document.addEventListener('keydown', onKey));
  onCleanup(() => document.removeEventListener('keydown', onKey));
  return (
    <Show when={open()}>
      <KeysHelp onClose={() => setOpen(false)} />
    </Show>
  );
}

function KeysHelp(props: { onClose: () => void }) {
  let dialog: HTMLDivElement | undefined;
  // Escape closes this dialog only: marked handled before the board's own listeners (the selection's, the drawer's) see it.
  const claimEscape = (event: KeyboardEvent) => {
    if (event.key === 'Escape') event.preventDefault();
  };
  onMount(() => document.addEventListener('keydown', claimEscape, true));
  onCleanup(() => document.removeEventListener('keydown', claimEscape, true));
  useModalKeys(() => dialog, { busy: () => false, onCancel: props.onClose, focusFirst: 'button' });
  return (
    <div class="modal-backdrop" onClick={(e) => e.target === e.currentTarget && props.onClose()}>
      <div ref={dialog} class="modal modal-wide keys-help" role="dialog" aria-modal="true" aria-labelledby="keys-help-title" data-testid="keys-help">
        <header class="modal-header">
          <h2 id="keys-help-title">{bm('keysTitle')}</h2>
        </header>
        <div class="modal-body">
          <dl class="keys-list">
            <For each={keyRows}>
              {(row) => (
                <>
                  <dt>
                    <For each={row.keys}>{(key) => <kbd>{key === 'Space' ? bm('keySpace') : key.replace('click', bm('keyClick'))}</kbd>}</For>
                  </dt>
                  <dd>{bm(row.does)}</dd>
                </>
              )}
            </For>
          </dl>
        </div>
        <footer class="modal-footer">
          <button type="button" class="button primary" onClick={() => props.onClose()}>
            {t('close')}
          </button>
        </footer>
      </div>
    </div>
  );
}
