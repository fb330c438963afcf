import { isOpenClueState, type ClueState } from '../../../engine/clue/clue.model';
import { isOpenProblemState, type ProblemState } from '../../../engine/problem/problem.model';
import type { ItemKind } from '../api/client';
import { t } from '../i18n/i18n';
import { dueDate } from '../ui/dates';

/** An item as its deadline is read: its kind, its state and its due time. */
export interface DueOf {
  readonly kind: ItemKind;
  readonly state: string;
  readonly dueAt: string | null;
}

/** Whether the item is in a state its work has ended in (移送起诉, 查否, 并案, 销号), which has no deadline to meet. */
export const isClosed = (item: DueOf): boolean =>
  item.kind === 'clue' ? !isOpenClueState(item.state as ClueState) : !isOpenProblemState(item.state as ProblemState);

/**
 * An item's deadline as the board says it: its due day; 无期限 for an open item with none; and, for a closed one,
 * null: 无期限 on a case already sent for prosecution read as "indefinite", its work unending.
 */
export function dueShown(item: DueOf, timeZone: string): string | null {
  if (item.dueAt !== null) return dueDate(item.dueAt, timeZone);
  return isClosed(item) ? null : t('noDue');
}
