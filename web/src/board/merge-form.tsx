import { Show, createEffect, createSignal, on } from 'solid-js';
import { t, tr } from '../i18n/i18n';
import { messages } from '../i18n/messages';
import { ActionFooter } from './action-footer';
import { Field } from './item-form';
import { useMergeLookup } from './merge-lookup';
import { confirmQuestion, mergeTargetMessages as mm, type MergeCandidate, type MergeReader, type MergeSource } from './merge-target';
import { MergeTargetNotice } from './merge-target-notice';
import { invalidIn, keptFields, ReasonField, reasonFault, type FormProps } from './reason-forms';

/**
 * A clue merged into another, by its number, with a reason if the user gives one. As the number is typed, the clue it
 * names is looked up and shown (number, title, unit, state), or why this clue cannot go into it; the merge is offered
 * only once a clue it may go into is shown, and asks to be confirmed, naming that clue, as it cannot be undone.
 */
export function MergeForm(
  props: FormProps & {
    source: MergeSource;
    reader: MergeReader;
    units: readonly { id: string; nameZh: string; nameEn: string }[];
    lookUp: (id: number) => Promise<MergeCandidate>;
    onMerge: (targetId: number, reason: string | null) => void;
  },
) {
  const { fields, set } = keptFields(props.draft, ['targetId', 'reason']);
  const [confirming, setConfirming] = createSignal(false);
  const lookup = useMergeLookup({
    typed: () => fields().targetId,
    sources: () => [props.source],
    reader: props.reader,
    units: () => props.units,
    lookUp: (id) => props.lookUp(id),
    serverErrors: () => props.errors,
  });
  const errors = lookup.errors;
  const target = lookup.target;
  // Refused once sent (the target merged meanwhile, the clue changed): back to the form, where the reason shows.
  createEffect(
    on(
      () => [props.problem, props.errors] as const,
      ([problem, errs]) => {
        if (problem !== null || Object.keys(errs).length > 0) setConfirming(false);
      },
      { defer: true },
    ),
  );

  function typeNumber(text: string) {
    set('targetId')(text);
    // Another number is another merge to confirm.
    setConfirming(false);
    if (props.errors.targetId !== undefined) props.onErrors(Object.fromEntries(Object.entries(props.errors).filter(([name]) => name !== 'targetId')));
  }
  function submit(event: SubmitEvent) {
    event.preventDefault();
    // A reason past its limit is said at the field before anything is confirmed (the server would refuse it).
    const reason = reasonFault(fields().reason, messages.reasonNoun, false);
    if (reason !== null) {
      props.onErrors({ ...props.errors, reason });
      return;
    }
    if (target() !== null) setConfirming(true);
  }
  /** Back to the form, the focus on its merge button, where the confirmation had taken it from. */
  function back() {
    setConfirming(false);
    form?.querySelector<HTMLElement>('[data-testid="action-submit"]')?.focus();
  }
  function confirm() {
    const into = target();
    if (into === null) return;
    props.onMerge(into.id, fields().reason.trim() === '' ? null : fields().reason.trim());
  }

  let form: HTMLFormElement | undefined;
  return (
    <form ref={form} class="action-form" data-testid="merge-form" onSubmit={submit} novalidate>
      <h4>{t('mergeTitle')}</h4>
      <Field
        name="targetId"
        label={t('targetId')}
        errors={errors()}
        notice={<MergeTargetNotice lookup={lookup} />}
      >
        <input
          name="targetId"
          type="number"
          inputMode="numeric"
          min="1"
          value={fields().targetId}
          aria-invalid={invalidIn(errors(), 'targetId')}
          onInput={(e) => typeNumber(e.currentTarget.value)}
        />
      </Field>
      <ReasonField label={t('reason')} errors={props.errors} value={fields().reason} onText={set('reason')} />
      <Show when={confirming() ? target() : null} fallback={<ActionFooter busy={props.busy} problem={props.problem} label={t('merge')} onCancel={props.onCancel} ready={target() !== null} />}>
        {(into) => (
          <div class="merge-confirm" role="group" aria-labelledby="merge-confirm-question" data-testid="merge-confirm">
            <p id="merge-confirm-question" class="merge-confirm-question">
              {tr(confirmQuestion(props.source.id, into()))}
            </p>
            <p>{tr(mm.irreversible)}</p>
            <div class="action-footer">
              {/* The focus lands on going back, not on the merge: a second Enter does not merge unread. */}
              <button type="button" class="button small" data-testid="merge-back" ref={(button) => queueMicrotask(() => button.focus())} onClick={back} disabled={props.busy}>
                {tr(mm.back)}
              </button>
              <button type="button" class="button primary danger small" data-testid="merge-confirm-submit" onClick={confirm} disabled={props.busy}>
                {props.busy ? t('submitting') : tr(mm.confirm)}
              </button>
            </div>
          </div>
        )}
      </Show>
    </form>
  );
}
