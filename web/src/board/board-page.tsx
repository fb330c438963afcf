import { useParams, useSearchParams } from '@solidjs/router';
import { Show, createEffect, createSignal, on } from 'solid-js';
import type { CampaignDetail, Card } from '../api/client';
import { createInboxCount } from '../escalations/escalation-inbox';
import { t } from '../i18n/i18n';
import { dropUnitFilterOutOfReach } from '../session/reach-filters';
import { me } from '../session/session';
import { readerScope } from '../ui/reader-scope';
import { createBoardBatch } from './board-batch';
import { createBoardCampaign } from './board-campaign';
import { boardContextOf } from './board-context';
import { BoardCreate } from './board-create';
import { BoardDragArea } from './board-drag-area';
import { BoardDrawer } from './board-drawer';
import { createBoardDrop } from './board-drop';
import { BoardEmpty } from './board-empty';
import { BoardGrid } from './board-grid';
import { BoardInbox } from './board-inbox';
import { preloadDialogs } from './board-lazy';
import { wireBoardLive } from './board-live-wiring';
import { BoardMoveDialog } from './board-move-dialog';
import { createBoardMoves } from './board-moves';
import { createBoardPainted } from './board-painted';
import type { BoardSearch } from './board-source';
import { createBoardState } from './board-state';
import { createBoardTabStop } from './board-tab-stop';
import { BoardToolbar } from './board-toolbar';
import { BoardTopBar } from './board-top-bar';
import { createBoardView, filtersCleared } from './board-view';
import { namesNoBoard } from './board-address';
import { NoSuchPage } from '../ui/page-trouble';
import { createCardSelection } from './card-selection';
import { createDraftOvertaken } from './draft-overtaken';
import { BoardShortcuts } from './keys-help';
import { readOpenSideColumns, sideAddressToggled } from './side-columns';

/**
 * `/campaigns/:id/board`: the Kanban board of one campaign, its view and filters in the URL, kept live by the change
 * stream. An address naming a board there is none of (`?kind=problems`) is an address no page answers to, said as an
 * unknown list's is.
 */
export function BoardPage() {
  const [search] = useSearchParams<BoardSearch>();
  return (
    <Show when={!namesNoBoard(search)} fallback={<NoSuchPage withQuery />}>
      <KindBoard />
    </Show>
  );
}

