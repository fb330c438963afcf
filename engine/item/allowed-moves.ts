import type { Actor } from '../actor';
import { awaitingOfficeDeadlineRefusal } from './awaiting-office';
import type { ItemKind } from './kind';
import type { MoveEdge } from './move-table';
import { whoRefusal, type Responsibility, type WhoRule } from './permissions';
import type { AllowedMove, EventMeta } from './types';

const whoRules: readonly WhoRule[] = ['mover', 'leadOrOffice', 'office', 'scope'];
const none: readonly never[] = Object.freeze([]);

/** The who-rules an edge's guards name (its other guards read the payload or the campaign). */
function whoRulesOf(whoGuards: Readonly<Record<string, WhoRule>>, edge: MoveEdge): WhoRule[] {
  return edge.guards.flatMap((name) => {
    const rule = whoGuards[name];
    return rule === undefined ? [] : [rule];
  });
}

/** One bit per who-rule, set when the actor passes it for this item: the key the answers are cached by. */
function whoBits(actor: Actor, context: Responsibility): number {
  let bits = 0;
  for (let i = 0; i < whoRules.length; i++) {
    if (whoRefusal(whoRules[i] as WhoRule, actor, context) === null) bits |= 1 << i;
  }
  return bits;
}

const passes = (rules: readonly WhoRule[], bits: number) => rules.every((rule) => (bits & (1 << whoRules.indexOf(rule))) !== 0);

/**
 * Builds the allowed-moves function of a kind. Per card it evaluates only
 * the four who-rules and whether an assignee is set; the answer for each
 * combination is built once and shared, so a board of 10,000 cards costs
 * 10,000 map lookups rather than 10,000 × columns transitions.
 */
export function allowedMovesOf<State extends string, Context extends Responsibility, EventType extends string, Event extends { readonly type: EventType; readonly meta: EventMeta }>(
  kind: ItemKind<State, Context, EventType, Event>,
) {
  const cache = new Map<string, readonly AllowedMove<State, EventType>[]>();
  const edgeRules = new Map<MoveEdge<State, EventType>, WhoRule[]>();
  for (const edges of kind.table.moves.values()) for (const edge of edges) edgeRules.set(edge, whoRulesOf(kind.whoGuards, edge));

  return function allowedMoves(
    item: { readonly state: State; readonly context: Responsibility },
    actor: Actor,
    campaignConcluded: boolean,
  ): readonly AllowedMove<State, EventType>[] {
    if (campaignConcluded) return none;
    const edges = kind.table.moves.get(item.state);
    if (edges === undefined || edges.length === 0) return none;
    const bits = whoBits(actor, item.context);
    const key = `${item.state}|${bits}|${item.context.assigneeId === null ? 0 : 1}`;
    const cached = cache.get(key);
    if (cached !== undefined) return cached;
    const allowed = edges
      .filter((edge) => passes(edgeRules.get(edge) ?? [], bits))
      .map((edge) =>
        Object.freeze({ to: edge.to, event: edge.event, needs: Object.freeze([...kind.needs(edge, item.context.assigneeId !== null)]), offers: Object.freeze([...(kind.offers?.[edge.event] ?? [])]) }),
      );
    const frozen = Object.freeze(allowed);
    cache.set(key, frozen);
    return frozen;
  };
}

/**
 * Builds the allowed-changes function of a kind: the events that keep the
 * state (a work note, an edit, an assignment, a transfer) that an actor may
 * send on an item now, by the same who-rules as the moves. The drawer offers
 * only these, so an officer is not shown a note form for a card that is not
 * theirs only to be refused. Rules that read the payload (a transfer to
 * another unit) are still the server's to check.
 */
export function allowedChangesOf<State extends string, Context extends Responsibility, EventType extends string, Event extends { readonly type: EventType; readonly meta: EventMeta }>(
  kind: ItemKind<State, Context, EventType, Event>,
) {
  const cache = new Map<string, readonly EventType[]>();
  const edgeRules = new Map<MoveEdge<State, EventType>, WhoRule[]>();
  for (const events of kind.table.byEvent.values()) {
    for (const edge of events.values()) if (edge.keepsState) edgeRules.set(edge, whoRulesOf(kind.whoGuards, edge));
  }

  return function allowedChanges(item: { readonly state: State; readonly context: Responsibility }, actor: Actor, campaignConcluded: boolean): readonly EventType[] {
    if (campaignConcluded) return none;
    const events = kind.table.byEvent.get(item.state);
    if (events === undefined) return none;
    const bits = whoBits(actor, item.context);
    const key = `${item.state}|${bits}`;
    const cached = cache.get(key);
    if (cached !== undefined) return cached;
    // The deadline of a state only the office can end is the office's (no request offered, no lead's extension): it
    // reads whether the actor is the office, which the bits hold.
    const allowed = Object.freeze(
      [...events.values()]
        .filter((edge) => edge.keepsState && passes(edgeRules.get(edge) ?? [], bits) && awaitingOfficeDeadlineRefusal(kind, item.state, edge.event, actor, item.context) === null)
        .map((edge) => edge.event),
    );
    cache.set(key, allowed);
    return allowed;
  };
}
