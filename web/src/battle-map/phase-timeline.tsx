import { For, Show } from 'solid-js';
import { campaignStateLabels } from '../../../engine/campaign/campaign.labels';
import type { Phase } from '../../../engine/campaign/campaign-config';
import { locale, tr } from '../i18n/i18n';
import type { BattleMap } from '../reports/api';
import { localDateTime } from '../reports/format';
import { calendarDay, dateTime, dayOf } from '../ui/dates';
import { bt } from './messages';

const day = 86_400_000;
const msOf = (date: string) => Date.parse(`${date}T00:00:00Z`);
/** A local date and time (YYYY-MM-DD HH:mm) as milliseconds on the same scale as `msOf`. */
const wallOf = (local: string) => Date.parse(`${local.replace(' ', 'T')}:00Z`);

/**
 * The three phases on one calendar, each on its own row because the windows
 * overlap (March is both survey and crackdown), with when the campaign
 * actually entered each phase and today marked. A phase opens the board of
 * the clues found in it.
 */
export function PhaseTimeline(props: { map: BattleMap; timeZone: string; onPick?: (phase: Phase) => void }) {
  const start = () => Math.min(...props.map.timeline.map((p) => msOf(p.start)));
  const end = () => Math.max(...props.map.timeline.map((p) => msOf(p.end) + day));
  const at = (ms: number) => `${Math.min(100, Math.max(0, ((ms - start()) / (end() - start())) * 100))}%`;
  const now = () => wallOf(localDateTime(props.map.now, props.timeZone));
  const months = () => {
    const list: { ms: number; label: string }[] = [];
    const first = new Date(start());
    for (let d = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), 1)); d.getTime() < end(); d = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1))) {
      if (d.getTime() >= start()) list.push({ ms: d.getTime(), label: new Intl.DateTimeFormat(locale(), { month: 'short', timeZone: 'UTC' }).format(d) });
    }
    return list;
  };
  const status = (phase: Phase): 'done' | 'current' | 'upcoming' => (props.map.state === phase ? 'current' : props.map.timeline.find((p) => p.phase === phase)?.enteredAt ? 'done' : 'upcoming');
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
                <span class="phase-bar-name">
                  {tr(campaignStateLabels[phase.phase])}
                  <Show when={status(phase.phase) === 'current'}>
                    <span class="phase-bar-current">{bt('current')}</span>
                  </Show>
                </span>
                <span class="phase-bar-dates">
                  {short(phase.start)} – {short(phase.end)}
                </span>
              </>
            );
            const style = () => ({ left: at(msOf(phase.start)), width: `calc(${at(msOf(phase.end) + day)} - ${at(msOf(phase.start))})` });
            return (
              <div class="timeline-row">
                {props.onPick === undefined ? (
                  <div class={`phase-bar phase-${phase.phase} is-${status(phase.phase)}`} style={style()} data-testid={`phase-${phase.phase}`}>
                    {body()}
                  </div>
                ) : (
                  <button
                    type="button"
                    class={`phase-bar phase-${phase.phase} is-${status(phase.phase)} is-link`}
                    style={style()}
                    data-testid={`phase-${phase.phase}`}
                    onClick={() => props.onPick?.(phase.phase)}
                  >
                    {body()}
                  </button>
                )}
                <Show when={phase.enteredAt}>
                  {(entered) => (
                    <span
                      class="phase-entered"
                      style={{ left: at(wallOf(localDateTime(entered(), props.timeZone))) }}
                      title={`${tr(campaignStateLabels[phase.phase])} ${bt('entered')} ${dateTime(entered(), props.timeZone)}`}
                    />
                  )}
                </Show>
              </div>
            );
          }}
        </For>
        <Show when={now() >= start() && now() <= end()}>
          {/* Near either end the label is drawn on the inner side of the line, not centred on it: on the last days of the
              campaign it ran past the panel's edge. */}
          <span
            class="timeline-today"
            classList={{ 'is-near-start': (now() - start()) / (end() - start()) < 0.06, 'is-near-end': (now() - start()) / (end() - start()) > 0.94 }}
            style={{ left: at(now()) }}
            data-testid="today"
          >
            <span class="timeline-today-label">
              {props.map.state === 'concluded' ? bt('concludedOn') : bt('today')} {dayOf(props.map.now, props.timeZone, { year: false })}
            </span>
          </span>
        </Show>
      </div>
    </div>
  );
}
