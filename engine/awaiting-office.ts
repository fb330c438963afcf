import { clueKind } from './clue/clue.kind';
import { statesAwaitingOfficeOf } from './item/awaiting-office';
import { problemKind } from './problem/problem.kind';

/**
 * Per kind of item, the states it waits in for the office alone (see
 * statesAwaitingOfficeOf): a problem's 已整改待验收. A clue has none: from
 * every open state of a clue a unit can move it on (a merge at least).
 */
export const statesAwaitingOffice: Readonly<Record<'clue' | 'problem', readonly string[]>> = {
  clue: [...statesAwaitingOfficeOf(clueKind)],
  problem: [...statesAwaitingOfficeOf(problemKind)],
};

/** Whether an item of this kind in this state waits for the office alone, whose deadline it then is to meet. */
export function awaitsOffice(kind: 'clue' | 'problem', state: string): boolean {
  return statesAwaitingOffice[kind].includes(state);
}
