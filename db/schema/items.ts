import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { ClueContext, ProblemContext } from '../../engine';
import { clueStates } from '../../engine/clue/clue.model';
import { problemStates } from '../../engine/problem/problem.model';
import { campaigns, categories } from './campaigns';
import { units } from './units';
import { users } from './users';

/**
 * Clues. `context` is the machine's context as the engine returned it; the
 * columns beside it are copies of the fields the board filters and sorts on,
 * written from the context in the same statement (see db/items/clue-row.ts).
 */
export const clues = sqliteTable(
  'clues',
  {
    id: integer('id').primaryKey(),
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    state: text('state', { enum: clueStates }).notNull(),
    version: integer('version').notNull(),
    unitId: text('unit_id')
      .notNull()
      .references(() => units.id),
    categoryId: integer('category_id').references(() => categories.id),
    assigneeId: integer('assignee_id').references(() => users.id),
    title: text('title').notNull(),
    foundAt: text('found_at').notNull(),
    enteredAt: text('entered_at').notNull(),
    dueAt: text('due_at'),
    /** When the last work note was written (the context's lastNoteAt): the "no progress" filter reads it without parsing the context. Not indexed, so a note rewrites no index entry. */
    lastNoteAt: text('last_note_at'),
    /** How many files are attached now (the length of the context's attachments): the card shows it without parsing the context. Not indexed. */
    attachmentCount: integer('attachment_count').notNull().default(0),
    /** The day a request for more time waiting on the item asks for (the context's extensionRequest), else null: the card shows it. Not indexed. */
    extensionAskedUntil: text('extension_asked_until'),
    context: text('context', { mode: 'json' }).$type<ClueContext>().notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    // A board column, most urgent first; and the same within one unit (swimlanes, unit filter, WIP counts).
    // (due_at IS NULL) first, as the board orders: items without a due time last, and no sort step.
    index('clues_board').on(t.campaignId, t.state, sql`(${t.dueAt} IS NULL)`, t.dueAt, t.id),
    // One unit's board (a lead's, or the unit filter) in the board's order: without the order here a
    // unit's column was found by scanning every unit's cards of that state.
    index('clues_board_unit').on(t.campaignId, t.unitId, t.state, sql`(${t.dueAt} IS NULL)`, t.dueAt, t.id),
    index('clues_category').on(t.campaignId, t.categoryId),
    // Search by text: a title LIKE '%…%' scans this narrow index instead of every row (see api/services/item-search.ts).
    index('clues_title').on(t.campaignId, t.title),
    // What stands open, by unit and category, with due times: reports and the battle map, from the index alone;
    // with the assignee too, so is the responsibility list's choice of a page and its groups (what it reads without it: every row).
    index('clues_standing').on(t.campaignId, t.state, t.unitId, t.categoryId, t.dueAt, t.assigneeId),
    index('clues_assignee').on(t.assigneeId),
    // Open items by due time, with what the deadline sweep needs to raise their rungs: it finds what fell due
    // in one range of this index and reads nothing else of the items.
    index('clues_due').on(t.campaignId, t.dueAt, t.state, t.unitId, t.categoryId, t.assigneeId, t.enteredAt).where(sql`${t.dueAt} IS NOT NULL`),
    // The board's "asking for time" filter: only the few items with a request waiting, so a move elsewhere never writes it.
    index('clues_asked').on(t.campaignId, t.state, t.unitId).where(sql`${t.extensionAskedUntil} IS NOT NULL`),
    // The clues filed under a case number (the move dialog's warning, api/services/same-case-number.ts): found by
    // walking the filed clues' contexts that took 250 ms at 100,000 clues, with the reading thread held. Only clues
    // that carry a number are in it, so a move or a note rewrites an entry only for a clue filed or past filing.
    index('clues_case_number')
      .on(t.campaignId, sql`json_extract(${t.context}, '$.caseNumber')`)
      .where(sql`json_extract(${t.context}, '$.caseNumber') IS NOT NULL`),
  ],
);

