import { clueStates } from '../../../engine/clue/clue.model';
import { problemStates } from '../../../engine/problem/problem.model';
import type { BatchEvent } from '../../../api/contracts/batch';
import type { BatchItem } from './api';
import { asksForMoreTime } from '../deadlines/extension-dates';

/** What a batch does to the items selected: a move to a state, or a change that keeps it. */
export type BatchAction = { readonly type: 'move'; readonly to: string } | { readonly type: BatchEvent };

/** What each change that keeps the state asks for, as its own route does. */
export const eventNeeds: Readonly<Record<BatchEvent, readonly string[]>> = {
  assign: ['assigneeId'],
  transfer: ['unitId', 'reason'],
  extend: ['until', 'reason'],
  requestExtension: ['until', 'reason'],
};

/**
 * Needs that hold one item's own facts: its case number, the figures of its
 * outcome or rectification, how many of its suspects were sent for
 * prosecution. No batch can share them, so such moves are made one by one.
 */
const ownNeeds = new Set(['caseNumber', 'outcome', 'sentForProsecution', 'rectification']);

/** What one item needs for the action, or null when the viewer may not take it on that item now. */
export function needsOf(item: BatchItem, action: BatchAction): readonly string[] | null {
  if (action.type === 'move') return item.allowed.find((move) => move.to === action.to)?.needs ?? null;
  if (action.type === 'requestExtension') return asksForMoreTime(item) ? eventNeeds.requestExtension : null;
  return item.changes.includes(`${item.kind}.${action.type}`) ? eventNeeds[action.type] : null;
}

/** A state the selection may move to: how many of the items selected may go there, and whether a batch can take them (no item's own figures needed). */
export interface MoveTarget {
  readonly to: string;
  readonly kind: BatchItem['kind'];
  readonly count: number;
  readonly batchable: boolean;
}

const stateOrder: readonly string[] = [...clueStates, ...problemStates];

/** The states any of the items may move to, in the statecharts' order. */
export function moveTargets(items: readonly BatchItem[]): MoveTarget[] {
  const targets = new Map<string, { kind: BatchItem['kind']; count: number; batchable: boolean }>();
  for (const item of items) {
    for (const move of item.allowed) {
      const target = targets.get(move.to) ?? { kind: item.kind, count: 0, batchable: true };
      target.count += 1;
      if (move.needs.some((need) => ownNeeds.has(need))) target.batchable = false;
      targets.set(move.to, target);
    }
  }
  return [...targets].map(([to, t]) => ({ to, ...t })).sort((a, b) => stateOrder.indexOf(a.to) - stateOrder.indexOf(b.to));
}

/** Whether the viewer may take any batch action on an item: a row they may select. */
export const selectable = (item: BatchItem): boolean => item.allowed.length > 0 || (Object.keys(eventNeeds) as BatchEvent[]).some((event) => item.changes.includes(`${item.kind}.${event}`));

/** How many of the items the viewer may take the action on. */
export const applicableCount = (items: readonly BatchItem[], action: BatchAction): number => items.filter((item) => needsOf(item, action) !== null).length;

/** The items a batch sends with what each needs, those it leaves out (the action not theirs to take), and the needs every item sent shares. */
export interface BatchPlan {
  readonly items: readonly { readonly item: BatchItem; readonly needs: readonly string[] }[];
  readonly skipped: readonly BatchItem[];
  /** Asked once and sent once for all; the rest (a move to verifying names an assignee only for those without one) go with each item that needs them. */
  readonly shared: readonly string[];
  /** Every need of any item sent, in the order they are first met: the dialog's fields. */
  readonly needs: readonly string[];
  /**
   * Needs asked once for each unit of the items that need them, each item sent its unit's answer: an assignee, who must
   * be of the item's own unit, when the items needing one are in more than one (one person named for all was refused
   * for every item of the other units).
   */
  readonly byUnit: readonly string[];
}

/** The needs whose answer is of one unit only. */
const unitsOwn: ReadonlySet<string> = new Set(['assigneeId']);

export function planOf(items: readonly BatchItem[], action: BatchAction): BatchPlan {
  const sent: { item: BatchItem; needs: readonly string[] }[] = [];
  const skipped: BatchItem[] = [];
  for (const item of items) {
    const needs = needsOf(item, action);
    if (needs === null) skipped.push(item);
    else sent.push({ item, needs });
  }
  const needs = [...new Set(sent.flatMap((s) => s.needs))];
  const byUnit = needs.filter((need) => unitsOwn.has(need) && new Set(sent.filter((s) => s.needs.includes(need)).map((s) => s.item.unitId)).size > 1);
  const shared = needs.filter((need) => !byUnit.includes(need) && sent.every((s) => s.needs.includes(need)));
  return { items: sent, skipped, shared, needs, byUnit };
}

