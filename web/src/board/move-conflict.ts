import type { Card } from '../api/client';

/**
 * What a move refused for a version another user changed first (409) tells its mover, from the card as the server
 * has it now: `theirs` when that user made this very move (the card is where the mover wanted it), `reassigned`
 * when the item went to someone else and the move is no longer the mover's to make, `changed` otherwise.
 */
export type MoveConflict = 'theirs' | 'reassigned' | 'changed';

export function moveConflictOf(card: Pick<Card, 'assigneeId'>, to: string, current: Pick<Card, 'state' | 'assigneeId' | 'allowed'> | null): MoveConflict {
  if (current === null) return 'changed';
  if (current.state === to) return 'theirs';
  if (current.assigneeId !== card.assigneeId && !current.allowed.some((allowed) => allowed.to === to)) return 'reassigned';
  return 'changed';
}
