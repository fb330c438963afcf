import { Show, createSignal } from 'solid-js';
import type { Label } from '../../../engine/labels';
import type { ItemDetail } from '../api/client';
import { messages } from '../i18n/messages';
import { ActionFooter } from '../board/action-footer';
import { Field } from '../board/item-form';
import type { FieldErrors } from '../board/payload-fields';
import type { FieldsDraft } from '../board/drafts';
import { calendarDay, dateTime } from '../board/format';
import { xm } from './messages';

/** A request for more time waiting on an item, as its context holds it; null when none waits. */
export function extensionRequestOf(item: ItemDetail): { until: string; reason: string; at: string } | null {
  const request = item.context.extensionRequest;
  if (typeof request !== 'object' || request === null) return null;
  const { until, reason, at } = request as { until?: unknown; reason?: unknown; at?: unknown };
  return typeof until === 'string' && typeof reason === 'string' && typeof at === 'string' ? { until, reason, at } : null;
}

/**
 * The request waiting on the item (延期申请): the day asked for, when and
 * why. A lead or the office answers it here: grant (the extension form,
 * the day asked already chosen) or decline with a reason; a lead who has
 * given as many extensions in this state as the campaign allows may only
 * decline (the office grants).
 */
export function ExtensionRequestNotice(props: { item: ItemDetail; timeZone: string; mayGrant: boolean; mayDecline: boolean; onGrant: (until: string) => void; onDecline: () => void }) {
  return (
    <Show when={extensionRequestOf(props.item)}>
      {(request) => (
        <div class="extension-request" data-testid="extension-request">
          <p>
            <strong>{xm('pending')}</strong> {xm('pendingLine', { date: calendarDay(request().until), at: dateTime(request().at, props.timeZone) })}
          </p>
          <p class="extension-reason">{request().reason}</p>
          <Show when={props.mayGrant || props.mayDecline}>
            <div class="action-buttons">
              <Show when={props.mayGrant}>
                <button type="button" class="button small primary" data-testid="extension-grant" onClick={() => props.onGrant(request().until)}>
                  {xm('grant')}
                </button>
              </Show>
              <Show when={props.mayDecline}>
                <button type="button" class="button small" data-testid="extension-decline" onClick={() => props.onDecline()}>
                  {xm('decline')}
                </button>
              </Show>
            </div>
          </Show>
        </div>
      )}
    </Show>
  );
}

/** Declining a request for more time: the reason its asker reads. */
export function DeclineForm(props: {
  busy: boolean;
  problem: Label | null;
  errors: FieldErrors;
  onErrors: (errors: FieldErrors) => void;
  onDecline: (reason: string) => void;
  onCancel: () => void;
  /** The reason typed on this item and not sent: it starts from that, and keeps what is typed. */
  draft: FieldsDraft;
}) {
  const [reason, setReason] = createSignal(props.draft.read()?.reason ?? '');
  function submit(event: SubmitEvent) {
    event.preventDefault();
    if (reason().trim() === '') {
      props.onErrors({ reason: messages.required });
      return;
    }
    props.onDecline(reason().trim());
  }
  return (
    <form class="action-form" data-testid="decline-form" onSubmit={submit} novalidate>
      <h4>{xm('decline')}</h4>
      <Field name="reason" label={xm('declineReason')} errors={props.errors}>
        <textarea
          name="reason"
          rows={2}
          maxLength={4000}
          value={reason()}
          aria-invalid={props.errors.reason !== undefined}
          onInput={(e) => {
            setReason(e.currentTarget.value);
            props.draft.keep({ reason: e.currentTarget.value });
          }}
        />
      </Field>
      <ActionFooter busy={props.busy} problem={props.problem} label={xm('decline')} onCancel={props.onCancel} />
    </form>
  );
}
