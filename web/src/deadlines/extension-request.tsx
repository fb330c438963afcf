import { Show } from 'solid-js';
import type { ItemDetail } from '../api/client';
import { calendarDay, dateTime } from '../ui/dates';
import { xm } from './messages';

/** A request for more time as it waits on an item: the day asked for, why, and when it was asked (which tells one request from the next). */
export interface AskedExtension {
  readonly until: string;
  readonly reason: string;
  readonly at: string;
}

/** A request for more time waiting on an item, as its context holds it; null when none waits. */
export function extensionRequestOf(item: ItemDetail): AskedExtension | null {
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
export function ExtensionRequestNotice(props: { item: ItemDetail; timeZone: string; mayGrant: boolean; mayDecline: boolean; onGrant: () => void; onDecline: () => void }) {
  return (
    <Show when={extensionRequestOf(props.item)}>
      {(request) => (
        <div class="extension-request" data-testid="extension-request">
          <p>
            <strong>{xm('pending')}</strong> {xm('pendingLine', { date: calendarDay(request().until), at: dateTime(request().at, props.timeZone) })}
          </p>
          <p class="extension-reason">{request().reason}</p>
          <Show when={props.mayDecline && !props.mayGrant}>
            <p class="muted" data-testid="office-grants">
              {xm('officeGrants')}
            </p>
          </Show>
          <Show when={props.mayGrant || props.mayDecline}>
            <div class="action-buttons">
              <Show when={props.mayGrant}>
                <button type="button" class="button small primary" data-testid="extension-grant" onClick={() => props.onGrant()}>
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
