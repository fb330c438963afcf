import { For, Show, createMemo, createResource, createSignal, onCleanup, onMount } from 'solid-js';
import { api, type CampaignDetail, type EscalationView, type EscalationWire, type InboxView } from '../api/client';
import { messages } from '../i18n/messages';
import { colon, lang, t, tr, trFilled } from '../i18n/i18n';
import { me } from '../session/session';
import { readerScope } from '../ui/reader-scope';
import { figure } from '../board/format';
import { WhenRead } from '../ui/read-failed';
import { keptRead } from '../ui/read-shown';
import { coalesce } from '../live/coalesce';
import type { Change } from '../live/live-events';
import { xm } from '../deadlines/messages';
import { requestKey, touchesRequests } from '../deadlines/request-watch';
import { ExtensionRequestInbox } from '../deadlines/extension-request-inbox';
import { rememberOpener } from '../ui/focus-return';
import { InboxRow } from './inbox-row';

/** The requests for more time the count reads: their number, and which items they wait on (see touchesRequests). */
const requestsWatched = 200;

/**
 * How many escalations raised to me are still open, and how many requests
 * for more time wait on my answer, in this campaign; refreshed on demand (a
 * change) and every minute. Not asked while `campaignId` answers undefined
 * (the board waits for its own page first). `requestsStamp` moves each time
 * the requests are read again, so a list of them shown follows.
 */
export function createInboxCount(campaignId: () => number | undefined) {
  const [countsRead, { refetch }] = createResource(campaignId, (campaign) => api.escalations({ view: 'mine', status: 'open', campaign, limit: 1 }));
  const [requestsRead, { refetch: refetchRequests }] = createResource(campaignId, (campaign) => api.extensionRequests(campaign, requestsWatched));
  // Kept as last read while a read again fails (the minute's read while the server restarts): the count stays in the
  // top bar and is tried again, where a failed read would have thrown to the page's notice and taken the board with it.
  const counts = keptRead(countsRead, refetch);
  const requests = keptRead(requestsRead, refetchRequests);
  const [requestsStamp, setRequestsStamp] = createSignal(0);
  const readRequests = async () => {
    setRequestsStamp((n) => n + 1);
    await refetchRequests();
  };
  const timer = setInterval(() => {
    void refetch();
    void readRequests();
  }, 60_000);
  onCleanup(() => clearInterval(timer));
  // A sweep raising thousands of escalations sends a change for each: one count read at a time, gathered.
  const refresh = coalesce<never>(async () => refetch());
  const refreshRequests = coalesce<never>(readRequests);
  const waiting = createMemo(() => new Set((requests()?.items ?? []).map((r) => requestKey(r.subject, r.subjectId))));
  return {
    open: () => counts()?.counts.open ?? 0,
    /** The requests waiting on my answer (none for who answers none). */
    requests: () => {
      const read = requests();
      return read?.mayDecide === true ? read.total : 0;
    },
    /** All the requests the tab lists (those I answer, or asked), once read. */
    requestsListed: () => requests()?.total,
    requestsStamp,
    /** The escalations' count again (an escalation changed); the requests follow item changes, and the minute. */
    refresh: () => refresh(),
    /**
     * The tab the button opens: for a reader nothing is raised to (the viewer, the administrator), every unit's,
     * rather than a tab of their own that is always empty; else the requests when they alone wait on me, else the
     * escalations raised to me.
     */
    firstTab: (): InboxView => {
      const role = me()?.role;
      if (role === 'viewer' || role === 'admin') return 'unit';
      const read = requests();
      return counts()?.counts.open === 0 && read?.mayDecide === true && read.total > 0 ? 'asked' : 'mine';
    },
    /** An item changed (the change stream): the requests are read again when it may have changed them. */
    itemChanged: (change: Change) => {
      if (touchesRequests(change, waiting())) refreshRequests();
    },
  };
}

