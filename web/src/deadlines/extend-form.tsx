import { For, Show, createEffect, createSignal, on } from 'solid-js';
import type { Label } from '../../../engine/labels';
import type { CampaignDetail, ItemDetail } from '../api/client';
import { messages } from '../i18n/messages';
import { tr } from '../i18n/i18n';
import { ActionFooter } from '../board/action-footer';
import { Field } from '../board/item-form';
import type { FieldErrors } from '../board/payload-fields';
import type { FieldsDraft } from '../board/drafts';
import { calendarDay, dueDate } from '../ui/dates';
import { extensionBounds, quickChoices, untilProblem } from './extension-dates';
import { extensionMessages, xm } from './messages';
import { me } from '../session/session';
import { overLimit, withLimit, type TextLimit } from '../ui/text-limit';
import './extension.css';

/** The reason as the server holds it (api/contracts/items.ts, extendRequest). */
const reasonLimit: TextLimit = { name: 'reason', noun: extensionMessages.reasonNoun, max: 4000 };

/**
 * The form of a deadline extension (延期), or of a request for one
 * (申请延期, `ask`): the new last day, picked from a week, a fortnight or a
 * month on, or any day up to the campaign's last, and the reason. Only
 * offered to whom the server lets extend or ask (`changes`); the server
 * judges the day again, and its reason shows by the field.
 */
export function ExtendForm(props: {
  mode: 'extend' | 'ask';
  /** The day to start from: the day asked for, when a lead grants a request, or when its asker asks again (replacing it). */
  initialUntil?: string;
  /** And the reason it gave, to keep or change: granting is agreeing with it, and it was typed once already. */
  initialReason?: string;
  item: ItemDetail;
  campaign: CampaignDetail;
  /** The server's instant, as the board last read it: "today" is the campaign's, not this computer's. */
  now: string;
  busy: boolean;
  problem: Label | null;
  errors: FieldErrors;
  onErrors: (errors: FieldErrors) => void;
  /** Why the form may not be sent as it stands (a grant whose request was answered meanwhile), said in it; null when it may. */
  overtaken?: Label | null;
  onExtend: (body: { until: string; reason: string }) => void;
  onCancel: () => void;
  /** What was typed into this form on this item and not sent (a session that ran out at the submit, a drawer closed): it starts from that, and keeps what is typed. */
  draft: FieldsDraft;
}) {
  const kept = props.draft.read();
  const bounds = () => extensionBounds(props.item, props.now, props.campaign.endsOn, props.campaign.timeZone);
  /** The day asked for, when it is one that can still be given: a request's day gone by is said, not offered. */
  const askedDay = (day: string | undefined) => (day !== undefined && day >= bounds().earliest ? day : '');
  const asked = () => props.initialUntil;
  const [until, setUntil] = createSignal(askedDay(kept?.until ?? props.initialUntil));
  // Granting a request while the form is open: the day it asked for replaces the one chosen.
  createEffect(on(() => props.initialUntil, (day) => day !== undefined && setUntil(askedDay(day)), { defer: true }));
  const [reason, setReason] = createSignal(kept?.reason ?? props.initialReason ?? '');
  const keep = () => props.draft.keep({ until: until(), reason: reason() });
  const shownErrors = () => withLimit(props.errors, reasonLimit, reason());
  createEffect(on(() => props.initialReason, (text) => text !== undefined && setReason(text), { defer: true }));
  const choose = (day: string) => {
    setUntil(day);
    keep();
    props.onErrors(Object.fromEntries(Object.entries(props.errors).filter(([key]) => key !== 'until')));
  };

  /** What the day means: a lead's extension, a request, or a lead's request to the office once past their extensions. */
  const hint = () => xm(props.mode === 'extend' ? 'hint' : me()?.role === 'lead' ? 'askOfficeHint' : 'askHint', { last: calendarDay(bounds().latest) });

  function submit(event: SubmitEvent) {
    event.preventDefault();
    const early: Record<string, Label> = {};
    const wrong = untilProblem(until(), bounds());
    if (wrong !== null) early.until = wrong === 'required' ? messages.required : extensionMessages[wrong];
    const reasonFault = reason().trim() === '' ? messages.required : overLimit(reasonLimit, reason());
    if (reasonFault !== null) early.reason = reasonFault;
    props.onErrors(early);
    if (Object.keys(early).length > 0 || props.overtaken) return;
    props.onExtend({ until: until(), reason: reason().trim() });
  }

  return (
    <form class="action-form extend-form" data-testid={props.mode === 'ask' ? 'ask-form' : 'extend-form'} onSubmit={submit} novalidate>
      <h4>{xm(props.mode === 'ask' ? 'askTitle' : 'title')}</h4>
      <Show when={props.item.dueAt}>{(due) => <p class="muted" data-testid="extend-current">{xm('current', { date: dueDate(due(), props.campaign.timeZone) })}</p>}</Show>
      <Show when={asked() !== undefined && askedDay(asked()) === ''}>
        <p class="muted" data-testid="asked-day-gone">
          {xm('askedDayGone', { date: calendarDay(asked() ?? '') })}
        </p>
      </Show>
      <Show when={props.overtaken}>
        {(why) => (
          <p class="form-warning" role="alert" data-testid="grant-overtaken">
            {tr(why())}
          </p>
        )}
      </Show>
      <Show when={props.mode === 'ask' && props.initialUntil !== undefined}>
        <p class="muted" data-testid="ask-replaces">
          {xm('askReplaces', { date: calendarDay(props.initialUntil ?? '') })}
        </p>
      </Show>
      {/* The quick choices sit beside the date, and the hint under it, outside its label: the date is named "延期至" alone. */}
      <Field name="until" label={xm('until')} errors={props.errors} hint={hint()}>
        <div class="extend-until">
          <input name="until" type="date" min={bounds().earliest} max={bounds().latest} value={until()} aria-invalid={props.errors.until !== undefined} onInput={(e) => choose(e.currentTarget.value)} />
          <For each={quickChoices(bounds())}>
            {(choice) => (
              <button type="button" class="button small ghost" classList={{ chosen: until() === choice.until }} data-testid={`extend-${choice.days}`} onClick={() => choose(choice.until)}>
                {xm('quick', { n: choice.days })}
              </button>
            )}
          </For>
        </div>
      </Field>
      <Field name="reason" label={xm('reason')} errors={shownErrors()} limit={{ text: reason(), max: reasonLimit.max }}>
        <textarea name="reason" rows={2} value={reason()} aria-invalid={shownErrors().reason !== undefined} onInput={(e) => {
            setReason(e.currentTarget.value);
            keep();
          }}
        />
      </Field>
      {/* A grant whose request no longer waits sends nothing: its button says so by being off, not by a click that does nothing. */}
      <ActionFooter busy={props.busy} ready={!props.overtaken} problem={props.problem} label={xm(props.mode === 'ask' ? 'askSave' : 'save')} onCancel={props.onCancel} />
    </form>
  );
}
