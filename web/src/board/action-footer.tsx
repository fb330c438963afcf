import { Show } from 'solid-js';
import type { Label } from '../../../engine/labels';
import { t, tr } from '../i18n/i18n';

/**
 * The foot of a drawer action's form: the server's reason if it refused, cancel, and the submit button (busy while
 * sent; held while `ready` is false, the form saying beside its fields what it waits for).
 */
export function ActionFooter(props: { busy: boolean; problem: Label | null; label: string; onCancel: () => void; ready?: boolean }) {
  return (
    <>
      <Show when={props.problem}>{(p) => <p class="form-error" role="alert">{tr(p())}</p>}</Show>
      <div class="action-footer">
        <button type="button" class="button small" onClick={() => props.onCancel()} disabled={props.busy}>
          {t('cancel')}
        </button>
        <button type="submit" class="button primary small" data-testid="action-submit" disabled={props.busy || props.ready === false}>
          {props.busy ? t('submitting') : props.label}
        </button>
      </div>
    </>
  );
}
