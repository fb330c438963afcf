import type { z } from 'zod';
import type { Label } from '../../../engine/labels';
import type { FieldIssue } from '../../../engine/refusals';
import { validate } from '../../../engine/validation';
import { ApiProblem } from '../api/problem';

/**
 * The first value of a page's address that its own controls could not have
 * written (`?phase=autumn`, `?kind=problems`), by the schema of what the page
 * reads there; undefined when every one could. Only the schema's own names are
 * checked: the others are the server's to check, or no filter at all. An
 * empty value is no value: a page clears a control by leaving it out.
 */
export function addressIssue(schema: z.ZodObject, search: Readonly<Record<string, unknown>>): FieldIssue | undefined {
  const names = Object.keys(schema.shape);
  const given = Object.fromEntries(Object.entries(search).filter(([name, value]) => names.includes(name) && value !== undefined && value !== ''));
  const checked = validate(schema, given);
  return checked.ok ? undefined : checked.fields[0];
}

/** A refused address as the page says it in place of what it would have read, in the one error model a read's refusal has. */
export const refusedAddress = (what: Label, issue: FieldIssue): ApiProblem => new ApiProblem(400, 'bad_request', what, [issue], null);
