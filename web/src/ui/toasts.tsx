import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { t } from '../i18n/i18n';
import { dismiss, shownToasts } from './toast-store';

export type { ToastTone } from './toast-list';
export { dismissAllToasts, toast } from './toast-store';

export function Toasts() {
  return (
    <div class="toasts" aria-live="polite">
      <For each={shownToasts()}>
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
