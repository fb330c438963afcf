import { zoneOffsetMs } from '../deadlines/local-time';

/**
 * The ways Chinese office software and the 110 / 12337 platforms' exports
 * write a date, optionally followed by a time: 2026-03-05, 2026/3/5,
 * 2026.3.5, 2026年3月5日, 20260305; then "10:30", "10:30:15" or "10时30分".
 */
const dateTime =
  /^(\d{4})(?:[-/.](\d{1,2})[-/.](\d{1,2})日?|年(\d{1,2})月(\d{1,2})日?|(\d{2})(\d{2}))(?:[\sT]*(\d{1,2})[:时](\d{1,2})(?:[:分](\d{1,2}))?(?:秒|分)?)?$/;

/**
 * Reads a wall-clock date (and time) written in the campaign's time zone as
 * the instant it names, or null when the text is not such a date or names a
 * day that does not exist (30 February). A date alone means the start of
 * that day.
 */
export function parseLocalDateTime(text: string, timeZone: string): Date | null {
  const match = dateTime.exec(text.trim());
  if (match === null) return null;
  const [, y, m1, d1, m2, d2, m3, d3, h = '0', min = '0', s = '0'] = match;
  const year = Number(y);
  const month = Number(m1 ?? m2 ?? m3);
  const day = Number(d1 ?? d2 ?? d3);
  const [hour, minute, second] = [Number(h), Number(min), Number(s)];
  if (hour > 23 || minute > 59 || second > 59) return null;
  const localMs = Date.UTC(year, month - 1, day, hour, minute, second);
  const asUtc = new Date(localMs);
  // Date.UTC rolls 30 February over to 2 March; a day that does not exist is refused instead.
  if (asUtc.getUTCFullYear() !== year || asUtc.getUTCMonth() !== month - 1 || asUtc.getUTCDate() !== day) return null;
  const guess = localMs - zoneOffsetMs(timeZone, localMs);
  return new Date(localMs - zoneOffsetMs(timeZone, guess));
}
