import { awaitsOffice, escalationRecipientOf, levelReachedAt, type EscalationRecipient, type EscalationThresholds } from '../../engine';
import type { AuditInput } from '../audit/append';
import type { Random } from './random';
import { escalationRaisedColumns, type ResolvedBecause } from '../schema/escalations';

/** An item as the sweep reads it: the state it is in, since when, when that is due, and who holds it. */
export interface SweptItem {
  readonly id: number;
  readonly state: string;
  readonly context: { readonly enteredAt: string; readonly dueAt: string | null; readonly unitId: string; readonly assigneeId: number | null };
}

/** An escalation of the demo's history, as the deadline sweep would have raised it (api/services/deadline-sweep.ts), and resolved by the move that ended its stay. */
export interface SimulatedEscalation {
  readonly id: number;
  readonly subject: 'clue' | 'problem';
  readonly subjectId: number;
  readonly enteredAt: string;
  readonly state: string;
  readonly level: 1 | 2 | 3;
  readonly recipient: EscalationRecipient;
  readonly recipientUserId: number | null;
  readonly unitId: string;
  readonly dueAt: string;
  readonly raisedAt: string;
  /** Who acknowledged it (签收), when, and what they wrote; null while nobody has. */
  readonly acknowledgedBy: number | null;
  readonly acknowledgedAt: string | null;
  readonly note: string | null;
  readonly resolvedAt: string | null;
  /** Why it was resolved, as the server's resolve entry says it (api/services/escalations-resolved.ts); null while open. */
  readonly resolvedBecause: ResolvedBecause | null;
}

type Raised = Omit<SimulatedEscalation, 'id' | 'resolvedAt' | 'resolvedBecause' | 'acknowledgedBy' | 'acknowledgedAt' | 'note'> & {
  resolvedAt: string | null;
  resolvedBecause: ResolvedBecause | null;
};

/**
 * Who acknowledges the escalations along the way (签收): the person each was
 * raised to, some hours after it reached them, often but not always, and
 * never after the move that settled it.
 */
export interface DemoAcknowledgers {
  readonly random: Random;
  /** The user who acknowledges an escalation to a unit's lead (level 1 of an unassigned item, level 2), or to the office (level 3, and every rung of a rectified problem). */
  readonly leadOf: (unitId: string) => number;
  readonly office: number;
}

/** What is written on acknowledging, or nothing. */
const acknowledgeNotes = ['已督促承办人加快办理', '已安排专人跟进，争取本周内办结', '正在补充调取证据，近期办结', '已约谈承办民警，明确办理时限', null, null] as const;
/** How likely each rung is acknowledged at all: the assignee's reminder least, the office's long-overdue most. */
const acknowledgedShare = { 1: 0.45, 2: 0.7, 3: 0.85 } as const;

/** The server sweeps once a minute (SWEEP_INTERVAL_SECONDS): a rung reached is raised by the first sweep after it. */
const sweepEvery = 60_000;
const sweepAfter = (instant: number) => Math.floor(instant / sweepEvery) * sweepEvery + sweepEvery;

/**
 * The deadline sweep over the demo's history. The server's sweep raises
 * what is due when it runs; a demo played through in one go at its first
 * start would have every escalation of the year raised at that start, and
 * the frozen reports of the phases left would count none. So the
 * simulation asks, before each move of an item and at the end, what the
 * sweeps since its last move raised for it, and tells of each move, which
 * settles the escalations of a stay it ends or a deadline it extends.
 *
 * An item changes only by its own steps, so the rungs it reached between
 * two of them are worked out at the second from the item as it stood.
 */
