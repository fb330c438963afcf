import { integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { campaigns } from './campaigns';

/**
 * Completion reports frozen when the office advanced out of a phase: the
 * report as it stood at that instant, with the SHA-256 of its JSON, so later
 * edits to clues never change what was reported upward.
 */
export const frozenReports = sqliteTable(
  'frozen_reports',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    phase: text('phase').notNull(),
    frozenAt: text('frozen_at').notNull(),
    frozenBy: integer('frozen_by'),
    report: text('report').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [uniqueIndex('frozen_reports_phase').on(t.campaignId, t.phase)],
);
