import { zoneOffsetMs } from '../deadlines/local-time';

/**
 * The ways Chinese office software and the 110 / 12337 platforms' exports
 * write a date, optionally followed by a time: 2026-03-05, 2026/3/5,
 * 2026.3.5, 2026年3月5日, 20260305; then "10:30", "10:30:15" or "10时30分".
 */
const dateTime =
  /^(\d{4})(?:[-/.](\d{1,2})[-/.](\d{1,2})日?|年(\d{1,2})月(\d{1,2})日?|(\d{2})(\d{2}))(?:[\sT]*(\d{1,2})[:时](\d{1,2})(?:[:分](\d{1,2}))?(?:秒|分)?)?$/;

/**
 * An instant as ISO 8601 (RFC 3339) writes it, with its zone: 2026-03-05T10:30:00+08:00, 2026-03-05T02:30:00Z,
 * 2026-03-05T02:30:00.000Z as the API and JavaScript write it, seconds and their fraction optional, the offset
 * also +0800 or +08, a space also for the T.
 */
const isoInstant = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(?:(Z)|([+-])(\d{2})(?::?(\d{2}))?)$/i;

/**
 * Reads a wall-clock date (and time) written in the campaign's time zone as
 * the instant it names, or null when the text is not such a date or names a
 * day that does not exist (30 February). A date alone means the start of
 * that day. A time written with its zone (ISO 8601: …T10:30:00+08:00, …Z)
 * is the instant it names, whatever the campaign's zone.
 */
export function parseLocalDateTime(text: string, timeZone: string): Date | null {
  // Full-width digits and marks (２０２６－０３－０５, typed with a Chinese input method) read as their ASCII twins.
  const written = text.normalize('NFKC').trim();
  const instant = isoInstant.exec(written);
  if (instant !== null) return fromIsoInstant(instant);
  const serial = excelSerial.exec(written);
  if (serial !== null) return fromExcelSerial(Number(written), timeZone);
  const match = dateTime.exec(written);
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

/**
 * A date cell a spreadsheet shows as a number (its format lost, or the
 * column pasted as values): days since 30 December 1899, the fraction the
 * time of day. Only 1982–2099 are read so; any other number is no date.
 */
const excelSerial = /^(?:[3-6]\d{4}|7[0-2]\d{3})(?:\.\d+)?$/;

function fromExcelSerial(days: number, timeZone: string): Date | null {
  const wallClock = new Date(Date.UTC(1899, 11, 30) + Math.round(days * 86_400) * 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  const text = `${wallClock.getUTCFullYear()}-${pad(wallClock.getUTCMonth() + 1)}-${pad(wallClock.getUTCDate())} ${pad(wallClock.getUTCHours())}:${pad(wallClock.getUTCMinutes())}:${pad(wallClock.getUTCSeconds())}`;
  return parseLocalDateTime(text, timeZone);
}

function fromIsoInstant(match: RegExpExecArray): Date | null {
  const [, y, mo, d, h, mi, s = '0', fraction = '', utc, sign, offsetH = '0', offsetMin = '0'] = match;
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map(Number) as [number, number, number, number, number, number];
  if (hour > 23 || minute > 59 || second > 59 || Number(offsetH) > 23 || Number(offsetMin) > 59) return null;
  const wallMs = Date.UTC(year, month - 1, day, hour, minute, second, Number(fraction.slice(0, 3).padEnd(3, '0')));
  const wall = new Date(wallMs);
  // As for a date without a zone: 30 February is refused, not rolled over to 2 March.
  if (wall.getUTCFullYear() !== year || wall.getUTCMonth() !== month - 1 || wall.getUTCDate() !== day) return null;
  const offsetMs = utc !== undefined ? 0 : (sign === '-' ? -1 : 1) * (Number(offsetH) * 60 + Number(offsetMin)) * 60_000;
  return new Date(wallMs - offsetMs);
}
