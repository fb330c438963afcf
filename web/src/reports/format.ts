import { lang, locale } from '../i18n/i18n';

/** A whole number with the locale's grouping (1,103). */
export function count(value: number): string {
  return new Intl.NumberFormat(locale()).format(value);
}

/** A share 0..1 as a percentage; a dash when there is nothing to divide. */
export function percent(rate: number | null): string {
  if (rate === null) return '—';
  return new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: 1 }).format(rate);
}

/** A number of days, a dash when there is none. */
export function days(value: number | null): string {
  return value === null ? '—' : new Intl.NumberFormat(locale(), { maximumFractionDigits: 1 }).format(value);
}

/**
 * Yuan as the bureau's releases write money: 亿元 and 万元 in Chinese
 * (21.01亿元, 1113.2万元), million and billion in English; below ten
 * thousand, whole yuan. Answers the number and its unit apart, for cards.
 */
export function money(yuan: number): { value: string; unit: string } {
  const decimals = (n: number, digits: number) => new Intl.NumberFormat(locale(), { maximumFractionDigits: digits }).format(n);
  // The larger unit once the smaller one's figure, as shown (rounded), reaches it: 99,999,999 元 is "1亿元", not "10,000万元".
  const reaches = (per: number, digits: number, next: number) => Math.abs(Math.round((yuan / per) * 10 ** digits) / 10 ** digits) * per >= next;
  if (lang() === 'zh') {
    if (reaches(1e4, 2, 1e8)) return { value: decimals(yuan / 1e8, 3), unit: '亿元' };
    if (Math.abs(yuan) >= 1e4) return { value: decimals(yuan / 1e4, 2), unit: '万元' };
    return { value: count(yuan), unit: '元' };
  }
  if (reaches(1e6, 2, 1e9)) return { value: decimals(yuan / 1e9, 3), unit: 'billion yuan' };
  if (Math.abs(yuan) >= 1e6) return { value: decimals(yuan / 1e6, 2), unit: 'million yuan' };
  return { value: count(yuan), unit: 'yuan' };
}

export function moneyText(yuan: number): string {
  const m = money(yuan);
  return lang() === 'zh' ? `${m.value}${m.unit}` : `${m.value} ${m.unit}`;
}

function parts(instant: Date, timeZone: string): Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number> {
  const formatted = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(formatted.find((p) => p.type === type)?.value ?? 0);
  return { year: part('year'), month: part('month'), day: part('day'), hour: part('hour'), minute: part('minute'), second: part('second') };
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The local date and time (YYYY-MM-DD HH:mm) of an instant in the campaign's zone, for a machine: an input's
 * value, a place on the timeline. A reader is shown dates as ui/dates.ts writes them.
 */
export function localDateTime(at: string, timeZone: string): string {
  const p = parts(new Date(at), timeZone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}`;
}

/** As `<input type=datetime-local>` writes it (YYYY-MM-DDTHH:mm), in the campaign's zone. */
export function localInputValue(at: string, timeZone: string): string {
  return localDateTime(at, timeZone).replace(' ', 'T');
}

/** The instant a local wall-clock time (YYYY-MM-DD or YYYY-MM-DDTHH:mm) names in a time zone, as ISO 8601; null if it is not one. */
export function zonedInstant(local: string, timeZone: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/.exec(local);
  if (match === null) return null;
  const [, y, mo, d, h = '0', mi = '0'] = match;
  const wall = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi));
  if (Number.isNaN(wall)) return null;
  // The zone's offset at a guess, then again at the corrected instant (a guess across a change of offset lands one off).
  const offsetAt = (t: number) => {
    const p = parts(new Date(t), timeZone);
    return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(t / 1000) * 1000;
  };
  let instant = wall - offsetAt(wall);
  instant = wall - offsetAt(instant);
  return new Date(instant).toISOString();
}

/** The day after a local date (YYYY-MM-DD). */
export function nextDay(date: string): string {
  const t = Date.parse(`${date}T00:00:00Z`) + 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}
