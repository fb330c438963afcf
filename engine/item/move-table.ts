import type { AnyStateMachine } from 'xstate';

/** One transition of a machine, as the rules and the board see it. */
export interface MoveEdge<State extends string = string, EventType extends string = string> {
  readonly from: State;
  readonly to: State;
  readonly event: EventType;
  /** The names of the guards that must all hold, in the order they are checked. */
  readonly guards: readonly string[];
  /** True for changes that keep the state (assign, edit, transfer, absorb). */
  readonly keepsState: boolean;
}

/** Every transition of a machine, indexed for the two ways a request names one. */
export interface MoveTable<State extends string = string, EventType extends string = string> {
  /** state → event → edge */
  readonly byEvent: ReadonlyMap<State, ReadonlyMap<EventType, MoveEdge<State, EventType>>>;
  /** state → target state → edge, for the moves that change the state (the board's columns) */
  readonly byTarget: ReadonlyMap<State, ReadonlyMap<State, MoveEdge<State, EventType>>>;
  /** The state-changing edges out of each state, in definition order. */
  readonly moves: ReadonlyMap<State, readonly MoveEdge<State, EventType>[]>;
}

function guardNames(guard: unknown, where: string): string[] {
  if (guard === undefined) return [];
  if (typeof guard === 'string') return [guard];
  // xstate's and([...]) keeps the names it combines on the guard function.
  if (typeof guard === 'function' && 'guards' in guard && Array.isArray(guard.guards)) {
    return guard.guards.map((g: unknown) => {
      if (typeof g !== 'string') throw new Error(`${where}: only named guards may be combined`);
      return g;
    });
  }
  throw new Error(`${where}: guards must be named, or and([...]) of names`);
}

/**
 * Derives the move table from a flat machine's definition, once, so that
 * the board's allowed moves and the refusal diagnosis never run a transition
 * per card. A transition whose guard is not named fails here, at start-up.
 */
export function deriveMoveTable<State extends string, EventType extends string>(
  machine: AnyStateMachine,
): MoveTable<State, EventType> {
  const byEvent = new Map<State, Map<EventType, MoveEdge<State, EventType>>>();
  const byTarget = new Map<State, Map<State, MoveEdge<State, EventType>>>();
  const moves = new Map<State, MoveEdge<State, EventType>[]>();
  for (const [key, node] of Object.entries(machine.root.states)) {
    const from = key as State;
    const events = new Map<EventType, MoveEdge<State, EventType>>();
    const targets = new Map<State, MoveEdge<State, EventType>>();
    const out: MoveEdge<State, EventType>[] = [];
    for (const [eventType, definitions] of node.transitions) {
      for (const definition of definitions) {
        const targetNode = definition.target?.[0];
        const to = (targetNode?.key ?? from) as State;
        const edge: MoveEdge<State, EventType> = {
          from,
          to,
          event: eventType as EventType,
          guards: guardNames(definition.guard, `${machine.id}.${from} on ${eventType}`),
          keepsState: targetNode === undefined,
        };
        if (events.has(edge.event)) throw new Error(`${machine.id}.${from}: one transition per event expected`);
        events.set(edge.event, edge);
        if (!edge.keepsState) {
          targets.set(to, edge);
          out.push(edge);
        }
      }
    }
    byEvent.set(from, events);
    byTarget.set(from, targets);
    moves.set(from, out);
  }
  return { byEvent, byTarget, moves };
}
