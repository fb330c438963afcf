import type { Actor } from '../actor';
import type { EscalationThresholds } from '../deadlines/escalation-level';
import type { LocalDate } from '../deadlines/local-time';
import type { Refusal } from '../refusals';

/** What every engine event carries besides its payload; stored with it in the audit log. */
export interface EventMeta {
  readonly itemId: number;
  readonly actor: Actor;
  /** The instant of the decision (UTC ISO). */
  readonly at: string;
  /** The due time of the state being entered, computed once here so replay never reads configuration. */
  readonly dueAt: string | null;
  readonly campaignConcluded: boolean;
}

/** The persisted form of an item: plain JSON that db/ stores; no live actor is ever needed. */
export interface ItemRecord<State extends string, Context> {
  readonly id: number;
  readonly state: State;
  readonly context: Context;
  readonly version: number;
}

/** What the rules read from the campaign when deciding about one of its items. */
export interface ItemRulesContext {
  readonly timeZone: string;
  /** Calendar days allowed in each open state. */
  readonly timeLimits: Readonly<Record<string, number>>;
  readonly escalation: EscalationThresholds;
  readonly campaignConcluded: boolean;
  /** The campaign's last calendar day (its consolidation window's end): no deadline is extended past it. */
  readonly campaignLastDay: LocalDate;
  /** How many extensions a unit lead may give an item in one state (the office any number); absent or null: no limit. */
  readonly extensionsByLead?: number | null;
}

/**
 * A request names either the target state (a drop on the board) or an
 * event (an edit, a transfer), with its payload.
 */
export type MoveRequest<State extends string, EventType extends string> =
  | { readonly to: State; readonly payload?: unknown }
  | { readonly event: EventType; readonly payload?: unknown };

/** An accepted decision: what to store, and the event to append to the audit log. */
export interface Accepted<State extends string, Context, Event> {
  readonly ok: true;
  readonly from: State;
  readonly to: State;
  readonly state: State;
  readonly context: Context;
  readonly version: number;
  readonly event: Event;
  readonly dueAt: string | null;
}

export interface Refused {
  readonly ok: false;
  readonly refusal: Refusal;
}

export type Decision<State extends string, Context, Event> = Accepted<State, Context, Event> | Refused;

/** A target the actor may request now, and the payload fields it needs (the board opens a dialog for them). */
export interface AllowedMove<State extends string, EventType extends string> {
  readonly to: State;
  readonly event: EventType;
  readonly needs: readonly string[];
  /** Payload fields the move's dialog offers besides, left empty at will (a closing check's note). */
  readonly offers: readonly string[];
}
