import { localDateOf, type LocalDate } from '../../../engine/deadlines/local-time';

const day = 86_400_000;

/** The calendar day `days` after a day (days may be negative). */
export function addDays(date: LocalDate, days: number): LocalDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * day).toISOString().slice(0, 10);
}

/** The last calendar day an item has now: a due time is the end of a local day, so the day of the instant just before it. */
export function lastDayOf(dueAt: string, timeZone: string): LocalDate {
  return localDateOf(new Date(new Date(dueAt).getTime() - 1), timeZone);
}

/** What an extension may choose: from the day after the current deadline (or today, if that has passed) to the campaign's last day. */
export interface ExtensionBounds {
  /** The item's last day now, or null for one without a deadline. */
  readonly current: LocalDate | null;
  /** The day the usual extensions count from: the current last day, or today once that has passed. */
  readonly from: LocalDate;
  readonly earliest: LocalDate;
  readonly latest: LocalDate;
}

export function extensionBounds(item: { readonly dueAt: string | null }, now: string, campaignLastDay: LocalDate, timeZone: string): ExtensionBounds {
  const current = item.dueAt === null ? null : lastDayOf(item.dueAt, timeZone);
  const today = localDateOf(new Date(now), timeZone);
  const from = current === null || current < today ? today : current;
  // Today itself is a later deadline for an item overdue (it ends at midnight); else the day after the current one.
  return { current, from, earliest: from === current ? addDays(current, 1) : today, latest: campaignLastDay };
}

/** Whether any later day is left to extend to (not when already due on the campaign's last day). */
export function extensionPossible(bounds: ExtensionBounds): boolean {
  return bounds.earliest <= bounds.latest;
}

/** The usual extensions (a week, a fortnight, a month from the current deadline, or from today once it has passed) that fit. */
export function quickChoices(bounds: ExtensionBounds): { readonly days: number; readonly until: LocalDate }[] {
  return [7, 15, 30].map((days) => ({ days, until: addDays(bounds.from, days) })).filter((choice) => choice.until <= bounds.latest);
}

/** Why a chosen day cannot be the new deadline, or null when it can (the server judges again). */
export function untilProblem(until: string, bounds: ExtensionBounds): 'required' | 'tooEarly' | 'tooLate' | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(until)) return 'required';
  if (until < bounds.earliest) return 'tooEarly';
  return until > bounds.latest ? 'tooLate' : null;
}

/** How many days later a deadline asked for is than the current one (both the end of a local day), rounded to whole days. */
export function daysLater(dueAt: string, requestedDueAt: string): number {
  return Math.round((Date.parse(requestedDueAt) - Date.parse(dueAt)) / day);
}

/**
 * How much later a request's day is than what the item has now: than its deadline, or, once that has passed, than
 * today (the day extensions count from, as the form's choices do: "154 days past the deadline" of an item five
 * months overdue read as a long extension for two weeks more).
 */
export function requestedLater(request: { readonly dueAt: string; readonly requestedDueAt: string; readonly until: LocalDate }, now: string, timeZone: string): { readonly days: number; readonly fromToday: boolean } {
  const today = localDateOf(new Date(now), timeZone);
  if (lastDayOf(request.dueAt, timeZone) >= today) return { days: daysLater(request.dueAt, request.requestedDueAt), fromToday: false };
  return { days: Math.round((Date.parse(`${request.until}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / day), fromToday: true };
}

/**
 * Whether this viewer asks for more time on an item (延期申请) rather than
 * giving it: the engine lets whoever may move an item ask, but one who may
 * extend it extends (the drawer and a batch offer the same).
 */
export function asksForMoreTime(item: { readonly kind: string; readonly changes: readonly string[] }): boolean {
  return item.changes.includes(`${item.kind}.requestExtension`) && !item.changes.includes(`${item.kind}.extend`);
}
