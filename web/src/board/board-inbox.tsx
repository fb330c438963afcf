import { Show } from 'solid-js';
import type { CampaignDetail, InboxView } from '../api/client';
import { InboxPanel, type createInboxCount } from '../escalations/escalation-inbox';
import type { BoardSearchChange } from './board-view';

/** The escalation inbox the address opens over the board (`?inbox=`), its items shown on the board when asked. */
export function BoardInbox(props: {
  view: InboxView | null;
  campaign: CampaignDetail;
  revision: number;
  inbox: ReturnType<typeof createInboxCount>;
  setSearch: (change: BoardSearchChange) => void;
}) {
  return (
    <Show when={props.view}>
      {(view) => (
        <InboxPanel
          campaign={props.campaign}
          view={view()}
          revision={props.revision}
          requests={{ listed: props.inbox.requestsListed(), stamp: props.inbox.requestsStamp() }}
          onView={(v) => props.setSearch({ inbox: v })}
          onChanged={() => props.inbox.refresh()}
          onClose={() => props.setSearch({ inbox: undefined })}
          onShow={(item) => {
            if (item.subject === 'campaign') return;
            props.setSearch({ inbox: undefined, kind: item.subject === 'clue' ? undefined : item.subject, item: String(item.subjectId) });
            requestAnimationFrame(() => document.querySelector(`[data-testid="card-${item.subjectId}"]`)?.scrollIntoView({ block: 'nearest', inline: 'nearest' }));
          }}
        />
      )}
    </Show>
  );
}
