import { Show } from 'solid-js';
import { campaignStateLabels } from '../../../engine/campaign/campaign.labels';
import type { CampaignDetail } from '../api/client';
import { named, t, tr } from '../i18n/i18n';

/** The window of the current phase, or of the whole campaign before and after its phases. */
function phaseWindow(detail: CampaignDetail): string {
  const windows: Record<string, { start: string; end: string }> = detail.windows;
  const w = windows[detail.state];
  return w === undefined ? `${detail.startsOn} – ${detail.endsOn}` : `${w.start} – ${w.end}`;
}

/** The campaign's name, current phase and its window in the top bar, flagged when the phase is overdue. */
export function CampaignHead(props: { detail: CampaignDetail }) {
  return (
    <div class="campaign-head">
      <h1 class="campaign-name" title={named(props.detail)}>
        {named(props.detail)}
      </h1>
      <span class={`phase-pill phase-${props.detail.state}`} data-testid="phase">
        <span class="phase-label">{t('currentPhase')}</span>
        {tr(campaignStateLabels[props.detail.state])}
      </span>
      <span class="muted phase-window">{phaseWindow(props.detail)}</span>
      <Show when={props.detail.overdue}>
        <span class="level-badge level-2">{t('phaseOverdue')}</span>
      </Show>
    </div>
  );
}
