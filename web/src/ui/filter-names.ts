import type { Label } from '../../../engine/labels';
import { messages } from '../i18n/messages';
import { tr } from '../i18n/i18n';
import { extensionMessages } from '../deadlines/messages';

/** The filters of the board and the lists by their name in the address (and the API's query), as their controls call them (a screen reader too). */
export const filterLabels = {
  unit: messages.unit,
  category: messages.category,
  assignee: messages.assignee,
  state: messages.state,
  overdue: messages.overdueOnly,
  escalated: messages.escalatedOnly,
  asked: extensionMessages.askedOnly,
  quiet: { zh: '进展', en: 'Progress' },
  q: { zh: '搜索', en: 'Search' },
} satisfies Readonly<Record<string, Label>>;

/**
 * The filter a refused read names (`query.quiet`, or `quiet`), as the
 * toolbar calls it: what the user clears or changes to read again. None for
 * a field that is not a filter.
 */
export function filterName(field: string): string | undefined {
  const byName: Readonly<Record<string, Label | undefined>> = filterLabels;
  const label = byName[field.replace(/^query\./, '')];
  return label === undefined ? undefined : tr(label);
}
