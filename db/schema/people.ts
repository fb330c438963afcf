import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { units } from './units';
import { users } from './users';

/**
 * Who leads each unit: the first rung of escalation above the assignee.
 * A unit may have several leads (a chief and a deputy); level 2
 * escalations of the unit's items go to all of them.
 */
export const unitLeads = sqliteTable(
  'unit_leads',
  {
    unitId: text('unit_id')
      .notNull()
      .references(() => units.id),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.userId] }), index('unit_leads_user').on(t.userId)],
);

/** Every password hash a user has held, newest last: the policy refuses reuse of the last N. */
export const passwordHistory = sqliteTable(
  'password_history',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    passwordHash: text('password_hash').notNull(),
    setAt: text('set_at').notNull(),
  },
  (t) => [index('password_history_user').on(t.userId, t.id)],
);

/**
 * The bureau's password policy, one row (id 1), set by the administrator.
 * Absent until first saved: the defaults in api/services/people/password-policy.ts apply.
 */
export const passwordPolicy = sqliteTable('password_policy', {
  id: integer('id').primaryKey(),
  minLength: integer('min_length').notNull(),
  /** How many of the user's previous passwords (the current one included) may not be set again. */
  reuseHistory: integer('reuse_history').notNull(),
  updatedAt: text('updated_at').notNull(),
  updatedBy: integer('updated_by').references(() => users.id),
});
