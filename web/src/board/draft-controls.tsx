import { Show } from 'solid-js';
import { t } from '../i18n/i18n';

/** Said in a dialog that opened with what the user had typed and not sent (see drafts.ts). */
export function DraftRestored(props: { shown: boolean }) {
  return (
    <Show when={props.shown}>
      <p class="field-hint muted" data-testid="draft-restored">
        {t('draftRestored')}
      </p>
    </Show>
  );
}

/** A dialog's Cancel: the user's own choice to throw the draft away, where Escape and a click beside the dialog keep it. */
export function DiscardingCancel(props: { busy: boolean; discard: () => void; onCancel: () => void }) {
  return (
    <button
      type="button"
      class="button"
      onClick={() => {
        props.discard();
        props.onCancel();
      }}
      disabled={props.busy}
    >
      {t('cancel')}
    </button>
  );
}
