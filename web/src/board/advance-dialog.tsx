import { A } from '@solidjs/router';
import { For, Show, createSignal } from 'solid-js';
import type { Label } from '../../../engine/labels';
import { campaignStateLabels } from '../../../engine/campaign/campaign.labels';
import { api, type CampaignDetail } from '../api/client';
import { ApiProblem } from '../api/problem';
import { t, tr } from '../i18n/i18n';
import { messages } from '../i18n/messages';
import { bm, boardMessages } from './board-messages';
import { Field } from './item-form';
import type { FieldErrors } from './payload-fields';
import { nextStateOf, nextWindowEnded } from './phase-advance';
import { blockingLinks } from './advance-links';
import { calendarDay } from '../ui/dates';
import { useModalKeys } from '../ui/modal-keys';
import { me } from '../session/session';
import { textDraft } from './drafts';
import { overLimit, withLimit, type TextLimit } from '../ui/text-limit';

/** The reason as the server holds it (api/contracts/campaign.ts, advanceRequest). */
const reasonLimit: TextLimit = { name: 'reason', noun: boardMessages.advanceReasonNoun, max: 4000 };

/** The campaign as it is now, which the server's refusal of a stale advance carries. */
function campaignOf(problem: ApiProblem): CampaignDetail | null {
  const body = problem.body;
  if (typeof body !== 'object' || body === null || !('current' in body)) return null;
  const current = body.current;
  return typeof current === 'object' && current !== null && 'state' in current ? (current as CampaignDetail) : null;
}

/**
 * The office's advance into the next phase (推进阶段): what the phase has not
 * met of its exit criteria, with how many items hold each back, and the
 * reason the engine asks for while one is unmet. The phase left is frozen
 * by the advance, which the dialog says before it is confirmed. The server
 * judges (the next window open, the criteria, the version): its refusal is
 * shown here, by field.
 */
