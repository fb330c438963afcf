import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import type { Label } from '../../../engine/labels';
import { refusalLabel } from '../board/domain-labels';
import { colon, lang, t, tr } from '../i18n/i18n';
import type { BatchItem, BatchResult } from './api';
import { goneFromSight, leftOf, staleOf, type BatchOutcome } from './batch-left';
import { bt } from './batch-messages';

/**
 * What a batch did, as its dialog shows it once sent: why it stopped, the items whose answer was lost, how many
 * changed, each item left and why (each a link to it on the board, but one gone from the user's sight), and what
 * becomes of those left: kept selected,
 * and, those someone else changed, changed as they are now by a retry.
 */
export function BatchResultView(props: {
  outcome: BatchOutcome;
  items: readonly BatchItem[];
  campaignId: number;
  /** The label of a field of the change, by its name, to say a refusal's fields by. */
  fieldLabel: (name: string) => Label | undefined;
}) {
  const titleOf = (kind: BatchItem['kind'], id: number) => props.items.find((i) => i.kind === kind && i.id === id)?.title ?? '';
  /** An item the result names, by number and title, opening it on the board. */
  const itemLink = (kind: BatchItem['kind'], id: number) => (
    <A href={`/campaigns/${props.campaignId}/board?kind=${kind}&item=${id}`}>
      #{id} {titleOf(kind, id)}
    </A>
  );
  /**
   * Why an item was left: the refusal's own reason, or, where the reason is
   * only the general "some information is invalid", each field and why
   * (a specific reason already says what its field would).
   */
  const refusalText = (refusal: BatchResult['refused'][number]) => {
    // The server's "not found" read as though the number were wrong: said as the drawer and the move dialog say it.
    if (goneFromSight(refusal)) return t('itemGone');
    const general = refusalLabel('payload_invalid');
    if (refusal.fields === undefined || general === undefined || refusal.reason.zh !== general.zh) return tr(refusal.reason);
    const fieldName = (field: string) => {
      const name = field.replace(/^payload\./, '');
      return tr(props.fieldLabel(name) ?? { zh: name, en: name });
    };
    // A message that names its field already ("承办人须属于…") is not given the name again ("承办人 承办人须属于…").
    const said = (f: { field: string; message: Label }) => {
      const name = fieldName(f.field);
      const text = tr(f.message);
      return text.startsWith(name) ? text : `${name} ${text}`;
    };
    return `${tr(refusal.reason)}${colon()}${refusal.fields.map(said).join(lang() === 'zh' ? '；' : '; ')}`;
  };
  const leftCount = () => leftOf(props.outcome).length;
  const staleCount = () => staleOf(props.outcome).length;

  return (
    <div class="modal-body" role="status" data-testid="batch-result">
      <Show when={props.outcome.stopped}>
        {(reason) => <p class="form-error">{bt(props.outcome.unknown.length > 0 ? 'stoppedUnanswered' : 'stopped', { reason: tr(reason()) })}</p>}
      </Show>
      <Show when={props.outcome.unknown.length > 0}>
        <p data-testid="batch-unknown" data-n={props.outcome.unknown.length}>
          {props.outcome.unknown.length === 1 ? bt('unknownOne') : bt('unknown', { n: props.outcome.unknown.length })}
          <Show when={props.outcome.notSent.length > 0}> {bt('notSent', { n: props.outcome.notSent.length })}</Show>
        </p>
        <ul class="batch-refusals">
          <For each={props.outcome.unknown}>
            {(item) => (
              <li data-testid={`batch-unknown-${item.kind}-${item.id}`}>{itemLink(item.kind, item.id)}</li>
            )}
          </For>
        </ul>
      </Show>
      <p data-testid="batch-changed" data-n={props.outcome.changed.length}>
        {bt('changed', { n: props.outcome.changed.length })}
        {props.outcome.refused.length === 0 && props.outcome.stopped === null ? `${lang() === 'zh' ? '；' : '; '}${bt('allChanged')}` : ''}
      </p>
      <Show when={props.outcome.refused.length > 0}>
        <p data-testid="batch-refused" data-n={props.outcome.refused.length}>
          {props.outcome.refused.length === 1 ? bt('refusedOne') : bt('refused', { n: props.outcome.refused.length })}
        </p>
        <ul class="batch-refusals">
          <For each={props.outcome.refused}>
            {(refusal) => (
              <li data-testid={`batch-refused-${refusal.kind}-${refusal.id}`}>
                <Show when={!goneFromSight(refusal)} fallback={`#${refusal.id} ${titleOf(refusal.kind, refusal.id)}`}>
                  {itemLink(refusal.kind, refusal.id)}
                </Show>
                <span class="batch-refusal-reason">{refusalText(refusal)}</span>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={leftCount()}>
        {(n) => (
          <p class="muted batch-note" data-testid="batch-left">
            {n() === 1 ? bt('leftSelectedOne') : bt('leftSelected', { n: n() })}
          </p>
        )}
      </Show>
      {/* A retry sends these at the version they have now: said before it is pressed, as it changes them over someone else's change. */}
      <Show when={staleCount()}>
        {(n) => (
          <p class="muted batch-note" data-testid="batch-stale">
            {n() === 1 ? bt('staleRetryOne') : bt('staleRetry', { n: n() })}
          </p>
        )}
      </Show>
    </div>
  );
}
