import { useParams, useSearchParams } from '@solidjs/router';
import { DragDropProvider, DragOverlay } from '@dnd-kit/solid';
import { Show, createEffect, createMemo, createResource, createSignal, on, untrack } from 'solid-js';
import { refusedAddress } from '../ui/address-check';
import { type BoardFilters, type CampaignDetail, type Card, type InboxView, type ItemKind, type Swimlane } from '../api/client';
import { InboxButton, InboxPanel, createInboxCount } from '../escalations/escalation-inbox';
import { named, t } from '../i18n/i18n';
import { me } from '../session/session';
import { announce } from '../ui/announcer';
import { LiveIndicator } from '../ui/live-indicator';
import { toast } from '../ui/toasts';
import { TopBar } from '../ui/top-bar';
import { usePageTitle } from '../ui/page-title';
import type { BoardContext } from './board-context';
import { DraggedCards, cardDragId } from './board-card';
import { lastCard } from './card-focus';
import { tabStopOf } from './card-keys';
import { createBoardBatch } from './board-batch';
import { createCardSelection } from './card-selection';
import { carriedCards, dropTargetsOf } from './drop-state';
import { BoardGrid } from './board-grid';
import { laneKeyOf } from './lane-key';
import { boardSensors, dropTargetLane, dropTargetState } from './board-drag';
import { boardPlugins, dragMessage } from './drag-announcements';
import { CreateDialog, DetailPanel, MoveDialog, preloadDialogs } from './board-lazy';
import type { MoveDraft } from './move-dialog';
import { coalesce } from '../live/coalesce';
import { overtakes } from '../live/overtakes';
import { createLiveBoard } from './board-live';
import { cardBeside, createBoardMoves, focusBeside, focusClosedCard } from './board-moves';
import { createBoardState, type Column } from './board-state';
import { boardAddressRefusal } from './board-address';
import { campaignDetail } from './board-prefetch';
import { boardFilterKeys, filtersOf, kindOf, pageOf, sideAddressOf, sideColumnsOf, swimlaneOf, type BoardSearch } from './board-source';
import { BoardToolbar } from './board-toolbar';
import { BoardEmpty } from './board-empty';
import { readerScope } from '../ui/reader-scope';
import { CampaignHead } from './campaign-head';
import { BoardShortcuts } from './keys-help';

const sameJson = <T,>(a: T, b: T) => JSON.stringify(a) === JSON.stringify(b);

