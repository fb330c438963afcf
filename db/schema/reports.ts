import { sql } from 'drizzle-orm';
import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
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

/**
 * What the completion report counts, kept as entries are appended so a
 * report over a million clues adds up days instead of reading every entry:
 * per campaign, UTC day, the unit and category the entry was written for,
 * event and (for a solve) the kind of organisation broken, the number of
 * entries and the sums of the outcome figures they carry.
 *
 * Filled by the trigger `report_tally_on_audit` (migration 0004) in the
 * same statement as the audit entry, so every writer (moves, imports, the
 * sweep, the bench's clones) keeps it exact. The trigger reads the view
 * `report_entry_figures`, which is also what a report reads for the part
 * of a span that does not cover whole days. A migration that rebuilds
 * `audit_log` drops its triggers: it must create them again.
 */
export const reportTallies = sqliteTable(
  'report_tallies',
  {
    campaignId: integer('campaign_id').notNull(),
    day: text('day').notNull(),
    unitId: text('unit_id'),
    categoryId: integer('category_id'),
    event: text('event').notNull(),
    /** The solve's `outcome.organisationType`; '' for every other event. */
    organisation: text('organisation').notNull(),
    n: integer('n').notNull(),
    suspectsCaught: integer('suspects_caught').notNull(),
    criminallyDetained: integer('criminally_detained').notNull(),
    arrested: integer('arrested').notNull(),
    gunsSeized: integer('guns_seized').notNull(),
    assetsSeizedYuan: integer('assets_seized_yuan').notNull(),
    moneyInvolvedYuan: integer('money_involved_yuan').notNull(),
    moneyStoppedYuan: integer('money_stopped_yuan').notNull(),
    moneyFrozenYuan: integer('money_frozen_yuan').notNull(),
    moneyReturnedYuan: integer('money_returned_yuan').notNull(),
    victimsWarned: integer('victims_warned').notNull(),
    sentForProsecution: integer('sent_for_prosecution').notNull(),
    websitesShutDown: integer('websites_shut_down').notNull(),
    accountsClosed: integer('accounts_closed').notNull(),
  },
  (t) => [uniqueIndex('report_tallies_key').on(t.campaignId, t.day, sql`ifnull(${t.unitId}, '')`, sql`ifnull(${t.categoryId}, -1)`, t.event, t.organisation)],
);

/**
 * Days from found to solved of every solve entry (its audit seq), written by
 * the same trigger: the report's medians step through these indexes to the
 * middle row of each scope instead of sorting every solved clue.
 */
export const solveTimes = sqliteTable(
  'solve_times',
  {
    seq: integer('seq').primaryKey(),
    campaignId: integer('campaign_id').notNull(),
    at: text('at').notNull(),
    unitId: text('unit_id'),
    categoryId: integer('category_id'),
    days: real('days').notNull(),
  },
  (t) => [
    // Each also holds the unit and the category, so a scoped report's medians (a unit's within a category, the
    // categories' within a branch of several units) are found in the index alone (migration 0020).
    index('solve_times_total').on(t.campaignId, t.days, t.at, t.unitId, t.categoryId),
    index('solve_times_unit').on(t.campaignId, t.unitId, t.days, t.at, t.categoryId),
    index('solve_times_category').on(t.campaignId, t.categoryId, t.days, t.at, t.unitId),
  ],
);

/**
 * The clues' state changes per campaign and quarter of an hour (UTC), from
 * and to which state ('' from for a creation): the cumulative flow chart
 * adds up quarters instead of grouping every change of the campaign on each
 * view. Quarters, because every time zone's offset is a whole number of
 * them, so a local day is always a run of whole quarters.
 *
 * Filled by the trigger `flow_tally_on_audit` (migration 0009) for each
 * clue entry whose states differ, in the same statement as the entry; a
 * migration that rebuilds `audit_log` must create it again.
 */
export const flowTallies = sqliteTable(
  'flow_tallies',
  {
    campaignId: integer('campaign_id').notNull(),
    /** The quarter's first minute, `YYYY-MM-DDTHH:MM` in UTC (MM is 00, 15, 30 or 45). */
    quarter: text('quarter').notNull(),
    fromState: text('from_state').notNull(),
    toState: text('to_state').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [uniqueIndex('flow_tallies_key').on(t.campaignId, t.quarter, t.fromState, t.toState)],
);
