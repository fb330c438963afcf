import { For, Show, createResource, createSignal } from 'solid-js';
import type { Label } from '../../../engine/labels';
import { api, type Card, type CampaignDetail } from '../api/client';
import { t, tr, trFilled } from '../i18n/i18n';
import { boardMessages } from './board-messages';
import { keptRead } from '../ui/read-shown';
import { eventLabel, stateLabel } from './domain-labels';
import { organisationTypeLabel } from './outcome-labels';
import { PayloadInput } from './payload-input';
import { checkPayload, initialValues, neededField, offeredField, payloadOf, reasonBesideFields, serverErrors, textLimitsOf, type FieldErrors, type FieldSpec, type FormValues } from './payload-fields';
import type { MoveResult } from './board-state';
import { CaseNumberHint } from '../intake/case-number-hint';
import { holdersOf, useCaseNumberCheck } from '../intake/case-number-check';
import { im } from '../intake/messages';
import { me } from '../session/session';
import { DiscardingCancel, DraftRestored } from './draft-controls';
import { draftValues, keepDraft, readDraft } from './drafts';
import { useModalKeys } from '../ui/modal-keys';
import { useBoardMergeLookup } from './merge-lookup';
import { confirmInto, mergeTargetMessages } from './merge-target';
import { MergeTargetNotice } from './merge-target-notice';
import { focusFirstMarked } from '../ui/first-marked';

export interface MoveDraft {
  readonly card: Card;
  readonly to: string;
  readonly event: string;
  readonly needs: readonly string[];
  /** Fields the move offers without needing them (see AllowedMove.offers). */
  readonly offers: readonly string[];
}

/**
 * Collects what a move needs (assignee, case number, outcome…), built from
 * the move's `needs` and the engine's payload schema. Errors — the client's
 * early ones and the server's — show next to their field.
 */
