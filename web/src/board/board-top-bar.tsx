import { Show } from 'solid-js';
import type { CampaignDetail } from '../api/client';
import { InboxButton, type createInboxCount } from '../escalations/escalation-inbox';
import type { LiveStatus } from '../live/live-events';
import { me } from '../session/session';
import { LiveIndicator } from '../ui/live-indicator';
import { TopBar } from '../ui/top-bar';
import { CampaignHead } from './campaign-head';

/** The board page's top bar: whether the board is live, the inbox's button and counts, and the campaign's head once read. */
export function BoardTopBar(props: {
  live: LiveStatus;
  inbox: ReturnType<typeof createInboxCount>;
  campaign: CampaignDetail | undefined;
  now: string;
  /** The instant the board's cards are judged at, once read (see BoardContext.asOf). */
  asOf: string | undefined;
  onInbox: () => void;
  onAdvanced: () => void;
}) {
  return (
    <TopBar
      actions={
        <>
          <LiveIndicator status={props.live} />
          <InboxButton open={props.inbox.open()} requests={props.inbox.requests()} onClick={() => props.onInbox()} />
        </>
      }
    >
      <Show when={props.campaign}>{(detail) => <CampaignHead detail={detail()} office={me()?.role === 'office'} now={props.now} asOf={props.asOf} onAdvanced={() => props.onAdvanced()} />}</Show>
    </TopBar>
  );
}
