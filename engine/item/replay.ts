import type { Actor } from '../actor';
import type { EventMeta } from './types';
import type { ItemKind } from './kind';

/** The event that brings an item into being: its initial context, and who created it when. */
export interface CreateEvent<Context> {
  readonly type: `${'clue' | 'problem'}.create`;
  readonly input: Context;
  readonly meta: EventMeta & { readonly actor: Actor };
}

export type Replayed<State, Context> = { readonly ok: true; readonly state: State; readonly context: Context; readonly version: number } | ReplayFailure<State>;

/**
 * Why an item's log does not replay, for the verifier to say in either language: its first event creates nothing;
 * the machine refused an event (of type `event`, as the log has it) in the state reached; or could not even
 * evaluate it (an event without its meta, written by something other than decide()), with the machine's own error,
 * which is for whoever reads the code.
 */
export type ReplayFailure<State> =
  | { readonly ok: false; readonly why: 'not-created'; readonly index: 0 }
  | { readonly ok: false; readonly why: 'refused'; readonly index: number; readonly state: State; readonly event: string }
  | { readonly ok: false; readonly why: 'unreadable'; readonly index: number; readonly state: State; readonly event: string; readonly error: string };

/** An event's type as the log holds it, whatever the log holds. */
const typeOf = (event: unknown): string => String((event as { type?: unknown } | null)?.type);

/**
 * Rebuilds an item from its audit events alone: the create event, then each
 * accepted event through the same pure machine. Every event carries its own
 * instant, due time and actor, so the result never depends on configuration
 * or people as they are now. The version is the number of events.
 */
export function replayItem<State extends string, Context, EventType extends string, Event extends { readonly type: EventType }>(
  kind: ItemKind<State, Context, EventType, Event>,
  events: readonly unknown[],
): Replayed<State, Context> {
  const first = events[0] as CreateEvent<Context> | undefined;
  if (first === undefined || first.type !== `${kind.name}.create`) {
    return { ok: false, why: 'not-created', index: 0 };
  }
  let current = kind.initial(first.input);
  for (let index = 1; index < events.length; index++) {
    // Events come from our own hash-chained log, written by decide(). A log written by something else (a script,
    // a restore edited by hand and chained again) may hold one the machine cannot even evaluate, such as an event
    // without its meta: the verifier reports that entry instead of stopping on the machine's error.
    let next: ReturnType<typeof kind.step>;
    try {
      next = kind.step(current.state, current.context, events[index] as Event);
    } catch (error) {
      return { ok: false, why: 'unreadable', index, state: current.state, event: typeOf(events[index]), error: error instanceof Error ? error.message : String(error) };
    }
    if (next === null) return { ok: false, why: 'refused', index, state: current.state, event: typeOf(events[index]) };
    current = next;
  }
  return { ok: true, state: current.state, context: current.context, version: events.length };
}