export function AdvanceDialog(props: { detail: CampaignDetail; window: string; now: string; onClose: (advanced: CampaignDetail | null) => void }) {
  const next = nextStateOf(props.detail) ?? 'concluded';
  // The advance confirmed is the one offered when the dialog opened: the board behind it may meanwhile show the phase it
  // entered (an answer the network lost, the live stream bringing the advance), and that version would make a second one.
  const openedAt = props.detail.version;
  const windowEnded = () => nextWindowEnded(props.detail, props.now);
  const names = { current: tr(campaignStateLabels[props.detail.state]), next: tr(campaignStateLabels[next]), window: props.window };
  // Kept as typed until the advance is made: the dialog's links to what holds the phase back close it, and the reason
  // was lost on the way back.
  const draft = textDraft(() => me()?.id ?? 0, () => ({ advance: { campaignId: props.detail.id, from: props.detail.state } }));
  const [reason, setReason] = createSignal(draft.read() ?? '');
  const [errors, setErrors] = createSignal<FieldErrors>({});
  const shownErrors = () => withLimit(errors(), reasonLimit, reason());
  const [refusal, setRefusal] = createSignal<Label | null>(null);
  const [busy, setBusy] = createSignal(false);
  let form: HTMLFormElement | undefined;

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    const fault = props.detail.unmet.length > 0 && reason().trim() === '' ? messages.required : overLimit(reasonLimit, reason());
    if (fault !== null) {
      setErrors({ reason: fault });
      form?.querySelector<HTMLElement>('textarea')?.focus();
      return;
    }
    setBusy(true);
    setRefusal(null);
    try {
      const advanced = await api.advance(props.detail.id, { version: openedAt, ...(reason().trim() === '' ? {} : { reason: reason().trim() }) });
      draft.drop();
      props.onClose(advanced);
    } catch (problem) {
      if (!(problem instanceof ApiProblem)) throw problem;
      // Sent again after its answer was lost, the advance is found made: the campaign is in the phase it moves to.
      const current = problem.code === 'version_conflict' ? campaignOf(problem) : null;
      if (current !== null && current.state === next) {
        draft.drop();
        props.onClose(current);
        return;
      }
      const fields: Record<string, Label> = {};
      for (const issue of problem.fields) fields[issue.field] = issue.message;
      setErrors(fields);
      if (fields.reason === undefined || problem.fields.length > 1) setRefusal(problem.reason);
    } finally {
      setBusy(false);
    }
  }

  useModalKeys(() => form, { busy, onCancel: () => props.onClose(null), focusFirst: 'textarea, button[type=submit]' });

  return (
    <div class="modal-backdrop" onClick={(e) => e.target === e.currentTarget && !busy() && props.onClose(null)}>
      <form ref={form} class="modal" role="dialog" aria-modal="true" aria-labelledby="advance-title" data-testid="advance-dialog" onSubmit={submit} novalidate>
        <header class="modal-header">
          <h2 id="advance-title">{next === 'concluded' ? bm('concludeTitle') : bm('advanceTitle', names)}</h2>
          <p class="muted">{bm('advanceFrom', names)}</p>
        </header>
        <div class="modal-body">
          <Show when={props.detail.unmet.length > 0} fallback={<p data-testid="advance-met">{bm('advanceMet')}</p>}>
            <p>{bm('advanceUnmet')}</p>
            <ul class="advance-unmet" data-testid="advance-unmet">
              <For each={props.detail.unmet}>
                {(unmet) => (
                  <li>
                    {tr(unmet.description)}
                    <Show when={unmet.blocking.count > 0}>
                      <span class="muted"> · {unmet.blocking.count === 1 ? bm('advanceBlockingOne') : bm('advanceBlocking', { n: unmet.blocking.count })}</span>
                    </Show>
                    {/* Where to put it right: the dialog closes, as the page it opens may be this board. */}
                    <For each={blockingLinks(props.detail.id, unmet.criterion)}>
                      {(link) => (
                        <>
                          {' · '}
                          <A href={link.href} data-testid="advance-blocking-link" onClick={() => props.onClose(null)}>
                            {tr(link.label)}
                          </A>
                        </>
                      )}
                    </For>
                  </li>
                )}
              </For>
            </ul>
            <Field name="reason" label={bm('advanceReason')} errors={shownErrors()} limit={{ text: reason(), max: reasonLimit.max }} wide>
              <textarea
                name="reason"
                rows={3}
                value={reason()}
                aria-invalid={shownErrors().reason !== undefined}
                onInput={(e) => {
                  setReason(e.currentTarget.value);
                  draft.keep(e.currentTarget.value);
                }}
              />
            </Field>
          </Show>
          {/* From planning there is no phase report to freeze; into the end no phase begins, and nothing moves after. */}
          <Show when={props.detail.state !== 'planned'}>
            <p class="form-warning">{bm(next === 'concluded' ? 'advanceFreezesLast' : 'advanceFreezes', names)}</p>
          </Show>
          <Show when={next === 'concluded'}>
            <p class="form-warning advance-concludes" data-testid="advance-concludes">
              <strong>{bm('advanceConcludes')}</strong>
              <Show when={props.detail.leftOpen}>{(open) => <> {bm('advanceLeftOpen', { clues: open().clues, problems: open().problems })}</>}</Show>
            </p>
          </Show>
          <Show when={windowEnded()}>
            {(end) => (
              <p class="form-error" role="alert" data-testid="advance-window-ended">
                {bm('advanceWindowEnded', { next: names.next, end: calendarDay(end()) })} <A href={`/campaigns/${props.detail.id}/settings`}>{bm('advanceToSettings')}</A>
              </p>
            )}
          </Show>
          <Show when={refusal()}>{(r) => <p class="form-error" role="alert" data-testid="advance-refused">{tr(r())}</p>}</Show>
        </div>
        <footer class="modal-footer">
          <button type="button" class="button" disabled={busy()} onClick={() => props.onClose(null)}>
            {t('cancel')}
          </button>
          {/* Concluding cannot be undone: said on its button, in the colour of what cannot. */}
          <button type="submit" class="button primary" classList={{ danger: next === 'concluded' }} disabled={busy() || windowEnded() !== null} data-testid="advance-submit">
            {busy() ? t('submitting') : bm(next === 'concluded' ? 'concludeConfirm' : 'advanceConfirm')}
          </button>
        </footer>
      </form>
    </div>
  );
}
