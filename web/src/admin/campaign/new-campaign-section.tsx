import { A } from '@solidjs/router';
import { cm } from './messages';
import { SectionFrame } from './section-frame';
import type { SectionProps } from './form-kit';

/** The way to a new campaign from this one's settings: the new campaign's page, with this campaign's configuration chosen to copy. */
export function NewCampaignSection(props: SectionProps) {
  return (
    <SectionFrame id="new" title={cm('newCampaign')} lead={cm('newLead')} busy={props.busy}>
      <div class="ca-actions">
        <A class="button" href={`/campaigns/new?copyFrom=${props.settings.id}`} data-testid="new-campaign-link">
          {cm('newCampaign')}…
        </A>
      </div>
    </SectionFrame>
  );
}