/** `/campaigns/:id/board`: the Kanban board of one campaign, its view and filters in the URL, kept live by the change stream. */
export function BoardPage() {
  const params = useParams<{ id: string }>();
  const [search, setSearch] = useSearchParams<BoardSearch>();
  const campaignId = () => Number(params.id);
  const [campaign, { refetch: refetchCampaign }] = createResource(campaignId, (id) => campaignDetail(id));
  usePageTitle('board', campaign);
  // The campaign as the board shows it. Read again (its settings changed) and failed, the one shown stays: the board goes
  // on, its open dialog kept, rather than giving way to the page's notice (see PageTrouble); a first read that fails does.
  const shownCampaign = createMemo((shown: CampaignDetail | undefined) => {
    if (campaign.error === undefined) return campaign();
    if (shown !== undefined && shown.id === campaignId()) return shown;
    throw campaign.error;
  });
  const kind = (): ItemKind => kindOf(search);
  const swimlane = (): Swimlane => swimlaneOf(search);
  const filters = createMemo((): BoardFilters => filtersOf(search), undefined, { equals: sameJson });
  const source = createMemo(() => ({ campaignId: campaignId(), kind: kind(), swimlane: swimlane(), filters: filters() }), undefined, { equals: sameJson });
  // The side columns open are kept in the address, so that a reload, Back and Forward, and a shared link keep them open.
  const expanded = createMemo(() => sideColumnsOf(search));
  /** Why the address cannot be read as a board (`?kind=problems`): said in the board's place, and nothing is asked of the server. */
  const addressRefused = createMemo(() => {
    const issue = boardAddressRefusal(search);
    return issue === undefined ? undefined : refusedAddress({ zh: '看板地址有误', en: 'The board address is not valid' }, issue);
  });
  const state = createBoardState(source, (s) => expanded().has(s), () => addressRefused() !== undefined);
  const [dragging, setDragging] = createSignal<Card | null>(null);
  const [creating, setCreating] = createSignal(false);
  const [revision, setRevision] = createSignal(0);
  // The whole board gives a side column's count only: its cards are read when it is opened, and again when the
  // board is read anew while it is open (loadMore skips the cards already there).
  createEffect(() => {
    const page = pageOf(source());
    for (const column of state.shown()?.columns ?? []) {
      if (column.side && expanded().has(column.state) && column.next !== null && column.cards.length < page) untrack(() => void state.loadMore(column.state));
    }
  });
  const openId = () => (search.item !== undefined && /^\d+$/.test(search.item) ? Number(search.item) : null);
  const openItem = createMemo(
    (): { kind: ItemKind; id: number } | null => {
      const id = openId();
      return id === null ? null : { kind: kind(), id };
    },
    null,
    { equals: sameJson },
  );
  const inboxView = (): InboxView | null => (search.inbox === 'mine' || search.inbox === 'unit' || search.inbox === 'asked' ? search.inbox : null);
  // Nothing moves in a concluded campaign (the server refuses it): no create and no batch to offer, only to be refused.
  const mayMove = () => {
    const role = me()?.role;
    return (role === 'office' || role === 'lead' || role === 'officer') && shownCampaign()?.state !== 'concluded';
  };
  // True once the board's first cards (or its failure) are on screen, the frame after they rendered.
  // The reads that only complete the page (the inbox count, the toolbar's assignees) and the dialogs'
  // code wait for it: on the way to the first cards they would only hold up the server and the page.
  const [boardPainted, setBoardPainted] = createSignal(false);
  createEffect(() => {
    // The error first: a resource that failed throws when read.
    const campaignRead = campaign.error !== undefined || campaign() !== undefined;
    const boardRead = addressRefused() !== undefined || state.board.error !== undefined || state.shown() !== undefined;
    if (boardPainted() || !campaignRead || !boardRead) return;
    requestAnimationFrame(() => setTimeout(() => setBoardPainted(true), 0));
  });
  const inbox = createInboxCount(() => (boardPainted() ? campaignId() : undefined));

  // The open drawer shows its item's escalations, read again on each revision. A sweep sends a change per
  // part it commits, and moves resolve theirs: at most four revisions a second, the changes between them
  // gathered into the next.
  const escalationsChanged = coalesce<never>(async () => {
    setRevision((r) => r + 1);
    await new Promise((settled) => setTimeout(settled, 250));
  });
  // An open move dialog whose card someone else changed meanwhile, and the state the card is in now.
  const [draftOvertaken, setDraftOvertaken] = createSignal<{ readonly draft: MoveDraft; readonly state: string | null } | null>(null);
  const live = createLiveBoard({
    state,
    campaignId,
    kind,
    dragging,
    openId,
    onCampaignChanged: () => void refetchCampaign(),
    onEscalation: () => {
      inbox.refresh();
      escalationsChanged();
    },
    onOpenItemChanged: () => setRevision((r) => r + 1),
    onItemChange: (change) => {
      inbox.itemChanged(change);
      // A transfer takes its item's escalations along; one of the office's goes without an entry of its own (its
      // recipient stays), yet the inbox's unit view of the unit it left lists it no more.
      if (change.formerUnitId !== null) escalationsChanged();
      // The card of an open move dialog changed by someone else: the dialog says so before its submit is refused.
      const open = moves.draft();
      if (open !== null && change.subject === open.card.kind && change.subjectId === open.card.id && overtakes(change, open.card.version)) {
        setDraftOvertaken({ draft: open, state: change.toState });
      }
    },
  });
  const moves = createBoardMoves({ state, openId, onOpenItemMoved: () => setRevision((r) => r + 1) });
  const { move } = moves;

  // Cards ticked for a batch (多选), for those who may change cards; a batch is of one kind's cards, so switching kinds ends it.
  const selection = createCardSelection({ columns: state.columns });
  createEffect(on(kind, () => selection.stop(), { defer: true }));
  // Worked out once a drag, not by each column and lane cell (a drag of 500 ticked cards over a board of lanes).
  const dropTargets = createMemo(() => {
    const held = dragging();
    return held === null ? null : dropTargetsOf(held, carriedCards(held, mayMove() ? selection : null));
  });
  const batch = createBoardBatch({
    selection,
    kind,
    panelOpen: () => openId() !== null || inboxView() !== null,
    refreshStates: (states) => void state.refreshStates(states),
    openColumns: () => state.columns().filter((column) => !column.side || expanded().has(column.state)),
    loadColumn: state.loadMore,
    view: source,
  });
  createEffect(() => {
    if (boardPainted()) preloadDialogs();
  });

  const cardById = (id: unknown) =>
    state
      .columns()
      .flatMap((c) => c.cards)
      .find((card) => cardDragId(card) === id) ?? null;

  function dragEnded(canceled: boolean, target: { id: unknown; data?: unknown } | null | undefined) {
    const card = dragging();
    setDragging(null);
    const { overtaken } = live.dragEnded();
    const to = dropTargetState(target);
    if (canceled || card === null || to === null) return;
    const lane = dropTargetLane(target);
    const lanes = swimlane();
    if (lane !== null && lanes !== 'none' && lane !== laneKeyOf(card, lanes)) {
      // A lane is the card's unit or category, which a drag never changes (a transfer needs a reason): said, not done silently.
      const said = lanes === 'unit' ? 'laneNotTransfer' : 'laneNotCategory';
      toast(() => t(said), 'info');
      announce(t(said));
    }
    if (to === card.state) return;
    if (batch.carriesMany(card)) {
      batch.dropMany(to);
      return;
    }
    if (overtaken) {
      // The card changed under the user's hand: it goes where the server has it, not where it was dropped.
      toast(() => t('overtaken'), 'warning');
      announce(t('overtaken'));
      return;
    }
    move(card, to);
  }

  // The filters the address holds, taken or not (`?overdue=yes`, which the board refuses): what "clear" clears.
  const filtersInAddress = createMemo(() => boardFilterKeys.filter((key) => Boolean(search[key])), [], { equals: sameJson });
  const clearFilters = () => setSearch(Object.fromEntries(boardFilterKeys.map((key) => [key, undefined])));
  // No card in any column, by the counts of the board as read (not while a new view is read): the board says why.
  const boardEmpty = () => !state.board.loading && state.shown() !== undefined && state.columns().every((column) => column.count === 0);
  const mainColumns = () => state.columns().filter((c) => !c.side);
  const sideColumns = () => state.columns().filter((c) => c.side);
  const lanesShown = () => swimlane() !== 'none' && state.shown()?.swimlane === swimlane();
  // The card in the Tab order, in the order the view draws the columns (and lanes) in.
  const tabStop = createMemo(() => {
    const open = (column: Column) => !column.side || expanded().has(column.state);
    const lanes = swimlane();
    if (!lanesShown() || lanes === 'none') return tabStopOf([...mainColumns(), ...sideColumns()].filter(open).map((c) => c.cards), lastCard(), null);
    const rank = new Map((state.shown()?.lanes ?? []).map((lane, i) => [lane.key, i]));
    return tabStopOf(state.columns().filter(open).map((c) => c.cards), lastCard(), (card) => rank.get(laneKeyOf(card, lanes)) ?? rank.size);
  });

  const context = (detail: CampaignDetail): BoardContext => ({
    timeZone: () => detail.timeZone,
    now: () => state.shown()?.now ?? new Date().toISOString(),
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
    dropTargets,
    open: (card) => setSearch({ item: String(card.id), inbox: undefined }),
    tabStop,
    openId,
    move,
    loadMore: (s) => void state.loadMore(s),
    loadColumn: (s, wanted) => state.loadMore(s, wanted),
    loadingMore: (s) => state.loadingMore().has(s),
    expanded: (s) => expanded().has(s),
    toggle: (s) => {
      const open = new Set(expanded());
      if (!open.delete(s)) open.add(s);
      setSearch({ side: sideAddressOf(open) });
    },
    selection: mayMove() ? selection : null,
  });


  return (
    <div class="app">
      <TopBar
        actions={
          <>
            <LiveIndicator status={live.status()} />
            <InboxButton open={inbox.open()} requests={inbox.requests()} onClick={() => setSearch({ inbox: inboxView() === null ? inbox.firstTab() : undefined, item: undefined })} />
          </>
        }
      >
        <Show when={shownCampaign()}>{(detail) => <CampaignHead detail={detail()} office={me()?.role === 'office'} now={state.shown()?.now ?? new Date().toISOString()} onAdvanced={() => void refetchCampaign()} />}</Show>
      </TopBar>
      <Show when={shownCampaign()} fallback={<div class="page-loading">{t('loading')}</div>}>
        {(detail) => {
          const ctx = context(detail());
          return (
            <>
              <BoardToolbar
                campaign={detail()}
                kind={kind()}
                swimlane={swimlane()}
                kindInAddress={search.kind}
                swimlaneInAddress={search.swimlane}
                filters={filters()}
                filtered={filtersInAddress().length > 0}
                mayCreate={mayMove()}
                selecting={mayMove() ? selection.active() : null}
                onSelecting={() => (selection.active() ? selection.stop() : selection.start())}
                loadPeople={boardPainted()}
                onKind={(k) => setSearch({ kind: k === 'clue' ? undefined : k, item: undefined })}
                onSwimlane={(s) => setSearch({ swimlane: s === 'none' ? undefined : s })}
                onFilters={(change) => setSearch(change)}
                onCreate={() => setCreating(true)}
              />
              <Show when={mayMove()}>
                <batch.Bar />
              </Show>
              <Show when={boardEmpty()}>
                <BoardEmpty
                  kind={kind()}
                  filters={filtersInAddress()}
                  scoped={readerScope(me()) !== null}
                  mayCreate={mayMove()}
                  onClear={() => {
                    clearFilters();
                    // The button goes with the message: the focus goes where the toolbar's own "clear" leaves it, its search box.
                    document.querySelector<HTMLInputElement>('.toolbar input[name=q]')?.focus();
                  }}
                  onCreate={() => setCreating(true)}
                />
              </Show>
              {/* The drag's own live region: where a card is carried, said apart from the board's announcer (which says whether the move was taken). */}
              <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-testid="drag-announcer">
                {dragMessage()}
              </div>
              <DragDropProvider
                sensors={boardSensors}
                plugins={boardPlugins}
                onDragStart={(event) => setDragging(cardById(event.operation.source?.id))}
                onDragEnd={(event) => dragEnded(event.canceled, event.operation.target)}
              >
                <BoardGrid
                  kind={kind()}
                  swimlane={swimlane()}
                  dragging={dragging() !== null}
                  loading={state.board.loading}
                  shown={state.shown() !== undefined}
                  columns={state.columns()}
                  mainColumns={mainColumns()}
                  sideColumns={sideColumns()}
                  lanes={lanesShown() ? (state.shown()?.lanes ?? []) : null}
                  refusal={addressRefused()}
                  error={state.board.error}
                  context={ctx}
                />
                <DragOverlay dropAnimation={null}>
                  <Show when={dragging()}>{(card) => <DraggedCards card={card()} context={ctx} />}</Show>
                </DragOverlay>
              </DragDropProvider>
              <Show when={moves.draft()}>
                {(current) => (
                  <MoveDialog
                    draft={current()}
                    campaign={detail()}
                    overtaken={draftOvertaken()?.draft === current() ? draftOvertaken() : null}
                    onSubmit={(payload) => moves.submitDraft(current(), payload)}
                    onCancel={() => moves.cancelDraft(current())}
                  />
                )}
              </Show>
              <batch.Dialog campaign={detail()} now={state.shown()?.now ?? new Date().toISOString()} />
              <BoardShortcuts />
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
              {/* A panel of its own for each item opened: what it keeps of a read that fails again is of that item alone. */}
              <Show when={openItem()} keyed>
                {(open) => (
                  <DetailPanel
                    kind={open.kind}
                    id={open.id}
                    campaign={detail()}
                    revision={revision()}
                    mayAct={mayMove()}
                    now={() => state.shown()?.now ?? new Date().toISOString()}
                    onChanged={(states) => {
                      setRevision((r) => r + 1);
                      void state.refreshStates(states);
                    }}
                    onLeft={(states) => {
                      const beside = cardBeside(state.columns(), open.id);
                      setSearch({ item: undefined });
                      setRevision((r) => r + 1);
                      void state.refreshStates(states).then(() => focusBeside(beside));
                    }}
                    onCampaignChanged={() => void refetchCampaign()}
                    onMove={(item, to) => move(item, to)}
                    onClose={() => {
                      focusClosedCard(open.id);
                      setSearch({ item: undefined });
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
                    requests={{ listed: inbox.requestsListed(), stamp: inbox.requestsStamp() }}
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
