import { z } from 'zod';
import { halfWidth } from '../half-width';
import { oneLineText } from '../visible-text';

/**
 * A case number (案件编号) in the one form it is stored, looked up and
 * searched by: half-width (a Chinese input method in full-width mode types
 * ａ６１０７０００２９２), trimmed, its letters upper case. Typed any of those
 * ways it is the same case, and the warning that another clue holds it must
 * say so.
 */
export function canonicalCaseNumber(typed: string): string {
  return halfWidth(typed).trim().toUpperCase();
}

/**
 * A case number a filing gives: put in its one form first, then required,
 * one line and of at most 64 characters as stored (half-width may spell one
 * character as several). One line as a title is: a line break or a control
 * character has no place in a number, and a character that turns the text's
 * direction shows "A610\u202E7654" as A6104567, another case's number.
 * Only a decision parses it: a replayed history is not parsed again, so a
 * number stored as typed before keeps replaying as it was stored.
 */
export const caseNumberSchema = z.string().overwrite(canonicalCaseNumber).pipe(oneLineText(64));
