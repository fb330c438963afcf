import type { Card } from '../api/client';
import { tr } from '../i18n/i18n';
import { bm } from './board-messages';
import { stateLabel } from './domain-labels';
import { isClosed } from './due-shown';

/** Why a reader moves no card of the board at all: their role (a viewer, an administrator), or the campaign concluded. */
export type MovesNone = 'readOnly' | 'concluded';

/**
 * Why the reader may not move this card, as said when they press and drag it;
 * null when they may. The reader's own reason first (no card moves for them),
 * then the card's: a closed one (sent for prosecution, merged, closed by the
 * office) moves no further for anyone, an open one has moves that are not
 * theirs to make (a lead's, the office's).
 */
export function fixedBecause(card: Pick<Card, 'kind' | 'state' | 'allowed' | 'dueAt'>, movesNone: MovesNone | null): string | null {
  if (movesNone === 'readOnly') return bm('fixedReadOnly');
  if (movesNone === 'concluded') return bm('fixedConcluded');
  if (card.allowed.length > 0) return null;
  if (isClosed(card)) return bm(card.kind === 'clue' ? 'fixedClosedClue' : 'fixedClosedProblem', { state: tr(stateLabel(card.kind, card.state)) });
  return bm('fixedNoMoveOfYours');
}
