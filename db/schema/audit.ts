import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * What an entry is about. Items, campaigns and escalations belong to a
 * campaign; users, units and the password policy belong to the whole
 * installation, so their entries have no campaign. A unit's code is text, so
 * a unit entry names it in `unitId` (its `subjectId` is 0).
 */
export const auditSubjects = ['clue', 'problem', 'campaign', 'escalation', 'user', 'unit', 'password_policy'] as const;

/** The subjects of a campaign's entries: what its event stream and reports read. */
export const campaignSubjects = ['clue', 'problem', 'campaign', 'escalation'] as const;
export type CampaignSubject = (typeof campaignSubjects)[number];
export const isCampaignSubject = (subject: string): subject is CampaignSubject => (campaignSubjects as readonly string[]).includes(subject);

/** The subjects of installation-wide entries (no campaign): people administration. */
export const peopleSubjects = ['user', 'unit', 'password_policy'] as const;
export type PeopleSubject = (typeof peopleSubjects)[number];

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
    /** Null for installation-wide entries (people, units, the password policy). */
    campaignId: integer('campaign_id'),
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
    // Reports count the events of a span by kind, unit and category from this index alone (it covers them);
    // the phase targets count the distinct items of an event since a phase began (hence the subject's id).
    index('audit_report').on(t.campaignId, t.event, t.at, t.subject, t.unitId, t.categoryId, t.subjectId),
  ],
);
