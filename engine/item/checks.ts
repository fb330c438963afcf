import type { Refusal, RefusalCode } from '../refusals';
import { refuse } from '../refusals';
import { whoRefusal, type Responsibility, type WhoRule } from './permissions';
import type { EventMeta } from './types';
import { movesItems, type Actor } from '../actor';

/**
 * A named rule of a machine: null when it holds, else the refusal it
 * causes. The machine's guards are derived from these, so the guard that
 * blocks a transition and the refusal code the user sees are one rule.
 */
export type Check<Context, Event> = (context: Context, event: Event) => Refusal | null;

type GuardOf<Context, Event> = (args: { context: Context; event: Event }) => boolean;

/** Turns named checks into XState guards of the same names. */
export function guardsFrom<Context, Event, Name extends string>(
  checks: Record<Name, Check<Context, Event>>,
): Record<Name, GuardOf<Context, Event>> {
  const guards = {} as Record<Name, GuardOf<Context, Event>>;
  for (const name of Object.keys(checks) as Name[]) {
    const check = checks[name];
    guards[name] = ({ context, event }) => check(context, event) === null;
  }
  return guards;
}

// Refusals are values; the common ones are built once so the hot path allocates nothing.
const standing = new Map<RefusalCode, Refusal>();
function standard(code: RefusalCode): Refusal {
  let refusal = standing.get(code);
  if (refusal === undefined) {
    refusal = refuse(code);
    standing.set(code, refusal);
  }
  return refusal;
}

/**
 * Refused as not one's role to make, a move says whose it is: a lead's or the
 * office's (查否, 移送起诉, a transfer), or the office's alone (closing a
 * problem). "Your role may not do this" left an officer asking whom to ask.
 */
const whoseMove: Partial<Record<WhoRule, Refusal>> = {
  leadOrOffice: refuse('role_forbidden', undefined, { zh: '此操作须由单位负责人或专项办执行', en: 'Only a unit lead or the campaign office may do this' }),
  office: refuse('role_forbidden', undefined, { zh: '此操作须由专项办执行', en: 'Only the campaign office may do this' }),
};

/** The refusal of an actor attempting a change under a who-rule, or null if they may make it. */
export function whoRuleRefusal(rule: WhoRule, actor: Actor, item: Responsibility): Refusal | null {
  const code = whoRefusal(rule, actor, item);
  if (code === null) return null;
  // Roles that move nothing (a viewer, an administrator) are told so as such, not whose the move would be.
  return code === 'role_forbidden' && movesItems(actor.role) ? (whoseMove[rule] ?? standard(code)) : standard(code);
}

/** A check for a who-rule, reading the actor from the event's meta. */
export function whoCheck<Context extends Responsibility, Event extends { readonly meta: EventMeta }>(rule: WhoRule): Check<Context, Event> {
  return (context, event) => whoRuleRefusal(rule, event.meta.actor, context);
}

/** Nothing moves once the campaign has concluded. */
export function campaignOpenCheck<Context, Event extends { readonly meta: EventMeta }>(): Check<Context, Event> {
  return (_context, event) => (event.meta.campaignConcluded ? standard('campaign_concluded') : null);
}

export { standard as standardRefusal };

/** An assignment to whoever has the item already (or of nobody to an item nobody has): refused as changing nothing. */
export function sameAssignee(assigneeId: number | null): Refusal {
  const message =
    assigneeId === null ? { zh: '该事项本就未指定承办人', en: 'The item has no assignee already' } : { zh: '已由该承办人承办', en: 'Already assigned to this person' };
  return refuse('payload_invalid', [{ field: 'assigneeId', message }], message);
}
