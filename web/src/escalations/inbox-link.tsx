import { useNavigate } from '@solidjs/router';
import { InboxButton, createInboxCount } from './escalation-inbox';

/**
 * The inbox button on a campaign's pages other than the board (lists,
 * reports, battle map, import, settings): the same count of escalations
 * raised to me and of requests for more time waiting on me, and a click opens the inbox where it lives, beside the board.
 */
export function InboxLink(props: { campaignId: number }) {
  const navigate = useNavigate();
  const inbox = createInboxCount(() => props.campaignId);
  return <InboxButton open={inbox.open()} requests={inbox.requests()} onClick={() => navigate(`/campaigns/${props.campaignId}/board?inbox=${inbox.firstTab()}`)} />;
}
