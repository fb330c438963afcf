import { z } from 'zod';
import { phases } from '../../../engine/campaign/campaign-config';
import { localDateSchema } from '../../../engine/deadlines/local-date';
import { addressIssues } from '../ui/address-check';
import type { FieldIssue } from '../../../engine/refusals';
import type { Label } from '../../../engine/labels';
import { controlNamer, filterLabels } from '../ui/filter-names';
import { reportMessages } from './messages';
import { idOrNone } from '../../../api/contracts/common';

/** A moment as the report's "as of" input writes it, in the campaign's zone: `YYYY-MM-DDTHH:MM`, on a day that exists. */
const localDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d$/, { message: 'a date and time as YYYY-MM-DDTHH:MM', abort: true })
  .refine((value) => localDateSchema.safeParse(value.slice(0, 10)).success, { message: 'not a calendar date', abort: true });

/**
 * Which report the address names: a phase's, the whole campaign's or a date
 * range's. As a list's name is in the lists' address, this is the report's:
 * one there is none of (`?phase=autumn`, `?scope=month`) is no page at all.
 */
const whichReport = z.object({
  scope: z.enum(['phase', 'whole', 'range']).optional(),
  phase: z.enum(phases).optional(),
});

/** Whether the address names a report there is none of (a phase or a scope the campaign has not); an emptied one names none. */
export const namesNoReport = (search: Readonly<Record<string, unknown>>): boolean => addressIssues(whichReport, search).length > 0;

/**
 * The filters the report page reads from its address, as the page's own
 * controls write them. An address they could not have written (an old
 * bookmark, a link edited by hand: `?category=abc`, `?asOf=yesterday`) is
 * refused by name rather than quietly read as another report, as the lists
 * refuse a filter. Which unit and which category exist is the server's to
 * say, as it does for the board.
 */
const reportAddress = z.object({
  from: localDateSchema.optional(),
  to: localDateSchema.optional(),
  asOf: localDateTime.optional(),
  unit: z.string().optional(),
  // A category's id, or `none` for the items with none (未分类), as the API takes it.
  category: idOrNone.optional(),
});

/** Every filter of the report's address that its controls could not have written, each with why; none when every one could ("?to=" reads as the campaign's end). */
export const reportAddressIssues = (search: Readonly<Record<string, unknown>>): readonly FieldIssue[] => addressIssues(reportAddress, search);

/**
 * Whether the range the date inputs show ends before it starts: two dates
 * chosen in the wrong order, an input's error said at 止 (the last day is
 * included, so one day is a range). An input left empty shows the campaign's
 * first or last day; a date that is none is the address's refusal, not this.
 */
export function rangeEndsBeforeStart(search: { readonly from?: string; readonly to?: string }, campaign: { readonly startsOn: string; readonly endsOn: string }): boolean {
  const from = search.from || campaign.startsOn;
  const to = search.to || campaign.endsOn;
  return localDateSchema.safeParse(from).success && localDateSchema.safeParse(to).success && to < from;
}

/**
 * A range that lies wholly outside the campaign's days (2025 for a campaign of 2026): its report could only be zeros,
 * which read, and could be printed or exported, as a real report of nothing done. One that overlaps them is the
 * user's to choose (the figures are of the days inside).
 */
export function rangeOutsideCampaign(search: { readonly from?: string; readonly to?: string }, campaign: { readonly startsOn: string; readonly endsOn: string }): boolean {
  const from = search.from || campaign.startsOn;
  const to = search.to || campaign.endsOn;
  return localDateSchema.safeParse(from).success && localDateSchema.safeParse(to).success && to >= from && (to < campaign.startsOn || from > campaign.endsOn);
}

/** What is wrong with a range chosen: 止 before 起, or days wholly outside the campaign's. */
export type RangeProblem = 'reversed' | 'outside';

export function rangeProblemOf(search: { readonly from?: string; readonly to?: string }, campaign: { readonly startsOn: string; readonly endsOn: string }): RangeProblem | null {
  if (rangeEndsBeforeStart(search, campaign)) return 'reversed';
  return rangeOutsideCampaign(search, campaign) ? 'outside' : null;
}

/** The report's controls by the name of what they write in the address (and the API's query): what a refusal tells the user to change. */
const controlLabels = {
  scope: reportMessages.scope,
  phase: reportMessages.phase,
  // The inputs' own labels (起, 止, 截至) are too short to stand alone in a sentence.
  from: { zh: '起始日期', en: 'From' },
  to: { zh: '截止日期', en: 'To' },
  asOf: { zh: '截至时间', en: 'As of' },
  unit: filterLabels.unit,
  category: filterLabels.category,
} satisfies Readonly<Record<string, Label>>;

/** The control a refusal of the report's address, or of its read, is about (`phase`, or the server's `query.unit`). */
export const reportControlName = controlNamer(controlLabels);
