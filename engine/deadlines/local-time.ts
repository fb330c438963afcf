import { TZDate, tz } from '@date-fns/tz';
import { addDays, startOfDay } from 'date-fns';

/** A calendar date as the campaign's office writes it: `YYYY-MM-DD`. */
export type LocalDate = string;

/**
 * The instant a state's time limit runs out: 24:00 local time on the
 * `days`-th calendar day after the day of `enteredAt`.
 *
 * A clue found on 5 March at 10:00 with a 3-day limit is due at the end of
 * 8 March, local time — the way the bureau counts "within three days".
 */
export function endOfLocalDayAfter(enteredAt: Date, days: number, timeZone: string): Date {
  const zone = tz(timeZone);
  const due = addDays(startOfDay(enteredAt, { in: zone }), days + 1, { in: zone });
  return new Date(due.getTime());
}

/** The instant a local calendar date begins (00:00 local time). */
export function startOfLocalDate(date: LocalDate, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(new TZDate(y ?? 0, (m ?? 1) - 1, d ?? 1, timeZone).getTime());
}

/** The instant a local calendar date ends (24:00 local time, i.e. the next day's 00:00). */
export function endOfLocalDate(date: LocalDate, timeZone: string): Date {
  const start = startOfLocalDate(date, timeZone);
  return new Date(addDays(new TZDate(start.getTime(), timeZone), 1).getTime());
}

/** The local calendar date of an instant in a time zone. */
export function localDateOf(instant: Date, timeZone: string): LocalDate {
  const local = new TZDate(instant.getTime(), timeZone);
  const y = String(local.getFullYear()).padStart(4, '0');
  const m = String(local.getMonth() + 1).padStart(2, '0');
  const d = String(local.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** True when the zone is one the runtime knows (an IANA name such as Asia/Shanghai). */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}
