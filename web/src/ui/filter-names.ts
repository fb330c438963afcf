import type { Label } from '../../../engine/labels';
import { messages } from '../i18n/messages';
import { tr } from '../i18n/i18n';
import { extensionMessages } from '../deadlines/messages';

/** The filters of the board and the lists by their name in the address (and the API's query), as their controls call them (a screen reader too). */
export const filterLabels = {
  // The board's view: which kind of item (its tabs) and which lanes.
  kind: { zh: '线索或问题', en: 'Clues or problems' },
  swimlane: messages.swimlane,
  // The side columns (查否, 已并案) the board keeps open.
  side: { zh: '展开的侧栏', en: 'Open side columns' },
  unit: messages.unit,
  category: messages.category,
  assignee: messages.assignee,
  state: messages.state,
  overdue: messages.overdueOnly,
  escalated: messages.escalatedOnly,
  asked: extensionMessages.askedOnly,
  quiet: { zh: '进展', en: 'Progress' },
  phase: { zh: '发现阶段', en: 'Phase found' },
  q: { zh: '搜索', en: 'Search' },
} satisfies Readonly<Record<string, Label>>;

/**
 * The control a refused read (or a page's own check of its address) names,
 * as the page calls it: `query.quiet` or `quiet` by the label a table gives
 * it. None for a field the table does not name.
 */
export function controlNamer(labels: Readonly<Record<string, Label>>): (field: string) => string | undefined {
  const byName: Readonly<Record<string, Label | undefined>> = labels;
  return (field) => {
    const label = byName[field.replace(/^query\./, '')];
    return label === undefined ? undefined : tr(label);
  };
}

/** The filter of the board or the lists a refusal is about: what the user clears or changes to read again. */
export const filterName = controlNamer(filterLabels);
