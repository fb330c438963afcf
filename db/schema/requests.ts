import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { users } from './users';

/**
 * A write's answer, kept under the key its client sent with it
 * (`Idempotency-Key`), so that a retry of the same request is answered with
 * it instead of applying twice. In the database, written in the write's own
 * transaction, so that it holds across API processes and a crash cannot
 * keep the one without the other. Kept a day (see idempotency.ts).
 */
export const idempotencyKeys = sqliteTable(
  'idempotency_keys',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    key: text('key').notNull(),
    /** SHA-256 of the method, path and body first sent with the key: the same key with another request is refused. */
    request: text('request').notNull(),
    status: integer('status').notNull(),
    answer: text('answer').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.key] }), index('idempotency_keys_created').on(t.createdAt)],
);

/**
 * Guessed passwords (at sign-in, and the current password of a change), one
 * row each, by what they count against (`user:<name>`, `addr:<address>`):
 * written before the password is checked and deleted when it was right, so
 * the rows are the failures and the guesses being checked. In the database,
 * so that a password guesser spread over several API processes meets one
 * limit. Rows older than the window are forgotten (see
 * api/auth/login-throttle.ts).
 */
export const loginFailures = sqliteTable(
  'login_failures',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    key: text('key').notNull(),
    at: text('at').notNull(),
  },
  (t) => [index('login_failures_key').on(t.key, t.at)],
);
