import { batch, createMemo, createResource, createSignal } from 'solid-js';
import { api, ApiProblem, type Board, type Card } from '../api/client';
import { firstBoardPage } from './board-prefetch';
import { pageOf, type BoardSource } from './board-source';
import { unlessFailed } from '../ui/read-shown';

export type Column = Board['columns'][number];

/** A move the user made that the server has not confirmed yet: the card shows in `to` meanwhile. */
export interface PendingMove {
  readonly card: Card;
  readonly to: string;
  /** `draft` while its dialog is open, `sending` while the request is in flight. */
  readonly stage: 'draft' | 'sending';
}

/** What became of a move: done, refused (with the server's problem), or overtaken by someone else's change. */
export type MoveResult = { readonly ok: true; readonly card: Card } | { readonly ok: false; readonly problem: ApiProblem };

export type { BoardSource };

/** The most cards the board API gives in one read. */
const maxPage = 500;

/** Puts a card (as the server now has it) at the top of its state's column, wherever it was before. */
function place(board: Board, card: Card): Board {
  return {
    ...board,
    columns: board.columns.map((column) => {
      const had = column.cards.some((c) => c.id === card.id);
      const rest = column.cards.filter((c) => c.id !== card.id);
      if (column.state === card.state) return { ...column, cards: [card, ...rest], count: column.count + (had ? 0 : 1) };
      return had ? { ...column, cards: rest, count: Math.max(0, column.count - 1) } : column;
    }),
  };
}

/** The same card as before when nothing about it changed, so nothing of it is drawn again (its element is kept by its id either way). */
function keepUnchanged(before: readonly Card[], after: readonly Card[]): Card[] {
  const old = new Map(before.map((card) => [card.id, card]));
  return after.map((card) => {
    const previous = old.get(card.id);
    return previous !== undefined && JSON.stringify(previous) === JSON.stringify(card) ? previous : card;
  });
}

/**
 * The board as the server confirmed it, plus the moves in flight laid over
 * it (the optimistic view is derived from the pending moves, never a
 * second copy of the board). Confirmed moves are placed into the board
 * from the server's answer; refused ones just disappear from the pending list.
 */
