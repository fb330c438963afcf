import type { Card, ItemKind } from '../api/client';
import { coalesce } from '../live/coalesce';
import type { Change } from '../live/live-events';
import { createLiveBoard } from './board-live';
import type { BoardState } from './board-state';

/**
 * The page's answers to the change stream around the board itself (which createLiveBoard keeps): the campaign read
 * again, the inbox counted again, the open drawer and inbox read again, an open move dialog told its card changed.
 */
export function wireBoardLive(options: {
  readonly state: BoardState;
  readonly campaignId: () => number;
  readonly kind: () => ItemKind;
  readonly dragging: () => Card | null;
  readonly openId: () => number | null;
  readonly inbox: { readonly refresh: () => void; readonly itemChanged: (change: Change) => void };
  readonly refetchCampaign: () => void;
  /** Reads the open drawer and inbox again. */
  readonly revise: () => void;
  /** Any clue or problem of the campaign changed (an open move dialog's card among them). */
  readonly onItemChange: (change: Change) => void;
}) {
  // The open drawer shows its item's escalations, read again on each revision. A sweep sends a change per
  // part it commits, and moves resolve theirs: at most four revisions a second, the changes between them
  // gathered into the next.
  const escalationsChanged = coalesce<never>(async () => {
    options.revise();
    await new Promise((settled) => setTimeout(settled, 250));
  });
  return createLiveBoard({
    state: options.state,
    campaignId: options.campaignId,
    kind: options.kind,
    dragging: options.dragging,
    openId: options.openId,
    onCampaignChanged: options.refetchCampaign,
    onEscalation: () => {
      options.inbox.refresh();
      escalationsChanged();
    },
    onOpenItemChanged: options.revise,
    onItemChange: (change) => {
      options.inbox.itemChanged(change);
      // A transfer takes its item's escalations along; one of the office's goes without an entry of its own (its
      // recipient stays), yet the inbox's unit view of the unit it left lists it no more.
      if (change.formerUnitId !== null) escalationsChanged();
      options.onItemChange(change);
    },
  });
}
