import type { FieldIssue } from '../api/problem';
import { serverErrors, type FieldErrors } from '../board/payload-fields';

/** What the requests of a batch were answered, as far as the dialog needs to tell a refusal of what was typed. */
export interface BatchAnswer {
  readonly changed: number;
  /** Each item refused, with the fields its refusal names (none: refused for something else, its version, its state). */
  readonly refused: readonly { readonly fields?: readonly FieldIssue[] }[];
  /** A request refused as a whole, with the fields it names; null when none was. */
  readonly stopped: { readonly fields: readonly FieldIssue[] } | null;
  /** Items sent whose answer never came. */
  readonly unknown: number;
}

/**
 * The dialog's fields to mark when the server changed nothing and refused only what was typed in them: every item
 * sent refused naming only fields the dialog asks for, or a request refused so as a whole. The dialog then stays open
 * with them marked, all that was typed kept to correct and send again, where a result of "0 changed, each refused"
 * would have been closed with the text lost. Null when anything else happened (an item changed, or refused for a reason
 * of its own): the result says each.
 */
export function fieldsRefused(sent: number, answer: BatchAnswer, asked: readonly string[]): FieldErrors | null {
  if (answer.changed > 0 || answer.unknown > 0) return null;
  let issues: FieldIssue[];
  if (answer.stopped !== null) {
    if (answer.refused.length > 0) return null;
    issues = [...answer.stopped.fields];
  } else {
    if (answer.refused.length !== sent || answer.refused.some((refusal) => (refusal.fields ?? []).length === 0)) return null;
    issues = answer.refused.flatMap((refusal) => refusal.fields ?? []);
  }
  // The first item's word on a field is the field's: each item is refused the same text the same way.
  const errors = serverErrors([...issues].reverse());
  const names = Object.keys(errors);
  return names.length > 0 && names.every((name) => asked.includes(name)) ? errors : null;
}
