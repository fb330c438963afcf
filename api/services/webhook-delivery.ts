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
  return (await sendSigned(row.url, row.body, row.secret ?? '', String(row.id), timeoutMs)).error;
}

/** What a receiver made of one delivery: its HTTP status (none when it was not reached), and what went wrong, or null for a 2xx. */
export interface SendOutcome {
  readonly status: number | null;
  readonly error: string | null;
}

/** POSTs a body signed with the secret, naming the delivery; never throws. */
export async function sendSigned(url: string, body: string, secret: string, delivery: string, timeoutMs: number): Promise<SendOutcome> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-battlemap-signature': webhookSignature(body, secret),
        'x-battlemap-delivery': delivery,
      },
      body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.body?.cancel();
    return { status: response.status, error: response.ok ? null : `HTTP ${response.status}` };
  } catch (cause) {
    return { status: null, error: reasonOf(cause) };
  }
}

/** A failed request in words an operator can act on: fetch's own "fetch failed" hides the reason (refused, no such host) in its cause. */
function reasonOf(cause: unknown): string {
  if (!(cause instanceof Error)) return String(cause);
  const inner = cause.cause as { code?: unknown; message?: unknown } | undefined;
  const code = typeof inner?.code === 'string' ? inner.code : typeof inner?.message === 'string' ? inner.message : null;
  return code === null ? cause.message : `${cause.message} (${code})`;
}
