import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const auditSubjects = ['clue', 'problem', 'campaign', 'escalation'] as const;

/**
 * The history: one global, append-only log. Each entry carries the hash of
 * the one before it, so any edit or deletion breaks the chain
 * (`npm run audit:verify`). The payload is the engine's event, which is
 * enough to replay the item.
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    actorId: integer('actor_id'),
    campaignId: integer('campaign_id').notNull(),
    subject: text('subject', { enum: auditSubjects }).notNull(),
    subjectId: integer('subject_id').notNull(),
    event: text('event').notNull(),
    fromState: text('from_state'),
    toState: text('to_state'),
    payload: text('payload').notNull(),
    version: integer('version').notNull(),
    /** The item's unit and category when the entry was written: reports count each event for them. */
    unitId: text('unit_id'),
    categoryId: integer('category_id'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_subject').on(t.subject, t.subjectId, t.seq),
    index('audit_campaign').on(t.campaignId, t.seq),
    // Reports count the events of a span by kind, unit and category from this index alone (it covers them).
    index('audit_report').on(t.campaignId, t.event, t.at, t.subject, t.unitId, t.categoryId),
  ],
);
