import type { Card, Swimlane } from '../api/client';

/** Which lane a card sits in: its unit, or its category ('none' when it has none). */
export function laneKeyOf(card: Card, swimlane: Swimlane): string {
  if (swimlane === 'unit') return card.unitId;
  return card.categoryId === null ? 'none' : String(card.categoryId);
}

/**
 * What a drop into another lane than the card's own says: a lane is the card's unit or category, which a drag never
 * changes (a transfer needs a reason), so it is said rather than left undone silently. Null for a drop in the card's
 * own lane, or on a board without lanes.
 */
export function laneLeftUnchanged(card: Card, swimlane: Swimlane, droppedInLane: string | null): 'laneNotTransfer' | 'laneNotCategory' | null {
  if (droppedInLane === null || swimlane === 'none' || droppedInLane === laneKeyOf(card, swimlane)) return null;
  return swimlane === 'unit' ? 'laneNotTransfer' : 'laneNotCategory';
}
