import { createHash } from 'node:crypto';
import { and, eq, lt } from 'drizzle-orm';
import type { Database, Db, Tx } from '../../db/client';
import { idempotencyKeys } from '../../db/schema';
import { ApiError } from '../errors';

/** How long an answer is kept for a retry: a client retries within seconds or minutes, never the next day. */
export const keptForMs = 24 * 60 * 60_000;

/** A write sent with an `Idempotency-Key`: whose key, and what it was sent with. */
export interface Once {
  readonly userId: number;
  readonly key: string;
  /** SHA-256 of the method, the path and the body (see {@link onceOf}). */
  readonly request: string;
}

/** An answer kept for a key, with the status it was given (each route answers a retry with its own, the same). */
export interface KeptAnswer {
  readonly status: number;
  readonly answer: unknown;
}

/** The key a request was sent with, tied to that request; null without one (the write is then not guarded). */
export function onceOf(userId: number, key: string | undefined, method: string, path: string, body: unknown): Once | null {
  if (key === undefined) return null;
  const request = createHash('sha256').update(`${method} ${path}\n${JSON.stringify(body)}`).digest('base64url');
  return { userId, key, request };
}

const reused = () =>
  new ApiError('idempotency_key_reused', {
    fields: [{ field: 'header.idempotency-key', message: { zh: '此请求标识已用于另一个请求', en: 'This key was sent with another request' } }],
  });

/** The answer kept for this key if the same request was sent with it before; refused if another one was. */
export async function keptAnswer(db: Db | Tx, once: Once | null): Promise<KeptAnswer | null> {
  if (once === null) return null;
  const [row] = await db
    .select({ request: idempotencyKeys.request, status: idempotencyKeys.status, answer: idempotencyKeys.answer })
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.userId, once.userId), eq(idempotencyKeys.key, once.key)))
    .limit(1);
  if (row === undefined) return null;
  if (row.request !== once.request) throw reused();
  return { status: row.status, answer: JSON.parse(row.answer) as unknown };
}

/** Keeps the answers of writes made in this transaction under their keys: with them, or not at all. */
export async function keepAnswers(tx: Tx, kept: readonly { readonly once: Once; readonly status: number; readonly answer: unknown; readonly now: Date }[]): Promise<void> {
  if (kept.length === 0) return;
  await tx.insert(idempotencyKeys).values(kept.map(({ once, status, answer, now }) => ({ ...once, status, answer: JSON.stringify(answer), createdAt: now.toISOString() })));
}

/**
 * Runs a write once per key, inside its transaction: a request already
 * answered under its key (by this process or another, committed before this
 * transaction began) gets that answer and writes nothing; otherwise the
 * write runs and its answer is kept with it. The main thread asks first
 * ({@link keptAnswer}); this answers the requests that raced it there.
 */
export async function onceIn<T>(tx: Tx, once: Once | null, status: number, now: Date, write: () => Promise<T>): Promise<T> {
  const kept = await keptAnswer(tx, once);
  if (kept !== null) return kept.answer as T;
  const answer = await write();
  if (once !== null) await keepAnswers(tx, [{ once, status, answer, now }]);
  return answer;
}

/** Forgets the answers older than {@link keptForMs}; run hourly by the background jobs. */
export async function forgetOldAnswers(database: Database, now: Date): Promise<number> {
  const before = new Date(now.getTime() - keptForMs).toISOString();
  const result = await database.write((tx) => tx.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, before)));
  return result.rowsAffected;
}
