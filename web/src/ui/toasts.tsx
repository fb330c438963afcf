import { A } from '@solidjs/router';
import { For, Show, createSignal } from 'solid-js';
import { t } from '../i18n/i18n';
import { withToast, type Toast, type ToastLink, type ToastTone } from './toast-list';

export type { ToastTone } from './toast-list';

const [toasts, setToasts] = createSignal<readonly Toast[]>([]);
let nextId = 1;

/** Shows a message for a few seconds (errors, and one with a link to follow, stay longer). */
export function toast(text: () => string, tone: ToastTone = 'error', link?: ToastLink): void {
  const id = nextId++;
  setToasts((list) => withToast(list, { id, tone, text, ...(link === undefined ? {} : { link }) }));
  setTimeout(() => dismiss(id), tone === 'error' || link !== undefined ? 10_000 : 5000);
}

/** Takes every message down at once. */
export function dismissAllToasts(): void {
  setToasts([]);
}

function dismiss(id: number): void {
  setToasts((list) => list.filter((item) => item.id !== id));
}

export function Toasts() {
  return (
    <div class="toasts" aria-live="polite">
      <For each={toasts()}>
        {(item) => (
          <div class={`toast toast-${item.tone}`} data-testid="toast" role={item.tone === 'error' ? 'alert' : 'status'}>
            <span class="toast-text">
              {item.text()}
              <Show when={item.link}>
                {(link) => (
                  <>
                    {' '}
                    <A href={link().href} class="toast-link" data-testid="toast-link" onClick={() => dismiss(item.id)}>
                      {link().text()}
                    </A>
                  </>
                )}
              </Show>
            </span>
            <button type="button" class="toast-close" aria-label={t('close')} onClick={() => dismiss(item.id)}>
              ×
            </button>
          </div>
        )}
      </For>
    </div>
  );
}