export function createBoardState(source: () => BoardSource, isOpen: (state: string) => boolean = () => true, refused: () => boolean = () => false) {
  // An address the page refuses is read as no board at all: nothing is asked of the server (the page says why).
  const wanted = () => (refused() ? false : source());
  const [board, { mutate, refetch }] = createResource<Board, BoardSource>(wanted, async (s, { value }) => {
    const next = await firstBoardPage(s);
    if (value === undefined || value === null || value.kind !== next.kind) return next;
    const before = new Map(value.columns.map((c) => [c.state, c.cards]));
    return { ...next, columns: next.columns.map((c) => ({ ...c, cards: keepUnchanged(before.get(c.state) ?? [], c.cards) })) };
  });
  // The board as read, or none once its read failed (a filter in the address the server refuses) or its address is
  // refused (the board read before it is not this one): the page says why in its place, its toolbar kept to change
  // the filter, where Solid's `latest` would throw to the page's notice.
  const shown = () => (refused() ? undefined : unlessFailed(board));
  const [pending, setPending] = createSignal<readonly PendingMove[]>([]);
  const [loadingMore, setLoadingMore] = createSignal<ReadonlySet<string>>(new Set());

  const columns = createMemo((): readonly Column[] => {
    const current = shown();
    if (current === undefined) return [];
    const moves = pending();
    const movedIds = new Set(moves.map((m) => m.card.id));
    return current.columns.map((column) => {
      const incoming = moves.filter((m) => m.to === column.state && m.card.state !== column.state).map((m) => m.card);
      const staying = column.cards.filter((c) => !movedIds.has(c.id) || moves.some((m) => m.card.id === c.id && m.to === column.state));
      const leaving = column.cards.length - staying.length;
      return { ...column, cards: [...incoming, ...staying], count: column.count + incoming.length - leaving };
    });
  });

  const pendingOf = (id: number) => pending().find((m) => m.card.id === id);

  function hold(card: Card, to: string, stage: PendingMove['stage']) {
    setPending((list) => [...list.filter((m) => m.card.id !== card.id), { card, to, stage }]);
  }

  function release(id: number) {
    setPending((list) => list.filter((m) => m.card.id !== id));
  }

  /** Sends a move to the judge. The card shows in `to` until the answer; then where the server says it is. */
  async function send(card: Card, to: string, payload?: Record<string, unknown>): Promise<MoveResult> {
    hold(card, to, 'sending');
    try {
      const moved = await api.move(card.kind, card.id, { to, version: card.version, ...(payload !== undefined && { payload }) });
      batch(() => {
        mutate((b) => (b === undefined ? b : place(b, moved)));
        release(card.id);
      });
      return { ok: true, card: moved };
    } catch (error) {
      const problem = error instanceof ApiProblem ? error : new ApiProblem(0, 'unknown', { zh: String(error), en: String(error) }, [], null);
      batch(() => {
        const current = problem.current;
        if (problem.code === 'version_conflict' && current !== null) mutate((b) => (b === undefined ? b : place(b, current)));
        release(card.id);
      });
      return { ok: false, problem };
    }
  }

  // Whether the board still shows what a read was sent for (the source is compared by value: a new object may say the same).
  const stillShown = (s: BoardSource) => JSON.stringify(source()) === JSON.stringify(s);

  /**
   * Reads a column's next page; with `wanted`, reads on (at most 500 a read)
   * until the column holds that many cards or has no more (ticking a whole
   * column for a batch). A read answered after the user changed what the
   * board shows is dropped: its cards belong to another board.
   */
  async function loadMore(state: string, wanted?: number) {
    const s = source();
    if (loadingMore().has(state)) return;
    setLoadingMore((set) => new Set([...set, state]));
    try {
      for (;;) {
        const column = shown()?.columns.find((c) => c.state === state);
        if (column?.next == null || (wanted !== undefined && column.cards.length >= wanted)) return;
        const limit = wanted === undefined ? pageOf(s) : Math.min(maxPage, wanted - column.cards.length);
        const page = await api.board(s.campaignId, { kind: s.kind, swimlane: s.swimlane, ...s.filters, limit, state, cursor: column.next });
        const more = page.columns.find((c) => c.state === state);
        if (more === undefined || !stillShown(s)) return;
        mutate((b) =>
          b === undefined
            ? b
            : {
                ...b,
                columns: b.columns.map((c) => {
                  if (c.state !== state) return c;
                  const seen = new Set(c.cards.map((card) => card.id));
                  return { ...c, cards: [...c.cards, ...more.cards.filter((card) => !seen.has(card.id))], next: more.next };
                }),
              },
        );
        if (wanted === undefined) return;
      }
    } finally {
      setLoadingMore((set) => new Set([...set].filter((x) => x !== state)));
    }
  }

  /**
   * One column's first `wanted` cards, in reads of at most 500 (what the API
   * gives at once) following its cursor: a user who scrolled deep into a long
   * column keeps every card loaded when someone else's change re-reads it.
   */
  async function readColumn(s: BoardSource, state: string, wanted: number): Promise<Board> {
    const query = { kind: s.kind, swimlane: s.swimlane, ...s.filters, state };
    let page = await api.board(s.campaignId, { ...query, limit: Math.min(maxPage, wanted) });
    for (;;) {
      const column = page.columns.find((c) => c.state === state);
      if (column === undefined || column.next == null || column.cards.length >= wanted) return page;
      const more = await api.board(s.campaignId, { ...query, limit: Math.min(maxPage, wanted - column.cards.length), cursor: column.next });
      const rest = more.columns.find((c) => c.state === state);
      if (rest === undefined) return page;
      const seen = new Set(column.cards.map((card) => card.id));
      const joined = { ...rest, cards: [...column.cards, ...rest.cards.filter((card) => !seen.has(card.id))] };
      page = { ...more, columns: more.columns.map((c) => (c.state === state ? joined : c)) };
    }
  }

  // Re-reads are numbered as they are sent. Their answers may come back out of order (two changes to one
  // column in quick succession), and an older answer must not undo a newer one already shown.
  let readsSent = 0;
  const columnRead = new Map<string, number>();
  let lanesRead = 0;

  /**
   * Reads some columns again (after someone else's change), as many cards as
   * are shown now, and swaps just those columns and the lane counts in.
   * Unchanged cards keep their objects, so nothing on screen jumps.
   */
  async function refreshStates(states: readonly string[]) {
    const s = source();
    const current = shown();
    if (current === undefined) return;
    const wanted = [...new Set(states)].filter((state) => current.columns.some((c) => c.state === state));
    const read = ++readsSent;
    // How many cards each column showed when its re-read was sent.
    const shownAtSend = new Map(wanted.map((state) => [state, current.columns.find((c) => c.state === state)?.cards.length ?? 0]));
    const pages = await Promise.all(
      wanted.map((state) => {
        const column = current.columns.find((c) => c.state === state);
        const shown = shownAtSend.get(state) ?? 0;
        // A collapsed side column shows its count alone: one card comes with it, the rest when it is opened.
        return readColumn(s, state, column?.side === true && !isOpen(state) ? 1 : Math.max(pageOf(s), shown));
      }),
    );
    // The user may have switched kind or filters meanwhile: then these pages are of another board.
    if (!stillShown(s) || pages.length === 0) return;
    const newer = (column: Column) => (columnRead.get(column.state) ?? 0) < read;
    const fresh = new Map(pages.flatMap((page) => page.columns.filter(newer)).map((column) => [column.state, column]));
    for (const state of fresh.keys()) columnRead.set(state, read);
    const lanesNewer = lanesRead < read;
    if (lanesNewer) lanesRead = read;
    // A column that got more cards while this read was out (the user loaded more, or opened a side column) is
    // read again for as many: swapping this answer in would drop what the user just loaded.
    const outgrown: string[] = [];
    mutate((b) => {
      if (b === undefined) return b;
      return {
        ...b,
        now: lanesNewer ? (pages.at(-1)?.now ?? b.now) : b.now,
        asOf: lanesNewer ? (pages.at(-1)?.asOf ?? b.asOf) : b.asOf,
        lanes: lanesNewer ? (pages.at(-1)?.lanes ?? b.lanes) : b.lanes,
        columns: b.columns.map((column) => {
          const next = fresh.get(column.state);
          if (next === undefined) return column;
          if (column.cards.length > (shownAtSend.get(column.state) ?? 0) && next.cards.length < column.cards.length) {
            outgrown.push(column.state);
            return column;
          }
          return { ...next, cards: keepUnchanged(column.cards, next.cards) };
        }),
      };
    });
    if (outgrown.length > 0) await refreshStates(outgrown);
  }

  return { board, refused, shown, columns, pending, pendingOf, hold, release, send, loadMore, loadingMore, refetch, refreshStates };
}

export type BoardState = ReturnType<typeof createBoardState>;