/** The name of a need's field for one unit's items (see BatchPlan.byUnit). */
export const unitFieldName = (need: string, unitId: string): string => `${need}@${unitId}`;

/** The need and the unit a field asked unit by unit is for, or null for any other field. */
export function unitFieldOf(name: string): { readonly need: string; readonly unitId: string } | null {
  const at = name.indexOf('@');
  return at < 0 ? null : { need: name.slice(0, at), unitId: name.slice(at + 1) };
}

/** What was typed, as one item's payload reads it: its unit's answer under the need's own name. */
export function valuesForItem(plan: BatchPlan, values: Readonly<Record<string, string>>, item: Pick<BatchItem, 'unitId'>): Readonly<Record<string, string>> {
  if (plan.byUnit.length === 0) return values;
  const own: Record<string, string> = { ...values };
  for (const need of plan.byUnit) {
    const answer = values[unitFieldName(need, item.unitId)];
    if (answer === undefined) delete own[need];
    else own[need] = answer;
  }
  return own;
}

/** The engine's events the items of a plan take (clue.dismiss, problem.extend): what the payload sent with them is held to. */
export function eventsOf(plan: BatchPlan, action: BatchAction): string[] {
  const events = plan.items.map(({ item }) => (action.type === 'move' ? item.allowed.find((move) => move.to === action.to)?.event : `${item.kind}.${action.type}`));
  return [...new Set(events.filter((event) => event !== undefined))];
}

/** One request of a batch, as POST /api/campaigns/:id/batch takes it. */
export interface BatchBody {
  readonly to?: string;
  readonly event?: BatchEvent;
  readonly payload?: Record<string, unknown>;
  readonly items: { readonly kind: BatchItem['kind']; readonly id: number; readonly version: number; readonly payload?: Record<string, unknown> }[];
}

/** The most items, and about the most bytes, one request carries: the server takes 500 items and 64 KB. */
const maxItems = 500;
const maxBytes = 48_000;
const bytesOf = (value: unknown) => new TextEncoder().encode(JSON.stringify(value)).length;

/**
 * The requests that send a plan: the shared payload once in each, an item's
 * own needs with the item; cut so that none passes the server's limits (a
 * reason of a few thousand characters sent with each of many items would).
 */
export function batchBodies(plan: BatchPlan, action: BatchAction, payloadOf: (needs: readonly string[], item?: BatchItem) => Record<string, unknown>): BatchBody[] {
  const head = {
    ...(action.type === 'move' ? { to: action.to } : { event: action.type }),
    ...(plan.shared.length > 0 && { payload: payloadOf(plan.shared) }),
  };
  const bodies: BatchBody[] = [];
  let items: BatchBody['items'][number][] = [];
  let bytes = bytesOf(head);
  for (const { item, needs } of plan.items) {
    const own = needs.filter((need) => !plan.shared.includes(need));
    const entry = { kind: item.kind, id: item.id, version: item.version, ...(own.length > 0 && { payload: payloadOf(own, item) }) };
    const size = bytesOf(entry) + 1;
    if (items.length > 0 && (items.length === maxItems || bytes + size > maxBytes)) {
      bodies.push({ ...head, items });
      items = [];
      bytes = bytesOf(head);
    }
    items.push(entry);
    bytes += size;
  }
  if (items.length > 0) bodies.push({ ...head, items });
  return bodies;
}

/**
 * From how many items a batch asks to be confirmed before it is sent. A
 * batch has no undo: each item changed is an item moved, logged and told
 * to its people, and put back only one by one. A handful of cards ticked on
 * the board is seen whole in the selection; "select all" on a list takes
 * up to the filter's every match, more than a page (50) can show, so a
 * filter set wrong changes what nobody looked at.
 */
export const confirmFrom = 20;

/** The units the items a plan sends are in, with how many of them each holds, most first (ties by unit code). */
/**
 * The units of the items sent that need a field: whose people a batch's
 * assignee is chosen from. A move to verifying names one only for the items
 * without an assignee, and it must be of that item's unit: the people of the
 * units of the items already assigned were offered, and refused.
 */
export function unitsNeeding(plan: BatchPlan, need: string): string[] {
  return [...new Set(plan.items.filter((p) => p.needs.includes(need)).map((p) => p.item.unitId))];
}

export function unitsOfPlan(plan: BatchPlan): { readonly unitId: string; readonly n: number }[] {
  const counts = new Map<string, number>();
  for (const { item } of plan.items) counts.set(item.unitId, (counts.get(item.unitId) ?? 0) + 1);
  return [...counts].map(([unitId, n]) => ({ unitId, n })).sort((a, b) => b.n - a.n || a.unitId.localeCompare(b.unitId));
}
