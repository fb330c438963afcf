import { For, Show } from 'solid-js';
import { calendarDay } from '../ui/dates';
import type { RangeProblem } from './report-address';
import { rt } from './messages';

/**
 * The 起 and 止 of a report's date range, offering the campaign's days, and what is wrong with the range chosen said
 * under them: 止 is marked for either problem, 起 for a range outside the campaign only (a reversed one is 止's).
 */
export function ReportRangeInputs(props: {
  campaign: { readonly startsOn: string; readonly endsOn: string };
  from: string | undefined;
  to: string | undefined;
  problem: RangeProblem | null;
  onChange: (end: 'from' | 'to', day: string | undefined) => void;
}) {
  const marked = (end: 'from' | 'to') => (end === 'to' ? props.problem !== null : props.problem === 'outside');
  const said = () =>
    props.problem === 'reversed'
      ? rt('rangeReversed')
      : rt('rangeOutside').replace('{start}', calendarDay(props.campaign.startsOn)).replace('{end}', calendarDay(props.campaign.endsOn));
  return (
    <>
      <For each={['from', 'to'] as const}>
        {(end) => (
          <label class="rp-field">
            {rt(end)}
            <input
              type="date"
              name={end}
              value={props[end] ?? (end === 'from' ? props.campaign.startsOn : props.campaign.endsOn)}
              min={props.campaign.startsOn}
              max={props.campaign.endsOn}
              aria-invalid={marked(end) ? 'true' : undefined}
              aria-describedby={marked(end) ? 'report-to-error' : undefined}
              onChange={(e) => props.onChange(end, e.currentTarget.value || undefined)}
            />
          </label>
        )}
      </For>
      <Show when={props.problem !== null}>
        <span class="rp-field-error" id="report-to-error" role="alert" data-testid="error-to">
          {said()}
        </span>
      </Show>
    </>
  );
}