export function demoSweeps(thresholds: EscalationThresholds) {
  const raised: Raised[] = [];
  /** Per item: the highest rung raised in its current stay, and its escalations still open. */
  const standing = new Map<string, { rung: number; open: Raised[] }>();
  const keyOf = (subject: 'clue' | 'problem', id: number) => `${subject}:${id}`;

  /**
   * Raises the rungs the sweeps before `until` reached for the item's current
   * stay; with `lastSweep`, the history ends with a sweep at that instant
   * (the server's first, at its start), which raises what is reached by then.
   */
  function sweep(subject: 'clue' | 'problem', item: SweptItem, until: number, lastSweep = Number.POSITIVE_INFINITY): void {
    const { enteredAt, dueAt, unitId, assigneeId } = item.context;
    if (dueAt === null) return;
    const key = keyOf(subject, item.id);
    const held = standing.get(key) ?? { rung: 0, open: [] };
    standing.set(key, held);
    const entered = Date.parse(enteredAt);
    const due = new Date(dueAt);
    // The sweep at each instant raises the highest rung reached by then, once above the one raised before.
    const reached = ([1, 2, 3] as const).map((level) => {
      const instant = Math.max(levelReachedAt(due, level, thresholds).getTime(), entered);
      return { level, at: instant <= lastSweep ? Math.min(sweepAfter(instant), lastSweep) : sweepAfter(instant) };
    });
    for (const [i, { level, at }] of reached.entries()) {
      if (at >= until) break;
      // The same sweep reaches the next rung too: it raises that one alone.
      if (reached[i + 1]?.at === at) continue;
      if (level <= held.rung) continue;
      const escalation: Raised = {
        subject,
        subjectId: item.id,
        enteredAt,
        state: item.state,
        level,
        // As the sweep raises it: a rectified problem's rungs all to the office.
        ...escalationRecipientOf(level, { assigneeId, awaitsOffice: awaitsOffice(subject, item.state) }),
        unitId,
        dueAt,
        raisedAt: new Date(at).toISOString(),
        resolvedAt: null,
        resolvedBecause: null,
      };
      raised.push(escalation);
      held.open.push(escalation);
      held.rung = level;
    }
  }

  return {
    sweep,
    /** A move made at `at`: a stay ended, or a deadline extended, settles the escalations of the old one, and the ladder starts again. */
    moved(subject: 'clue' | 'problem', before: SweptItem, after: SweptItem, at: number): void {
      if (before.context.enteredAt === after.context.enteredAt && before.context.dueAt === after.context.dueAt) return;
      const key = keyOf(subject, after.id);
      // As the server tells them apart: the item entered a state (another, or the same anew), or stayed and was given more time.
      const because: ResolvedBecause = before.context.enteredAt === after.context.enteredAt ? 'extended' : 'movedOn';
      for (const escalation of standing.get(key)?.open ?? []) {
        escalation.resolvedAt = new Date(at).toISOString();
        escalation.resolvedBecause = because;
      }
      standing.delete(key);
    },
    /** The items with an escalation open now, per level (as far as the items have been swept), for the exit criteria. */
    open(): Record<1 | 2 | 3, { kind: 'clue' | 'problem'; id: number }[]> {
      const open: Record<1 | 2 | 3, { kind: 'clue' | 'problem'; id: number }[]> = { 1: [], 2: [], 3: [] };
      for (const { open: escalations } of standing.values()) for (const e of escalations) open[e.level].push({ kind: e.subject, id: e.subjectId });
      return open;
    },
    /**
     * The escalations raised, numbered as the sweep's inserts would have
     * numbered them (by sweep, clues before problems, then by item), with
     * their audit entries: one raise entry per sweep and kind, listing them
     * as the sweep's does, and one resolve entry each, written by no one.
     */
    finish(campaignId: number, now: number, acknowledgers?: DemoAcknowledgers): { escalations: SimulatedEscalation[]; audit: AuditInput[] } {
      const order = [...raised].sort((a, b) => a.raisedAt.localeCompare(b.raisedAt) || (a.subject === b.subject ? 0 : a.subject === 'clue' ? -1 : 1) || a.subjectId - b.subjectId);
      const escalations = order.map((e, i): SimulatedEscalation => ({ ...e, id: i + 1, ...acknowledged(e, now, acknowledgers) }));
      const audit: AuditInput[] = [];
      for (let i = 0; i < escalations.length; ) {
        const first = escalations[i] as SimulatedEscalation;
        let end = i + 1;
        while (end < escalations.length && escalations[end]?.raisedAt === first.raisedAt && escalations[end]?.subject === first.subject) end++;
        const rows = escalations.slice(i, end);
        audit.push({
          at: first.raisedAt,
          actorId: null,
          campaignId,
          subject: 'escalation',
          subjectId: first.id,
          event: 'escalation.raise',
          fromState: null,
          toState: 'open',
          payload: { columns: escalationRaisedColumns, escalations: rows.map((e) => [e.id, e.subject, e.subjectId, e.level, e.recipient, e.recipientUserId, e.unitId, e.dueAt, null]) },
          version: 1,
        });
        i = end;
      }
      for (const e of escalations) {
        if (e.acknowledgedAt === null || e.acknowledgedBy === null) continue;
        audit.push({
          at: e.acknowledgedAt,
          actorId: e.acknowledgedBy,
          campaignId,
          subject: 'escalation',
          subjectId: e.id,
          event: 'escalation.acknowledge',
          fromState: 'open',
          toState: 'acknowledged',
          payload: { note: e.note, item: { subject: e.subject, id: e.subjectId }, level: e.level },
          version: 2,
        });
      }
      for (const e of escalations) {
        if (e.resolvedAt === null) continue;
        const wasAcknowledged = e.acknowledgedAt !== null;
        audit.push({
          at: e.resolvedAt,
          actorId: null,
          campaignId,
          subject: 'escalation',
          subjectId: e.id,
          event: 'escalation.resolve',
          fromState: wasAcknowledged ? 'acknowledged' : 'open',
          toState: 'resolved',
          payload: { item: { subject: e.subject, id: e.subjectId }, level: e.level, ...(e.resolvedBecause !== null && { because: e.resolvedBecause }) },
          version: wasAcknowledged ? 3 : 2,
        });
      }
      return { escalations, audit: audit.sort((a, b) => a.at.localeCompare(b.at)) };
    },
  };
}