/** The header button of the inbox, with the number of open escalations raised to me and of requests for more time waiting on me. */
export function InboxButton(props: { open: number; requests?: number; onClick: () => void }) {
  const requests = () => props.requests ?? 0;
  const label = () => `${t('inboxTitle')}${colon()}${props.open} ${t('openCount')}` + (requests() > 0 ? `${lang() === 'zh' ? '，' : ', '}${xm('waitingCount', { n: requests() })}` : '');
  return (
    <button type="button" class="button ghost inbox-button" data-testid="inbox-button" aria-label={label()} title={label()} onClick={() => props.onClick()}>
      <svg class="bell" viewBox="0 0 24 24" width="16" height="16" aria-hidden="true">
        <path d="M12 3a6 6 0 0 0-6 6v3.6L4.3 15.4A1 1 0 0 0 5.2 17h13.6a1 1 0 0 0 .9-1.6L18 12.6V9a6 6 0 0 0-6-6zm0 18a2.5 2.5 0 0 0 2.4-2h-4.8A2.5 2.5 0 0 0 12 21z" fill="currentColor" />
      </svg>
      <span class="inbox-label">{t('inbox')}</span>
      <Show when={props.open > 0}>
        <span class="inbox-badge" data-testid="inbox-badge">
          {props.open > 99 ? '99+' : props.open}
        </span>
      </Show>
      <Show when={requests() > 0}>
        <span class="inbox-badge inbox-badge-asked" data-testid="inbox-asked-badge">
          {requests() > 99 ? '99+' : requests()}
        </span>
      </Show>
    </button>
  );
}

/** Escalations shown at first and added by each "load more"; at most `inboxMost` (what the API gives in one read). */
const inboxPage = 200;
const inboxMost = 2000;

/**
 * The escalation inbox as a drawer: tabs "mine" and "my units" (all units,
 * for the office), open and acknowledged ones, highest rung first; and the
 * requests for more time waiting (延期申请), which a lead answers as an
 * escalation is acknowledged, from the same place.
 */
