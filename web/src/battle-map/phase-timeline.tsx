import { For, Show } from 'solid-js';
import { campaignStateLabels } from '../../../engine/campaign/campaign.labels';
import type { Phase } from '../../../engine/campaign/campaign-config';
import { locale, tr } from '../i18n/i18n';
import type { BattleMap } from '../reports/api';
import { calendarDay, dateTime, dayOf } from '../ui/dates';
import { bt } from './messages';
import { msOf, timelineSpan, wallOf } from './timeline-span';

const day = 86_400_000;
/** A wall-clock instant (see `msOf`) as its date, for the calendar's words. */
const dateOfMs = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * The three phases on one calendar, each on its own row because the windows
 * overlap (March is both survey and crackdown), with when the campaign
 * actually entered each phase, the days a phase ran past its window, and
 * where the campaign stands (today, or its conclusion) marked. A phase opens
 * the board of the clues found in it.
 */
export function PhaseTimeline(props: { map: BattleMap; timeZone: string; onPick?: (phase: Phase) => void }) {
  const span = () => timelineSpan(props.map, props.timeZone);
  const start = () => span().start;
  const end = () => span().end;
  const at = (ms: number) => `${Math.min(100, Math.max(0, ((ms - start()) / (end() - start())) * 100))}%`;
  const now = () => span().standsAt;
  const months = () => {
    const list: { ms: number; label: string }[] = [];
    const first = new Date(start());
    for (let d = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), 1)); d.getTime() < end(); d = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1))) {
      if (d.getTime() >= start()) list.push({ ms: d.getTime(), label: new Intl.DateTimeFormat(locale(), { month: 'short', timeZone: 'UTC' }).format(d) });
    }
    return list;
  };
  const status = (phase: Phase) => span().phases.find((p) => p.phase === phase)?.status ?? 'upcoming';
  const overrun = (phase: Phase) => span().phases.find((p) => p.phase === phase)?.overrun ?? null;
  // The calendar above the bars names the months of one campaign: its days need no year.
  const short = (date: string) => calendarDay(date, { year: false });
  return (
    <div class="phase-timeline" data-testid="timeline">
      <div class="timeline-scale">
        <For each={months()}>
          {(month) => (
            <span class="timeline-month" style={{ left: at(month.ms) }}>
              {month.label}
            </span>
          )}
        </For>
      </div>
      <div class="timeline-rows">
        <For each={months()}>{(month) => <span class="timeline-gridline" style={{ left: at(month.ms) }} />}</For>
        <For each={props.map.timeline}>
          {(phase) => {
            const body = () => (
              <>
                <span class="phase-bar-name">{tr(campaignStateLabels[phase.phase])}</span>
                {/* Beside the name when the bar has room for it whole, else wrapped out of sight as the dates are (a phone's
                    English bar showed a sliver of it); the bar's ring says the phase is under way either way. */}
                <Show when={status(phase.phase) === 'current'}>
                  <span class="phase-bar-badge">
                    <span class="phase-bar-current">{bt('current')}</span>
                  </span>
                </Show>
                <span class="phase-bar-dates">
                  {short(phase.start)} – {short(phase.end)}
                </span>
              </>
            );
            const style = () => ({ left: at(msOf(phase.start)), width: `calc(${at(msOf(phase.end) + day)} - ${at(msOf(phase.start))})` });
            return (
              <div class="timeline-row">
                {props.onPick === undefined ? (
                  <div
                    class={`phase-bar phase-${phase.phase} is-${status(phase.phase)}`}
                    classList={{ 'has-overrun': overrun(phase.phase) !== null }}
                    style={style()}
                    data-testid={`phase-${phase.phase}`}
                  >
                    {body()}
                  </div>
                ) : (
                  <button
                    type="button"
                    class={`phase-bar phase-${phase.phase} is-${status(phase.phase)} is-link`}
                    classList={{ 'has-overrun': overrun(phase.phase) !== null }}
                    style={style()}
                    data-testid={`phase-${phase.phase}`}
                    onClick={() => props.onPick?.(phase.phase)}
                  >
                    {body()}
                  </button>
                )}
                <Show when={overrun(phase.phase)}>
                  {(ran) => (
                    // The days past the window the phase ran (or is running) before the office advanced it: the bar goes
                    // on to them, hatched, or it ended before today's line as if the phase were over.
                    <span
                      class={`phase-overrun phase-${phase.phase} is-${status(phase.phase)}`}
                      style={{ left: at(ran().from), width: `calc(${at(ran().to)} - ${at(ran().from)})` }}
                      title={bt('overrunTitle')
                        .replace('{phase}', tr(campaignStateLabels[phase.phase]))
                        .replace('{ended}', short(phase.end))
                        .replace('{to}', short(dateOfMs(ran().to)))}
                      data-testid={`overrun-${phase.phase}`}
                    >
                      <span class="phase-overrun-label">{bt('overrun')}</span>
                    </span>
                  )}
                </Show>
                <Show when={phase.enteredAt}>
                  {(entered) => (
                    <span
                      class="phase-entered"
                      style={{ left: at(wallOf(entered(), props.timeZone)) }}
                      title={`${tr(campaignStateLabels[phase.phase])} ${bt('entered')} ${dateTime(entered(), props.timeZone)}`}
                    />
                  )}
                </Show>
              </div>
            );
          }}
        </For>
        {/* Always drawn: past the windows the calendar runs on to it (see timelineSpan); before them it stands at the start,
            its label saying the day. Near either end the label is drawn on the inner side of the line, not centred on
            it: on the last days of the campaign it ran past the panel's edge. */}
        <span
          class="timeline-today"
          classList={{ 'is-near-start': (now() - start()) / (end() - start()) < 0.06, 'is-near-end': (now() - start()) / (end() - start()) > 0.94, 'is-clamped': span().clamped }}
          style={{ left: at(now()) }}
          data-testid="today"
        >
          <span class="timeline-today-label">
            {props.map.state === 'concluded' ? bt('concludedOn') : bt('today')} {dayOf(props.map.now, props.timeZone, { year: false })}
          </span>
        </span>
      </div>
    </div>
  );
}
