import { For, Show, createResource } from 'solid-js';
import type { CampaignDetail } from '../api/client';
import { unlessGone } from '../api/unless-gone';
import { unitNamed } from '../i18n/i18n';
import { dateTime } from '../ui/dates';
import { intakeApi } from './api';
import { MatchLine, stateLabel } from './duplicate-hint';
import { im } from './messages';
import './intake.css';

/**
 * In a clue's drawer: the other clues of the campaign, whatever their unit, that
 * hold a phone number, account, web address or ID number this one holds
 * (串并线索): the duplicate check at intake, asked again of a clue already
 * on the board, since the other may have come in later or through another
 * unit. A clue out of the viewer's units shows its unit, not its title.
 * Shown only when there is one.
 */
export function SharedNumbersSection(props: { clueId: number; campaign: CampaignDetail; revision: number; mayMerge: boolean }) {
  const [shared] = createResource(
    () => ({ id: props.clueId, revision: props.revision }),
    (key) => unlessGone(intakeApi.duplicatesOfClue(key.id)),
  );
  // As the drawer writes its own times (the create dialog's hint writes the day alone).
  const day = (iso: string) => dateTime(iso, props.campaign.timeZone);
  const href = (id: number) => `/campaigns/${props.campaign.id}/board?item=${id}`;
  const failed = () => shared.error !== undefined;
  const matches = () => (failed() ? [] : (shared.latest?.matches ?? []));
  return (
    <Show when={failed() || matches().length > 0}>
      <section data-testid="shared-numbers" aria-labelledby="shared-numbers-title">
        <h3 id="shared-numbers-title">{im('sharedTitle')}</h3>
        <Show when={!failed()} fallback={<p class="muted">{im('sharedFailed')}</p>}>
          {/* "Check whether to merge" is said to whoever can: to a viewer, or on a clue merged already, it was an order no one could follow. */}
          <p class="muted shared-lead">{im(props.mayMerge ? 'sharedLead' : 'sharedLeadRead')}</p>
          <ul class="hint-matches">
            <For each={matches()}>{(match) => <MatchLine match={match} href={href(match.clueId)} unit={unitNamed(props.campaign.units, match.unitId)} state={stateLabel(match.state)} day={day(match.foundAt)} />}</For>
          </ul>
        </Show>
      </section>
    </Show>
  );
}
