import { useParams, useSearchParams } from '@solidjs/router';
import { DragDropProvider, DragOverlay, PointerSensor } from '@dnd-kit/solid';
import { PointerActivationConstraints } from '@dnd-kit/dom';
import { Index, Show, createEffect, createMemo, createResource, createSignal, lazy } from 'solid-js';
import { campaignStateLabels } from '../../../engine/campaign/campaign.labels';
import { type BoardFilters, type CampaignDetail, type Card, type EscalationView, type ItemKind, type Swimlane } from '../api/client';
import { InboxButton, InboxPanel, createInboxCount } from '../escalations/escalation-inbox';
import { messages } from '../i18n/messages';
import { named, t, tr } from '../i18n/i18n';
import { subscribeToChanges, type Change } from '../live/live-events';
import { me } from '../session/session';
import { announce } from '../ui/announcer';
import { LiveIndicator } from '../ui/live-indicator';
import { toast } from '../ui/toasts';
import { TopBar } from '../ui/top-bar';
import { BoardColumn } from './board-column';
import type { BoardContext } from './board-context';
import { CardFace, cardDragId } from './board-card';
import { BoardLanes } from './board-lanes';
import { createBoardState, type MoveResult } from './board-state';
import { campaignDetail } from './board-prefetch';
import { filtersOf, kindOf, swimlaneOf, type BoardSearch } from './board-source';
import { boardMessages } from './board-messages';
import { BoardToolbar } from './board-toolbar';
import { stateLabel } from './domain-labels';
import type { MoveDraft } from './move-dialog';

const sameJson = <T,>(a: T, b: T) => JSON.stringify(a) === JSON.stringify(b);

// The dialogs and the detail panel (with the payload forms and their schemas) are not part of the
// board's first render: their code is fetched a moment after the board shows, when the browser is idle.
const MoveDialog = lazy(() => import('./move-dialog').then((m) => ({ default: m.MoveDialog })));
const CreateDialog = lazy(() => import('./create-dialog').then((m) => ({ default: m.CreateDialog })));
const DetailPanel = lazy(() => import('./detail-panel').then((m) => ({ default: m.DetailPanel })));
let preloaded = false;
function preloadDialogs(): void {
  if (preloaded) return;
  preloaded = true;
  const preload = () => {
    void MoveDialog.preload();
    void CreateDialog.preload();
    void DetailPanel.preload();
  };
  setTimeout(() => (typeof requestIdleCallback === 'function' ? requestIdleCallback(preload, { timeout: 2000 }) : preload()), 1000);
}

/** Mouse drags start after a few pixels (a click stays a click); touch drags after a press, so a swipe scrolls. */
const sensors = [
  PointerSensor.configure({
    activationConstraints: (event) =>
      event.pointerType === 'touch' ? [new PointerActivationConstraints.Delay({ value: 300, tolerance: 8 })] : [new PointerActivationConstraints.Distance({ value: 6 })],
  }),
];

/** The state a drop target stands for: a column (`column-…`) or a lane cell (its data carries the state). */
function dropTargetState(target: { id: unknown; data?: unknown } | null | undefined): string | null {
  if (target === null || target === undefined) return null;
  const data = target.data;
  if (typeof data === 'object' && data !== null && 'state' in data && typeof data.state === 'string') return data.state;
  return typeof target.id === 'string' && target.id.startsWith('column-') ? target.id.slice('column-'.length) : null;
}

