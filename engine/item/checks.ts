import type { Refusal, RefusalCode } from '../refusals';
import { refuse } from '../refusals';
import { whoRefusal, type Responsibility, type WhoRule } from './permissions';
import type { EventMeta } from './types';

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

/** A check for a who-rule, reading the actor from the event's meta. */
export function whoCheck<Context extends Responsibility, Event extends { readonly meta: EventMeta }>(
  rule: WhoRule,
): Check<Context, Event> {
  return (context, event) => {
    const code = whoRefusal(rule, event.meta.actor, context);
    return code === null ? null : standard(code);
  };
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
