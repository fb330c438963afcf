import { For, Show } from 'solid-js';
import type { PhaseAdvance } from '../../../api/contracts/report';
import { aside, tr, trFilled } from '../i18n/i18n';
import { dateTime } from '../ui/dates';
import { count } from './format';
import { reportMessages, rt } from './messages';

/**
 * The record of the advance that froze a phase's report, as its audit entry keeps it: who advanced, when, the
 * completion criteria unmet then, and the reason the office wrote for going on with them. It was asked for in the
 * advance dialog and kept only in the log, where no page showed it; it belongs to the phase's record (and its print).
 */
export function AdvanceRecord(props: { advance: PhaseAdvance; timeZone: string }) {
  return (
    <div class="frozen-advance" data-testid="frozen-advance">
      <h3>{rt('advanceRecord')}</h3>
      <dl>
        <div>
          <dt>{rt('advancedBy')}</dt>
          <dd data-testid="advance-by">{props.advance.actorName ?? rt('advanceActorUnknown')}</dd>
        </div>
        <div>
          <dt>{rt('advancedAt')}</dt>
          <dd data-testid="advance-at">{dateTime(props.advance.at, props.timeZone)}</dd>
        </div>
        <div class="frozen-advance-wide">
          <dt>{rt('advanceUnmet')}</dt>
          <dd data-testid="advance-unmet">
            <Show when={props.advance.unmet} fallback={rt('advanceUnmetUnknown')}>
              {(unmet) => (
                <Show when={unmet().length > 0} fallback={rt('advanceAllMet')}>
                  <ul>
                    <For each={unmet()}>
                      {(criterion) => (
                        <li>
                          {tr(criterion.description)}
                          {criterion.blocking > 0 ? aside(criterion.blocking === 1 ? rt('advanceBlockingOne') : trFilled(reportMessages.advanceBlocking, { n: count(criterion.blocking) })) : ''}
                        </li>
                      )}
                    </For>
                  </ul>
                </Show>
              )}
            </Show>
          </dd>
        </div>
        <Show when={props.advance.reason}>
          {(reason) => (
            <div class="frozen-advance-wide">
              <dt>{rt('advanceReason')}</dt>
              <dd class="frozen-advance-reason" data-testid="advance-reason">
                {reason()}
              </dd>
            </div>
          )}
        </Show>
      </dl>
    </div>
  );
}
