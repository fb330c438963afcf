import { locale } from '../i18n/i18n';

/**
 * The local calendar date a deadline falls on, in the campaign's zone and the
 * UI's language. A deadline is 24:00 of its last day (the next day's 00:00),
 * so the day shown is the one that ends then — "within 3 days" shows the third day.
 */
export function dueDate(dueAt: string, timeZone: string): string {
  return new Intl.DateTimeFormat(locale(), { timeZone, year: 'numeric', month: 'short', day: 'numeric' }).format(new Date(new Date(dueAt).getTime() - 1));
}

/** A moment with its local date and time in the campaign's zone, written as the UI's language writes dates. */
export function dateTime(at: string, timeZone: string): string {
  return new Intl.DateTimeFormat(locale(), { timeZone, year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(at));
}

/** How long something has been so (days, else hours, else minutes), short: "3天" / "3 days". */
export function age(since: string, now: string): string {
  const minutes = Math.max(0, Math.floor((new Date(now).getTime() - new Date(since).getTime()) / 60_000));
  const [value, unit] = minutes >= 1440 ? [Math.floor(minutes / 1440), 'day'] : minutes >= 60 ? [Math.floor(minutes / 60), 'hour'] : [minutes, 'minute'];
  return new Intl.NumberFormat(locale(), { style: 'unit', unit, unitDisplay: 'narrow' }).format(value);
}

/** A whole number with the locale's grouping (1,103). */
export function figure(value: number): string {
  return new Intl.NumberFormat(locale()).format(value);
}
