import { movesItems, type Actor } from '../actor';
import type { RefusalCode } from '../refusals';

/**
 * Who may make a kind of change to an item:
 * - `mover`: the office; a unit lead in scope; an officer on items assigned to them;
 * - `leadOrOffice`: the office, or a unit lead in scope (unfounded, reopen, prosecuted, assign, transfer);
 * - `office`: the campaign office only (closing a problem, merging across units);
 * - `scope`: anyone who moves items, in scope, assigned or not (being the survivor of a merge).
 */
export type WhoRule = 'mover' | 'leadOrOffice' | 'office' | 'scope';

/** The part of an item the who-rules read. */
export interface Responsibility {
  readonly unitId: string;
  readonly assigneeId: number | null;
}

/** The refusal code for an actor attempting a change under a rule, or null if allowed. */
export function whoRefusal(rule: WhoRule, actor: Actor, item: Responsibility): RefusalCode | null {
  if (!movesItems(actor.role)) return 'role_forbidden';
  if (actor.role === 'office') return null;
  if (rule === 'office') return 'role_forbidden';
  if (!actor.unitScope.includes(item.unitId)) return 'out_of_scope';
  if (rule === 'leadOrOffice' && actor.role !== 'lead') return 'role_forbidden';
  if (rule === 'mover' && actor.role === 'officer' && item.assigneeId !== actor.userId) return 'not_assignee';
  return null;
}
