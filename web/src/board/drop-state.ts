import type { Card } from '../api/client';
import { moveTargets } from '../batch/batch-plan';
import type { CardSelection } from './card-selection';

/** The cards a drag carries: the one held, and the others ticked when it is one of several. */
export function carriedCards(held: Card, selection: CardSelection | null): readonly Card[] {
  return selection !== null && selection.isSelected(held) && selection.size() > 1 ? selection.selected() : [held];
}

/** While cards are dragged: the held card's own column, and the states a drop would move them to. Worked out once a drag, read by every column and lane cell. */
export interface DropTargets {
  readonly home: string;
  readonly allowed: ReadonlySet<string>;
}

/**
 * The states a drop may move the carried cards to: the held card's own
 * moves; or, carrying several ticked cards (dropped as one batch of those
 * that may go), the states some of them may go to, but for a move needing
 * each card's own figures (a case number, an outcome), which a batch cannot make.
 */
export function dropTargetsOf(held: Card, carried: readonly Card[]): DropTargets {
  const allowed = carried.length <= 1 ? held.allowed.map((move) => move.to) : moveTargets(carried).filter((target) => target.batchable).map((target) => target.to);
  return { home: held.state, allowed: new Set(allowed) };
}

/** Where a drop over a column of this state would go: home, a move the server allows, one it would refuse; null when nothing is dragged. */
export function dropStateIn(targets: DropTargets | null, state: string): 'home' | 'allowed' | 'dimmed' | null {
  if (targets === null) return null;
  if (targets.home === state) return 'home';
  return targets.allowed.has(state) ? 'allowed' : 'dimmed';
}
