import type { Phase } from '../../../engine/campaign/campaign-config';
import type { BattleMap } from '../reports/api';
import { localDateTime } from '../reports/format';

const day = 86_400_000;
/** A local date (YYYY-MM-DD) as milliseconds, its midnight read as if UTC: the timeline's one scale of wall-clock days. */
export const msOf = (date: string): number => Date.parse(`${date}T00:00:00Z`);
/** An instant as its wall-clock time in the campaign's zone, on the same scale as `msOf`. */
export const wallOf = (at: string, timeZone: string): number => Date.parse(`${localDateTime(at, timeZone).replace(' ', 'T')}:00Z`);

/** One phase's bar: its window, and the days it ran past it, when it did. */
export interface PhaseSpan {
  readonly phase: Phase;
  readonly status: 'done' | 'current' | 'upcoming';
  /** The window's first midnight and the midnight after its last day. */
  readonly start: number;
  readonly windowEnd: number;
  /**
   * From the window's end to where the campaign stands, for the phase under way past its window (not advanced yet) or
   * the one a concluded campaign concluded from after its window had ended: null for any other.
   */
  readonly overrun: { readonly from: number; readonly to: number } | null;
}

/** The timeline's calendar: its first and last instants, each phase's bar, and where the campaign stands on it. */
export interface TimelineSpan {
  readonly start: number;
  readonly end: number;
  readonly phases: readonly PhaseSpan[];
  /** Where the campaign stands (now; its conclusion once concluded), within [start, end]. */
  readonly standsAt: number;
  /** Whether `standsAt` was drawn in from outside the calendar (a campaign not begun yet, or one left in no phase), its label saying the day. */
  readonly clamped: boolean;
}

/**
 * The timeline of a battle map. A phase under way past its window's end (not advanced yet) runs on to where the
 * campaign stands, as does the one a campaign concluded from past its window: drawn over its window alone, its bar
 * ended before the today line as if the phase had finished there. The calendar spans the windows and those overruns, so
 * today's line is drawn even once today is past the last window; it is where the campaign stands, its conclusion
 * for a concluded campaign (the map's `now`, see deadlinesJudgedAt).
 */
export function timelineSpan(map: Pick<BattleMap, 'timeline' | 'state' | 'now'>, timeZone: string): TimelineSpan {
  const standing = wallOf(map.now, timeZone);
  // The phase a concluded campaign concluded from: the last it entered.
  const concludedFrom = map.state === 'concluded' ? map.timeline.filter((p) => p.enteredAt !== null).at(-1)?.phase : undefined;
  const spans = map.timeline.map((p): PhaseSpan => {
    const status = map.state === p.phase ? 'current' : p.enteredAt !== null ? 'done' : 'upcoming';
    const start = msOf(p.start);
    const windowEnd = msOf(p.end) + day;
    // Only the bar that reaches where the campaign stands runs on: a phase advanced a little late (the morning after its
    // window, as the office does) would otherwise carry a sliver of overrun for good; the next phase's entry marks it.
    const ranTo = status === 'current' || p.phase === concludedFrom ? standing : null;
    return { phase: p.phase, status, start, windowEnd, overrun: ranTo !== null && ranTo > windowEnd ? { from: windowEnd, to: ranTo } : null };
  });
  const start = Math.min(...spans.map((p) => p.start));
  const end = Math.max(...spans.map((p) => p.overrun?.to ?? p.windowEnd));
  const standsAt = Math.min(end, Math.max(start, standing));
  return { start, end, phases: spans, standsAt, clamped: standsAt !== standing };
}