export function InboxPanel(props: {
  campaign: CampaignDetail;
  view: InboxView;
  revision: number;
  /** The requests the last count read listed, and the stamp that moves when they are read again. */
  requests: { listed: number | undefined; stamp: number };
  onView: (view: InboxView) => void;
  onShow: (item: { subject: EscalationWire['subject']; subjectId: number }) => void;
  onChanged: () => void;
  onClose: () => void;
}) {
  // More are shown as asked, 200 at a time; a change re-reads as many as are shown, so nothing loaded disappears.
  const [shown, setShown] = createSignal(inboxPage);
  // "What needs me now": those not yet acknowledged alone, which the list otherwise mixes with the acknowledged by rung.
  const [waitingOnly, setWaitingOnly] = createSignal(false);
  const escalationView = (): EscalationView | null => (props.view === 'asked' ? null : props.view);
  const key = () => {
    const view = escalationView();
    return view === null ? false : { view, campaign: props.campaign.id, revision: props.revision, limit: shown(), status: waitingOnly() ? ('open' as const) : ('active' as const) };
  };
  const [listRead, { refetch }] = createResource(key, (k) => api.escalations({ view: k.view, status: k.status, campaign: k.campaign, limit: k.limit }));
  // Kept as last read while a read again fails (and tried again); a first read that fails says so in its place.
  const list = keptRead(listRead, refetch, () => props.view);
  const remaining = () => {
    const l = list();
    return l === undefined || escalationView() === null ? 0 : l.counts.open + (waitingOnly() ? 0 : l.counts.acknowledged) - l.items.length;
  };
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape') props.onClose();
  };
  // Closed, the focus goes back to what opened it (the inbox's button), unless the panel has put it somewhere (a drawer opened from a row).
  let giveBack = () => {};
  onMount(() => {
    giveBack = rememberOpener(() => document.querySelector<HTMLElement>('[data-testid=inbox-button]'));
    document.addEventListener('keydown', onKey);
  });
  onCleanup(() => {
    document.removeEventListener('keydown', onKey);
    giveBack();
  });
  // Everyone's for those who read every unit (the office, the viewer); a lead's or an officer's own units'. The viewer,
  // of no unit, was offered 本单位 for the whole city's escalations.
  const unitsTab = () => (readerScope(me()) === null ? t('inboxAll') : t('inboxUnits'));
  const tabName = (view: 'mine' | 'unit') => (view === 'mine' ? t('inboxMine') : unitsTab());
  const countsText = (counts: { open: number; acknowledged: number }) => trFilled(messages.inboxTabCount, { open: counts.open, all: counts.open + counts.acknowledged });
  /** The tab's name read aloud: its counts in full once they are there (only the tab shown has them). */
  const tabCounted = (view: 'mine' | 'unit'): string | undefined => {
    const counts = props.view === view ? list()?.counts : undefined;
    return counts === undefined ? undefined : `${tabName(view)}${colon()}${countsText(counts)}`;
  };
  let panel: HTMLElement | undefined;
  onMount(() => panel?.querySelector<HTMLElement>('[role=tab][aria-selected=true]')?.focus());
  // The escalations of the tab shown, once read.
  const EscalationList = () => (
    <WhenRead read={list()} error={listRead.error} what={t('escalationsFailed')} loading={<div class="detail-loading">{t('loading')}</div>} class="detail-failed">
      {(l) => (
        <ul class="inbox-list" data-testid="inbox-list">
          <For each={l().items} fallback={<li class="column-empty">{t('inboxEmpty')}</li>}>
            {(item) => (
              <InboxRow
                item={item}
                campaign={props.campaign}
                onShow={props.onShow}
                onAcknowledged={() => {
                  void refetch();
                  props.onChanged();
                }}
              />
            )}
          </For>
        </ul>
      )}
    </WhenRead>
  );

  return (
    <aside ref={panel} class="detail-panel inbox-panel" data-testid="inbox" aria-label={t('inboxTitle')}>
      <header class="detail-header">
        <h2 class="inbox-heading">{t('inboxTitle')}</h2>
        <button type="button" class="button ghost icon" aria-label={t('close')} onClick={() => props.onClose()}>
          ×
        </button>
      </header>
      <div class="segmented inbox-tabs" role="tablist">
        <For each={['mine', 'unit'] as const}>
          {(view) => (
            <button
              type="button"
              role="tab"
              aria-selected={props.view === view}
              aria-label={tabCounted(view)}
              classList={{ active: props.view === view }}
              data-testid={`inbox-tab-${view}`}
              onClick={() => props.onView(view)}
            >
              {tabName(view)}
              <Show when={props.view === view && list()}>
                {(l) => (
                  // "2/26" alone did not say which is which: the face says it short, its title and the tab's name in full.
                  <span class="tab-count" title={countsText(l().counts)}>
                    {trFilled(messages.inboxTabCountShort, { open: l().counts.open, all: l().counts.open + l().counts.acknowledged })}
                  </span>
                )}
              </Show>
            </button>
          )}
        </For>
        <button type="button" role="tab" aria-selected={props.view === 'asked'} classList={{ active: props.view === 'asked' }} data-testid="inbox-tab-asked" onClick={() => props.onView('asked')}>
          {xm('waitingTab')}
          <Show when={props.requests.listed}>{(n) => <span class="tab-count">{n()}</span>}</Show>
        </button>
      </div>
      <div class="detail-scroll">
        <Show when={props.view === 'asked'}>
          <ExtensionRequestInbox campaign={props.campaign} stamp={props.requests.stamp} onShow={props.onShow} />
        </Show>
        <Show when={escalationView() !== null}>
          <label class="check inbox-waiting-only">
            <input type="checkbox" data-testid="inbox-waiting-only" checked={waitingOnly()} onChange={(e) => setWaitingOnly(e.currentTarget.checked)} />
            {t('inboxWaitingOnly')}
          </label>
          <EscalationList />
        </Show>
        <Show when={remaining() > 0}>
          <Show
            when={shown() < inboxMost}
            fallback={
              <p class="inbox-more" data-testid="inbox-most">
                {tr({
                  zh: `仅显示前 ${figure(inboxMost)} 条；可在看板上勾选“${messages.escalatedOnly.zh}”查看全部`,
                  en: `Showing the first ${figure(inboxMost)}; tick “${messages.escalatedOnly.en}” on the board to see them all`,
                })}
              </p>
            }
          >
            <button type="button" class="button ghost load-more" data-testid="inbox-load-more" disabled={listRead.loading} onClick={() => setShown((n) => Math.min(inboxMost, n + inboxPage))}>
              {listRead.loading ? t('loading') : `${t('loadMore')} (${figure(remaining())})`}
            </button>
          </Show>
        </Show>
      </div>
    </aside>
  );
}
