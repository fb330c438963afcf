import type { Label } from '../../../engine/labels';
import type { BatchItem, BatchResult } from './api';
import { planOf, type BatchAction, type BatchBody, type BatchPlan } from './batch-plan';

/**
 * What a batch did, over all its requests; `stopped` when a request itself failed (the network, the session) and the
 * rest, `notSent`, were not sent; `unknown`, the items of a request sent whose answer never came (the server may have
 * changed them).
 */
export interface BatchOutcome {
  readonly changed: BatchResult['changed'];
  readonly refused: BatchResult['refused'];
  readonly stopped: Label | null;
  readonly unknown: BatchBody['items'];
  readonly notSent: BatchBody['items'];
}

/** An item as a batch names it. */
export type ItemRef = Pick<BatchItem, 'kind' | 'id'>;

/** How a selection and a result name an item: `clue:12`. */
export const itemKey = (item: ItemRef): string => `${item.kind}:${item.id}`;

/**
 * Whether an item was refused as one the server no longer finds for this user: transferred meanwhile to a unit out of
 * their reach, most likely. The result says so as the drawer does, and offers no link to it, which could only fail.
 */
export const goneFromSight = (refusal: Pick<BatchResult['refused'][number], 'code'>): boolean => refusal.code === 'not_found';

/**
 * What a batch left to do: the items refused, and those not sent after it stopped. Not those whose answer was lost:
 * they may have been changed, and the result asks to look at them first. Nor those the server no longer finds for
 * this user (transferred to a unit out of their reach meanwhile): sent again they are refused again, and kept
 * selected they were a tick on a card the board no longer shows. Retried, these are sent again; closed, these stay
 * selected (the rest are done) for the same change, or another, to be made to them.
 */
export function leftOf(outcome: BatchOutcome): ItemRef[] {
  return [...outcome.refused.filter((refusal) => !goneFromSight(refusal)), ...outcome.notSent].map(({ kind, id }) => ({ kind, id }));
}

/**
 * What stays selected once a batch is closed: what it left to do (leftOf), and the items it never sent, the change
 * not being the user's to take on them (`skipped`: ticked cards dropped on a column only some of them may enter).
 * Nothing was done to those either, and the dialog said they stay: unticked, they were lost from a selection the user
 * made, to be found and ticked again by hand for the change they may take (another column).
 */
export function keptSelected(outcome: BatchOutcome, skipped: readonly ItemRef[]): ItemRef[] {
  return [...leftOf(outcome), ...skipped.map(({ kind, id }) => ({ kind, id }))];
}

/** A selection (by item key) keeping only the items named: what a batch leaves selected once closed. */
export function keptOnly<T>(selected: ReadonlyMap<string, T>, items: readonly ItemRef[]): Map<string, T> {
  const kept = new Set(items.map(itemKey));
  return new Map([...selected].filter(([key]) => kept.has(key)));
}

/**
 * The items refused for their version: someone else changed each first. Sent again at the version they had, they
 * would be refused again for it; a retry sends them at the version they have now ("change it again as it stands now").
 * Any other item left is sent as it was: the server answers again, at the version the user saw.
 */
export const staleOf = (outcome: BatchOutcome): ItemRef[] => outcome.refused.filter((refusal) => refusal.code === 'version_conflict').map(({ kind, id }) => ({ kind, id }));

/**
 * The plan of a retry: the items a batch left, in the plan's order, with the same change and what each needed;
 * each at its version now (`versions`, by item key) where one was read, else at the version sent.
 */
export function retryPlan(plan: BatchPlan, action: BatchAction, outcome: BatchOutcome, versions: ReadonlyMap<string, number>): BatchPlan {
  const left = new Set(leftOf(outcome).map(itemKey));
  const items = plan.items.filter(({ item }) => left.has(itemKey(item))).map(({ item }) => ({ ...item, version: versions.get(itemKey(item)) ?? item.version }));
  return planOf(items, action);
}

/**
 * A batch and its retry as one: every item changed by either, what the retry refused or left unsent, and every
 * item whose answer was lost in either (still to be looked at).
 */
export function afterRetry(before: BatchOutcome, retry: BatchOutcome): BatchOutcome {
  return {
    changed: [...before.changed, ...retry.changed],
    refused: retry.refused,
    stopped: retry.stopped,
    unknown: [...before.unknown, ...retry.unknown],
    notSent: retry.notSent,
  };
}