export function MoveDialog(props: {
  draft: MoveDraft;
  campaign: CampaignDetail;
  onSubmit: (payload: Record<string, unknown>) => Promise<MoveResult>;
  onCancel: () => void;
  /** Someone else changed the card while the dialog is open: the state it is in now, or null when its state stayed (a note, an edit). */
  overtaken?: { readonly state: string | null } | null;
}) {
  const initial = initialValues([...props.draft.needs, ...props.draft.offers]);
  // What was typed for this move and not sent, the dialog closed by Escape or a click beside it (see drafts.ts).
  const draftOf = { move: { kind: props.draft.card.kind, id: props.draft.card.id, to: props.draft.to } };
  const restored = draftValues(readDraft(me()?.id ?? 0, draftOf));
  const [values, setValues] = createSignal<FormValues>({ ...initial, ...restored });
  const keep = (v: FormValues | null) =>
    keepDraft(me()?.id ?? 0, draftOf, v === null || Object.entries(v).every(([name, value]) => value === (initial[name] ?? '')) ? null : JSON.stringify(v));
  const [errors, setErrors] = createSignal<FieldErrors>({});
  const [reason, setReason] = createSignal<Label | null>(null);
  const [busy, setBusy] = createSignal(false);
  const needsUsers = () => props.draft.needs.includes('assigneeId');
  const [usersRead, { refetch: refetchUsers }] = createResource(() => (needsUsers() ? props.draft.card.unitId : false), (unit) => api.users(unit));
  // Kept as last read while a read again fails, and tried again: the dialog stays open, the list as it was.
  const users = keptRead(usersRead, refetchUsers);
  // A case number another clue was filed under is worth a second look before confirming: checked before the clue is
  // filed under it, and filed under a number taken only once confirmed again (see CaseNumberHint).
  const caseNumberChecked = props.draft.card.kind === 'clue' && props.draft.needs.includes('caseNumber');
  const caseNumber = () => values().caseNumber ?? '';
  const caseNumberCheck = caseNumberChecked ? useCaseNumberCheck(() => props.draft.card.id, caseNumber) : null;
  // The number whose filing was confirmed once although other clues hold it: the next confirmation files under it.
  const [heldConfirmed, setHeldConfirmed] = createSignal<string | null>(null);
  const confirmingHeld = () => heldConfirmed() !== null && heldConfirmed() === caseNumber().trim();
  // A merge cannot be undone: the clue its number names is looked up and shown, and only a clue it may go into is offered.
  const merge =
    props.draft.event === 'clue.merge'
      ? useBoardMergeLookup({
          campaign: props.campaign,
          typed: () => values().targetId ?? '',
          sources: () => [{ id: props.draft.card.id, campaignId: props.campaign.id, unitId: props.draft.card.unitId }],
          serverErrors: errors,
        })
      : null;
  const shownErrors = () => merge?.errors() ?? errors();
  // Each text as long as the event's schema takes it, counted and said over as it is typed (see PayloadInput).
  const maxima = textLimitsOf([props.draft.event]);
  const fields = () => [...props.draft.needs.map((need) => neededField(need, organisationTypeLabel, maxima)), ...props.draft.offers.map((offer) => offeredField(offer, organisationTypeLabel, maxima))];
  let form: HTMLFormElement | undefined;

  const set = (name: string, value: string) => {
    setValues((v) => ({ ...v, [name]: value }));
    keep(values());
    if (errors()[name] !== undefined) setErrors((e) => Object.fromEntries(Object.entries(e).filter(([key]) => key !== name)));
  };

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    const early = checkPayload(props.draft.event, props.draft.needs, values(), props.draft.offers);
    setErrors(early);
    if (Object.keys(early).length > 0) {
      focusFirstError();
      return;
    }
    // Enter in the number before its clue is shown merges nothing: the field says what it waits for.
    if (merge !== null && merge.target() === null) return;
    setBusy(true);
    setReason(null);
    if (caseNumberCheck !== null && !confirmingHeld()) {
      // Taken by other clues, or not known to be free (the check failed): filed only once confirmed again.
      const checked = await caseNumberCheck.settle();
      if (checked.state === 'failed' || holdersOf(checked).length > 0) {
        setHeldConfirmed(caseNumber().trim());
        setBusy(false);
        return;
      }
    }
    const result = await props.onSubmit(payloadOf([...props.draft.needs, ...props.draft.offers], values()));
    setBusy(false);
    if (result.ok) keep(null);
    else {
      setReason(reasonBesideFields(result.problem.reason, result.problem.fields));
      setErrors(serverErrors(result.problem.fields));
      focusFirstError();
    }
  }

  /** A merge's button names the clue it goes into, once one is shown. */
  const submitLabel = () => {
    const into = merge?.target();
    return into === null || into === undefined ? t('confirm') : tr(confirmInto(into));
  };

  function focusFirstError() {
    focusFirstMarked(form);
  }

  useModalKeys(() => form, { busy, onCancel: () => props.onCancel(), focusFirst: 'input, select, textarea' });

  const input = (spec: FieldSpec) => (
    <PayloadInput
      spec={spec}
      value={values()[spec.name] ?? ''}
      error={shownErrors()[spec.name]}
      onInput={(value) => set(spec.name, value)}
      people={{ loading: usersRead.loading, people: users() ?? [] }}
      units={props.campaign.units}
    />
  );
  const inputWithHint = (spec: FieldSpec) => (
    <>
      {input(spec)}
      <Show when={spec.name === 'caseNumber' ? caseNumberCheck : null}>
        {(checked) => <CaseNumberHint campaignId={props.campaign.id} check={checked().check()} confirming={confirmingHeld()} />}
      </Show>
      <Show when={spec.name === 'targetId' ? merge : null}>{(lookup) => <MergeTargetNotice lookup={lookup()} />}</Show>
    </>
  );

  return (
    <div class="modal-backdrop" onClick={(e) => e.target === e.currentTarget && !busy() && props.onCancel()}>
      <form ref={form} class="modal" role="dialog" aria-modal="true" aria-labelledby="move-dialog-title" data-testid="move-dialog" onSubmit={submit} novalidate>
        <header class="modal-header">
          <h2 id="move-dialog-title">{tr(eventLabel(props.draft.event))}</h2>
          <p class="muted">
            #{props.draft.card.id} {props.draft.card.title}
          </p>
          <p class="move-path">
            <span class={`state-pill state-${props.draft.card.state}`}>{tr(stateLabel(props.draft.card.kind, props.draft.card.state))}</span>
            <span aria-hidden="true">→</span>
            <span class={`state-pill state-${props.draft.to}`}>{tr(stateLabel(props.draft.card.kind, props.draft.to))}</span>
          </p>
        </header>
        <div class="modal-body">
          <For each={fields()}>
            {(field) => (
              <Show when={field.inputs.length > 1} fallback={<For each={field.inputs}>{(spec) => inputWithHint(spec)}</For>}>
                <fieldset class="field-group">
                  <legend>{tr(field.label)}</legend>
                  <div class="field-grid">
                    <For each={field.inputs}>{(spec) => input(spec)}</For>
                  </div>
                </fieldset>
              </Show>
            )}
          </For>
          <Show when={props.overtaken}>
            {(changed) => (
              <p class="form-warning" role="alert" data-testid="move-overtaken">
                {(() => {
                  const now = changed().state;
                  return now === null || now === props.draft.card.state
                    ? tr(boardMessages.draftOvertaken)
                    : trFilled(boardMessages.draftOvertakenTo, { state: tr(stateLabel(props.draft.card.kind, now)) });
                })()}
              </p>
            )}
          </Show>
          <Show when={merge?.target()}>
            <p class="form-warning" data-testid="merge-irreversible">
              {tr(mergeTargetMessages.irreversible)}
            </p>
          </Show>
          <Show when={reason()}>{(r) => <p class="form-error" role="alert">{tr(r())}</p>}</Show>
          <DraftRestored shown={restored !== null} />
        </div>
        <footer class="modal-footer">
          <DiscardingCancel busy={busy()} discard={() => keep(null)} onCancel={props.onCancel} />
          <button type="submit" class="button primary" classList={{ danger: merge !== null }} disabled={busy() || merge?.target() === null} data-testid="move-submit">
            {busy() ? t('submitting') : confirmingHeld() ? im('caseNumberFileAnyway') : submitLabel()}
          </button>
        </footer>
      </form>
    </div>
  );
}
