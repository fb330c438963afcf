import { lang, locale } from '../i18n/i18n';

/**
 * Every date the UI shows, written one way in each language: "29 Jan 2026" and
 * "29 Jan 2026, 09:30" in English, "2026年1月29日" and "2026年1月29日 09:30" in
 * Chinese (Intl's short month with en-GB and zh-CN). The board wrote them so
 * first; the lists, reports and wall wrote "2026-01-29", and the wall "11-22",
 * so a reader met three ways of writing one day.
 *
 * ISO dates stay where a machine reads them: the values of date inputs,
 * addresses and exported files.
 */

/** How much of a date to write. */
export interface DateShape {
  /**
   * False leaves the year out ("22 Nov", "11月22日"): only where the year is plain
   * from around it and room is short, as on the wall.
   */
  readonly year?: boolean;
}

// Building an Intl formatter costs far more than using one, and a board formats a due
// date for every card: one per locale and options.
const formatters = new Map<string, Intl.DateTimeFormat>();

function dateFormat(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale()}|${JSON.stringify(options)}`;
  let format = formatters.get(key);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(locale(), options);
    formatters.set(key, format);
  }
  return format;
}

const clock = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } as const;

/** The one way a date is written: the day a moment falls on in a zone (the browser's when none is given), with its time if asked. */
function written(at: Date, timeZone: string | undefined, shape: DateShape & { readonly time?: boolean }): string {
  return dateFormat({
    ...(timeZone !== undefined && { timeZone }),
    ...(shape.year !== false && { year: 'numeric' }),
    month: 'short',
    day: 'numeric',
    ...(shape.time === true && clock),
  }).format(at);
}

/** The day a moment falls on, in a zone (the browser's when none is known, as in a hint outside a campaign's page). */
export function dayOf(at: string, timeZone?: string, shape: DateShape = {}): string {
  return written(new Date(at), timeZone, shape);
}

/** A moment's day and time (hours and minutes) in the campaign's zone. */
export function dateTime(at: string, timeZone: string, shape: DateShape = {}): string {
  return written(new Date(at), timeZone, { ...shape, time: true });
}

/** A calendar day written `YYYY-MM-DD` (a window's end, a day of a chart, an extension's last day): in no zone, it is that day anywhere. */
export function calendarDay(date: string, shape: DateShape = {}): string {
  return written(new Date(`${date}T00:00:00Z`), 'UTC', shape);
}

/**
 * The day a deadline falls on, in the campaign's zone. A deadline is 24:00 of
 * its last day (the next day's 00:00), so the day shown is the one that ends
 * then: "within 3 days" shows the third day.
 */
export function dueDate(dueAt: string, timeZone: string): string {
  return written(new Date(new Date(dueAt).getTime() - 1), timeZone, {});
}

/**
 * The end of a span: a moment, as {@link dateTime} writes it, except that midnight in the zone is written as 24:00
 * of the day it ends. A date range chosen to the 31st of December ends at the next day's 00:00, and the report said
 * "– 2027年1月1日 00:00" for a year the user had chosen to its last day.
 */
export function spanEnd(at: string, timeZone: string): string {
  const instant = new Date(at);
  if (dateFormat({ timeZone, ...clock }).format(instant) !== '00:00') return dateTime(at, timeZone);
  const day = written(new Date(instant.getTime() - 1), timeZone, {});
  return lang() === 'zh' ? `${day} 24:00` : `${day}, 24:00`;
}
