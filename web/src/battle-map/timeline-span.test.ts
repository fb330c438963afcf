import { describe, expect, it } from 'vitest';
import type { BattleMap } from '../reports/api';
import { msOf, timelineSpan, wallOf } from './timeline-span';

const zone = 'Asia/Shanghai';
const beijing = (local: string) => new Date(`${local}+08:00`).toISOString();
const windows = { survey: { start: '2026-01-01', end: '2026-03-31' }, crackdown: { start: '2026-03-01', end: '2026-05-31' }, consolidation: { start: '2026-06-01', end: '2026-06-10' } };

/** A battle map's timeline, with the instants the campaign entered its phases. */
function mapOf(state: string, now: string, entered: Partial<Record<keyof typeof windows, string>>): Pick<BattleMap, 'timeline' | 'state' | 'now'> {
  const timeline = (['survey', 'crackdown', 'consolidation'] as const).map((phase) => ({ phase, ...windows[phase], enteredAt: entered[phase] ?? null }));
  return { state, now, timeline };
}

describe('the battle map’s timeline', () => {
  it('runs a phase under way past its window on to today, and draws today past the last window', () => {
    const now = beijing('2026-06-15T10:00:00');
    const span = timelineSpan(mapOf('crackdown', now, { survey: beijing('2026-01-01T08:00:00'), crackdown: beijing('2026-03-01T08:00:00') }), zone);
    const crackdown = span.phases.find((p) => p.phase === 'crackdown');
    expect(crackdown?.status).toBe('current');
    expect(crackdown?.overrun).toEqual({ from: msOf('2026-06-01'), to: wallOf(now, zone) });
    expect(span.end).toBe(wallOf(now, zone));
    expect(span.standsAt).toBe(wallOf(now, zone));
    expect(span.clamped).toBe(false);
    // The survey, left on 1 March inside its window, and the consolidation, not entered, ran past nothing.
    expect(span.phases.filter((p) => p.overrun !== null).map((p) => p.phase)).toEqual(['crackdown']);
  });

  it('draws a phase under way inside its window as its window, the calendar the windows’', () => {
    const now = beijing('2026-04-15T10:00:00');
    const span = timelineSpan(mapOf('crackdown', now, { survey: beijing('2026-01-01T08:00:00'), crackdown: beijing('2026-03-01T08:00:00') }), zone);
    expect(span.phases.every((p) => p.overrun === null)).toBe(true);
    expect(span.start).toBe(msOf('2026-01-01'));
    expect(span.end).toBe(msOf('2026-06-11'));
    expect(span.standsAt).toBe(wallOf(now, zone));
  });

  it('stands a concluded campaign at its conclusion, the last phase run on to it', () => {
    const concluded = beijing('2026-06-13T16:00:00');
    const span = timelineSpan(mapOf('concluded', concluded, { survey: beijing('2026-01-01T08:00:00'), crackdown: beijing('2026-03-01T08:00:00'), consolidation: beijing('2026-06-01T08:00:00') }), zone);
    const consolidation = span.phases.find((p) => p.phase === 'consolidation');
    expect(consolidation?.status).toBe('done');
    expect(consolidation?.overrun).toEqual({ from: msOf('2026-06-11'), to: wallOf(concluded, zone) });
    expect(span.standsAt).toBe(wallOf(concluded, zone));
  });

  it('leaves a phase advanced after its window as its window: the next phase’s entry says when it ended', () => {
    const span = timelineSpan(mapOf('consolidation', beijing('2026-06-05T10:00:00'), { survey: beijing('2026-01-01T08:00:00'), crackdown: beijing('2026-04-03T09:00:00'), consolidation: beijing('2026-06-01T08:00:00') }), zone);
    expect(span.phases.map((p) => p.overrun)).toEqual([null, null, null]);
  });

  it('draws today at the calendar’s edge, said as clamped, for a campaign not begun', () => {
    const span = timelineSpan(mapOf('planned', beijing('2025-12-20T10:00:00'), {}), zone);
    expect(span.standsAt).toBe(msOf('2026-01-01'));
    expect(span.clamped).toBe(true);
  });
});
