import type { Card } from '../api/client';
import { moveTargets } from '../batch/batch-plan';
import type { CardSelection } from './card-selection';

/** The cards a drag carries: the one held, and the others ticked when it is one of several. */
export function carriedCards(held: Card, selection: CardSelection | null): readonly Card[] {
  return selection !== null && selection.isSelected(held) && selection.size() > 1 ? selection.selected() : [held];
}

/**
 * Where a drop over a column of this state would go while cards are
 * dragged: the held card's own column, a move the server allows, or one it
 * would refuse. Several ticked cards carried are dropped as one batch of
 * those that may go there, which a move needing each card's own figures
 * (a case number, an outcome) cannot be. Null when nothing is dragged.
 */
export function dropStateOf(held: Card | null, carried: readonly Card[], state: string): 'home' | 'allowed' | 'dimmed' | null {
  if (held === null) return null;
  if (held.state === state) return 'home';
  if (carried.length <= 1) return held.allowed.some((move) => move.to === state) ? 'allowed' : 'dimmed';
  return moveTargets(carried).some((target) => target.to === state && target.batchable) ? 'allowed' : 'dimmed';
}
