import { tzOffset } from '@date-fns/tz';

/** A calendar date as the campaign's office writes it: `YYYY-MM-DD`. */
export type LocalDate = string;

const minute = 60_000;
const day = 86_400_000;
// Every zone in use changes its offset on a quarter-hour boundary, so the
// offset is constant within each quarter hour of UTC.
const quarter = 15 * minute;

const offsets = new Map<string, Map<number, number>>();

/**
 * The zone's offset from UTC at an instant, in milliseconds.
 *
 * Due times are computed on every accepted move, and asking Intl (through
 * @date-fns/tz) costs about 20 µs — more than the state transition itself —
 * so the answer is kept per quarter hour.
 */
export function zoneOffsetMs(timeZone: string, instantMs: number): number {
  let zone = offsets.get(timeZone);
  if (zone === undefined) {
    zone = new Map();
    offsets.set(timeZone, zone);
  }
  const bucket = Math.floor(instantMs / quarter);
  let offset = zone.get(bucket);
  if (offset === undefined) {
    offset = tzOffset(timeZone, new Date(bucket * quarter)) * minute;
    if (Number.isNaN(offset)) throw new RangeError(`unknown time zone: ${timeZone}`);
    zone.set(bucket, offset);
  }
  return offset;
}

/** The UTC instant of a wall-clock time (as ms since the epoch, read as if UTC) in a zone. */
export function instantOfLocal(localMs: number, timeZone: string): number {
  // First guess with the offset at the wall-clock time itself, then correct
  // once: that settles every instant except those skipped by a DST change.
  const guess = localMs - zoneOffsetMs(timeZone, localMs);
  return localMs - zoneOffsetMs(timeZone, guess);
}

/** 00:00 of the local day of an instant, as wall-clock ms read as if UTC (a multiple of one day). */
export function localDayStartMs(instantMs: number, timeZone: string): number {
  const localMs = instantMs + zoneOffsetMs(timeZone, instantMs);
  return Math.floor(localMs / day) * day;
}

/**
 * The instant a state's time limit runs out: 24:00 local time on the
 * `days`-th calendar day after the day of `enteredAt`.
 *
 * A clue found on 5 March at 10:00 with a 3-day limit is due at the end of
 * 8 March, local time — the way the bureau counts "within three days".
 */
export function endOfLocalDayAfter(enteredAt: Date, days: number, timeZone: string): Date {
  return new Date(instantOfLocal(localDayStartMs(enteredAt.getTime(), timeZone) + (days + 1) * day, timeZone));
}

function parseLocalDate(date: LocalDate): number {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1);
}

/** The instant a local calendar date begins (00:00 local time). */
export function startOfLocalDate(date: LocalDate, timeZone: string): Date {
  return new Date(instantOfLocal(parseLocalDate(date), timeZone));
}

/** The instant a local calendar date ends (24:00 local time, i.e. the next day's 00:00). */
export function endOfLocalDate(date: LocalDate, timeZone: string): Date {
  return new Date(instantOfLocal(parseLocalDate(date) + day, timeZone));
}

/** The local calendar date of an instant in a time zone. */
export function localDateOf(instant: Date, timeZone: string): LocalDate {
  return new Date(localDayStartMs(instant.getTime(), timeZone)).toISOString().slice(0, 10);
}

/** Said of a time zone that is none (translated in engine/issue-text.ts). */
export const unknownTimeZone = 'Not a time zone known here: give an IANA name, such as Asia/Shanghai';

/** A campaign whose last day is before its first, as a request's check says it (issue-text.ts has it in Chinese). */
export const campaignEndsBeforeItStarts = 'The campaign ends before it starts';

/** True when the zone is one the runtime knows (an IANA name such as Asia/Shanghai). */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}
