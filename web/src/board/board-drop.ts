import { createMemo } from 'solid-js';
import type { Card, Swimlane } from '../api/client';
import { t } from '../i18n/i18n';
import { announce } from '../ui/announcer';
import { toast } from '../ui/toasts';
import { cardDragId } from './board-card';
import { dropTargetLane, dropTargetState } from './board-drag';
import type { BoardState } from './board-state';
import type { CardSelection } from './card-selection';
import { carriedCards, dropTargetsOf } from './drop-state';
import { laneLeftUnchanged } from './lane-key';

/** A drop target as the drag library reports it at a drag's end. */
type DropTarget = { id: unknown; data?: unknown } | null | undefined;

/**
 * A card's drag on the board, from where it may go to the move its drop asks for: one card's (see createBoardMoves),
 * or the ticked cards' batch it carries.
 */
export function createBoardDrop(options: {
  readonly state: BoardState;
  readonly swimlane: () => Swimlane;
  readonly dragging: () => Card | null;
  readonly setDragging: (card: Card | null) => void;
  /** The cards ticked for a batch, for those who may change cards. */
  readonly selection: () => CardSelection | null;
  /** Says whether the dragged card was changed by someone else meanwhile (see createLiveBoard). */
  readonly liveDragEnded: () => { readonly overtaken: boolean };
  /** The batch, made after the drop (a batch's drop is one of its ways in). */
  readonly batch: () => { readonly carriesMany: (card: Card) => boolean; readonly dropMany: (to: string) => void };
  readonly move: (card: Card, to: string) => void;
}) {
  const { state } = options;
  // Worked out once a drag, not by each column and lane cell (a drag of 500 ticked cards over a board of lanes).
  const dropTargets = createMemo(() => {
    const held = options.dragging();
    return held === null ? null : dropTargetsOf(held, carriedCards(held, options.selection()));
  });

  const cardById = (id: unknown) =>
    state
      .columns()
      .flatMap((c) => c.cards)
      .find((card) => cardDragId(card) === id) ?? null;

  function dragEnded(canceled: boolean, target: DropTarget) {
    const card = options.dragging();
    options.setDragging(null);
    const { overtaken } = options.liveDragEnded();
    const to = dropTargetState(target);
    if (canceled || card === null || to === null) return;
    const said = laneLeftUnchanged(card, options.swimlane(), dropTargetLane(target));
    if (said !== null) {
      toast(() => t(said), 'info');
      announce(t(said));
    }
    if (to === card.state) return;
    const batch = options.batch();
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
    options.move(card, to);
  }

  return { dropTargets, dragStarted: (id: unknown) => options.setDragging(cardById(id)), dragEnded };
}
