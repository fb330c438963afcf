import { For, Show } from 'solid-js';
import { named } from '../i18n/i18n';
import { holdersOf, type CaseNumberCheck } from './case-number-check';
import { stateLabel, useUnits } from './duplicate-hint';
import { count, fill, im } from './messages';
import './intake.css';

const holdersShown = 10;

/**
 * Under the case number while a clue is being filed: the other clues of the
 * campaign already filed under it (see useCaseNumberCheck). A warning, not a
 * refusal (one case can cover several clues); shown only when the number is
 * taken or the check failed, and, once the filing was confirmed under a
 * number taken or not checked, asking for the confirmation again.
 */
export function CaseNumberHint(props: { campaignId: number; check: CaseNumberCheck; confirming: boolean }) {
  const units = useUnits();
  const holders = () => holdersOf(props.check);
  const unitName = (id: string) => {
    const unit = units()?.find((u) => u.id === id);
    return unit === undefined ? id : named(unit);
  };
  const href = (id: number) => `/campaigns/${props.campaignId}/board?item=${id}`;

  return (
    <Show when={props.check.state === 'failed' || holders().length > 0}>
      <aside class="duplicate-hint has-matches case-number-hint" aria-live="polite" data-testid="case-number-hint">
        <Show when={props.check.state !== 'failed'} fallback={<p class="muted">{im('caseNumberCheckFailed')}</p>}>
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
        {/* Asked again whether the number is taken or could not be checked: filed under it only once confirmed. */}
        <Show when={props.confirming}>
          <p role="alert" data-testid="case-number-confirm">
            <strong>{im(props.check.state === 'failed' ? 'caseNumberUncheckedConfirm' : 'caseNumberConfirmAgain')}</strong>
          </p>
        </Show>
      </aside>
    </Show>
  );
}
