import { For, Match, Show, Switch, createEffect, createMemo, createResource, on, onCleanup, onMount, type JSX } from 'solid-js';
import { api, type CampaignDetail, type ItemDetail, type ItemKind } from '../api/client';
import { categoryNamed, colon, series, t, tr, unitNamed } from '../i18n/i18n';
import { eventLabel, levelLabels, problemKindLabel, sourceLabel, stateLabel } from './domain-labels';
import { organisationTypeLabel } from './outcome-labels';
import { figure } from './format';
import { calendarDay, dateTime } from '../ui/dates';
import { dueShown } from './due-shown';
import { DetailActions } from './detail-actions';
import { ItemGone } from './item-gone';
import { forgetUnitSeen, keepUnitSeen, unsentTexts } from './item-left';
import { me } from '../session/session';
import { typicalOf } from './typical-case';
import { ItemEscalations } from '../escalations/item-escalations';
import { CluePartsSection } from '../intake/clue-parts';
import { SharedNumbersSection } from '../intake/shared-numbers';
import { unlessGone } from '../api/unless-gone';
import { WhenRead } from '../ui/read-failed';
import { keptRead } from '../ui/read-shown';
import { AttachmentsSection } from '../attachments/attachments-section';
import { filesNamed } from '../attachments/file-in-history';
import { declinedDays, extensionsInState, standingRefusal } from '../deadlines/extension-history';
import { xm } from '../deadlines/messages';
import { takeAnswer } from '../deadlines/answer-request';
import { editedValues } from './history-edit';
import { HistoryItem } from './history-item';
import { isRecord, keyLabel } from './context-keys';

/** Context keys the panel shows elsewhere or not at all. */
const shownAbove = new Set(['campaignId', 'unitId', 'categoryId', 'assigneeId', 'title', 'enteredAt', 'dueAt', 'typical', 'attachments', 'extensionRequest']);

/** One value of an item's context, readable: labels for codes, dates in the campaign's zone, figures grouped. */
function ContextValue(props: { name: string; value: unknown; timeZone: string }): JSX.Element {
  const v = () => props.value;
  return (
    <Switch fallback={<span>{String(v())}</span>}>
      <Match when={v() === null || v() === '' || (Array.isArray(v()) && (v() as unknown[]).length === 0)}>
        <span class="muted">—</span>
      </Match>
      <Match when={props.name === 'source' && typeof v() === 'string'}>{tr(sourceLabel(String(v())))}</Match>
      <Match when={props.name === 'problemKind' && typeof v() === 'string'}>{tr(problemKindLabel(String(v())))}</Match>
      <Match when={props.name.endsWith('At') && typeof v() === 'string'}>{dateTime(String(v()), props.timeZone)}</Match>
      <Match when={Array.isArray(v())}>{series((v() as unknown[]).map((id) => `#${String(id)}`))}</Match>
      <Match when={props.name === 'mergedInto' && typeof v() === 'number'}>#{String(v())}</Match>
      <Match when={typeof v() === 'number'}>{figure(v() as number)}</Match>
      <Match when={isRecord(v()) ? (v() as Record<string, unknown>) : undefined}>
        {(record) => (
          <dl class="figures">
            <For each={Object.entries(record())}>
              {([key, value]) => (
                <>
                  <dt>{tr(keyLabel(key))}</dt>
                  <dd>{key === 'organisationType' ? tr(organisationTypeLabel(String(value))) : typeof value === 'number' ? figure(value) : String(value)}</dd>
                </>
              )}
            </For>
          </dl>
        )}
      </Match>
    </Switch>
  );
}

