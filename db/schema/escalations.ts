import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { campaigns } from './campaigns';
import { units } from './units';
import { users } from './users';

export const escalationSubjects = ['clue', 'problem', 'campaign'] as const;
export const escalationRecipientKinds = ['assignee', 'unitLead', 'office'] as const;
export const escalationStatuses = ['open', 'acknowledged', 'resolved'] as const;

/** The fields of each escalation a sweep's raise entry lists (`escalation.raise`), in the order of its rows. */
export const escalationRaisedColumns = ['id', 'subject', 'subjectId', 'level', 'recipient', 'recipientUserId', 'unitId', 'dueAt', 'detail'] as const;

/**
 * Why an item's escalation was resolved, as its resolve entry records it (`because`) for the item's history: the item
 * left the state it overstayed (entered another, or the same one anew), or stayed and was given a later deadline.
 */
export type ResolvedBecause = 'movedOn' | 'extended';

/**
 * Escalations raised by the deadline sweep. One per (item, entry into its
 * current state, due time, level), enforced by a unique index, so a
 * repeated sweep or two API processes never raise the same one twice; a
 * deadline extended (延期) is a new due time, whose rungs are raised afresh
 * when it too is missed.
 */
export const escalations = sqliteTable(
  'escalations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    subject: text('subject', { enum: escalationSubjects }).notNull(),
    subjectId: integer('subject_id').notNull(),
    /** When the item entered the state it overstays (for a campaign: the phase). */
    enteredAt: text('entered_at').notNull(),
    state: text('state').notNull(),
    level: integer('level').notNull(),
    recipient: text('recipient', { enum: escalationRecipientKinds }).notNull(),
    /** The assignee at level 1; null for a unit lead or the office, who are found by unit and role. */
    recipientUserId: integer('recipient_user_id').references(() => users.id),
    unitId: text('unit_id').references(() => units.id),
    dueAt: text('due_at').notNull(),
    raisedAt: text('raised_at').notNull(),
    status: text('status', { enum: escalationStatuses }).notNull(),
    acknowledgedBy: integer('acknowledged_by').references(() => users.id),
    acknowledgedAt: text('acknowledged_at'),
    note: text('note'),
    resolvedAt: text('resolved_at'),
    /** For a phase deadline: the exit criteria unmet and the items blocking them. */
    detail: text('detail', { mode: 'json' }).$type<Record<string, unknown>>(),
  },
  (t) => [
    uniqueIndex('escalations_once').on(t.subject, t.subjectId, t.enteredAt, t.dueAt, t.level),
    index('escalations_open').on(t.status, t.campaignId),
    // The campaign header's exit criteria: unresolved escalations per level, counted and sampled from the index alone.
    index('escalations_level').on(t.campaignId, t.level, t.status, t.subject, t.subjectId),
    index('escalations_recipient').on(t.recipientUserId, t.status),
    index('escalations_unit').on(t.unitId, t.status),
  ],
);

/**
 * A random UUID (version 4), made by the database for each row it inserts:
 * in a default, so that every way of queueing a delivery gets one, and a
 * table rebuilt by a migration gives each row its own.
 */
const randomUuid = sql`(lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))))`;

/**
 * Webhook deliveries waiting to go out: escalations raised, written in the
 * sweep's transaction, and requests for more time asked and answered,
 * written in the change's (no escalation then). Delivered by a separate
 * loop, so deliveries survive restarts and a slow receiver never slows the
 * sweep or a change. Each goes to the campaign's address, signed with its
 * secret, as they are when it is sent (see deliverWebhooks).
 */
export const webhookOutbox = sqliteTable(
  'webhook_outbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    escalationId: integer('escalation_id').references(() => escalations.id),
    /**
     * The delivery's name to its receiver (X-Battlemap-Delivery), the same on
     * every retry: random rather than the id, which a database restored from
     * a backup hands out again to new deliveries.
     */
    deliveryId: text('delivery_id').notNull().default(randomUuid),
    /** The campaign's address when the delivery was queued; it is sent to the address the campaign has when it goes out. */
    url: text('url').notNull(),
    body: text('body').notNull(),
    attempts: integer('attempts').notNull().default(0),
    /** When it is due; while a delivery loop holds it (sending it), when that claim runs out. */
    nextAttemptAt: text('next_attempt_at').notNull(),
    deliveredAt: text('delivered_at'),
    lastError: text('last_error'),
    /** When the last attempt failed (with `lastError`). */
    lastFailedAt: text('last_failed_at'),
  },
  (t) => [index('webhook_outbox_due').on(t.deliveredAt, t.nextAttemptAt)],
);
