import { z } from 'zod';
import { halfWidth } from '../half-width';
import { requiredText } from '../visible-text';

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
 * A case number a filing gives: put in its one form first, then required and
 * of at most 64 characters as stored (half-width may spell one character as
 * several). Only a decision parses it: a replayed history is not parsed again,
 * so a number stored as typed before keeps replaying as it was stored.
 */
export const caseNumberSchema = z.string().overwrite(canonicalCaseNumber).pipe(requiredText(64));
