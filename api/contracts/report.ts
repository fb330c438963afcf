import { z } from 'zod';
import { phases } from '../../engine/campaign/campaign-config';
import { categoryScope, idOrNone, label } from './common';

export const reportQuery = z.strictObject({
  phase: z.enum(phases).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  asOf: z.iso.datetime({ offset: true }).optional(),
  /** A branch's own report: this unit and every unit below it. */
  unit: z.string().min(1).max(64).optional(),
  /** One crime category's report (the anti-fraud offensive's, say), by its id; `none` for the items with no category (未分类), as the lists take it. */
  category: idOrNone.optional(),
  format: z.enum(['json', 'csv', 'xlsx']).default('json'),
  lang: z.enum(['zh', 'en']).default('zh'),
})
  .refine((query) => query.from === undefined || query.to === undefined || Date.parse(query.to) >= Date.parse(query.from), {
    // A span that ends before it starts counts nothing: an empty report would look like a quiet month.
    message: 'the span ends before it starts',
    path: ['to'],
  })
  // A phase is its own span: dates beside it were dropped unsaid, and the report answered for another span than asked.
  .superRefine((query, ctx) => {
    if (query.phase !== undefined && (query.from !== undefined || query.to !== undefined)) {
      ctx.addIssue({ code: 'custom', message: 'a phase or a span (from, to), not both', path: [query.from === undefined ? 'to' : 'from'] });
    }
  });

const reportRow = z.object({
  figures: z.record(z.string(), z.number()),
  solveRate: z.number().nullable(),
  medianDaysToSolve: z.number().nullable(),
  overdueAtEnd: z.number().int(),
  openAtEnd: z.number().int(),
});

/** What a report (and the typical-case register beside it) is of: the campaign, its span, and the unit and category chosen. */
export const reportScopeFields = {
  campaignId: z.number().int(),
  phase: z.enum(phases).nullable(),
  span: z.object({ from: z.string(), to: z.string(), asOf: z.string() }),
  /** The unit whose report this is (with the units below it), or null for the whole campaign. */
  unit: z.string().nullable(),
  /** The crime category whose report this is, `none` for the items with no category, or null for every category. */
  categoryId: categoryScope,
};

/**
 * The office's advance out of a phase, as the audit log keeps it: who advanced, when, the completion criteria unmet at
 * that instant (each with how many items or targets held it back), and the reason given for advancing with them unmet.
 */
export const phaseAdvance = z
  .object({
    at: z.string(),
    actorName: z.string().nullable(),
    /** Null where the entry does not say (none was written without them); empty when every criterion was met. */
    unmet: z.array(z.object({ description: label, blocking: z.number().int() })).nullable(),
    reason: z.string().nullable(),
  })
  .meta({ id: 'PhaseAdvance' });
export type PhaseAdvance = z.infer<typeof phaseAdvance>;

export const report = z
  .object({
    ...reportScopeFields,
    total: reportRow,
    byUnit: z.record(z.string(), reportRow),
    byCategory: z.record(z.string(), reportRow),
    escalationsRaised: z.object({ 1: z.number().int(), 2: z.number().int(), 3: z.number().int() }),
    /**
     * A phase's report: each unit's target for the phase against its figures here (its row's and those of the units
     * under it), in the order the office set them; a unit's report has the targets of its units. None in a category's
     * report (a target counts every category), nor in a span's; absent from a report frozen before targets were kept.
     */
    targets: z.array(z.object({ unitId: z.string(), metric: z.string(), target: z.number().int(), actual: z.number().int() })).optional(),
    /** Set when the targets are the phase's frozen record's (a phase the campaign has left): the instant it was frozen. */
    targetsFrozenAt: z.string().optional(),
    generatedAt: z.string(),
    /** Present when this is the report frozen at the advance out of the phase. */
    frozen: z.object({ frozenAt: z.string(), hash: z.string(), advance: phaseAdvance.nullable() }).optional(),
  })
  .meta({ id: 'Report' });
