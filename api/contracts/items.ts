import { z } from 'zod';
import { card } from './board';

/** A move on the board: the target state, the version the user saw, and what the move's dialog collected. */
export const transitionRequest = z
  .strictObject({
    to: z.string().min(1).max(32),
    version: z.number().int().positive(),
    payload: z.record(z.string(), z.unknown()).optional(),
  })
  .meta({ id: 'TransitionRequest' });
export type TransitionRequest = z.infer<typeof transitionRequest>;

export const historyEntry = z
  .object({
    seq: z.number().int(),
    at: z.string(),
    actorId: z.number().int().nullable(),
    actorName: z.string().nullable(),
    event: z.string(),
    fromState: z.string().nullable(),
    toState: z.string().nullable(),
    version: z.number().int(),
    payload: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'HistoryEntry' });
export type HistoryEntry = z.infer<typeof historyEntry>;

export const itemDetail = card
  .extend({
    campaignId: z.number().int(),
    context: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'ItemDetail' });
export type ItemDetail = z.infer<typeof itemDetail>;