const hour = 3_600_000;
const day = 24 * hour;
/** Beijing time is UTC+8 the year round: the demo's people work from 8:00 to 18:00 there. */
const beijing = 8 * hour;

/** Whether, when, by whom and with what note an escalation was acknowledged: in working hours, the day it was raised or the next. */
function acknowledged(e: Raised, now: number, by: DemoAcknowledgers | undefined): Pick<SimulatedEscalation, 'acknowledgedBy' | 'acknowledgedAt' | 'note'> {
  const none = { acknowledgedBy: null, acknowledgedAt: null, note: null };
  if (by === undefined) return none;
  // Drawn for every escalation, acknowledged or not, so that each draws the same whatever became of the others.
  const share = by.random.next();
  const later = by.random.int(0, 1) * day + by.random.int(8, 17) * hour + by.random.int(0, 59) * 60_000;
  const note = by.random.pick(acknowledgeNotes);
  const raised = Date.parse(e.raisedAt);
  const dayRaised = Math.floor((raised + beijing) / day) * day - beijing;
  const at = dayRaised + later <= raised ? dayRaised + later + day : dayRaised + later;
  const settled = e.resolvedAt === null ? now : Math.min(now, Date.parse(e.resolvedAt));
  if (share >= acknowledgedShare[e.level] || at >= settled) return none;
  const acknowledgedBy = e.recipientUserId ?? (e.recipient === 'office' ? by.office : by.leadOf(e.unitId));
  return { acknowledgedBy, acknowledgedAt: new Date(at).toISOString(), note };
}

/**
 * The history's entries with the escalations' entries put in by time: each
 * after every entry of the history at or before it (a resolve entry after
 * the move that made it), the history's own order kept as it is.
 */
export function mergeByTime(history: readonly AuditInput[], added: readonly AuditInput[]): AuditInput[] {
  const merged: AuditInput[] = [];
  let j = 0;
  for (const entry of history) {
    while (j < added.length && (added[j]?.at ?? '') < entry.at) merged.push(added[j++] as AuditInput);
    merged.push(entry);
  }
  while (j < added.length) merged.push(added[j++] as AuditInput);
  return merged;
}
