import type { Database } from '../../db/client';
import type { ItemDetail } from '../contracts/items';
import { keptAnswer, onceOf, type Once } from '../services/idempotency';

/** A retry answered as the first request was: said in a header, so that a client can tell (as Stripe's does). */
export const replayed = { 'Idempotent-Replayed': 'true' } as const;

/**
 * A write to an item with its Idempotency-Key, tied to its request, and the item as the first answer had it if this
 * is a retry (see onceIn). Every write a user makes from an item's drawer goes through it: a form whose answer the
 * network lost, sent again as it was, is told it worked rather than refused as stale or already done.
 */
export async function itemRetry(database: Database, userId: number, key: string | undefined, method: 'POST' | 'PATCH', path: string, body: unknown): Promise<{ once: Once | null; kept: ItemDetail | null }> {
  const once = onceOf(userId, key, method, path, body);
  const kept = await keptAnswer(database.db, once);
  return { once, kept: kept === null ? null : (kept.answer as ItemDetail) };
}