/** The side panel of one card: its fields, its context, and its audit history. */
export function DetailPanel(props: {
  kind: ItemKind;
  id: number;
  campaign: CampaignDetail;
  revision: number;
  mayAct: boolean;
  /** The server's instant, as the board last read it. */
  now: () => string;
  onChanged: (states: readonly string[]) => void;
  /** The item left the user's sight by their own change (transferred out of their units): the panel is to close. */
  onLeft: (states: readonly string[]) => void;
  /** Something the campaign's detail says changed (its file storage): it is read again. */
  onCampaignChanged: () => void;
  /** Moves the item as the board does (a drop, the card's menu): at once, or through the move's dialog. */
  onMove: (item: ItemDetail, to: string) => void;
  onClose: () => void;
}) {
  const key = () => ({ kind: props.kind, id: props.id, revision: props.revision });
  // Kept as last read when a read again fails, and tried again: the board stays, the panel shows what it had.
  const [itemRead, { refetch: refetchItem }] = createResource(key, (k) => unlessGone(api.item(k.kind, k.id)));
  const [historyRead, { refetch: refetchHistory }] = createResource(key, (k) => unlessGone(api.history(k.kind, k.id)));
  const item = keptRead(itemRead, refetchItem);
  // The item as this panel last showed it: gone since (someone else took it out of the user's units), the panel says
  // so, and where it was, rather than that it "may have been" transferred or its number is wrong.
  const seen = createMemo<ItemDetail | undefined>((before) => item() ?? before);
  // And its unit, kept beside what the user types on it, for a drawer opened on it after a reload that finds it gone
  // (see keepUnitSeen); forgotten as the drawer leaves it with nothing typed left to show.
  const userId = () => me()?.id ?? 0;
  createEffect(() => {
    const shown = item();
    if (shown !== null && shown !== undefined) keepUnitSeen(userId(), shown);
  });
  createEffect(
    on(
      () => ({ kind: props.kind, id: props.id }),
      (shown) =>
        onCleanup(() => {
          if (unsentTexts(userId(), shown).length === 0) forgetUnitSeen(userId(), shown);
        }),
    ),
  );
  const left = (states: readonly string[]) => {
    forgetUnitSeen(userId(), { kind: props.kind, id: props.id });
    props.onLeft(states);
  };
  const history = keptRead(historyRead, refetchHistory);
  const files = createMemo(() => filesNamed(history() ?? []));
  const edits = createMemo(() => editedValues(history() ?? []));
  const extensions = createMemo(() => extensionsInState(history() ?? []));
  const refusal = createMemo(() => standingRefusal(history() ?? []));
  const refusedLine = (until: string | null) => (until === null ? xm('refused') : xm('refusedTo', { date: calendarDay(until) }));
  const tz = () => props.campaign.timeZone;
  const unitName = (id: string) => unitNamed(props.campaign.units, id);
  const categoryName = (id: number | null) => categoryNamed(props.campaign.categories, id) ?? '—';
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && document.querySelector('[role="dialog"]') === null) props.onClose();
  };
  let panel: HTMLElement | undefined;
  onMount(() => {
    document.addEventListener('keydown', onKey);
    // Opened from a card by the keyboard, the panel is where the user goes next: focus it (its label is read),
    // so Tab reaches its controls rather than the rest of the board's cards; closing it returns focus to the card.
    panel?.focus({ preventScroll: true });
  });
  onCleanup(() => document.removeEventListener('keydown', onKey));
  // Whether the keyboard is in the drawer: set as focus comes in, cleared as it goes to anything outside. A control
  // that had it and is drawn anew as the item is read again (a request sent, an answer given) takes it with it, and
  // the focus fell to the page's body: it stays in the drawer instead.
  let keyboardIn = false;
  // The drawer's control last focused outside its forms (写进展记录, 编辑…), by its test id: a form sent closes, the
  // item is read again and the drawer drawn anew, and the focus goes back to that control as drawn now, as Cancel
  // gives it back, not to the drawer as a whole, from whose top the keyboard had to Tab through everything again.
  let lastControl: string | null = null;
  const followFocus = (event: FocusEvent) => {
    keyboardIn = event.target instanceof Node && panel?.contains(event.target) === true;
    if (keyboardIn && event.target instanceof HTMLElement && event.target.closest('form') === null) lastControl = event.target.getAttribute('data-testid');
  };
  onMount(() => {
    keyboardIn = panel?.contains(document.activeElement) === true;
    document.addEventListener('focusin', followFocus);
  });
  onCleanup(() => document.removeEventListener('focusin', followFocus));
  createEffect(
    on(item, () =>
      requestAnimationFrame(() => {
        if (!keyboardIn || (document.activeElement !== null && document.activeElement !== document.body)) return;
        const control = lastControl === null ? null : panel?.querySelector<HTMLElement>(`[data-testid="${CSS.escape(lastControl)}"]`);
        (control ?? panel)?.focus({ preventScroll: true });
      }),
    ),
  );
  // Opened to answer its request for more time (the inbox's 审批): the request's Grant (or Decline) in view, and focused.
  createEffect(
    on(item, (shown) => {
      if (shown === null || shown === undefined || !takeAnswer(shown.kind, shown.id)) return;
      requestAnimationFrame(() => {
        const answer = panel?.querySelector<HTMLElement>('[data-testid=extension-grant]') ?? panel?.querySelector<HTMLElement>('[data-testid=extension-decline]');
        answer?.scrollIntoView({ block: 'center' });
        answer?.focus({ preventScroll: true });
      });
    }),
  );

  return (
    <aside ref={panel} class="detail-panel" data-testid="detail-panel" aria-label={t('details')} tabIndex={-1}>
      <header class="detail-header">
        <span class="card-id">#{props.id}</span>
        <button type="button" class="button ghost icon" aria-label={t('close')} onClick={() => props.onClose()}>
          ×
        </button>
      </header>
      <Show when={item() !== null} fallback={<ItemGone kind={props.kind} id={props.id} seen={seen()} campaign={props.campaign} />}>
        <WhenRead read={item()} error={itemRead.error} what={t('itemFailed')} loading={<div class="detail-loading">{t('loading')}</div>} class="detail-failed" testid="detail-failed">
          {(detail) => (
            <div class="detail-scroll" data-item={detail().id}>
              <h2 class="detail-title">{detail().title}</h2>
              <div class="detail-badges">
                <span class={`state-pill state-${detail().state}`}>{tr(stateLabel(props.kind, detail().state))}</span>
                {/* On time or late is of a deadline: an item without one (sent for prosecution, closed) is neither. */}
                <Show when={detail().dueAt !== null || detail().level > 0}>
                  <span class={`level-badge level-${detail().level}`} data-testid="detail-level">
                    {tr(levelLabels[detail().level] ?? { zh: '', en: '' })}
                  </span>
                </Show>
                <Show when={typicalOf(detail())}>
                  <span class="level-badge typical-badge" data-testid="typical-badge">
                    {t('typicalCase')}
                  </span>
                </Show>
              </div>
              {/* The moves the server allows, where one who opened the item to read it looks next: a card's menu and a drag were the only ways. */}
              <Show when={props.mayAct && detail().allowed.length > 0}>
                <div class="detail-moves" role="group" aria-label={t('moveMenuTitle')} data-testid="detail-moves">
                  <span class="muted">{t('moveMenuTitle')}</span>
                  {/* Keyed by the state each moves to: read again (someone else's change), a move still allowed keeps its button, and the focus. */}
                  <For each={detail().allowed.map((move) => move.to)}>
                    {(to) => (
                      <button type="button" class="button small" title={tr(eventLabel(detail().allowed.find((move) => move.to === to)?.event ?? ''))} data-testid={`detail-move-${to}`} onClick={() => props.onMove(detail(), to)}>
                        {tr(stateLabel(props.kind, to))}
                      </button>
                    )}
                  </For>
                </div>
              </Show>
              <Show when={typicalOf(detail())}>
                {(typical) => (
                  <section class="detail-typical" data-testid="detail-typical">
                    <h3>{t('typicalCase')}</h3>
                    <p class="typical-summary">{typical().summary}</p>
                    <p class="muted">
                      {t('typicalChosenAt')} {dateTime(typical().markedAt, tz())}
                    </p>
                  </section>
                )}
              </Show>
              <ItemEscalations item={detail()} campaign={props.campaign} revision={props.revision} />
              <section>
                <h3>{t('fields')}</h3>
                <dl class="detail-fields">
                  <dt>{t('unit')}</dt>
                  <dd>{unitName(detail().unitId)}</dd>
                  <dt>{t('category')}</dt>
                  <dd>{categoryName(detail().categoryId)}</dd>
                  <dt>{t('assignee')}</dt>
                  <dd>{detail().assigneeName ?? t('unassigned')}</dd>
                  <dt>{t('enteredAt')}</dt>
                  <dd>{dateTime(detail().enteredAt, tz())}</dd>
                  <dt>{t('due')}</dt>
                  <dd>
                    {dueShown({ kind: props.kind, state: detail().state, dueAt: detail().dueAt }, tz()) ?? t('closedNoDue')}
                    <Show when={extensions() > 0}>
                      <span class="extended-mark muted" data-testid="extended-mark">
                        {xm('extendedMark', { n: extensions() })}
                      </span>
                    </Show>
                    <Show when={refusal()}>
                      {(refused) => (
                        <p class="refused-mark" data-testid="refused-mark">
                          {refusedLine(refused().until)}
                          {colon()}
                          {refused().reason}
                          <Show when={refused().by}>{(by) => <span class="muted"> · {by()}</span>}</Show>
                        </p>
                      )}
                    </Show>
                  </dd>
                  <For each={Object.entries(detail().context).filter(([k]) => !shownAbove.has(k))}>
                    {([name, value]) => (
                      <>
                        <dt>{tr(keyLabel(name))}</dt>
                        <dd data-field={name}>
                          <ContextValue name={name} value={value} timeZone={tz()} />
                        </dd>
                      </>
                    )}
                  </For>
                </dl>
              </section>
              <Show when={props.mayAct}>
                <DetailActions item={detail()} campaign={props.campaign} now={props.now()} onChanged={props.onChanged} onLeft={left} />
              </Show>
              <AttachmentsSection
                item={detail()}
                kind={props.kind}
                timeZone={tz()}
                revision={props.revision}
                mayAct={props.mayAct}
                storage={props.campaign.storage}
                onChanged={props.onChanged}
                onStorageChanged={props.onCampaignChanged}
              />
              <Show when={props.kind === 'clue'}>
                <CluePartsSection clueId={props.id} absorbed={Array.isArray(detail().context.absorbed) ? (detail().context.absorbed as unknown[]).length : 0} campaign={props.campaign} revision={props.revision} />
                <SharedNumbersSection clueId={props.id} campaign={props.campaign} revision={props.revision} mayMerge={props.mayAct && detail().allowed.some((move) => move.to === 'merged')} />
              </Show>
              <section>
                <h3>{t('history')}</h3>
                <WhenRead read={history()} error={historyRead.error} what={t('historyFailed')} loading={<div class="muted">{t('loading')}</div>}>
                  {(entries) => {
                    // Each refusal of more time with the day its request asked, read once for the history.
                    const declined = createMemo(() => declinedDays(entries()));
                    return (
                      <ol class="history" data-testid="history">
                        <For each={[...entries()].reverse()}>
                          {(entry) => (
                            <HistoryItem
                              declined={declined().get(entry.seq)}
                              entry={entry}
                              kind={props.kind}
                              itemId={props.id}
                              timeZone={tz()}
                              unitName={unitName}
                              files={files()}
                              edits={edits().get(entry.seq)}
                              categories={props.campaign.categories}
                            />
                          )}
                        </For>
                      </ol>
                    );
                  }}
                </WhenRead>
              </section>
            </div>
          )}
        </WhenRead>
      </Show>
    </aside>
  );
}
