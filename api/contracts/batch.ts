import { z } from 'zod';
import { freeObject } from '../../engine/nesting';
import { itemKinds } from './board';
import { fieldIssue, label } from './common';
import { stateName } from '../../engine/item/no-such-move';

/** The most items one batch may change: ten pages of a list, and well inside the 64 KB a request body may be. */
export const maxBatchItems = 500;

/** The changes that keep the state a batch may make, each as its own route makes it one item at a time: whoever works the items asks for more time (requestExtension), a lead or the office gives it (extend). */
export const batchEvents = ['assign', 'transfer', 'extend', 'requestExtension'] as const;
export type BatchEvent = (typeof batchEvents)[number];

const payload = freeObject();

/** One item of a batch: the version the user saw, and what of the payload is its own (a move to verifying names an assignee only for the items without one). */
export const batchItem = z.strictObject({
  kind: z.enum(itemKinds),
  id: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  version: z.number().int().positive(),
  payload: payload.optional(),
});
export type BatchItem = z.infer<typeof batchItem>;

/**
 * One change made to many items (批量处理), each item on its own: a move to
 * a state (`to`, as `POST /clues/:id/transitions`) or a change that keeps it
 * (`event`: assign, transfer, extend, requestExtension), with the payload they share; an item's
 * own payload adds to it. The engine decides each item as it would alone.
 */
export const batchRequest = z
  .strictObject({
    to: stateName.optional(),
    event: z.enum(batchEvents).optional(),
    payload: payload.optional(),
    items: z.array(batchItem).min(1).max(maxBatchItems),
  })
  .superRefine((body, ctx) => {
    if ((body.to === undefined) === (body.event === undefined)) {
      ctx.addIssue({ code: 'custom', path: [body.to === undefined ? 'to' : 'event'], message: 'give either to (a state) or event (assign, transfer, extend, requestExtension), not both' });
    }
    const seen = new Set<string>();
    body.items.forEach((item, i) => {
      const key = `${item.kind}:${item.id}`;
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: ['items', i, 'id'], message: 'the same item twice in one batch' });
      seen.add(key);
    });
  })
  .meta({ id: 'BatchRequest' });
export type BatchRequest = z.infer<typeof batchRequest>;

/** An item the batch changed, as it is now. */
export const batchChanged = z.object({ kind: z.enum(itemKinds), id: z.number().int(), version: z.number().int(), state: z.string() });

/** An item the batch left as it was, and why: the problem its own request would have been answered with. */
export const batchRefused = z.object({
  kind: z.enum(itemKinds),
  id: z.number().int(),
  status: z.number().int(),
  code: z.string(),
  reason: label,
  fields: z.array(fieldIssue).optional(),
});
export type BatchRefused = z.infer<typeof batchRefused>;

export const batchResult = z
  .object({
    /** In the request's order. */
    changed: z.array(batchChanged),
    refused: z.array(batchRefused),
  })
  .meta({ id: 'BatchResult' });
export type BatchResult = z.infer<typeof batchResult>;
