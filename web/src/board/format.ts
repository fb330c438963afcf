import { locale } from '../i18n/i18n';

// Building an Intl formatter costs far more than using one, and a board formats
// a due date, an age and a count for every card: keep one per locale and options.
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function dateFormat(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d|${locale()}|${JSON.stringify(options)}`;
  let format = formatters.get(key);
  if (!(format instanceof Intl.DateTimeFormat)) {
    format = new Intl.DateTimeFormat(locale(), options);
    formatters.set(key, format);
  }
  return format;
}

function numberFormat(options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n|${locale()}|${JSON.stringify(options)}`;
  let format = formatters.get(key);
  if (!(format instanceof Intl.NumberFormat)) {
    format = new Intl.NumberFormat(locale(), options);
    formatters.set(key, format);
  }
  return format;
}

/**
 * The local calendar date a deadline falls on, in the campaign's zone and the
 * UI's language. A deadline is 24:00 of its last day (the next day's 00:00),
 * so the day shown is the one that ends then — "within 3 days" shows the third day.
 */
export function dueDate(dueAt: string, timeZone: string): string {
  return dateFormat({ timeZone, year: 'numeric', month: 'short', day: 'numeric' }).format(new Date(new Date(dueAt).getTime() - 1));
}

/** A moment with its local date and time in the campaign's zone, written as the UI's language writes dates. */
export function dateTime(at: string, timeZone: string): string {
  return dateFormat({ timeZone, year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(at));
}

/** How long something has been so (days, else hours, else minutes), short: "3天" / "3 days". */
export function age(since: string, now: string): string {
  const minutes = Math.max(0, Math.floor((new Date(now).getTime() - new Date(since).getTime()) / 60_000));
  const [value, unit] = minutes >= 1440 ? [Math.floor(minutes / 1440), 'day'] : minutes >= 60 ? [Math.floor(minutes / 60), 'hour'] : [minutes, 'minute'];
  return numberFormat({ style: 'unit', unit, unitDisplay: 'narrow' }).format(value);
}

/** A whole number with the locale's grouping (1,103). */
export function figure(value: number): string {
  return numberFormat({}).format(value);
}
