import { z } from 'zod';
import { phases } from '../../engine/campaign/campaign-config';
import { clueStates } from '../../engine/clue/clue.model';

export const flowQuery = z.strictObject({
  /** The phase whose window the charts span; the campaign's current phase when left out. */
  phase: z.enum(phases).optional(),
  /** A branch's flow: the clues of this unit and the units below it, as the report's `unit`. */
  unit: z.string().min(1).max(64).optional(),
  /** One crime category's flow, by its id, as the report's `category`. */
  category: z.coerce.number().int().positive().optional(),
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
 * Cumulative flow and burndown of one phase, rebuilt from the audit log:
 * a day for each date of the phase's window up to today.
 */
export const flow = z
  .object({
    campaignId: z.number().int(),
    phase: z.enum(phases),
    /** The unit whose clues (with those of the units below it) are counted, or null for the whole campaign. */
    unit: z.string().nullable(),
    /** The crime category counted, or null for every category. */
    categoryId: z.number().int().nullable(),
    timeZone: z.string(),
    /** The phase's window: first and last local day, inclusive. */
    window: z.object({ start: z.string(), end: z.string() }),
    /** Today's local date: the days run to it (or to the window's end, if that came first). */
    today: z.string(),
    states: z.array(z.enum(clueStates)),
    /** Open clues as the window began (the end of the day before it): where the ideal line starts. */
    openAtStart: z.number().int(),
    days: z.array(flowDay),
  })
  .meta({ id: 'Flow' });
export type Flow = z.infer<typeof flow>;
