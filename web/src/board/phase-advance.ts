import { localDateOf } from '../../../engine/deadlines/local-time';
import type { CampaignDetail } from '../api/client';

/** The state the campaign moves into next: the first phase from planning, the one after the current, then concluded. */
export function nextStateOf(detail: Pick<CampaignDetail, 'state' | 'phases'>): CampaignDetail['state'] | null {
  if (detail.state === 'concluded') return null;
  if (detail.state === 'planned') return detail.phases[0] ?? 'concluded';
  return detail.phases[(detail.phases as readonly string[]).indexOf(detail.state) + 1] ?? 'concluded';
}

/**
 * Whether the advance is the office's to make now: the next phase's window
 * has begun (the campaign's own day, by the server's clock), or, before
 * concluding (which has no window), the last phase's window has reached its
 * end. Before that the server would refuse it, and the button would only
 * crowd the top bar.
 */
export function advanceDue(detail: Pick<CampaignDetail, 'state' | 'phases' | 'windows' | 'timeZone' | 'overdue'>, now: string): boolean {
  const opensOn = advanceOpensOn(detail);
  if (opensOn === null) return false;
  return detail.overdue || localDateOf(new Date(now), detail.timeZone) >= opensOn;
}

/**
 * The campaign's own day from which the advance is the office's to make: the
 * next phase's first day, or, before concluding, the last phase's last day;
 * null when there is nothing to advance to (concluded). Said to the office
 * before that day, whose board offered no advance with no word of when.
 */
export function advanceOpensOn(detail: Pick<CampaignDetail, 'state' | 'phases' | 'windows'>): string | null {
  const next = nextStateOf(detail);
  if (next === null) return null;
  const windows: Record<string, { start: string; end: string }> = detail.windows;
  return (next === 'concluded' ? windows[detail.state]?.end : windows[next]?.start) ?? null;
}

/**
 * The last day of the next phase's window when that day has already gone
 * (a campaign made, or its windows set, after its survey window ended): the
 * server refuses the advance until the office moves the window in the
 * settings, which the dialog says before anything is sent. Null otherwise,
 * and for concluding, which has no window.
 */
export function nextWindowEnded(detail: Pick<CampaignDetail, 'state' | 'phases' | 'windows' | 'timeZone'>, now: string): string | null {
  const next = nextStateOf(detail);
  if (next === null || next === 'concluded') return null;
  const windows: Record<string, { start: string; end: string }> = detail.windows;
  const end = windows[next]?.end;
  return end !== undefined && localDateOf(new Date(now), detail.timeZone) > end ? end : null;
}
