import { For, Show, createSignal } from 'solid-js';
import { localDateOf } from '../../../engine/deadlines/local-time';
import type { Label } from '../../../engine/labels';
import type { CampaignDetail } from '../api/client';
import { stateLabel } from '../board/domain-labels';
import { organisationTypeLabel } from '../board/outcome-labels';
import { limitOf, limitedTo, neededField, payloadOf, textLimitsOf, type FieldErrors, type FieldSpec, type FormValues } from '../board/payload-fields';
import { PayloadInput } from '../board/payload-input';
import { extensionMessages } from '../deadlines/messages';
import { messages } from '../i18n/messages';
import { lang, t, tr, unitNamed } from '../i18n/i18n';
import { useBatchPeople } from './batch-people';
import type { BatchItem } from './api';
import { batchMessages, bt } from './batch-messages';
import './batch.css';
import { batchBodies, confirmFrom, eventsOf, planOf, unitFieldName, unitFieldOf, unitsNeeding, unitsOfPlan, valuesForItem, type BatchAction, type BatchPlan } from './batch-plan';
import { fieldsRefused } from './batch-refusal';
import type { FieldIssue } from '../api/problem';
import { afterRetry, leftOf, retryPlan, staleOf, type BatchOutcome, type ItemRef } from './batch-left';
import { batchDraft } from './batch-draft';
import { sendBatch, versionsNow } from './batch-send';
import { me } from '../session/session';
import { overLimit } from '../ui/text-limit';
import { useModalKeys } from '../ui/modal-keys';
import { useBoardMergeLookup } from '../board/merge-lookup';
import { confirmInto, mergeTargetMessages } from '../board/merge-target';
import { MergeTargetNotice } from '../board/merge-target-notice';
import { BatchResultView } from './batch-result';
import { BatchSkipped } from './batch-skipped';
import { calendarDay } from '../ui/dates';
import { focusFirstMarked } from '../ui/first-marked';

/** How many of the units a large batch spans its warning names; the rest are counted. */
const unitsNamed = 4;

/** The title of an action: "批量分派承办人", "Move several items to Verifying". */
export function actionLabel(action: BatchAction, kind: BatchItem['kind']): string {
  return action.type === 'move' ? bt('moveTitle', { state: tr(stateLabel(kind, action.to)) }) : bt(`${action.type}Title`);
}

/**
 * The dialog of a list's batch: asks once for what the items share (and,
 * marked so, what only some need), sends the items in as few requests as
 * the server's limits allow, and then shows what each did: changed, or left
 * as it was and why. Those left can be sent again from there, with all that
 * was typed; closed, they stay selected, and what was typed is kept for the
 * same change opened for them again (see batch-draft.ts).
 */
const batchFallback = (): HTMLElement | null =>
  ['batch-clear', 'select-cards', 'select-page'].reduce<HTMLElement | null>((found, id) => found ?? document.querySelector<HTMLElement>(`[data-testid=${id}]`), null);

