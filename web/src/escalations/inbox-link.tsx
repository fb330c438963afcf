import { useNavigate } from '@solidjs/router';
import { followChanges } from '../live/shared-changes';
import { InboxButton, createInboxCount } from './escalation-inbox';

/**
 * The inbox button on a campaign's pages other than the board (lists,
 * reports, battle map, import, settings): the same count of escalations
 * raised to me and of requests for more time waiting on me, and a click opens the inbox where it lives, beside the board.
 */
export function InboxLink(props: { campaignId: number }) {
  const navigate = useNavigate();
  const inbox = createInboxCount(() => props.campaignId);
  // Followed live, as the board's own count is: an escalation raised, signed off, passed on to another (its item
  // transferred away) or resolved showed in the count only at the next minute's read.
  followChanges({
    onChange: (change) => {
      if (change.campaignId !== props.campaignId) return;
      if (change.subject === 'escalation') inbox.refresh();
      else if (change.subject !== 'campaign') inbox.itemChanged(change);
    },
    onReset: () => inbox.refresh(),
  });
  return <InboxButton open={inbox.open()} requests={inbox.requests()} onClick={() => navigate(`/campaigns/${props.campaignId}/board?inbox=${inbox.firstTab()}`)} />;
}
