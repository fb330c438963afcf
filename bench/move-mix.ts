/** A clue the moves load works on, as its client knows it from the answers. */
export interface LoadClue {
  readonly id: number;
  version: number;
  state: string;
  /** How often the load has found it in verifying: when it files the clue (see {@link forwardAt}). */
  verifyingVisits: number;
}

/** What the load asks of a clue: the state to move it to, and the move's payload. */
export interface ClueMove {
  readonly to: string;
  readonly payload: Record<string, unknown>;
}

/**
 * The visit in verifying at which a clue goes forward (filed, then solved,
 * then sent for prosecution, one move a visit), or null for a clue that
 * only cycles. Half the clues (even ids) go forward, each at its own visit
 * between the 2nd and the 17th, so forward moves come throughout a run
 * instead of in one burst; the other half cycle verifying → unfounded →
 * verifying (reopen) for ever, so legal moves never run out. Never on the
 * first visit: a clue files from the verifying it was reopened into, as
 * the raw loop's plan assumes (bench/raw-tx.ts).
 */
export function forwardAt(id: number): number | null {
  return id % 2 === 0 ? 2 + ((id >> 1) % 16) : null;
}

/** The outcome a solved bench clue reports: a small gang, as the demo's figures go. */
const outcome = {
  organisationType: 'criminalGang',
  suspectsCaught: 3,
  criminallyDetained: 3,
  arrested: 2,
  gunsSeized: 0,
  assetsSeizedYuan: 120_000,
  moneyInvolvedYuan: 560_000,
  moneyStoppedYuan: 80_000,
  moneyFrozenYuan: 150_000,
  moneyReturnedYuan: 40_000,
  victimsWarned: 25,
} as const;

/**
 * The load's move of a clue out of `from`: forward (filed) or not
 * (unfounded) out of verifying; null for a clue with no move left (sent for
 * prosecution). `tag` names who asks (a client, the raw loop) in the texts
 * it writes.
 */
export function moveOutOf(id: number, from: string, forward: boolean, tag: string): ClueMove | null {
  switch (from) {
    case 'verifying':
      return forward
        ? { to: 'filed', payload: { caseNumber: `A6107${String(id).padStart(6, '0')}`, conclusion: `${tag}: 经核查线索属实，符合立案条件` } }
        : { to: 'unfounded', payload: { conclusion: `${tag}: 查无实据` } };
    case 'unfounded':
      return { to: 'verifying', payload: { reason: `${tag}: 新证据` } };
    case 'filed':
      return { to: 'solved', payload: { outcome } };
    case 'solved':
      return { to: 'prosecuted', payload: { sentForProsecution: 3 } };
    default:
      return null;
  }
}

/** The next move of the load's clue from the state it is in, counting its visit if in verifying (see {@link moveOutOf}). */
export function nextMove(clue: LoadClue, tag: string): ClueMove | null {
  if (clue.state === 'verifying') clue.verifyingVisits += 1;
  return moveOutOf(clue.id, clue.state, clue.state === 'verifying' && clue.verifyingVisits === forwardAt(clue.id), tag);
}

/**
 * Clues taken in turn, as each part of the bench takes its own: the next
 * one with a move left, and that move (counting its visit), or null when
 * none has a move left. A clue sent for prosecution is passed over.
 */
export class InTurn {
  #next = 0;
  constructor(private readonly clues: readonly LoadClue[]) {}

  take(tag: string): { readonly clue: LoadClue; readonly move: ClueMove } | null {
    for (let tried = 0; tried < this.clues.length; tried++) {
      const clue = this.clues[this.#next++ % this.clues.length];
      const move = clue === undefined ? null : nextMove(clue, tag);
      if (clue !== undefined && move !== null) return { clue, move };
    }
    return null;
  }
}