/** The board of the kind the address names. */
function KindBoard() {
  const params = useParams<{ id: string }>();
  const [search, setSearch] = useSearchParams<BoardSearch>();
  const campaignId = () => Number(params.id);
  const campaign = createBoardCampaign(campaignId);
  const { mayMove, movesNone } = campaign;
  const view = createBoardView(search, campaignId);
  dropUnitFilterOutOfReach(() => search.unit, () => setSearch({ unit: undefined, assignee: undefined }));
  const { kind, swimlane, source, openId } = view;
  const sideOpen = (s: string) => view.sideColumnsOpen().has(s);
  const state = createBoardState(source, sideOpen, () => view.addressRefused() !== undefined);
  const [dragging, setDragging] = createSignal<Card | null>(null);
  const [creating, setCreating] = createSignal(false);
  // The open drawer and inbox read their item or list again on each revision: someone's change, a move, the drawer's own.
  const [revision, setRevision] = createSignal(0);
  const revise = () => setRevision((r) => r + 1);
  readOpenSideColumns({ source, state, isOpen: sideOpen });
  const boardSettled = () => view.addressRefused() !== undefined || state.board.error !== undefined || state.shown() !== undefined;
  const boardPainted = createBoardPainted({ campaign: campaign.settled, board: boardSettled });
  const inbox = createInboxCount(() => (boardPainted() ? campaignId() : undefined));
  const draftOvertaken = createDraftOvertaken(() => moves.draft());
  const live = wireBoardLive({ state, campaignId, kind, dragging, openId, inbox, refetchCampaign: campaign.refetch, revise, onItemChange: draftOvertaken.noticeChange });
  const moves = createBoardMoves({ state, openId, onOpenItemMoved: revise });

  // Cards ticked for a batch (多选), for those who may change cards; a batch is of one kind's cards, so switching kinds ends it.
  const selection = createCardSelection({ columns: state.columns });
  createEffect(on(kind, () => selection.stop(), { defer: true }));
  const drop = createBoardDrop({ state, swimlane, dragging, setDragging, selection: () => (mayMove() ? selection : null), liveDragEnded: live.dragEnded, batch: () => batch, move: moves.move });
  const batch = createBoardBatch({
    selection,
    kind,
    panelOpen: () => openId() !== null || view.inboxView() !== null,
    refreshStates: (states) => void state.refreshStates(states),
    openColumns: () => state.columns().filter((column) => !column.side || sideOpen(column.state)),
    loadColumn: state.loadMore,
    view: source,
  });
  createEffect(() => {
    if (boardPainted()) preloadDialogs();
  });

  // No card in any column, by the counts of the board as read (not while a new view is read): the board says why.
  const boardEmpty = () => !state.board.loading && state.shown() !== undefined && state.columns().every((column) => column.count === 0);
  // The lanes, when the board is shown in lanes and was read with them.
  const lanesDrawn = () => (swimlane() !== 'none' && state.shown()?.swimlane === swimlane() ? (state.shown()?.lanes ?? []) : null);
  const tabStop = createBoardTabStop({ columns: state.columns, isOpen: sideOpen, swimlane, lanes: lanesDrawn });
  const now = () => state.shown()?.now ?? new Date().toISOString();
  const asOf = () => state.shown()?.asOf ?? now();

  const context = (detail: CampaignDetail) =>
    boardContextOf(detail, state, {
      asOf,
      mayMove,
      movesNone,
      dragging,
      dropTargets: drop.dropTargets,
      open: (card) => setSearch({ item: String(card.id), inbox: undefined }),
      tabStop,
      openId,
      move: moves.move,
      expanded: sideOpen,
      toggle: (s) => setSearch({ side: sideAddressToggled(view.sideColumnsOpen(), s) }),
      selection: mayMove() ? selection : null,
    });

  return (
    <div class="app">
      <BoardTopBar
        live={live.status()}
        inbox={inbox}
        campaign={campaign.shown()}
        now={now()}
        asOf={state.shown()?.asOf}
        onInbox={() => setSearch({ inbox: view.inboxView() === null ? inbox.firstTab() : undefined, item: undefined })}
        onAdvanced={campaign.refetch}
      />
      <Show when={campaign.shown()} fallback={<div class="page-loading">{t('loading')}</div>}>
        {(detail) => {
          const ctx = context(detail());
          return (
            <>
              <BoardToolbar
                campaign={detail()}
                kind={kind()}
                swimlane={swimlane()}
                swimlaneInAddress={search.swimlane}
                filters={view.filters()}
                filtered={view.filtersInAddress().length > 0}
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
                  filters={view.filtersInAddress()}
                  scoped={readerScope(me()) !== null}
                  mayCreate={mayMove()}
                  onClear={() => setSearch(filtersCleared())}
                  onCreate={() => setCreating(true)}
                />
              </Show>
              <BoardDragArea dragging={dragging()} context={ctx} onDragStart={drop.dragStarted} onDragEnd={drop.dragEnded}>
                <BoardGrid
                  kind={kind()}
                  swimlane={swimlane()}
                  dragging={dragging() !== null}
                  loading={state.board.loading}
                  shown={state.shown() !== undefined}
                  columns={state.columns()}
                  mainColumns={state.columns().filter((c) => !c.side)}
                  sideColumns={state.columns().filter((c) => c.side)}
                  lanes={lanesDrawn()}
                  refusal={view.addressRefused()}
                  error={state.board.error}
                  context={ctx}
                />
              </BoardDragArea>
              <BoardMoveDialog moves={moves} campaign={detail()} overtaken={draftOvertaken.of} />
              <batch.Dialog campaign={detail()} now={now()} />
              <BoardShortcuts />
              <BoardCreate open={creating()} kind={kind()} campaign={detail()} state={state} onClose={() => setCreating(false)} onOpenItem={(id) => setSearch({ item: String(id) })} />
              <BoardDrawer
                item={view.openItem()}
                campaign={detail()}
                revision={revision()}
                mayAct={mayMove()}
                state={state}
                onRevise={revise}
                onCampaignChanged={campaign.refetch}
                onMove={(item, to) => moves.move(item, to, 'drawer')}
                onClosed={() => setSearch({ item: undefined })}
              />
              <BoardInbox view={view.inboxView()} campaign={detail()} revision={revision()} inbox={inbox} setSearch={setSearch} />
            </>
          );
        }}
      </Show>
    </div>
  );
}
