import { dateTime, dayOf, spanEnd } from '../ui/dates';
import { rt } from './messages';

/** A report's period as its heading says it: the text shown, and the exact instants behind it when the text gives days. */
export interface SpanShown {
  readonly text: string;
  readonly title: string | undefined;
}

/**
 * The period a report counts. A phase's is said as the days it ran: an officer knows a phase by its dates, and
 * "2026年1月1日 07:30 – 2026年3月31日 17:00" read as a window set to the minute. The instants it counts from and to
 * (the advances into and out of it, at which its report was frozen) stay in the title, for whoever checks a figure
 * against them. Open at its end, a span runs "to now"; once the campaign has concluded, to its conclusion. A date
 * range, or the whole campaign, is said to the minute as chosen (a range's last day to its 24:00).
 */
export function spanShown(span: { readonly from: string; readonly to: string }, phase: boolean, timeZone: string, concludedAt: string | undefined): SpanShown {
  const open = span.to.startsWith('9999');
  const openEnd = () => (concludedAt === undefined ? rt('spanOpen') : dateTime(concludedAt, timeZone));
  const from = span.from.startsWith('0000') ? rt('spanStart') : dateTime(span.from, timeZone);
  const exact = `${from} – ${open ? openEnd() : spanEnd(span.to, timeZone)}`;
  if (!phase) return { text: exact, title: undefined };
  // The end is exclusive: a phase left at midnight ran to the day before.
  const lastDay = dayOf(new Date(Date.parse(span.to) - 1).toISOString(), timeZone);
  return { text: `${dayOf(span.from, timeZone)} – ${open ? rt('spanOpen') : lastDay}`, title: exact };
}

/**
 * The instant the survey began, when its report counts from an earlier day: from the campaign's creation, so that what
 * was entered while it was prepared (筹备) is the survey's backlog (the server's phaseCountedFrom). Its period then reads
 * as starting before the phase did, and the page says why; undefined for any other report, or one counted from the day
 * the survey began.
 */
export function surveyBacklogFrom(report: { readonly phase: string | null; readonly span: { readonly from: string } }, surveyEntered: string | undefined, timeZone: string): string | undefined {
  if (report.phase !== 'survey' || surveyEntered === undefined) return undefined;
  return dayOf(report.span.from, timeZone) === dayOf(surveyEntered, timeZone) ? undefined : surveyEntered;
}
