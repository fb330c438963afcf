import type { Label } from '../labels';
import type { MoveTable } from './move-table';
import type { WhoRule } from './permissions';

/** What of a kind tells who may move an item out of a state: its moves and which of their guards are who-rules. */
interface WhoMovesOut<State extends string> {
  readonly table: MoveTable<State, string>;
  readonly whoGuards: Readonly<Record<string, WhoRule>>;
  readonly stateLabels: Readonly<Record<State, Label>>;
}

const known = new WeakMap<object, ReadonlySet<string>>();

/**
 * The states an item waits in for the office alone: it has moves out, and
 * every one of them is guarded by the office-only who-rule (a rectified
 * problem, 已整改待验收, waits for the office's check: 销号, or back to
 * rectifying). Nobody of the unit can end such a stay, so its deadline is
 * the office's to meet: the deadline ladder goes to the office, and only the
 * office gives more time. Read from the machine's named guards, so a state
 * given a way out for the unit stops being one, and a new office-only state
 * is one, without a list to keep in step.
 */
export function statesAwaitingOfficeOf<State extends string>(kind: WhoMovesOut<State>): ReadonlySet<State> {
  const cached = known.get(kind);
  if (cached !== undefined) return cached as ReadonlySet<State>;
  const states = new Set<State>();
  for (const [state, moves] of kind.table.moves) {
    const officeOnly = moves.length > 0 && moves.every((edge) => edge.guards.some((name) => kind.whoGuards[name] === 'office'));
    if (officeOnly) states.add(state);
  }
  known.set(kind, states);
  return states;
}