export function BatchDialog(props: { action: BatchAction; items: readonly BatchItem[]; campaign: CampaignDetail; now: string; onClose: (outcome: BatchOutcome | null) => void }) {
  const plan = planOf(props.items, props.action);
  const firstKind = plan.items[0]?.item.kind ?? 'clue';
  // What was typed for this change and these items before (a batch that left them, a dialog closed by Escape): filled in again.
  const draft = batchDraft(me()?.id ?? 0, props.campaign.id, props.action);
  const restored = draft.read(props.items);
  const [values, setValues] = createSignal<FormValues>(restored ?? {});
  const [errors, setErrors] = createSignal<FieldErrors>({});
  // Why nothing was changed, when the server refused only what was typed: said above the buttons, the fields marked.
  const [problem, setProblem] = createSignal<Label | null>(null);
  const [progress, setProgress] = createSignal<{ done: number; n: number } | null>(null);
  const [outcome, setOutcome] = createSignal<BatchOutcome | null>(null);
  // A batch whose retry the server refused only for what was typed: the form again, to correct it, and its Apply sends
  // the items that batch left, as the retry did (a first send's refusal of the text keeps the form the same way).
  const [toRetry, setToRetry] = createSignal<BatchOutcome | null>(null);
  /** The items the form is for: those selected, or, when correcting a retry, those the batch left. */
  const formItems = (): readonly ItemRef[] => {
    const earlier = toRetry();
    return earlier === null ? props.items : leftOf(earlier);
  };
  /** How many items Apply sends: those the change is theirs to take (not those it skips), or those a retry sends again. */
  const sendCount = (): number => {
    const earlier = toRetry();
    return earlier === null ? plan.items.length : leftOf(earlier).length;
  };
  /** A large batch is sent only once its sender has ticked that they checked it (see confirmFrom). */
  const asksConfirm = plan.items.length >= confirmFrom;
  const [confirmed, setConfirmed] = createSignal(false);
  let form: HTMLFormElement | undefined;

  const lastDay = props.campaign.endsOn;
  const today = localDateOf(new Date(props.now), props.campaign.timeZone);
  // Each text as long as the events of all the items sent take it (see textLimitsOf), counted and said over as it is typed.
  const maxima = textLimitsOf(eventsOf(plan, props.action));
  /** The fields of every need, in the order first met; `until` is a day between today and the campaign's last. */
  const specs = (): FieldSpec[] =>
    plan.needs.flatMap((need): FieldSpec[] => {
      if (need === 'until') return [{ name: 'until', label: extensionMessages.until, input: 'date', min: today, max: lastDay }];
      if (need === 'reason' && (props.action.type === 'extend' || props.action.type === 'requestExtension')) {
        return [limitedTo({ name: 'reason', label: extensionMessages.reason, input: 'textarea' }, maxima, extensionMessages.reasonNoun)];
      }
      // An assignee for each unit's items, when they are in several: "承办人（汉台分局）".
      if (plan.byUnit.includes(need)) {
        const field = neededField(need, organisationTypeLabel, maxima).inputs[0];
        if (field === undefined) return [];
        return unitsNeeding(plan, need).map((unitId) => {
          const unit = props.campaign.units.find((u) => u.id === unitId);
          return { ...field, name: unitFieldName(need, unitId), label: { zh: `${field.label.zh}（${unit?.nameZh ?? unitId}）`, en: `${field.label.en} (${unit?.nameEn ?? unitId})` } };
        });
      }
      return [...neededField(need, organisationTypeLabel, maxima).inputs];
    });
  /** How many of the items sent need a field, when not all do (of a unit's field, not all of that unit's items). */
  const someNeed = (name: string) => {
    const ofUnit = unitFieldOf(name);
    if (ofUnit !== null) {
      const sent = plan.items.filter((p) => p.item.unitId === ofUnit.unitId);
      const needing = sent.filter((p) => p.needs.includes(ofUnit.need)).length;
      return needing === sent.length ? null : needing;
    }
    const need = name.split('.')[0] ?? name;
    return plan.shared.includes(need) ? null : plan.items.filter((p) => p.needs.includes(need)).length;
  };

  const peopleFor = useBatchPeople(plan);


  // Merged into one clue, all of them, for good: the clue the number names is shown, and only one every item may go into is offered.
  const merge =
    props.action.type === 'move' && props.action.to === 'merged'
      ? useBoardMergeLookup({
          campaign: props.campaign,
          typed: () => values().targetId ?? '',
          sources: () => plan.items.map(({ item }) => ({ id: item.id, campaignId: props.campaign.id, unitId: item.unitId })),
          serverErrors: errors,
        })
      : null;
  const shownErrors = () => merge?.errors() ?? errors();

  /** "3 个单位（城固分局 12 项、汉台分局 6 项、…）": where the items sent are, the largest few named. */
  const unitsText = () => {
    const units = unitsOfPlan(plan);
    const [only] = units;
    if (units.length === 1 && only !== undefined) return unitNamed(props.campaign.units, only.unitId);
    const shown = units.slice(0, unitsNamed).map((u) => bt('unitCount', { name: unitNamed(props.campaign.units, u.unitId), n: u.n }));
    const list = shown.join(lang() === 'zh' ? '、' : ', ') + (units.length > unitsNamed ? bt('unitsMore') : '');
    return bt('units', { n: units.length, list });
  };

  const clearError = (name: string) => {
    if (errors()[name] !== undefined) setErrors((e) => Object.fromEntries(Object.entries(e).filter(([key]) => key !== name)));
  };
  const set = (name: string, value: string) => {
    setValues((v) => ({ ...v, [name]: value }));
    draft.keep(formItems(), values());
    clearError(name);
  };

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    const missing: Record<string, Label> = {};
    for (const spec of specs()) {
      const value = (values()[spec.name] ?? '').trim();
      const limit = limitOf(spec);
      const over = limit === undefined ? null : overLimit(limit, value);
      if (value === '') missing[spec.name] = messages.required;
      // Past its limit every item would be refused for it: said by the box, and nothing is sent.
      else if (over !== null) missing[spec.name] = over;
      // The date field's own bounds are not checked by the browser (the form is novalidate, for its own messages).
      else if (spec.input === 'date' && value < spec.min) missing[spec.name] = extensionMessages.notBeforeToday;
      else if (spec.input === 'date' && value > spec.max) missing[spec.name] = extensionMessages.tooLate;
    }
    if (asksConfirm && !confirmed()) missing.confirm = batchMessages.confirmFirst;
    setErrors(missing);
    setProblem(null);
    if (Object.keys(missing).length > 0) {
      focusFirstError();
      return;
    }
    // Enter in the number before its clue is shown merges nothing: the field says what it waits for.
    if (merge !== null && merge.target() === null) return;
    const earlier = toRetry();
    if (earlier !== null) {
      await retry(earlier);
      return;
    }
    const { outcome: done, stoppedFields } = await send(plan);
    if (keptToCorrect(plan.items.length, done, stoppedFields, batchMessages.noneChanged)) return;
    finish(done);
  }

  /**
   * When a send changed nothing and the server refused only what was typed: the fields marked with its words, the
   * problem said above the buttons, all that was typed kept (true). Else false: the result says what each item did.
   */
  function keptToCorrect(sent: number, done: BatchOutcome, stoppedFields: readonly FieldIssue[], said: Label): boolean {
    const answer = { changed: done.changed.length, refused: done.refused, stopped: done.stopped === null ? null : { fields: stoppedFields }, unknown: done.unknown.length };
    const marked = fieldsRefused(sent, answer, specs().map((spec) => spec.name));
    if (marked === null) return false;
    setErrors(marked);
    setProblem(said);
    focusFirstError();
    return true;
  }

  /** Sends a plan's items with what was typed, saying how far it got. */
  async function send(round: BatchPlan) {
    const bodies = batchBodies(round, props.action, (needs, item) => payloadOf(needs, item === undefined ? values() : valuesForItem(round, values(), item)));
    try {
      return await sendBatch(props.campaign.id, bodies, (done) => setProgress({ done, n: round.items.length }));
    } finally {
      setProgress(null);
    }
  }

  /**
   * Sends again the items a batch left (see leftOf), with the same change and all that was typed: those refused for
   * their version at the version they have now, the rest as they were sent. The server answers each again, and the
   * result counts what both sends changed.
   */
  async function retry(before: BatchOutcome) {
    setProgress({ done: 0, n: leftOf(before).length });
    const versions = await versionsNow(staleOf(before));
    const round = retryPlan(plan, props.action, before, versions);
    const { outcome: again, stoppedFields } = await send(round);
    // Refused only for what was typed (a reason the server finds nothing in, sent again to items another's change
    // had held back): the form again with it, to correct; in the result it could only be sent again as it was.
    if (keptToCorrect(round.items.length, again, stoppedFields, batchMessages.retryNoneChanged)) {
      setToRetry(before);
      setOutcome(null);
      return;
    }
    setToRetry(null);
    finish(afterRetry(before, again), leftOf(before));
  }

  /** The result's Retry: the items the batch shown left. */
  const retryLeft = () => {
    const before = outcome();
    if (before !== null) void retry(before);
  };

  /**
   * Shows what a batch did; what was typed is kept for the items it left (they stay selected once closed), else
   * dropped: the draft kept for the items sent (after a retry, those the first send left, which it was kept for).
   */
  function finish(done: BatchOutcome, sent: readonly ItemRef[] = props.items) {
    const left = leftOf(done);
    if (left.length > 0) draft.keep(left, values());
    else draft.drop(sent);
    setOutcome(done);
    queueMicrotask(() => form?.querySelector<HTMLElement>('[data-testid="batch-close"]')?.focus());
  }

  function focusFirstError() {
    focusFirstMarked(form);
  }

  const busy = () => progress() !== null;
  /** How many items the batch left to send again (none before it is sent). */
  const leftCount = () => {
    const done = outcome();
    return done === null ? 0 : leftOf(done).length;
  };
  /** A merge's button names the clue they go into, once one is shown. */
  const submitLabel = () => {
    const into = merge?.target();
    return into === null || into === undefined ? bt('submit') : tr(confirmInto(into));
  };
  // While a retry's text is corrected, what the batch did before it still stands: the list keeps only those it left.
  const close = () => props.onClose(outcome() ?? toRetry());
  // Cancel is the user's own choice to throw away what was typed; Escape or a click beside the dialog keeps it.
  const cancel = () => {
    draft.drop(formItems());
    close();
  };
  // Once a batch is done only the items it left stay ticked: with none, the bar's buttons are disabled (the board's) or
  // gone (the lists'). The focus goes to the bar's own Clear, which stays while selecting, else to the board's Select
  // or the list's box of the page.
  useModalKeys(() => form, { busy, onCancel: () => close(), focusFirst: 'input, select, textarea', fallback: batchFallback });

  return (
    <div class="modal-backdrop" onClick={(e) => e.target === e.currentTarget && !busy() && close()}>
      <form ref={form} class="modal batch-dialog" role="dialog" aria-modal="true" aria-labelledby="batch-dialog-title" data-testid="batch-dialog" onSubmit={submit} novalidate>
        <header class="modal-header">
          <h2 id="batch-dialog-title">{outcome() === null ? actionLabel(props.action, firstKind) : bt('resultTitle')}</h2>
        </header>
        <Show
          when={outcome()}
          fallback={
            <div class="modal-body">
              <p data-testid="batch-count">
                {sendCount() === 1 ? bt('willChangeOne') : bt('willChange', { n: sendCount() })}
              </p>
              <Show when={toRetry() === null && plan.skipped.length > 0}>
                <BatchSkipped action={props.action} skipped={plan.skipped} />
              </Show>
              <Show when={restored !== null}>
                <p class="muted batch-note" data-testid="batch-restored">
                  {bt('restored')}
                </p>
              </Show>
              <p class="muted batch-note">{bt('eachOnItsOwn')}</p>
              <Show when={props.action.type === 'requestExtension'}>
                <p class="muted batch-note">{bt('requestHint')}</p>
              </Show>
              <For each={specs()}>
                {(spec) => (
                  <div class="batch-field">
                    <PayloadInput
                      spec={spec}
                      value={values()[spec.name] ?? ''}
                      error={shownErrors()[spec.name]}
                      onInput={(value) => set(spec.name, value)}
                      people={peopleFor(spec.name)}
                      units={props.campaign.units}
                    />
                    <Show when={spec.name === 'targetId' ? merge : null}>{(lookup) => <MergeTargetNotice lookup={lookup()} />}</Show>
                    <Show when={someNeed(spec.name)}>
                      {(n) => <p class="muted batch-field-hint">{(unitFieldOf(spec.name)?.need ?? spec.name) === 'assigneeId' && props.action.type === 'move' ? bt('onlyUnassigned', { n: n() }) : bt('onlySome', { n: n() })}</p>}
                    </Show>
                    <Show when={spec.name === 'until'}>
                      <p class="muted batch-field-hint">{bt('untilHint', { last: calendarDay(lastDay) })}</p>
                    </Show>
                  </div>
                )}
              </For>
              <Show when={merge?.target()}>
                <p class="form-warning" data-testid="merge-irreversible">
                  {tr(plan.items.length === 1 ? mergeTargetMessages.irreversible : mergeTargetMessages.irreversibleMany)}
                </p>
              </Show>
              <Show when={asksConfirm}>
                <div class="form-warning batch-warning" data-testid="batch-warning">
                  <p>{bt('largeBatch', { n: plan.items.length, units: unitsText() })}</p>
                  <label class="batch-confirm" classList={{ 'field-error': errors().confirm !== undefined }}>
                    <input
                      type="checkbox"
                      name="confirm"
                      data-testid="batch-confirm"
                      checked={confirmed()}
                      aria-describedby="error-confirm"
                      aria-invalid={errors().confirm !== undefined}
                      onChange={(e) => {
                        setConfirmed(e.currentTarget.checked);
                        clearError('confirm');
                      }}
                    />
                    <span>{bt('confirm', { n: plan.items.length })}</span>
                  </label>
                  <span class="field-message" id="error-confirm" data-testid="error-confirm">
                    <Show when={errors().confirm}>{(error) => tr(error())}</Show>
                  </span>
                </div>
              </Show>
              <Show when={problem()}>
                {(said) => (
                  <p class="form-error" role="alert" data-testid="batch-problem">
                    {tr(said())}
                  </p>
                )}
              </Show>
            </div>
          }
        >
          {(done) => <BatchResultView outcome={done()} items={props.items} campaignId={props.campaign.id} fieldLabel={(name) => specs().find((spec) => spec.name === name)?.label} />}
        </Show>
        <footer class="modal-footer">
          <Show
            when={outcome() === null}
            fallback={
              <>
                <Show when={leftCount()}>
                  {(n) => (
                    <button type="button" class="button" data-testid="batch-retry" disabled={busy()} onClick={() => retryLeft()}>
                      {progress() === null ? (n() === 1 ? bt('retryOne') : bt('retry', { n: n() })) : bt('sending', { done: progress()?.done ?? 0, n: progress()?.n ?? 0 })}
                    </button>
                  )}
                </Show>
                <button type="button" class="button primary" data-testid="batch-close" disabled={busy()} onClick={close}>
                  {bt('close')}
                </button>
              </>
            }
          >
            <button type="button" class="button" disabled={busy()} onClick={cancel}>
              {t('cancel')}
            </button>
            <button type="submit" class="button primary" classList={{ danger: merge !== null }} disabled={busy() || plan.items.length === 0 || merge?.target() === null} data-testid="batch-submit">
              {progress() === null ? submitLabel() : bt('sending', { done: progress()?.done ?? 0, n: progress()?.n ?? 0 })}
            </button>
          </Show>
        </footer>
      </form>
    </div>
  );
}
