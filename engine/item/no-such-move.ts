import type { Label } from '../labels';
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
  const fromLabel: Label | undefined = labels[from];
  const toLabel: Label | undefined = labels[to];
  // A state the request made up (the API checks, but the engine stands alone): the plain refusal.
  if (fromLabel === undefined || toLabel === undefined) return refuse('move_not_allowed');
  const next = (table.moves.get(from) ?? []).map((edge) => labels[edge.to]);
  const zhNext = next.map((label) => `“${label.zh}”`).join('、');
  const enNext = next.map((label) => `“${label.en}”`).join(', ');
  return refuse('move_not_allowed', undefined, {
    zh: `不能从“${fromLabel.zh}”直接移到“${toLabel.zh}”；下一步可以是${zhNext}`,
    en: `Cannot move from “${fromLabel.en}” straight to “${toLabel.en}”; the next step can be ${enNext}`,
  });
}
