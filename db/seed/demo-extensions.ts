import { localDateOf, type Actor, type CampaignConfig, type ClueContext } from '../../engine';
import type { Random } from './random';
import { extensionDeclines, extensionReasons } from './demo-writing';

const day = 86_400_000;

/** What planning the demo's extensions needs from the simulation: its stream, clock and campaign, its steps, and how it reads, works and changes an item. */
export interface ExtensionPlanning {
  readonly stream: Random;
  readonly nowMs: number;
  readonly config: Pick<CampaignConfig, 'timeZone' | 'windows'>;
  readonly steps: { at: number; run: () => void }[];
  readonly itemOf: (kind: 'clue' | 'problem', id: number) => { readonly context: Pick<ClueContext, 'dueAt' | 'assigneeId' | 'extensionRequest'> } | undefined;
  /** Who works an item of the unit: its assignee (the unit's officer, in the demo), else the unit's lead. */
  readonly worker: (unit: DemoUnit, assigneeId: number | null) => Actor;
  /** Sends an event through the engine; false if refused. */
  readonly change: (kind: 'clue' | 'problem', id: number, at: number, actor: Actor, event: string, payload: Record<string, string>) => boolean;
}

type DemoUnit = { readonly lead: Actor; readonly officer: Actor };

/**
 * Now and then an item about to miss its deadline (or past it) gets more
 * time: a fortnight or a month from then, with a reason, never past the
 * campaign's last day. Its unit's lead gives it; or its officer asks
 * (延期申请) and the lead grants the day asked a day or two later, or
 * declines; a request asked in the last week before now still waits for
 * its lead. One that is not near its deadline then is left alone. Every
 * draw is made when planning, from the extensions' own stream.
 */
export function planExtension(p: ExtensionPlanning, kind: 'clue' | 'problem', id: number, unit: DemoUnit, from: number): void {
  const { stream, nowMs, config } = p;
  if (!stream.chance(0.3)) return;
  const at = from + Math.floor(stream.next() * Math.max(0, nowMs - from));
  const days = stream.pick([15, 30]);
  const reason = stream.pick(extensionReasons[kind]);
  const way = stream.pick(['extended', 'extended', 'granted', 'declined'] as const);
  const answerAt = at + Math.floor((0.2 + 1.8 * stream.next()) * day);
  const decline = stream.pick(extensionDeclines);
  p.steps.push({
    at,
    run: () => {
      const item = p.itemOf(kind, id);
      const dueAt = item?.context.dueAt ?? null;
      if (item === undefined || dueAt === null || new Date(dueAt).getTime() - at > 2 * day) return;
      const lastDay = localDateOf(new Date(Math.max(new Date(dueAt).getTime() - 1, at)), config.timeZone);
      const later = new Date(Date.parse(`${lastDay}T00:00:00Z`) + days * day).toISOString().slice(0, 10);
      const until = later < config.windows.consolidation.end ? later : config.windows.consolidation.end;
      const asker = p.worker(unit, item.context.assigneeId);
      if (way === 'extended' || asker === unit.lead) {
        p.change(kind, id, at, unit.lead, `${kind}.extend`, { until, reason });
        return;
      }
      p.change(kind, id, at, asker, `${kind}.requestExtension`, { until, reason });
    },
  });
  // The lead's answer, if the request still waits then (the item may have moved on, and the request with its state).
  if (nowMs - at < 7 * day) return;
  p.steps.push({
    at: answerAt,
    run: () => {
      const asked = p.itemOf(kind, id)?.context.extensionRequest ?? null;
      if (asked === null) return;
      if (way === 'granted') p.change(kind, id, answerAt, unit.lead, `${kind}.extend`, { until: asked.until, reason: '同意延期' });
      else p.change(kind, id, answerAt, unit.lead, `${kind}.declineExtension`, { reason: decline });
    },
  });
}
