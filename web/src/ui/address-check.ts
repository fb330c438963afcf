import type { z } from 'zod';
import type { Label } from '../../../engine/labels';
import type { FieldIssue } from '../../../engine/refusals';
import { validate } from '../../../engine/validation';
import { ApiProblem } from '../api/problem';

/**
 * Every value of a page's address that its own controls could not have
 * written (`?phase=autumn`, `?kind=problems`), by the schema of what the page
 * reads there, each with why; none when every one could. Every one, not the
 * first: a link with two wrong filters said one at a time is mended by trial.
 * Only the schema's own names are checked: the others are the server's to
 * check, or no filter at all. An empty value is no value: a page clears a
 * control by leaving it out.
 */
export function addressIssues(schema: z.ZodObject, search: Readonly<Record<string, unknown>>): readonly FieldIssue[] {
  const names = Object.keys(schema.shape);
  const given = Object.fromEntries(Object.entries(search).filter(([name, value]) => names.includes(name) && value !== undefined && value !== ''));
  const checked = validate(schema, given);
  return checked.ok ? [] : checked.fields;
}

/** A refused address as the page says it in place of what it would have read, in the one error model a read's refusal has; undefined when nothing in it is refused. */
export const refusedAddress = (what: Label, issues: readonly FieldIssue[]): ApiProblem | undefined =>
  issues.length === 0 ? undefined : new ApiProblem(400, 'bad_request', what, issues, null);
