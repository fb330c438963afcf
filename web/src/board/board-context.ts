import type { CampaignDetail, Card } from '../api/client';
import { categoryNamed, unitNamed } from '../i18n/i18n';
import type { BoardState, PendingMove } from './board-state';
import type { MovesNone } from './card-fixed';
import type { CardSelection } from './card-selection';
import type { DropTargets } from './drop-state';

/** What the columns and cards of one board need from the page, passed down as one object. */
export interface BoardContext {
  readonly timeZone: () => string;
  /** The instant the last board read judged its cards at (its asOf: the server's now, or a concluded campaign's conclusion): ages are counted to it. */
  readonly asOf: () => string;
  readonly unitName: (unitId: string) => string;
  readonly categoryName: (categoryId: number) => string;
  readonly pendingOf: (id: number) => PendingMove | undefined;
  /** Whether this user may move cards at all (viewers and admins may not). */
  readonly mayMove: () => boolean;
  /** Why this user moves no card at all (their role, the campaign concluded), said when they try to drag one; null when they may move. */
  readonly movesNone: () => MovesNone | null;
  /** The card being dragged, if any. */
  readonly dragging: () => Card | null;
  /** While a drag lasts: where a drop would move what it carries (one card, or the ticked ones). */
  readonly dropTargets: () => DropTargets | null;
  readonly open: (card: Card) => void;
  /** The card in the Tab order, the others being reached by the arrow keys (see card-keys.ts). */
  readonly tabStop: () => number | null;
  /** The card whose details are open in the drawer, if any. */
  readonly openId: () => number | null;
  readonly move: (card: Card, to: string) => void;
  readonly loadMore: (state: string) => void;
  /** Reads a column on until it holds `wanted` cards or has no more. */
  readonly loadColumn: (state: string, wanted: number) => Promise<void>;
  readonly loadingMore: (state: string) => boolean;
  /** Side columns (unfounded, merged…) are collapsed until the user opens them. */
  readonly expanded: (state: string) => boolean;
  readonly toggle: (state: string) => void;
  /** The cards ticked for a batch; null for those who may change none (viewers, admins). */
  readonly selection: CardSelection | null;
}

/** The page's own part of the context: what it keeps besides the campaign and the board's state. */
type PageParts = Pick<BoardContext, 'asOf' | 'mayMove' | 'movesNone' | 'dragging' | 'dropTargets' | 'open' | 'tabStop' | 'openId' | 'move' | 'expanded' | 'toggle' | 'selection'>;

/** The context of a campaign's board: its names from the campaign, its columns' reads from the board's state, the rest from the page. */
export function boardContextOf(detail: CampaignDetail, state: BoardState, page: PageParts): BoardContext {
  return {
    ...page,
    timeZone: () => detail.timeZone,
    unitName: (id) => unitNamed(detail.units, id),
    categoryName: (id) => categoryNamed(detail.categories, id) ?? String(id),
    pendingOf: state.pendingOf,
    loadMore: (s) => void state.loadMore(s),
    loadColumn: (s, wanted) => state.loadMore(s, wanted),
    loadingMore: (s) => state.loadingMore().has(s),
  };
}
