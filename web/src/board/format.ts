import type { Label } from '../../../engine/labels';
import { locale, tr } from '../i18n/i18n';

// Building an Intl formatter costs far more than using one, and a board formats a
// count for every card: keep one per locale and options. (Dates: ui/dates.ts.)
const formatters = new Map<string, Intl.NumberFormat>();

function numberFormat(options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale()}|${JSON.stringify(options)}`;
  let format = formatters.get(key);
  if (format === undefined) {
    format = new Intl.NumberFormat(locale(), options);
    formatters.set(key, format);
  }
  return format;
}

// Intl's narrow units, written out: a page's first unit formatter costs milliseconds of locale
// data in the board's first render, and these are the only three units the board shows.
const ageUnits: Record<'day' | 'hour' | 'minute', Label> = {
  day: { zh: '天', en: 'd' },
  hour: { zh: '小时', en: 'h' },
  minute: { zh: '分钟', en: 'm' },
};

type AgeUnit = keyof typeof ageUnits;

/** How long something has been so, in its largest whole unit (days, else hours, else minutes). */
function ageOf(since: string, now: string): [number, AgeUnit] {
  const minutes = Math.max(0, Math.floor((new Date(now).getTime() - new Date(since).getTime()) / 60_000));
  return minutes >= 1440 ? [Math.floor(minutes / 1440), 'day'] : minutes >= 60 ? [Math.floor(minutes / 60), 'hour'] : [minutes, 'minute'];
}

/** How long something has been so (days, else hours, else minutes), short: "3天" / "3d". */
export function age(since: string, now: string): string {
  const [value, unit] = ageOf(since, now);
  return `${figure(value)}${tr(ageUnits[unit])}`;
}

// A screen reader says "3d" as "3 d": what it reads of a card has the units written out.
const spokenAgeUnits: Record<AgeUnit, { readonly zh: string; readonly one: string; readonly many: string }> = {
  day: { zh: '天', one: 'day', many: 'days' },
  hour: { zh: '小时', one: 'hour', many: 'hours' },
  minute: { zh: '分钟', one: 'minute', many: 'minutes' },
};

/** How long something has been so, with its unit in words, for a screen reader: "3天" / "3 days". */
export function spokenAge(since: string, now: string): string {
  const [value, unit] = ageOf(since, now);
  const words = spokenAgeUnits[unit];
  return tr({ zh: `${figure(value)}${words.zh}`, en: `${figure(value)} ${value === 1 ? words.one : words.many}` });
}

// English drops "ago" on the card: "✎ 3d ago" beside the badge and the age in state was cut to
// "✎ 3d …" on most cards of a 1,440 px window; the pencil says what the time is, the title says it in full.
const justNow = { zh: '刚刚', en: 'now' };
const before = { zh: '{age}前', en: '{age}' };

/** How long ago something happened, short: "刚刚" / "now" within the minute, then "3天前" / "3d". */
export function ago(at: string, now: string): string {
  return new Date(now).getTime() - new Date(at).getTime() < 60_000 ? tr(justNow) : tr(before).replace('{age}', age(at, now));
}

/**
 * A whole number with the locale's grouping (1,103). Both of the UI's
 * languages group whole numbers by thousands with a comma, so those are
 * grouped here: the board shows counts in its first render, and a page's
 * first Intl number formatter costs milliseconds of locale data.
 */
export function figure(value: number): string {
  if (!Number.isSafeInteger(value) || Object.is(value, -0)) return numberFormat({}).format(value);
  const grouped = String(Math.abs(value)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return value < 0 ? `-${grouped}` : grouped;
}
