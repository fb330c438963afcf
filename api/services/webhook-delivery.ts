import { and, asc, eq, inArray, isNull, lte, or } from 'drizzle-orm';
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
 * with backoff. Each goes to the campaign's webhook as it is when sent, and
 * is dropped if the campaign no longer has one. Each POST carries
 * X-Battlemap-Delivery (the row's random delivery id), so a receiver can
 * drop a repeat if the process dies between its 2xx and the mark.
 * `stopped` is asked between batches (the server shutting down).
 */
export async function deliverWebhooks(
  database: Database,
  now: () => Date,
  options: { batch?: number; timeoutMs?: number; stopped?: () => boolean } = {},
): Promise<{ delivered: number; failed: number }> {
  const batch = options.batch ?? 50;
  const timeoutMs = options.timeoutMs ?? 10_000;
  let delivered = 0;
  let failed = 0;
  for (;;) {
    const due = await claimDue(database, now(), batch, timeoutMs);
    const failedBefore = failed;
    for (const row of due) {
      const [webhook] = await database.db.select({ url: campaigns.webhookUrl, secret: campaigns.webhookSecret }).from(campaigns).where(eq(campaigns.id, row.campaignId));
      if (webhook === undefined || webhook.url === null || webhook.secret === null) {
        await database.write((tx) => tx.delete(webhookOutbox).where(and(eq(webhookOutbox.id, row.id), isNull(webhookOutbox.deliveredAt))));
        continue;
      }
      const { error } = await sendSigned(webhook.url, row.body, webhook.secret, row.deliveryId, timeoutMs);
      const at = now();
      if (error === null) {
        delivered += 1;
        await database.write((tx) => tx.update(webhookOutbox).set({ deliveredAt: at.toISOString(), attempts: row.attempts + 1, lastError: null }).where(eq(webhookOutbox.id, row.id)));
      } else {
        failed += 1;
        const next = new Date(at.getTime() + backoffSeconds(row.attempts + 1) * 1000).toISOString();
        await database.write((tx) =>
          tx
            .update(webhookOutbox)
            .set({ attempts: row.attempts + 1, nextAttemptAt: next, lastError: error, lastFailedAt: at.toISOString() })
            .where(and(eq(webhookOutbox.id, row.id), isNull(webhookOutbox.deliveredAt))),
        );
      }
    }
    if (due.length < batch || failed > failedBefore || options.stopped?.() === true) return { delivered, failed };
  }
}

/** Campaigns with no webhook: an address and a secret are set together, and removed together. */
const withoutWebhook = or(isNull(campaigns.webhookUrl), isNull(campaigns.webhookSecret));

/**
 * Takes up to `batch` due deliveries for this process to send, oldest first:
 * in one UPDATE that moves their next attempt past the time sending them all
 * may take, so another process sharing the database finds them not due and
 * sends none of them twice, and a process that dies while sending leaves
 * them due again once that time has passed. Drops the deliveries of
 * campaigns whose webhook was removed: they are sent nowhere. Reads first,
 * so that a run with nothing due writes nothing.
 */
async function claimDue(database: Database, at: Date, batch: number, timeoutMs: number) {
  const isDue = and(isNull(webhookOutbox.deliveredAt), lte(webhookOutbox.nextAttemptAt, at.toISOString()));
  const [firstDue] = await database.db.select({ id: webhookOutbox.id }).from(webhookOutbox).where(isDue).limit(1);
  if (firstDue === undefined) return [];
  // Each request ends within its timeout; the minute more is for marking them.
  const claimedUntil = new Date(at.getTime() + batch * timeoutMs + 60_000).toISOString();
  return database.write(async (tx) => {
    const gone = tx.select({ id: campaigns.id }).from(campaigns).where(withoutWebhook);
    await tx.delete(webhookOutbox).where(and(isNull(webhookOutbox.deliveredAt), inArray(webhookOutbox.campaignId, gone)));
    const oldestDue = tx.select({ id: webhookOutbox.id }).from(webhookOutbox).where(isDue).orderBy(asc(webhookOutbox.id)).limit(batch);
    const claimed = await tx
      .update(webhookOutbox)
      .set({ nextAttemptAt: claimedUntil })
      .where(and(isDue, inArray(webhookOutbox.id, oldestDue)))
      .returning({ id: webhookOutbox.id, campaignId: webhookOutbox.campaignId, deliveryId: webhookOutbox.deliveryId, body: webhookOutbox.body, attempts: webhookOutbox.attempts });
    return claimed.sort((a, b) => a.id - b.id);
  });
}

/** What a receiver made of one delivery: its HTTP status (none when it was not reached), and what went wrong, or null for a 2xx. */
export interface SendOutcome {
  readonly status: number | null;
  readonly error: string | null;
}

/**
 * POSTs a body signed with the secret, naming the delivery; never throws. A
 * redirect is not followed (fetch would follow a 301 or 302 with a GET,
 * without the body): it is a failure that says where the receiver pointed.
 */
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
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.body?.cancel();
    if (response.ok) return { status: response.status, error: null };
    const location = response.status >= 300 && response.status < 400 ? response.headers.get('location') : null;
    return { status: response.status, error: location === null ? `HTTP ${response.status}` : `HTTP ${response.status} redirect to ${addressOf(location, url)}` };
  } catch (cause) {
    return { status: null, error: reasonOf(cause) };
  }
}

/** Where a Location header points, resolved against the address asked (it may be relative). */
function addressOf(location: string, base: string): string {
  try {
    return new URL(location, base).href;
  } catch {
    return location;
  }
}

/** A failed request in words an operator can act on: fetch's own "fetch failed" hides the reason (refused, no such host) in its cause. */
function reasonOf(cause: unknown): string {
  if (!(cause instanceof Error)) return String(cause);
  const inner = cause.cause as { code?: unknown; message?: unknown } | undefined;
  const code = typeof inner?.code === 'string' ? inner.code : typeof inner?.message === 'string' ? inner.message : null;
  return code === null ? cause.message : `${cause.message} (${code})`;
}
