import { and, asc, eq, isNull, lte } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { campaigns, webhookOutbox } from '../../db/schema';
import { webhookSignature } from './deadline-sweep';

/** Seconds to wait after the n-th failure: 5 s, 10 s, 20 s … up to an hour. */
export function backoffSeconds(attempts: number): number {
  return Math.min(3600, 5 * 2 ** Math.max(0, attempts - 1));
}

/**
 * Delivers due outbox rows, one request at a time, with a timeout, in
 * batches of `batch`, for as long as rows are due and the receiver takes
 * them: a sweep raising thousands of escalations would otherwise wait a
 * delivery interval for every batch (50 every 5 s: ten thousand in 17
 * minutes). After a batch with a failure the receiver gets the interval's
 * pause. A 2xx marks the row delivered; anything else schedules a retry
 * with backoff. Each POST carries X-Battlemap-Delivery (the outbox id), so a
 * receiver can drop a repeat if the process dies between its 2xx and the
 * mark. `stopped` is asked between batches (the server shutting down).
 */
export async function deliverWebhooks(
  database: Database,
  now: () => Date,
  options: { batch?: number; timeoutMs?: number; stopped?: () => boolean } = {},
): Promise<{ delivered: number; failed: number }> {
  const batch = options.batch ?? 50;
  let delivered = 0;
  let failed = 0;
  for (;;) {
    const due = await database.db
      .select({ id: webhookOutbox.id, url: webhookOutbox.url, body: webhookOutbox.body, attempts: webhookOutbox.attempts, secret: campaigns.webhookSecret })
      .from(webhookOutbox)
      .innerJoin(campaigns, eq(campaigns.id, webhookOutbox.campaignId))
      .where(and(isNull(webhookOutbox.deliveredAt), lte(webhookOutbox.nextAttemptAt, now().toISOString())))
      .orderBy(asc(webhookOutbox.id))
      .limit(batch);
    const failedBefore = failed;
    for (const row of due) {
      const error = await post(row, options.timeoutMs ?? 10_000);
      const at = now();
      if (error === null) {
        delivered += 1;
        await database.write((tx) => tx.update(webhookOutbox).set({ deliveredAt: at.toISOString(), attempts: row.attempts + 1, lastError: null }).where(eq(webhookOutbox.id, row.id)));
      } else {
        failed += 1;
        const next = new Date(at.getTime() + backoffSeconds(row.attempts + 1) * 1000).toISOString();
        await database.write((tx) => tx.update(webhookOutbox).set({ attempts: row.attempts + 1, nextAttemptAt: next, lastError: error }).where(eq(webhookOutbox.id, row.id)));
      }
    }
    if (due.length < batch || failed > failedBefore || options.stopped?.() === true) return { delivered, failed };
  }
}

/** POSTs one delivery, signed; the error to record, or null when the receiver answered 2xx. */
async function post(row: { id: number; url: string; body: string; secret: string | null }, timeoutMs: number): Promise<string | null> {
  try {
    const response = await fetch(row.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-battlemap-signature': webhookSignature(row.body, row.secret ?? ''),
        'x-battlemap-delivery': String(row.id),
      },
      body: row.body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.body?.cancel();
    return response.ok ? null : `HTTP ${response.status}`;
  } catch (cause) {
    return cause instanceof Error ? cause.message : String(cause);
  }
}
