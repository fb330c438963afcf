import { z } from 'zod';
import { phases } from '../../engine/campaign/campaign-config';
import { clueStates } from '../../engine/clue/clue.model';
import { localDateSchema } from '../../engine/deadlines/local-date';
import { categoryScope, idOrNone } from './common';

export const flowQuery = z.strictObject({
  /** The phase whose window the charts span; the campaign's current phase when left out. */
  phase: z.enum(phases).optional(),
  /** A branch's flow: the clues of this unit and the units below it, as the report's `unit`. */
  unit: z.string().min(1).max(64).optional(),
  /** One crime category's flow, by its id, or `none` for the clues with no category, as the report's `category`. */
  category: idOrNone.optional(),
  /**
   * A date-range report's first and last local days, inclusive (the campaign's own first and last when one is left
   * out): its charts then span the days its figures count, not the current phase's window.
   */
  from: localDateSchema.optional(),
  to: localDateSchema.optional(),
  /** A report's "as of": the days run to that instant's day, the last of them counted to the instant itself. */
  asOf: z.iso.datetime({ offset: true }).optional(),
})
  .refine((query) => query.from === undefined || query.to === undefined || query.to >= query.from, {
    // As the report refuses it: a range that ends before it starts has no days to draw.
    message: 'the span ends before it starts',
    path: ['to'],
  })
  // A phase is its own window: dates beside it would be dropped unsaid, the charts of another span than asked.
  .superRefine((query, ctx) => {
    if (query.phase !== undefined && (query.from !== undefined || query.to !== undefined)) {
      ctx.addIssue({ code: 'custom', message: 'a phase or a span (from, to), not both', path: [query.from === undefined ? 'to' : 'from'] });
    }
  });

/** The clues in each state at the end of one local day. */
export const flowDay = z
  .object({
    date: z.string(),
    counts: z.record(z.enum(clueStates), z.number().int()),
    /** Clues still being worked (found, verifying, filed, solved): the burndown's line. */
    open: z.number().int(),
  })
  .meta({ id: 'FlowDay' });

/**
 * Cumulative flow and burndown of one phase or of a chosen range of days,
 * rebuilt from the audit log: a day for each date of the window up to today.
 */
export const flow = z
  .object({
    campaignId: z.number().int(),
    /** The phase whose window this is; null for a chosen range of days (`from`, `to`). */
    phase: z.enum(phases).nullable(),
    /** The unit whose clues (with those of the units below it) are counted, or null for the whole campaign. */
    unit: z.string().nullable(),
    /** The crime category counted, `none` for the clues with no category, or null for every category. */
    categoryId: categoryScope,
    timeZone: z.string(),
    /**
     * The days charted, first and last local day, inclusive: a phase's window as the settings have it, the days a phase
     * the campaign has left ran (see `phaseEndedAt`), the window run on to today for a phase under way past it (see
     * `windowEndedOn`), or the range asked for.
     */
    window: z.object({ start: z.string(), end: z.string() }),
    /**
     * The instant the campaign left the phase (the advance out of it, UTC), or null for a phase under way or a range of
     * days. A phase left is charted as its frozen report counts it: from the instant its figures count from to this one,
     * its last day counted to the advance, whatever its window in the settings says now.
     */
    phaseEndedAt: z.string().nullable(),
    /**
     * The conclusion of a concluded campaign (UTC) where it ends a range of days (a date range ending after it, or the
     * whole campaign), else null: nothing happens after it, so the days run to its day, counted to the instant, and the
     * charts mark it rather than today.
     */
    concludedAt: z.string().nullable(),
    /**
     * The last day of the phase's window as the settings have it, when the phase is under way past it (its window has
     * ended, the office has not advanced it yet), else null. Its report counts to now, so its days run on to today (the
     * "as of"'s day, if one was asked) as its tables count them, and the charts mark this day as the window's end.
     */
    windowEndedOn: z.string().nullable(),
    /** Today's local date (the "as of"'s, if one before now was asked): the days run to it (or to the window's end, if that came first). */
    today: z.string(),
    /** The instant the days run to when a report's "as of" before now was asked (UTC), else null: the charts mark it rather than today. */
    asOf: z.string().nullable(),
    states: z.array(z.enum(clueStates)),
    /** Open clues as the window began (the end of the day before it): where the ideal line starts. */
    openAtStart: z.number().int(),
    days: z.array(flowDay),
  })
  .meta({ id: 'Flow' });
export type Flow = z.infer<typeof flow>;
