import type { Actor } from '../actor';
import type { Label } from '../labels';
import { refuse, type Refusal } from '../refusals';
import { whoRuleRefusal } from './checks';
import { isExtension, isExtensionRequest } from './extension';
import type { MoveTable } from './move-table';
import type { Responsibility, WhoRule } from './permissions';

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

/**
 * Who may change the deadline of an item waiting for the office: the office
 * extends it (or declines a request left waiting from before this rule), and
 * nobody asks for more time, since the office, whose deadline it is, gives it
 * itself. Null in any other state, or for any other event. Judged as a
 * decision is made and not by the machine, so that extensions and requests
 * logged before replay as they were decided.
 */
export function awaitingOfficeDeadlineRefusal<State extends string>(kind: WhoMovesOut<State>, state: State, eventType: string, actor: Actor, item: Responsibility): Refusal | null {
  const asking = isExtensionRequest(eventType);
  if (!asking && !isExtension(eventType) && !eventType.endsWith('.declineExtension')) return null;
  if (!statesAwaitingOfficeOf(kind).has(state)) return null;
  const label = kind.stateLabels[state];
  if (asking) {
    return refuse('move_not_allowed', undefined, {
      zh: `“${label.zh}”的事项由专项办办理，期限由专项办掌握，不能申请延期`,
      en: `An item in ${label.en} waits for the campaign office, whose deadline it is: no extension can be asked for`,
    });
  }
  if (whoRuleRefusal('office', actor, item) === null) return null;
  return refuse('role_forbidden', undefined, {
    zh: `“${label.zh}”的事项由专项办办理，期限由专项办掌握，只有专项办可以延期或答复延期申请`,
    en: `An item in ${label.en} waits for the campaign office, whose deadline it is: only the office may extend it or answer a request for more time`,
  });
}
