import { z } from 'zod';
import { enIssueText, zhIssueText } from './issue-text';
import type { FieldIssue } from './refusals';

const zhCN = z.locales.zhCN();

export type Validated<T> =
  | { readonly ok: true; readonly data: T }
  | { readonly ok: false; readonly fields: readonly FieldIssue[]; readonly missing: boolean };

function fieldOf(issue: z.core.$ZodIssue): string {
  const path = issue.path.map(String).join('.');
  if (issue.code === 'unrecognized_keys') return [path, issue.keys.join(',')].filter(Boolean).join('.');
  return path;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/**
 * Validates input against a schema and, when it fails, says which field and
 * why in both languages. `missing` is true when every problem is an absent
 * field, so callers can tell "fill this in" from "this is wrong".
 */
export function validate<T>(schema: z.ZodType<T>, input: unknown): Validated<T> {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, data: result.data };
  const plain = result.error.issues.map(zhIssueText);
  // Where plain Chinese has nothing to say, parse again in zod's Chinese; it is rare, and it keeps each message whole.
  const zh = plain.some((text) => text === undefined) ? schema.safeParse(input, { error: zhCN.localeError }) : undefined;
  const zhIssues = zh === undefined || zh.success ? [] : zh.error.issues;
  const fields = result.error.issues.map((issue, i) => ({
    field: fieldOf(issue),
    message: { en: enIssueText(issue) ?? issue.message, zh: plain[i] ?? zhIssues[i]?.message ?? issue.message },
  }));
  const missing = result.error.issues.every(
    (issue) => issue.code === 'invalid_type' && valueAt(input, issue.path) === undefined,
  );
  return { ok: false, fields, missing };
}

const emptyAnswers = new WeakMap<z.ZodType, Validated<unknown>>();

function isEmptyPlainObject(input: unknown): boolean {
  if (typeof input !== 'object' || input === null || Object.getPrototypeOf(input) !== Object.prototype) return false;
  for (const _key in input) return false;
  return true;
}

/**
 * {@link validate} for a request's payload, where an absent payload means an
 * empty one. Most moves that need no fields carry none, and the answer for
 * an empty payload never changes, so it is computed once per schema.
 */
export function validatePayload<T>(schema: z.ZodType<T>, input: unknown): Validated<T> {
  if (input !== undefined && !isEmptyPlainObject(input)) return validate(schema, input);
  let answer = emptyAnswers.get(schema) as Validated<T> | undefined;
  if (answer === undefined) {
    answer = validate(schema, {});
    // Shared by every decision that asks with an empty payload: nothing may change it.
    if (answer.ok && typeof answer.data === 'object' && answer.data !== null) Object.freeze(answer.data);
    emptyAnswers.set(schema, Object.freeze(answer));
  }
  return answer;
}

/**
 * Field issues of an error that was already raised (the API's request
 * validation): the Chinese message is rendered from the English issue.
 */
export function describeIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => {
    const zh = zhIssueText(issue) ?? zhCN.localeError(issue as unknown as Parameters<typeof zhCN.localeError>[0]);
    const zhText = typeof zh === 'string' ? zh : (zh?.message ?? issue.message);
    return { field: fieldOf(issue) || '(body)', message: { en: enIssueText(issue) ?? issue.message, zh: zhText } };
  });
}
