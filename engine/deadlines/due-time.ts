import { endOfLocalDate, instantOfLocal, localDayStartMs, type LocalDate } from './local-time';

const day = 86_400_000;

/** The due times already computed for one zone, for the local day last seen there. */
interface ZoneDay {
  dayStartMs: number;
  /** days → due time (UTC ISO) */
  readonly due: Map<number, string>;
}

const zones = new Map<string, ZoneDay>();

/**
 * The instant a time limit of `days` calendar days runs out, for a state
 * entered at `enteredAtMs` (see `endOfLocalDayAfter`), as the UTC ISO
 * string the audit event carries.
 *
 * Every accepted move computes one, and all the moves of one local day share
 * the answer for a given limit: it is kept for the zone's current local day,
 * so a decision costs two map lookups instead of the zone arithmetic and
 * `toISOString()`. The day is found exactly as the uncached path finds it,
 * so the cached answer is the uncached one.
 */
export function dueTimeIso(enteredAtMs: number, days: number, timeZone: string): string {
  const dayStartMs = localDayStartMs(enteredAtMs, timeZone);
  let zone = zones.get(timeZone);
  if (zone === undefined) {
    zone = { dayStartMs, due: new Map() };
    zones.set(timeZone, zone);
  } else if (zone.dayStartMs !== dayStartMs) {
    // A new local day (or a replay of another one): the old day's answers are of no more use.
    zone.dayStartMs = dayStartMs;
    zone.due.clear();
  }
  let due = zone.due.get(days);
  if (due === undefined) {
    due = new Date(instantOfLocal(dayStartMs + (days + 1) * day, timeZone)).toISOString();
    zone.due.set(days, due);
  }
  return due;
}

/** The ends of days already worked out, by zone and then date: a campaign's last day, read by every move with a time limit. */
const dayEnds = new Map<string, Map<LocalDate, string>>();

/**
 * The instant the local day `date` ends in `timeZone`, as a UTC ISO string:
 * kept (a handful of campaigns' last days), and found without building a
 * key, as a move asks for it.
 */
export function endOfDayIso(date: LocalDate, timeZone: string): string {
  let ends = dayEnds.get(timeZone);
  if (ends === undefined) {
    ends = new Map();
    dayEnds.set(timeZone, ends);
  }
  let end = ends.get(date);
  if (end === undefined) {
    end = endOfLocalDate(date, timeZone).toISOString();
    ends.set(date, end);
  }
  return end;
}
