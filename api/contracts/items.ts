import { z } from 'zod';
import { freeObject } from '../../engine/nesting';
import { clueFieldsSchema } from '../../engine/clue/clue.model';
import { localDateSchema } from '../../engine/deadlines/local-date';
import { answeringSchema } from '../../engine/item/extension';
import { problemFieldsSchema } from '../../engine/problem/problem.model';
import { card } from './board';
import { changesSomething, isoInstant, nothingToChange } from './common';
import { requiredText } from '../../engine/visible-text';
import { stateName } from '../../engine/item/no-such-move';

/** A move on the board: the target state, the version the user saw, and what the move's dialog collected. */
export const transitionRequest = z
  .strictObject({
    to: stateName,
    version: z.number().int().positive(),
    payload: freeObject().optional(),
  })
  .meta({ id: 'TransitionRequest' });
export type TransitionRequest = z.infer<typeof transitionRequest>;

/**
 * The escalation a line of an item's history is about (raised, passed on, acknowledged, resolved): those are logged under
 * the escalation, and the item's history reads them beside its own entries so that an escalation resolved long
 * ago still says the item was overdue and to whom it was raised.
 */
export const historyEscalation = z
  .object({
    id: z.number().int(),
    /** 1 due soon (to the assignee), 2 overdue (to the unit's lead), 3 long overdue (to the office). */
    level: z.number().int().min(1).max(3),
    recipient: z.enum(['assignee', 'unitLead', 'office']),
    /** The assignee it was raised to, by name; null for a lead or the office, found by unit and role. As it stood at the line (a reroute's: whom it went to). */
    recipientName: z.string().nullable(),
    /** The unit it was raised in (whose leads a level-2 escalation goes to); a transfer passes it on to the item's new unit. */
    unitId: z.string().nullable(),
    /** The state the item overstayed, and the deadline it missed. */
    state: z.string(),
    dueAt: z.string(),
    /** On a resolve line, why: the item moved on, or its deadline was extended; null on other lines and where the entry does not say (one written before it was recorded). */
    resolvedBecause: z.enum(['movedOn', 'extended']).nullable(),
  })
  .meta({ id: 'HistoryEscalation' });
export type HistoryEscalation = z.infer<typeof historyEscalation>;

/**
 * One line of an item's history: an audit entry of the item, or of one of its escalations
 * (`escalation.raise`, `escalation.reroute`, `escalation.acknowledge`, `escalation.resolve`, with `escalation` set and no states:
 * an escalation's own states are not the item's).
 */
export const historyEntry = z
  .object({
    seq: z.number().int(),
    at: z.string(),
    actorId: z.number().int().nullable(),
    actorName: z.string().nullable(),
    event: z.string(),
    fromState: z.string().nullable(),
    toState: z.string().nullable(),
    version: z.number().int(),
    payload: z.record(z.string(), z.unknown()),
    /** The name of the person the entry's `payload.assigneeId` names (an assignment; a verify or rectify naming one), else null. */
    assigneeName: z.string().nullable(),
    escalation: historyEscalation.nullable(),
  })
  .meta({ id: 'HistoryEntry' });
export type HistoryEntry = z.infer<typeof historyEntry>;

export const itemDetail = card
  .extend({
    campaignId: z.number().int(),
    context: z.record(z.string(), z.unknown()),
    /** The events that keep the state (clue.note, clue.edit, clue.assign, clue.transfer, …) this viewer may send now. */
    changes: z.array(z.string()),
  })
  .meta({ id: 'ItemDetail' });
export type ItemDetail = z.infer<typeof itemDetail>;

const placement = {
  campaignId: z.number().int().positive(),
  unitId: z.string().trim().min(1).max(64),
  assigneeId: z.number().int().positive().nullable().default(null),
};

/**
 * A new clue: where it belongs, who works it (optional), what it is, and when it was found (optional: now). A tip
 * taken by telephone yesterday and entered today was found yesterday, as an import's 发现时间 says; the engine
 * refuses a time to come.
 */
export const newClueRequest = clueFieldsSchema
  .extend({
    ...placement,
    description: z.string().trim().max(20_000).default(''),
    categoryId: z.number().int().positive().nullable().default(null),
    foundAt: isoInstant.optional(),
  })
  .meta({ id: 'NewClue' });

/** A new rectification problem. */
export const newProblemRequest = problemFieldsSchema
  .extend({ ...placement, description: z.string().trim().max(20_000).default(''), categoryId: z.number().int().positive().nullable().default(null) })
  .meta({ id: 'NewProblem' });

/** Field edits and an assignee change, on the version the user saw. */
export const clueEditRequest = clueFieldsSchema
  .partial()
  .extend({ version: z.number().int().positive(), assigneeId: z.number().int().positive().nullable().optional() })
  .refine((edit) => changesSomething({ ...edit, version: undefined }), { message: nothingToChange })
  .meta({ id: 'ClueEdit' });
export const problemEditRequest = problemFieldsSchema
  .partial()
  .extend({ version: z.number().int().positive(), assigneeId: z.number().int().positive().nullable().optional() })
  .refine((edit) => changesSomething({ ...edit, version: undefined }), { message: nothingToChange })
  .meta({ id: 'ProblemEdit' });

/**
 * A work note (进展记录): what was done or found. It carries no version: it
 * changes no field a user saw, so a card moved meanwhile is no reason to
 * make its writer type it again.
 */
export const noteRequest = z.strictObject({ text: requiredText(4000) }).meta({ id: 'NoteRequest' });

/** Asking a lead or the office for more time (延期申请): the day, and why; on the version the user saw. */
export const extensionAskRequest = z
  .strictObject({ until: localDateSchema, version: z.number().int().positive(), reason: requiredText(4000) })
  .meta({ id: 'ExtensionAsk' });

/**
 * More time for an item in the state it is in (延期): the last calendar day
 * now allowed, in the campaign's time zone, and why; on the version the
 * user saw. The engine holds it to a later day than the current deadline,
 * not one already over, not past the campaign's last day. A grant of a
 * request for more time names it (`answering`, by when it was asked: the
 * `at` of the item's `context.extensionRequest`), and is refused (422,
 * naming `answering`) once that request no longer waits.
 */
export const extendRequest = extensionAskRequest
  .extend({ answering: answeringSchema.optional() })
  .meta({ id: 'ExtendRequest' });

/** Declining a request for more time, with the reason its asker reads. */
export const extensionDeclineRequest = z
  .strictObject({ version: z.number().int().positive(), reason: requiredText(4000) })
  .meta({ id: 'ExtensionDecline' });

/** Handing an item to another unit, with the reason; its state is kept. */
export const transferRequest = z
  .strictObject({ unitId: z.string().trim().min(1).max(64), version: z.number().int().positive(), reason: requiredText(4000) })
  .meta({ id: 'TransferRequest' });