/** Problems (rectification items), stored like clues. */
export const problems = sqliteTable(
  'problems',
  {
    id: integer('id').primaryKey(),
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    state: text('state', { enum: problemStates }).notNull(),
    version: integer('version').notNull(),
    unitId: text('unit_id')
      .notNull()
      .references(() => units.id),
    categoryId: integer('category_id').references(() => categories.id),
    assigneeId: integer('assignee_id').references(() => users.id),
    title: text('title').notNull(),
    foundAt: text('found_at').notNull(),
    enteredAt: text('entered_at').notNull(),
    dueAt: text('due_at'),
    lastNoteAt: text('last_note_at'),
    /** How many files are attached now (the length of the context's attachments): the card shows it without parsing the context. Not indexed. */
    attachmentCount: integer('attachment_count').notNull().default(0),
    /** The day a request for more time waiting on the item asks for (the context's extensionRequest), else null: the card shows it. Not indexed. */
    extensionAskedUntil: text('extension_asked_until'),
    context: text('context', { mode: 'json' }).$type<ProblemContext>().notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    index('problems_board').on(t.campaignId, t.state, sql`(${t.dueAt} IS NULL)`, t.dueAt, t.id),
    index('problems_board_unit').on(t.campaignId, t.unitId, t.state, sql`(${t.dueAt} IS NULL)`, t.dueAt, t.id),
    index('problems_assignee').on(t.assigneeId),
    index('problems_title').on(t.campaignId, t.title),
    index('problems_standing').on(t.campaignId, t.state, t.unitId, t.categoryId, t.dueAt, t.assigneeId),
    index('problems_due').on(t.campaignId, t.dueAt, t.state, t.unitId, t.categoryId, t.assigneeId, t.enteredAt).where(sql`${t.dueAt} IS NOT NULL`),
    index('problems_asked').on(t.campaignId, t.state, t.unitId).where(sql`${t.extensionAskedUntil} IS NOT NULL`),
  ],
);

/**
 * The highest rung the deadline sweep has raised for the state each clue is
 * in: a row only while one is raised. Apart from the clues, so that raising
 * thousands of rungs writes a few pages of this table instead of a page of
 * `clues` for each item (1,000,000 clues, 10,000 raised: 0.75 s of a sweep's
 * writes). The trigger that keeps `board_counts` deletes the row in the
 * statement that moves its clue into another state (migration 0014); the
 * sweep adds the rows and their escalated counts.
 */
export const clueRungs = sqliteTable('clue_rungs', {
  itemId: integer('item_id').primaryKey(),
  level: integer('level').notNull(),
});

/** {@link clueRungs} for problems. */
export const problemRungs = sqliteTable('problem_rungs', {
  itemId: integer('item_id').primaryKey(),
  level: integer('level').notNull(),
});

/**
 * The identifiers found in each clue's text (phone numbers, accounts, URLs,
 * ID numbers), normalised; written with the clue, so that duplicates are one
 * indexed lookup away, across units.
 */
export const clueIdentifiers = sqliteTable(
  'clue_identifiers',
  {
    clueId: integer('clue_id')
      .notNull()
      .references(() => clues.id),
    campaignId: integer('campaign_id').notNull(),
    kind: text('kind').notNull(),
    value: text('value').notNull(),
  },
  (t) => [index('clue_identifiers_lookup').on(t.campaignId, t.kind, t.value), index('clue_identifiers_clue').on(t.clueId)],
);

/**
 * Clues whose stored identifiers must be found again from their text, with
 * the extraction as it is now: a migration fills it when the extraction
 * changes what it finds, and the database, once opened, rewrites those
 * clues' identifiers and empties it (see rescanIdentifiers). SQL cannot run
 * the extraction itself.
 */
export const identifierRescans = sqliteTable('identifier_rescans', {
  clueId: integer('clue_id').primaryKey(),
});

/**
 * Clues that came in through an import, by the source's own id: importing
 * the same file again finds them here and skips them.
 */
export const importedClues = sqliteTable(
  'imported_clues',
  {
    campaignId: integer('campaign_id').notNull(),
    sourceRef: text('source_ref').notNull(),
    clueId: integer('clue_id')
      .notNull()
      .references(() => clues.id),
    batchId: text('batch_id').notNull(),
  },
  (t) => [uniqueIndex('imported_clues_ref').on(t.campaignId, t.sourceRef)],
);

/**
 * How many items of each campaign stand in each state, per unit and
 * category: the board's counts and WIP limits, read without counting every
 * card. Kept by triggers on `clues` and `problems` (migrations 0006, 0011,
 * 0014) in the statement that inserts, moves, transfers or deletes an item,
 * so every writer keeps it exact; the escalated counts rise in the deadline
 * sweep's statement that raises first rungs. A migration that rebuilds either table drops its
 * triggers: it must create them again.
 */
export const boardCounts = sqliteTable(
  'board_counts',
  {
    campaignId: integer('campaign_id').notNull(),
    kind: text('kind', { enum: ['clue', 'problem'] }).notNull(),
    state: text('state').notNull(),
    unitId: text('unit_id').notNull(),
    categoryId: integer('category_id'),
    n: integer('n').notNull(),
    /** Of those, the items with an unresolved escalation (a rung raised for the state they are in): the escalated-only board. */
    escalated: integer('escalated').notNull().default(0),
  },
  (t) => [uniqueIndex('board_counts_key').on(t.campaignId, t.kind, t.state, t.unitId, sql`ifnull(${t.categoryId}, -1)`)],
);
