import { For, Show, createEffect, createSignal, on } from 'solid-js';
import { named } from '../i18n/i18n';
import { intakeApi, type CaseNumberHolders } from './api';
import { askAfterPause } from './ask-after-pause';
import { stateLabel, useUnits } from './duplicate-hint';
import { count, fill, im } from './messages';
import './intake.css';

const holdersShown = 10;

type Check = { state: 'idle' } | { state: 'done'; answer: CaseNumberHolders } | { state: 'failed' };

/**
 * Under the case number while a clue is being filed: the other clues of the
 * campaign already filed under it. A warning, not a refusal (one case can
 * cover several clues); asked after a pause in typing, and shown only when
 * the number is taken or the check failed.
 */
export function CaseNumberHint(props: { campaignId: number; clueId: number; caseNumber: string }) {
  const units = useUnits();
  const [check, setCheck] = createSignal<Check>({ state: 'idle' });

  createEffect(
    on([() => props.caseNumber.trim(), () => props.clueId], ([caseNumber, clueId]) => {
      setCheck({ state: 'idle' });
      // Longer than the server takes: checked as it is sent, then refused beside the field.
      if (caseNumber === '' || caseNumber.length > 64) return;
      askAfterPause(
        () => intakeApi.caseNumberHolders(clueId, caseNumber),
        (answer) => setCheck({ state: 'done', answer }),
        () => setCheck({ state: 'failed' }),
      );
    }),
  );

  const holders = () => {
    const current = check();
    return current.state === 'done' ? current.answer.holders : [];
  };
  const unitName = (id: string) => {
    const unit = units()?.find((u) => u.id === id);
    return unit === undefined ? id : named(unit);
  };
  const href = (id: number) => `/campaigns/${props.campaignId}/board?item=${id}`;

  return (
    <Show when={check().state === 'failed' || holders().length > 0}>
      <aside class="duplicate-hint has-matches case-number-hint" aria-live="polite" data-testid="case-number-hint">
        <Show when={check().state !== 'failed'} fallback={<p class="muted">{im('caseNumberCheckFailed')}</p>}>
          <p class="hint-head">
            <strong>{holders().length === 1 ? im('caseNumberHeldOne') : fill('caseNumberHeldMany', { n: count(holders().length) })}</strong> {im('caseNumberShared')}
          </p>
          <ul class="hint-matches">
            <For each={holders().slice(0, holdersShown)}>
              {(holder) => (
                <li class="hint-match" data-testid={`case-number-holder-${holder.clueId}`}>
                  <a href={href(holder.clueId)} target="_blank" rel="noopener" class="clue-link">
                    #{holder.clueId}
                  </a>
                  <span class="hint-title" classList={{ muted: holder.title === null }}>
                    {holder.title ?? im('hintOutOfScope')}
                  </span>
                  <span class="chip">{unitName(holder.unitId)}</span>
                  <span class="chip">{stateLabel(holder.state)}</span>
                </li>
              )}
            </For>
          </ul>
          <Show when={holders().length > holdersShown}>
            <p class="muted">{fill('hintMore', { n: count(holders().length - holdersShown) })}</p>
          </Show>
        </Show>
      </aside>
    </Show>
  );
}
