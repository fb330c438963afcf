import { z } from 'zod';

/** A calendar day as the campaign's office writes it, `YYYY-MM-DD`, and a day that exists (not 31 April). */
export const localDateSchema = z
  .string()
  // Each check aborts: a date that is not one says so once, and what compares it (a window's order) does not run.
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'a date as YYYY-MM-DD', abort: true })
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), { message: 'not a calendar date', abort: true });
