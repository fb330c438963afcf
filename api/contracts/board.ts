import { z } from 'zod';
import { clueStates } from '../../engine/clue/clue.model';
import { problemStates } from '../../engine/problem/problem.model';
import { idOrNone, label, quietDays, searchTextLimit } from './common';
import { phases } from '../../engine/campaign/campaign-config';

export const itemKinds = ['clue', 'problem'] as const;
export type ItemKindName = (typeof itemKinds)[number];
export const swimlanes = ['none', 'unit', 'category'] as const;

const boolish = z.enum(['true', 'false']).transform((v) => v === 'true');

/** The board's filters, as they appear in its URL. */
export const boardQuery = z.strictObject({
  kind: z.enum(itemKinds).default('clue'),
  swimlane: z.enum(swimlanes).default('none'),
  unit: z.string().max(64).optional(),
  category: z.coerce.number().int().positive().optional(),
  /** A person by id, or `none` for the items no one is assigned (the responsibility list's gaps). */
  assignee: idOrNone.optional(),
  overdue: boolish.optional(),
  /** Only items with an escalation still open or acknowledged. */
  escalated: boolish.optional(),
  /** Only items with a request for more time waiting (延期申请), for the lead who answers them. */
  asked: boolish.optional(),
  /** Items found while the campaign was in this phase. */
  phase: z.enum(phases).optional(),
  /** Only items with no progress for the given number of days: no work note, and no move into their state, since then. */
  quiet: quietDays.optional(),
  q: z.string().max(searchTextLimit).optional(),
  /** Cards per column in this page. */
  limit: z.coerce.number().int().min(1).max(500).default(50),
  /** Load the next page of one column: its state and the cursor the previous page gave. */
  state: z.string().max(32).optional(),
  cursor: z.string().max(200).optional(),
});
export type BoardQuery = z.input<typeof boardQuery>;

export const allowedMove = z.object({ to: z.string(), event: z.string(), needs: z.array(z.string()), offers: z.array(z.string()) }).meta({ id: 'AllowedMove' });
export type AllowedMoveWire = z.infer<typeof allowedMove>;

export const card = z
  .object({
    kind: z.enum(itemKinds),
    id: z.number().int(),
    version: z.number().int(),
    state: z.string(),
    title: z.string(),
    unitId: z.string(),
    categoryId: z.number().int().nullable(),
    assigneeId: z.number().int().nullable(),
    assigneeName: z.string().nullable(),
    enteredAt: z.string(),
    /** When the last work note was written, or null if none was. */
    lastNoteAt: z.string().nullable(),
    /** How many files are attached to it now (附件). */
    attachmentCount: z.number().int(),
    /** The day a request for more time waiting on it asks for (延期申请), or null. */
    extensionAskedUntil: z.string().nullable(),
    /** Chosen as a typical case to publicise (典型案例); a problem never is. */
    typical: z.boolean(),
    dueAt: z.string().nullable(),
    /** Escalation level now: 0 on time, 1 due soon, 2 overdue, 3 long overdue. */
    level: z.number().int().min(0).max(3),
    allowed: z.array(allowedMove),
    /** The changes that keep its state this viewer may make in a batch of cards (`clue.assign`, `clue.transfer`, `clue.extend`, `clue.requestExtension`); a unit lead's limit on extensions is checked when the change is made. The item's drawer has them all. */
    changes: z.array(z.string()),
  })
  .meta({ id: 'Card' });
export type Card = z.infer<typeof card>;

export const column = z
  .object({
    state: z.string(),
    label,
    side: z.boolean(),
    count: z.number().int(),
    wipLimit: z.number().int().nullable(),
    /** How many units hold more cards here than the WIP limit: all their cards in the state, whatever the filters show. */
    unitsOver: z.number().int(),
    /** The column's first page; none for a side column in a whole-board read (read it through `next`). */
    cards: z.array(card),
    /** Pass as `cursor` with `state` for the next page, or null at the end. */
    next: z.string().nullable(),
  })
  .meta({ id: 'Column' });

export const lane = z
  .object({
    key: z.string(),
    label,
    /** The lane's items in each state that the board's filters show. */
    counts: z.record(z.string(), z.number().int()),
    /** In a unit's lane, all its items in each state whatever the filters show: what its WIP limit (在办上限) is judged against. Empty in a category's lane. */
    held: z.record(z.string(), z.number().int()),
    /** States where this lane (a unit) is over the WIP limit, by its items there whatever the filters show. */
    over: z.array(z.string()),
  })
  .meta({ id: 'Lane' });

export const board = z
  .object({
    kind: z.enum(itemKinds),
    campaignId: z.number().int(),
    now: z.string(),
    /** The instant the cards' deadlines, levels and ages are judged at: now, or once the campaign has concluded, its conclusion (nothing moves after it). */
    asOf: z.string(),
    /** Read before the cards: every change after it may be missing from this board, none before it is. */
    seq: z.number().int().meta({ description: 'The audit sequence number this board reflects at least: open GET /api/events?since= this to receive every change made after it' }),
    swimlane: z.enum(swimlanes),
    columns: z.array(column),
    lanes: z.array(lane),
  })
  .meta({ id: 'Board' });
export type Board = z.infer<typeof board>;

export const statesOf = { clue: clueStates, problem: problemStates } as const;
