import { z } from 'zod';
import { openClueStates } from '../clue/clue.model';
import { openProblemStates } from '../problem/problem.model';
import { isKnownTimeZone, type LocalDate } from '../deadlines/local-time';
import { localDateSchema } from '../deadlines/local-date';
import { exitCriterionSchema } from './exit-criteria';
import type { CountFigure } from '../report/report';

export const phases = ['survey', 'crackdown', 'consolidation'] as const;
export type Phase = (typeof phases)[number];

/** A phase's window: first and last calendar day, inclusive, in the campaign's time zone. */
export const phaseWindowSchema = z
  .strictObject({ start: localDateSchema, end: localDateSchema })
  .refine((w) => w.start <= w.end, { path: ['end'], message: 'the window ends before it starts' });
export type PhaseWindow = { readonly start: LocalDate; readonly end: LocalDate };

const days = z.number().int().min(1).max(3650);
const wip = z.number().int().min(1).max(100_000);

/** What a unit's target may measure: figures of the phase's report, counted as it counts them (api/services/exit-facts.ts). */
export const targetMetrics = ['cluesFound', 'cluesVerified', 'casesFiled', 'casesSolved', 'problemsRectified'] as const satisfies readonly CountFigure[];
export type TargetMetric = (typeof targetMetrics)[number];

/** Everything a campaign office configures; the demo's is in db/seed. */
export const campaignConfigSchema = z.strictObject({
  timeZone: z.string().refine(isKnownTimeZone),
  windows: z.strictObject({ survey: phaseWindowSchema, crackdown: phaseWindowSchema, consolidation: phaseWindowSchema }),
  exitCriteria: z.strictObject({
    survey: z.array(exitCriterionSchema),
    crackdown: z.array(exitCriterionSchema),
    consolidation: z.array(exitCriterionSchema),
  }),
  /** Calendar days allowed in each open state. */
  timeLimits: z.strictObject({
    clue: z.strictObject(Object.fromEntries(openClueStates.map((s) => [s, days])) as Record<(typeof openClueStates)[number], typeof days>),
    problem: z.strictObject(
      Object.fromEntries(openProblemStates.map((s) => [s, days])) as Record<(typeof openProblemStates)[number], typeof days>,
    ),
  }),
  escalation: z.strictObject({
    dueSoonHours: z.number().int().min(1).max(24 * 30),
    longOverdueDays: z.number().int().min(1).max(365),
  }),
  /**
   * How many times a unit lead may extend an item's deadline in one state
   * (延期); past that, only the campaign office may, which a lead asks for as
   * an officer does. Absent or null: no limit. 0: the office alone extends.
   */
  extensionsByLead: z.number().int().min(0).max(50).nullable().optional(),
  /**
   * How many megabytes the files attached to the campaign's items may take
   * in all (附件存储上限), removed ones included (the history still opens
   * them); an upload past it is refused. Absent or null: no limit.
   */
  attachmentQuotaMb: z.number().int().min(1).max(10_000_000).nullable().optional(),
  /** Per unit, per column: how many cards one unit may hold in a state before it is highlighted. */
  wipLimits: z.strictObject({
    clue: z.partialRecord(z.enum(openClueStates), wip),
    problem: z.partialRecord(z.enum(openProblemStates), wip),
  }),
  targets: z.array(
    z.strictObject({
      unitId: z.string().min(1),
      phase: z.enum(phases),
      metric: z.enum(targetMetrics),
      value: z.number().int().min(0),
    }),
  ),
});
export type CampaignConfig = z.infer<typeof campaignConfigSchema>;

