import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { roles } from '../../engine/actor';
import { units } from './units';

export const users = sqliteTable(
  'users',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    username: text('username').notNull().unique(),
    displayName: text('display_name').notNull(),
    role: text('role', { enum: roles }).notNull(),
    unitId: text('unit_id')
      .notNull()
      .references(() => units.id),
    /** scrypt, as `scrypt$N$r$p$salt$hash` (base64). */
    passwordHash: text('password_hash').notNull(),
    mustChangePassword: integer('must_change_password', { mode: 'boolean' }).notNull().default(false),
    disabledAt: text('disabled_at'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('users_unit').on(t.unitId)],
);

/** Sessions live in the database so that every API process sees the same ones. */
export const sessions = sqliteTable(
  'sessions',
  {
    /** SHA-256 of the 128-bit token; the token itself is only ever in the cookie. */
    tokenHash: text('token_hash').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: text('created_at').notNull(),
    lastSeenAt: text('last_seen_at').notNull(),
    expiresAt: text('expires_at').notNull(),
    /** A wall display's session (read-only accounts only): no idle limit, and it lasts days rather than hours. */
    display: integer('display', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [index('sessions_user').on(t.userId)],
);
