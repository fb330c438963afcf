import { z } from 'zod';
import { clueOutcomeSchema, clueStates } from '../../engine';
import { reportScopeFields } from './report';
import { requiredText } from '../../engine/visible-text';

/** A solved clue chosen to publicise (典型案例), as the press office needs it. */
export const typicalCase = z
  .object({
    clueId: z.number().int(),
    title: z.string(),
    caseNumber: z.string().nullable(),
    /** The unit and category the clue had when it was last chosen or its summary revised. */
    unitId: z.string(),
    categoryId: z.number().int().nullable(),
    state: z.enum(clueStates),
    /** What may be published: the summary as it stood at the span's end. */
    summary: z.string(),
    /** When it was chosen (the first time since it was last withdrawn), and when its summary was last revised. */
    chosenAt: z.string(),
    revisedAt: z.string(),
    outcome: clueOutcomeSchema.nullable(),
    sentForProsecution: z.number().int().nullable(),
  })
  .meta({ id: 'TypicalCase' });
export type TypicalCase = z.infer<typeof typicalCase>;

/** The typical cases chosen in a span (and not withdrawn by its end), of the whole campaign, a unit (with those below it) or a category. */
export const typicalCases = z
  .object({
    ...reportScopeFields,
    cases: z.array(typicalCase),
    generatedAt: z.string(),
  })
  .meta({ id: 'TypicalCases' });
export type TypicalCases = z.infer<typeof typicalCases>;

/** Choosing a solved clue as a typical case, or revising its summary: against the version the user saw. */
export const typicalRequest = z
  .strictObject({ version: z.number().int().positive(), summary: requiredText(2000) })
  .meta({ id: 'TypicalRequest' });

/** Withdrawing a typical case, with the reason. */
export const typicalWithdrawal = z
  .strictObject({ version: z.number().int().positive(), reason: requiredText(4000) })
  .meta({ id: 'TypicalWithdrawal' });