/** `/campaigns/:id/board`: the Kanban board of one campaign, its view and filters in the URL, kept live by the change stream. */
export function BoardPage() {
  const params = useParams<{ id: string }>();
  const [search, setSearch] = useSearchParams<BoardSearch>();
  const campaignId = () => Number(params.id);
  const [campaign, { refetch: refetchCampaign }] = createResource(campaignId, (id) => campaignDetail(id));
  const kind = (): ItemKind => kindOf(search);
  const swimlane = (): Swimlane => swimlaneOf(search);
  const filters = createMemo((): BoardFilters => filtersOf(search), undefined, { equals: sameJson });
  const source = createMemo(() => ({ campaignId: campaignId(), kind: kind(), swimlane: swimlane(), filters: filters() }), undefined, { equals: sameJson });
  const state = createBoardState(source);
  const [dragging, setDragging] = createSignal<Card | null>(null);
  const [draft, setDraft] = createSignal<MoveDraft | null>(null);
  const [creating, setCreating] = createSignal(false);
  const [revision, setRevision] = createSignal(0);
  const [expanded, setExpanded] = createSignal<ReadonlySet<string>>(new Set());
  const openId = () => (search.item !== undefined && /^\d+$/.test(search.item) ? Number(search.item) : null);
  const inboxView = (): EscalationView | null => (search.inbox === 'mine' || search.inbox === 'unit' ? search.inbox : null);
  const mayMove = () => {
    const role = me()?.role;
    return role === 'office' || role === 'lead' || role === 'officer';
  };
  // True once the board's first cards (or its failure) are on screen, the frame after they rendered.
  // The reads that only complete the page (the inbox count, the toolbar's assignees) and the dialogs'
  // code wait for it: on the way to the first cards they would only hold up the server and the page.
  const [boardPainted, setBoardPainted] = createSignal(false);
  createEffect(() => {
    // The error first: a resource that failed throws when read.
    const campaignRead = campaign.error !== undefined || campaign() !== undefined;
    const boardRead = state.board.error !== undefined || state.board.latest !== undefined;
    if (boardPainted() || !campaignRead || !boardRead) return;
    requestAnimationFrame(() => setTimeout(() => setBoardPainted(true), 0));
  });
  const inbox = createInboxCount(() => (boardPainted() ? campaignId() : undefined));

  // Someone else's changes: re-read only the columns they touch. While a card is being dragged the
  // board is left alone (the library holds its elements); what arrived meanwhile is read at the drop.
  const waiting = new Set<string>();
  let overtaken = false;
  const refresh = (states: readonly string[]) => {
    if (dragging() !== null) {
      for (const s of states) waiting.add(s);
      return;
    }
    void state.refreshStates(states);
  };
  const onChange = (change: Change) => {
    if (change.campaignId !== campaignId()) return;
    if (change.subject === 'escalation') {
      inbox.refresh();
      setRevision((r) => r + 1);
      return;
    }
    if (change.subject === 'campaign') {
      // A configuration change (WIP limits, categories, a phase advance) shows on the cards and
      // column heads too: re-read every column, keeping scroll, filters and any open dialog.
      void refetchCampaign();
      if (change.event !== 'campaign.map' && change.event !== 'campaign.map_remove') refresh(state.columns().map((c) => c.state));
      return;
    }
    if (change.subject !== kind()) return;
    const held = dragging();
    if (held !== null && held.id === change.subjectId && change.version > held.version) overtaken = true;
    const known = state.columns().find((c) => c.cards.some((card) => card.id === change.subjectId))?.state;
    const states = [change.fromState, change.toState, known].filter((s): s is string => typeof s === 'string');
    refresh(states.length > 0 ? states : state.columns().map((c) => c.state));
    if (change.subjectId === openId()) setRevision((r) => r + 1);
  };
  const live = subscribeToChanges({ onChange, onReset: () => void state.reload() });
  createEffect(() => {
    if (boardPainted()) preloadDialogs();
  });

  const cardById = (id: unknown) =>
    state
      .columns()
      .flatMap((c) => c.cards)
      .find((card) => cardDragId(card) === id) ?? null;

  function report(card: Card, to: string, result: MoveResult) {
    const where = tr(stateLabel(card.kind, to));
    if (result.ok) {
      announce(`#${card.id} ${t('movedAnnounce')} ${tr(stateLabel(card.kind, result.card.state))}`);
      if (result.card.id === openId()) setRevision((r) => r + 1);
      return;
    }
    const problem = result.problem;
    announce(`#${card.id} ${t('refusedAnnounce')} ${where}: ${tr(problem.reason)}`);
    if (problem.code === 'version_conflict') toast(() => t('conflict'), 'warning');
    else toast(() => tr(problem.reason));
  }

  // A move asked for while the card's previous one is still on its way (two quick moves): only the
  // latest is kept, and it is made from the card the server answers with, so it carries the new
  // version and the moves allowed from the new state; if the first was refused, it is dropped too.
  const queued = new Map<number, string>();

  /** After a move's answer: makes the move queued behind it, or tells the user it was dropped. */
  function followUp(id: number, result: MoveResult) {
    const next = queued.get(id);
    queued.delete(id);
    if (next === undefined) return;
    if (!result.ok) {
      toast(() => tr(boardMessages.queuedDropped), 'warning');
      announce(`#${id} ${tr(boardMessages.queuedDropped)}`);
    } else if (next !== result.card.state) {
      move(result.card, next);
    }
  }

  /** A move asked for by a drop or the menu: sent at once, or after its dialog when it needs input. */
  function move(card: Card, to: string) {
    const pending = state.pendingOf(card.id);
    if (pending?.stage === 'sending') {
      if (to === pending.to && !queued.has(card.id)) return;
      queued.set(card.id, to);
      // Shown where the user put it meanwhile; the answer to the first move puts it right either way.
      state.hold(pending.card, to, 'sending');
      announce(`#${card.id} ${tr(boardMessages.moveQueued)} ${tr(stateLabel(card.kind, to))}`);
      return;
    }
    if (to === card.state) return;
    const allowed = card.allowed.find((m) => m.to === to);
    if (allowed !== undefined && allowed.needs.length > 0) {
      state.hold(card, to, 'draft');
      setDraft({ card, to, event: allowed.event, needs: allowed.needs });
      return;
    }
    // Not among the allowed moves (or needing nothing): the server is the judge either way.
    void state.send(card, to).then((result) => {
      report(card, to, result);
      followUp(card.id, result);
    });
  }

  async function submitDraft(current: MoveDraft, payload: Record<string, unknown>): Promise<MoveResult> {
    const result = await state.send(current.card, current.to, payload);
    const fixable = !result.ok && result.problem.fields.length > 0 && result.problem.status === 422;
    if (fixable) {
      // The user can correct the fields: the card stays where it was dropped while the dialog is open.
      state.hold(current.card, current.to, 'draft');
    } else {
      setDraft(null);
      report(current.card, current.to, result);
      focusCard(current.card.id);
      followUp(current.card.id, result);
    }
    return result;
  }

  function cancelDraft(current: MoveDraft) {
    state.release(current.card.id);
    setDraft(null);
    focusCard(current.card.id);
  }

  /** Keyboard users keep their place: focus goes back to the card after a dialog closes. */
  function focusCard(id: number) {
    requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-testid="card-${id}"]:not([data-dnd-placeholder])`)?.focus());
  }

  function dragEnded(canceled: boolean, target: { id: unknown; data?: unknown } | null | undefined) {
    const card = dragging();
    const wasOvertaken = overtaken;
    overtaken = false;
    setDragging(null);
    const queued = [...waiting];
    waiting.clear();
    if (queued.length > 0) void state.refreshStates(queued);
    const to = dropTargetState(target);
    if (canceled || card === null || to === null || to === card.state) return;
    if (wasOvertaken) {
      // The card changed under the user's hand: it goes where the server has it, not where it was dropped.
      toast(() => t('overtaken'), 'warning');
      announce(t('overtaken'));
      return;
    }
    move(card, to);
  }

  const context = (detail: CampaignDetail): BoardContext => ({
    timeZone: () => detail.timeZone,
    now: () => state.board.latest?.now ?? new Date().toISOString(),
    unitName: (id) => {
      const unit = detail.units.find((u) => u.id === id);
      return unit === undefined ? id : named(unit);
    },
    categoryName: (id) => {
      const category = detail.categories.find((c) => c.id === id);
      return category === undefined ? String(id) : named(category);
    },
    pendingOf: state.pendingOf,
    mayMove,
    dragging,
    open: (card) => setSearch({ item: String(card.id), inbox: undefined }),
    move,
    loadMore: (s) => void state.loadMore(s),
    loadingMore: (s) => state.loadingMore().has(s),
    expanded: (s) => expanded().has(s),
    toggle: (s) => setExpanded((set) => (set.has(s) ? new Set([...set].filter((x) => x !== s)) : new Set([...set, s]))),
  });

  const phaseWindow = (detail: CampaignDetail) => {
    const windows: Record<string, { start: string; end: string }> = detail.windows;
    const w = windows[detail.state];
    return w === undefined ? `${detail.startsOn} – ${detail.endsOn}` : `${w.start} – ${w.end}`;
  };

  const mainColumns = () => state.columns().filter((c) => !c.side);
  const sideColumns = () => state.columns().filter((c) => c.side);

  return (
    <div class="app">
      <TopBar
        actions={
          <>
            <LiveIndicator status={live.status()} />
            <InboxButton open={inbox.open()} onClick={() => setSearch({ inbox: inboxView() === null ? 'mine' : undefined, item: undefined })} />
          </>
        }
      >
        <Show when={campaign()}>
          {(detail) => (
            <div class="campaign-head">
              <h1 class="campaign-name" title={named(detail())}>
                {named(detail())}
              </h1>
              <span class={`phase-pill phase-${detail().state}`} data-testid="phase">
                <span class="phase-label">{t('currentPhase')}</span>
                {tr(campaignStateLabels[detail().state])}
              </span>
              <span class="muted phase-window">{phaseWindow(detail())}</span>
              <Show when={detail().overdue}>
                <span class="level-badge level-2">{t('phaseOverdue')}</span>
              </Show>
            </div>
          )}
        </Show>
      </TopBar>
      <Show when={campaign()} fallback={<div class="page-loading">{t('loading')}</div>}>
        {(detail) => {
          const ctx = context(detail());
          return (
            <>
              <BoardToolbar
                campaign={detail()}
                kind={kind()}
                swimlane={swimlane()}
                filters={filters()}
                mayCreate={mayMove()}
                loadPeople={boardPainted()}
                onKind={(k) => setSearch({ kind: k === 'clue' ? undefined : k, item: undefined })}
                onSwimlane={(s) => setSearch({ swimlane: s === 'none' ? undefined : s })}
                onFilters={(change) => setSearch(change)}
                onCreate={() => setCreating(true)}
              />
              <DragDropProvider
                sensors={sensors}
                onDragStart={(event) => setDragging(cardById(event.operation.source?.id))}
                onDragEnd={(event) => dragEnded(event.canceled, event.operation.target)}
              >
                <main
                  class="board"
                  classList={{
                    'is-dragging': dragging() !== null,
                    'is-loading': state.board.loading,
                    // Dimmed while a new view loads over the one shown; the first one has nothing to dim, nor to fade in.
                    'is-refreshing': state.board.loading && state.board.latest !== undefined,
                    'has-lanes': swimlane() !== 'none',
                  }}
                  data-testid="board"
                  data-kind={kind()}
                  data-swimlane={swimlane()}
                  aria-label={kind() === 'clue' ? t('clues') : t('problems')}
                >
                  <Show when={state.board.error === undefined || state.board.latest !== undefined} fallback={<div class="page-loading">{tr(messages.loading)}</div>}>
                    <Show
                      when={swimlane() !== 'none' && state.board.latest?.swimlane === swimlane()}
                      fallback={
                        <>
                          {/* Keyed by position, not by object: a live refresh hands each column new data but keeps its element, and so its scroll. */}
                          <Index each={mainColumns()}>{(column) => <BoardColumn column={column()} context={ctx} />}</Index>
                          <Show when={sideColumns().length > 0}>
                            <div class="side-columns" role="group" aria-label={t('sideColumns')}>
                              <Index each={sideColumns()}>{(column) => <BoardColumn column={column()} context={ctx} />}</Index>
                            </div>
                          </Show>
                        </>
                      }
                    >
                      <BoardLanes columns={state.columns()} lanes={state.board.latest?.lanes ?? []} swimlane={swimlane()} context={ctx} />
                    </Show>
                  </Show>
                </main>
                <DragOverlay dropAnimation={null}>
                  <Show when={dragging()}>
                    {(card) => (
                      <article class={`card overlay card-level-${card().level}`}>
                        <CardFace card={card()} context={ctx} />
                      </article>
                    )}
                  </Show>
                </DragOverlay>
              </DragDropProvider>
              <Show when={draft()}>
                {(current) => (
                  <MoveDialog draft={current()} campaign={detail()} onSubmit={(payload) => submitDraft(current(), payload)} onCancel={() => cancelDraft(current())} />
                )}
              </Show>
              <Show when={creating()}>
                <CreateDialog
                  kind={kind()}
                  campaign={detail()}
                  onCancel={() => setCreating(false)}
                  onCreated={(item) => {
                    setCreating(false);
                    toast(() => `${t('created')} #${item.id}`, 'info');
                    announce(`${t('created')} #${item.id}`);
                    void state.refreshStates([item.state]);
                    setSearch({ item: String(item.id) });
                  }}
                />
              </Show>
              <Show when={openId()}>
                {(id) => (
                  <DetailPanel
                    kind={kind()}
                    id={id()}
                    campaign={detail()}
                    revision={revision()}
                    mayAct={mayMove()}
                    onChanged={(states) => {
                      setRevision((r) => r + 1);
                      void state.refreshStates(states);
                    }}
                    onClose={() => {
                      setSearch({ item: undefined });
                      focusCard(id());
                    }}
                  />
                )}
              </Show>
              <Show when={inboxView()}>
                {(view) => (
                  <InboxPanel
                    campaign={detail()}
                    view={view()}
                    revision={revision()}
                    onView={(v) => setSearch({ inbox: v })}
                    onChanged={() => inbox.refresh()}
                    onClose={() => setSearch({ inbox: undefined })}
                    onShow={(item) => {
                      if (item.subject === 'campaign') return;
                      setSearch({ inbox: undefined, kind: item.subject === 'clue' ? undefined : item.subject, item: String(item.subjectId) });
                      requestAnimationFrame(() => document.querySelector(`[data-testid="card-${item.subjectId}"]`)?.scrollIntoView({ block: 'nearest', inline: 'nearest' }));
                    }}
                  />
                )}
              </Show>
            </>
          );
        }}
      </Show>
    </div>
  );
}
