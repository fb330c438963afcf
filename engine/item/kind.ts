import type { AnyStateMachine } from 'xstate';
import type { z } from 'zod';
import type { Label } from '../labels';
import type { Refusal } from '../refusals';
import type { Check } from './checks';
import type { MoveEdge, MoveTable } from './move-table';
import type { WhoRule } from './permissions';

/**
 * Everything the generic item rules (decide, allowed moves, replay) need to
 * know about one kind of item — clue or problem.
 */
export interface ItemKind<State extends string, Context, EventType extends string, Event extends { readonly type: EventType }> {
  readonly name: 'clue' | 'problem';
  readonly machine: AnyStateMachine;
  readonly table: MoveTable<State, EventType>;
  /** The columns' names, for refusals that name where a card is and where it can go. */
  readonly stateLabels: Readonly<Record<State, Label>>;
  readonly checks: Readonly<Record<string, Check<Context, Event>>>;
  /**
   * Rules a move is held to when it is decided, after the machine has taken
   * it, but not when an item's log is replayed: rules that came after entries
   * they would refuse may have been logged (a bureau's data from before an
   * upgrade), and the log must replay as it was decided (audit:verify, a
   * restore). The machine's guards hold for every entry ever logged.
   */
  readonly decisionChecks?: Readonly<Partial<Record<EventType, Check<Context, Event>>>>;
  /** Which named guards are who-rules: the board evaluates only these per card. */
  readonly whoGuards: Readonly<Record<string, WhoRule>>;
  readonly payloadSchemas: Readonly<Record<EventType, z.ZodType>>;
  /**
   * The payload fields a move asks the user for. It may depend on whether
   * the item has an assignee and nothing else, so that the board's answer
   * can be shared between cards.
   */
  readonly needs: (edge: MoveEdge<State, EventType>, hasAssignee: boolean) => readonly string[];
  /**
   * Payload fields a move offers without needing them: the board opens its dialog for them all the same, so that a
   * move that closes an item for good (销号) is one the user confirms, with room for what they would note.
   */
  readonly offers?: Readonly<Partial<Record<EventType, readonly string[]>>>;
  /** Facts an event needs beyond its payload, loaded by the caller (the merge target), or a refusal. */
  readonly attachFacts: (eventType: EventType, payload: unknown, facts: ItemFacts) => Attached;
  /** The machine's initial state for a new item's context (its create event's input). */
  readonly initial: (input: Context) => { readonly state: State; readonly context: Context };
  /** One pure machine transition from a persisted state; null when the machine takes none. */
  readonly step: (state: State, context: Context, event: Event) => { readonly state: State; readonly context: Context } | null;
}

export type Attached =
  | { readonly ok: true; readonly facts: Readonly<Record<string, unknown>> }
  | { readonly ok: false; readonly refusal: Refusal };

export const noFactsNeeded: Extract<Attached, { readonly ok: true }> = { ok: true, facts: Object.freeze({}) };

/** Facts loaded by the caller for the rules, beyond the item itself. */
export interface ItemFacts {
  /** The extensions already given to the item in its current state (the API counts them in the log): a lead's are limited. */
  readonly extensionsInState?: number;
  readonly mergeTarget?: {
    readonly id: number;
    readonly campaignId: number;
    readonly unitId: string;
    readonly state: string;
    readonly chain: readonly number[];
  };
}
