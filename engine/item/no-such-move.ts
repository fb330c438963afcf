import { z } from 'zod';
import { clueStates } from '../clue/clue.model';
import type { Label } from '../labels';
import { problemStates } from '../problem/problem.model';
import { refuse, type Refusal } from '../refusals';
import type { MoveTable } from './move-table';

/**
 * The refusal of a move the machine does not have from this state (a card
 * dropped two columns ahead): it names both columns and the steps the card
 * can take next, so the user learns the way rather than only "not allowed".
 * The steps are the machine's; whether this user may take each is the
 * board's business (it dims the columns they may not drop on).
 */
export function noSuchMove<State extends string>(table: MoveTable<State>, labels: Readonly<Record<State, Label>>, from: State, to: State): Refusal {
  // Own keys only: "__proto__" or "toString" are no states, though any object answers to them.
  const labelOf = (state: string): Label | undefined => (Object.hasOwn(labels, state) ? labels[state as State] : undefined);
  const fromLabel = labelOf(from);
  const toLabel = labelOf(to);
  if (fromLabel === undefined) return refuse('move_not_allowed');
  // A state the request made up (a typing slip in a script, another kind's state): said so, with the states there are.
  if (toLabel === undefined) return refuse('move_not_allowed', undefined, noSuchState(to, Object.keys(labels)));
  const next = (table.moves.get(from) ?? []).map((edge) => labels[edge.to]);
  const zhNext = next.map((label) => `“${label.zh}”`).join('、');
  const enNext = next.map((label) => `“${label.en}”`).join(', ');
  return refuse('move_not_allowed', undefined, {
    zh: `不能从“${fromLabel.zh}”直接移到“${toLabel.zh}”；下一步可以是${zhNext}`,
    en: `Cannot move from “${fromLabel.en}” straight to “${toLabel.en}”; the next step can be ${enNext}`,
  });
}

/** What a request naming a state that is none is told: the state named and those there are. */
export function noSuchState(to: string, states: readonly string[]): Label {
  return { zh: `没有这个状态：“${to}”（可以是 ${states.join(', ')}）`, en: `No such state: “${to}” (one of ${states.join(', ')})` };
}

const itemStates: readonly string[] = [...clueStates, ...problemStates];
/** The message of a request's `to` that is no state of either kind (Chinese in issue-text.ts). */
export const notAState = `a state: ${clueStates.join(', ')} (a clue's); ${problemStates.join(', ')} (a problem's)`;
/** A request's target state, checked with its shape: a made-up one ("__proto__", "FILED") is a field in error. */
export const stateName = z.string().min(1).max(32).refine((to) => itemStates.includes(to), { message: notAState });
