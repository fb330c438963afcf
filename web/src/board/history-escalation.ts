import type { Label } from '../../../engine/labels';
import type { HistoryEntry } from '../api/client';
import { messages } from '../i18n/messages';
import { levelLabels } from './domain-labels';

/** Why an escalation was resolved, as its line in the item's history says it. */
const resolvedBecauseLabels = {
  movedOn: { zh: '已离开逾期状态', en: 'the item moved on' },
  extended: { zh: '期限已延长', en: 'the deadline was extended' },
} satisfies Record<NonNullable<NonNullable<HistoryEntry['escalation']>['resolvedBecause']>, Label>;

/**
 * What an escalation's line in an item's history says after who wrote it:
 * its rung; raised or passed on, to whom (the assignee by name, the lead of
 * which unit, the office); resolved, why where the entry says. A lead reading a clue
 * long after sees it was overdue and who was told, not only its moves.
 */
export function escalationParts(entry: Pick<HistoryEntry, 'event' | 'escalation'>, unitName: (id: string) => string): Label[] {
  const e = entry.escalation;
  if (e === null) return [];
  const level = levelLabels[e.level] ?? { zh: String(e.level), en: String(e.level) };
  // Passed on (its item transferred or given to another), said as a raise is: to whom it goes now.
  if (entry.event === 'escalation.raise' || entry.event === 'escalation.reroute') return [level, raisedTo(e, unitName)];
  if (entry.event === 'escalation.resolve' && e.resolvedBecause !== null) return [level, resolvedBecauseLabels[e.resolvedBecause]];
  return [level];
}

/** To whom an escalation was raised: → 承办人 张三, → 单位负责人（汉台分局）, → 专项办. */
function raisedTo(e: NonNullable<HistoryEntry['escalation']>, unitName: (id: string) => string): Label {
  const { recipientAssignee: assignee, recipientUnitLead: lead, recipientOffice: office } = messages;
  if (e.recipient === 'assignee') return e.recipientName === null ? arrow(assignee) : { zh: `→ ${assignee.zh} ${e.recipientName}`, en: `→ ${assignee.en} ${e.recipientName}` };
  if (e.recipient === 'unitLead' && e.unitId !== null) {
    const unit = unitName(e.unitId);
    return { zh: `→ ${unit}${lead.zh}`, en: `→ ${lead.en}, ${unit}` };
  }
  return arrow(e.recipient === 'office' ? office : lead);
}

const arrow = (label: Label): Label => ({ zh: `→ ${label.zh}`, en: `→ ${label.en}` });
