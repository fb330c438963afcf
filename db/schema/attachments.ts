import { blob, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { campaigns } from './campaigns';
import { users } from './users';

/**
 * Files attached to clues and problems (附件), their bytes in the database
 * beside the item: a backup of the database is whole, a libSQL server holds
 * them as it holds the rest, and a file and the entry saying it was attached
 * commit together or not at all. The item's context lists the files attached
 * now (the engine decides on that list); a removed file keeps its row, with
 * `removedAt` set, since the history names it and nothing saved is lost.
 * `content` is the last column, so listing the files reads none of it.
 */
export const attachments = sqliteTable(
  'attachments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    subject: text('subject', { enum: ['clue', 'problem'] }).notNull(),
    subjectId: integer('subject_id').notNull(),
    /** The file's name as its sender named it (no folders). */
    name: text('name').notNull(),
    mediaType: text('media_type').notNull(),
    size: integer('size').notNull(),
    /** SHA-256 of the bytes, hex: the attach entry in the audit log carries the same. */
    sha256: text('sha256').notNull(),
    attachedAt: text('attached_at').notNull(),
    attachedBy: integer('attached_by')
      .notNull()
      .references(() => users.id),
    removedAt: text('removed_at'),
    content: blob('content', { mode: 'buffer' }).$type<Buffer>().notNull(),
  },
  (t) => [
    // An item's files; with when each was attached, the "no progress" filter asks whether an item had one lately from the index alone.
    index('attachments_subject').on(t.subject, t.subjectId, t.attachedAt),
    // What a campaign's files take: its storage limit is checked on each upload from this index alone (no row's bytes are read for it).
    index('attachments_campaign_size').on(t.campaignId, t.size),
  ],
);
