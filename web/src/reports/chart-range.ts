import { localDateOf } from '../../../engine/deadlines/local-time';

/** What the charts' days are read from: a report's phase and span, and its campaign's days and zone. */
export interface ChartRangeOf {
  readonly report: { readonly phase: string | null; readonly span: { readonly from: string; readonly to: string } };
  readonly campaign: { readonly startsOn: string; readonly endsOn: string; readonly timeZone: string };
}

/**
 * The local days a date-range or whole-campaign report counts, first and last inclusive, for its cumulative flow and
 * burndown: without them the charts showed the current phase's window beneath a table of other days (a report of
 * 15 March to 15 April, read in December, charted September to December). Undefined for a phase's report, whose
 * charts span its phase's window. A span open at either end is the campaign's first or last day there.
 */
export function chartRange(of: ChartRangeOf): { from: string; to: string } | undefined {
  if (of.report.phase !== null) return undefined;
  const { span } = of.report;
  const zone = of.campaign.timeZone;
  const from = span.from.startsWith('0000') ? of.campaign.startsOn : localDateOf(new Date(span.from), zone);
  // The span's end is exclusive: its last day is the one its last millisecond falls on.
  const to = span.to.startsWith('9999') ? of.campaign.endsOn : localDateOf(new Date(Date.parse(span.to) - 1), zone);
  return { from, to: to < from ? from : to };
}
