import { locale } from '../i18n/i18n';

/**
 * The local calendar date a deadline falls on, in the campaign's zone. A
 * deadline is 24:00 of its last day (the next day's 00:00), so the day shown
 * is the one that ends then — "within 3 days" shows the third day.
 */
export function dueDate(dueAt: string, timeZone: string): string {
  return localParts(new Date(new Date(dueAt).getTime() - 1), timeZone).date;
}

/** A moment with its local date and time in the campaign's zone. */
export function dateTime(at: string, timeZone: string): string {
  const parts = localParts(new Date(at), timeZone);
  return `${parts.date} ${parts.time}`;
}

/** Dates are written YYYY-MM-DD in both languages: unambiguous, and how the bureau's forms write them. */
function localParts(instant: Date, timeZone: string): { date: string; time: string } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return { date: `${part('year')}-${part('month')}-${part('day')}`, time: `${part('hour')}:${part('minute')}` };
}

/** A whole number with the locale's grouping (1,103). */
export function figure(value: number): string {
  return new Intl.NumberFormat(locale()).format(value);
}
