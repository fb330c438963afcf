import { For, Show, createResource } from 'solid-js';
import { answerNext } from './answer-request';
import { api, type AnsweredRequestWire, type CampaignDetail, type ExtensionRequestWire } from '../api/client';
import { named, t, tr } from '../i18n/i18n';
import { WhenRead } from '../ui/read-failed';
import { keptRead } from '../ui/read-shown';
import { me } from '../session/session';
import { stateLabel } from '../board/domain-labels';
import { figure } from '../board/format';
import { calendarDay, dateTime, dueDate } from '../ui/dates';
import { requestedLater } from './extension-dates';
import { xm } from './messages';
import './extension.css';

/** The most requests the tab lists; beyond them, the board's "asking for time" filter shows them all. */
const requestsShown = 200;

export type RequestSubject = Pick<ExtensionRequestWire, 'subject' | 'subjectId'>;

/** One request: the item, its unit and state, the deadline now and the day asked, why, who asked and when. */
function RequestRow(props: { request: ExtensionRequestWire; campaign: CampaignDetail; now: string; mayDecide: boolean; onShow: (item: RequestSubject) => void }) {
  const r = () => props.request;
  const unitName = () => {
    const unit = props.campaign.units.find((u) => u.id === r().unitId);
    return unit === undefined ? r().unitId : named(unit);
  };
  const later = () => {
    const due = r().dueAt;
    if (due === null) return xm('askedTo', { date: calendarDay(r().until) });
    const { days: n, fromToday } = requestedLater({ dueAt: due, requestedDueAt: r().requestedDueAt, until: r().until }, props.now, props.campaign.timeZone);
    const date = calendarDay(r().until);
    // English says one day as one; Chinese has one form.
    if (fromToday) return n === 1 ? xm('waitingFromTodayOne', { date }) : xm('waitingFromToday', { date, n });
    return n === 1 ? xm('waitingLaterOne', { date }) : xm('waitingLater', { date, n });
  };
  return (
    <li class="inbox-row asked-row" data-testid={`asked-${r().subject}-${r().subjectId}`}>
      <div class="inbox-row-main">
        <span class="chip chip-asked">{xm('askedChip')}</span>
        <button type="button" class="inbox-title link" data-testid="asked-show" title={t('showOnBoard')} onClick={() => props.onShow(r())}>
          <span class="card-id">#{r().subjectId}</span> {r().title}
        </button>
      </div>
      <div class="inbox-row-meta">
        <span class="chip chip-unit">{unitName()}</span>
        <span class="muted">{tr(stateLabel(r().subject, r().state))}</span>
        <Show when={r().dueAt}>{(due) => <span>{xm('waitingDue', { date: dueDate(due(), props.campaign.timeZone) })}</span>}</Show>
        <strong data-testid="asked-later">{later()}</strong>
      </div>
      <p class="inbox-note">“{r().reason}”</p>
      <div class="asked-row-foot">
        <span class="muted">{xm('waitingBy', { name: r().askedByName ?? `#${r().askedBy}`, at: dateTime(r().askedAt, props.campaign.timeZone) })}</span>
        <Show when={props.mayDecide}>
          <button
            type="button"
            class="button small"
            data-testid="asked-answer"
            onClick={() => {
              answerNext(r().subject, r().subjectId);
              props.onShow(r());
            }}
          >
            {xm('waitingAnswer')}
          </button>
        </Show>
      </div>
    </li>
  );
}

/** A request of mine answered lately: granted (to which day), declined (and why), or ended with its item's state; by whom and when. */
function AnsweredRow(props: { answer: AnsweredRequestWire; campaign: CampaignDetail; onShow: (item: RequestSubject) => void }) {
  const a = () => props.answer;
  const verdict = () => {
    const answer = a();
    if (answer.outcome === 'granted') return xm('answeredGranted', { date: calendarDay(answer.grantedUntil ?? answer.until) });
    return answer.outcome === 'declined' ? xm('answeredDeclined') : xm('answeredEnded');
  };
  return (
    <li class="inbox-row asked-row" data-testid={`answered-${a().subject}-${a().subjectId}`} data-outcome={a().outcome}>
      <div class="inbox-row-main">
        <button type="button" class="inbox-title link" title={t('showOnBoard')} onClick={() => props.onShow(a())}>
          <span class="card-id">#{a().subjectId}</span> {a().title}
        </button>
      </div>
      <div class="inbox-row-meta">
        <span class="muted">{xm('askedTo', { date: calendarDay(a().until) })}</span>
        <strong class={`answered-${a().outcome}`}>{verdict()}</strong>
      </div>
      <Show when={a().reason}>{(reason) => <p class="inbox-note">“{reason()}”</p>}</Show>
      <span class="muted asked-row-foot">{xm('answeredWho', { name: a().answeredByName ?? '—', at: dateTime(a().answeredAt, props.campaign.timeZone) })}</span>
    </li>
  );
}

/**
 * The inbox's tab of requests for more time (延期申请) waiting: for a lead
 * or the office those they answer, oldest first; answering opens the item,
 * whose drawer grants or declines. An officer sees the requests they asked,
 * a lead apart those they asked of the office, waiting.
 * Below, the viewer's own requests answered lately, so whoever asked
 * learns the answer. Read again when `stamp` moves (a request asked,
 * answered or ended).
 */
export function ExtensionRequestInbox(props: { campaign: CampaignDetail; stamp: number; onShow: (item: RequestSubject) => void }) {
  const [listRead, { refetch }] = createResource(
    () => ({ campaign: props.campaign.id, stamp: props.stamp }),
    (key) => api.extensionRequests(key.campaign, requestsShown),
  );
  // Kept as last read while a read again fails (and tried again); a first read that fails says so in its place.
  const list = keptRead(listRead, refetch);
  return (
    <WhenRead read={list()} error={listRead.error} what={xm('requestsFailed')} loading={<div class="detail-loading">{t('loading')}</div>} class="detail-failed">
      {(l) => (
        <>
          <Show when={me()?.role === 'officer'}>
            <p class="muted inbox-hint">{xm('waitingMine')}</p>
          </Show>
          <ul class="inbox-list" data-testid="asked-list">
            <For each={l().items} fallback={<li class="column-empty">{xm('waitingNone')}</li>}>
              {(request) => <RequestRow request={request} campaign={props.campaign} now={l().now} mayDecide={l().mayDecide} onShow={props.onShow} />}
            </For>
          </ul>
          <Show when={l().total > l().items.length}>
            <p class="inbox-more" data-testid="asked-most">
              {xm('waitingMost', { n: figure(l().items.length) })}
            </p>
          </Show>
          <Show when={l().askedByMe.length > 0}>
            <h3 class="answered-heading">{xm('askedByMeTitle')}</h3>
            <ul class="inbox-list" data-testid="asked-by-me-list">
              <For each={l().askedByMe}>{(request) => <RequestRow request={request} campaign={props.campaign} now={l().now} mayDecide={false} onShow={props.onShow} />}</For>
            </ul>
          </Show>
          <Show when={l().answered.length > 0}>
            <h3 class="answered-heading">{xm('answeredTitle')}</h3>
            <ul class="inbox-list" data-testid="answered-list">
              <For each={l().answered}>{(answer) => <AnsweredRow answer={answer} campaign={props.campaign} onShow={props.onShow} />}</For>
            </ul>
          </Show>
        </>
      )}
    </WhenRead>
  );
}

