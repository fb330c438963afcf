import type { Label } from '../labels';

/** 0 on time; 1 due soon; 2 overdue; 3 long overdue. */
export type EscalationLevel = 0 | 1 | 2 | 3;
export const escalationLevels = [1, 2, 3] as const;

/** The spans that separate the rungs; part of a campaign's configuration. */
export interface EscalationThresholds {
  /** Level 1 starts this many hours before the due time. */
  readonly dueSoonHours: number;
  /** Level 3 starts this many days after the due time. */
  readonly longOverdueDays: number;
}

export const defaultEscalationThresholds: EscalationThresholds = { dueSoonHours: 24, longOverdueDays: 7 };

/** Whom each rung is raised to. The rungs are fixed, however deep the unit tree. */
export const escalationRecipients = { 1: 'assignee', 2: 'unitLead', 3: 'office' } as const;
export type EscalationRecipient = (typeof escalationRecipients)[1 | 2 | 3];

const hour = 3_600_000;
const day = 24 * hour;

/** The instant an item with this due time reaches a rung. */
export function levelReachedAt(dueAt: Date, level: 1 | 2 | 3, thresholds: EscalationThresholds): Date {
  const due = dueAt.getTime();
  if (level === 1) return new Date(due - thresholds.dueSoonHours * hour);
  if (level === 2) return new Date(due);
  return new Date(due + thresholds.longOverdueDays * day);
}

/**
 * The latest due time at which an item has reached each rung at `now`:
 * level k when its due time is at or before `reachedBy[k]` (the inverse of
 * levelReachedAt). For a query over many items at once, which compares due
 * times with these instants instead of asking for each item's level.
 */
export function rungsReachedBy(now: Date, thresholds: EscalationThresholds): Readonly<Record<1 | 2 | 3, Date>> {
  const t = now.getTime();
  return { 1: new Date(t + thresholds.dueSoonHours * hour), 2: new Date(t), 3: new Date(t - thresholds.longOverdueDays * day) };
}

/** Who hears the first rung of an item nobody is assigned to. */
export const unassignedFirstRungRecipient = 'unitLead' satisfies EscalationRecipient;

/**
 * The rung an item has reached at `now`. Items without a due time (closed
 * states) are always on time.
 */
export function escalationLevel(
  dueAt: Date | null,
  now: Date,
  thresholds: EscalationThresholds = defaultEscalationThresholds,
): EscalationLevel {
  if (dueAt === null) return 0;
  const due = dueAt.getTime();
  const t = now.getTime();
  if (t >= due + thresholds.longOverdueDays * day) return 3;
  if (t >= due) return 2;
  if (t >= due - thresholds.dueSoonHours * hour) return 1;
  return 0;
}

export const escalationLevelLabels: Record<EscalationLevel, Label> = {
  0: { zh: '按期', en: 'On time' },
  1: { zh: '临期', en: 'Due soon' },
  2: { zh: '超期', en: 'Overdue' },
  3: { zh: '严重超期', en: 'Long overdue' },
};

/** A rung by its name, its level beside it (严重超期（3级）, Long overdue (level 3)): "3级" alone told nobody it was 严重超期. */
export const escalationLevelNamed = (level: 1 | 2 | 3): Label => ({
  zh: `${escalationLevelLabels[level].zh}（${level}级）`,
  en: `${escalationLevelLabels[level].en} (level ${level})`,
});

export const escalationRecipientLabels: Record<EscalationRecipient, Label> = {
  assignee: { zh: '承办人', en: 'Assignee' },
  unitLead: { zh: '单位负责人', en: 'Unit lead' },
  office: { zh: '专项办', en: 'Campaign office' },
};

/** An item as the deadline sweep sees it. */
export interface OverstayingItem {
  readonly dueAt: string | null;
  readonly assigneeId: number | null;
  /**
   * Whether it waits in a state only the office can end (see awaitsOffice):
   * its deadline is the office's to meet, not its unit's.
   */
  readonly awaitsOffice: boolean;
}

/** The rung to raise for an item now, and to whom; null while it is on time. */
export interface EscalationDue {
  readonly level: 1 | 2 | 3;
  readonly recipient: EscalationRecipient;
  /** The assignee, for the first rung; null when the rung goes to a role. */
  readonly recipientUserId: number | null;
}

/**
 * What the sweep raises for an item at `now`: only the rung it has reached,
 * never the lower ones it passed while nobody swept (after downtime, the
 * first sweep raises each item at its level now). An item without an
 * assignee has nobody to hear the first rung, so its unit lead hears it.
 */
export function escalationDue(item: OverstayingItem, now: Date, thresholds: EscalationThresholds): EscalationDue | null {
  const level = escalationLevel(item.dueAt === null ? null : new Date(item.dueAt), now, thresholds);
  if (level === 0) return null;
  return { level, ...escalationRecipientOf(level, item) };
}

/** Who hears every rung of an item waiting for the office alone. */
export const awaitingOfficeRecipient = 'office' satisfies EscalationRecipient;

/**
 * To whom a rung of an item goes while it is held so: the first to the
 * assignee (to the unit lead when nobody is assigned), the others to their
 * role. Every rung of an item waiting for the office alone goes to the
 * office: nobody of its unit can move it on, and the office, who must, heard
 * of it only a week late otherwise. The sweep raises each rung so; an
 * escalation still standing when the item changes hands follows it here.
 */
export function escalationRecipientOf(level: 1 | 2 | 3, item: Pick<OverstayingItem, 'assigneeId' | 'awaitsOffice'>): Omit<EscalationDue, 'level'> {
  if (item.awaitsOffice) return { recipient: awaitingOfficeRecipient, recipientUserId: null };
  if (level === 1) {
    return item.assigneeId === null ? { recipient: unassignedFirstRungRecipient, recipientUserId: null } : { recipient: 'assignee', recipientUserId: item.assigneeId };
  }
  return { recipient: escalationRecipients[level], recipientUserId: null };
}
