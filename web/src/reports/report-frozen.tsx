import { For, Show } from 'solid-js';
import { colon } from '../i18n/i18n';
import type { Report } from './api';
import { count } from './format';
import { dateTime } from '../ui/dates';
import { difference, frozenLines } from './frozen-lines';
import { rt } from './messages';
import { AdvanceRecord } from './report-advance';
import { scrollCue } from '../ui/scroll-cue';

/** The report frozen when the office advanced out of the phase, beside the live one, every figure with its difference. */
export function FrozenComparison(props: { frozen: Report; live: Report; timeZone: string }) {
  const all = () => frozenLines(props.frozen.total, props.live.total);
  const differing = () => all().filter((line) => line.delta !== 0).length;
  return (
    <section class="report-section frozen" data-testid="frozen">
      <h2>
        {rt('frozen')} <span class="muted">/ {rt('live')}</span>
      </h2>
      <Show when={props.frozen.frozen}>
        {(stamp) => (
          <p class="frozen-stamp">
            <span>
              {rt('frozenAt')}
              {colon()}
              <strong data-testid="frozen-at">{dateTime(stamp().frozenAt, props.timeZone)}</strong>
            </span>
            <span>
              {rt('frozenHash')}
              {colon()}
              <code class="rp-hash" data-testid="frozen-hash" title={stamp().hash}>
                {stamp().hash}
              </code>
            </span>
            <span class={differing() === 0 ? 'chip rp-chip-ok' : 'chip rp-chip-warn'} data-testid="frozen-verdict">
              {differing() === 0 ? rt('frozenSame') : `${count(differing())} ${rt('frozenDiffers')}`}
            </span>
          </p>
        )}
      </Show>
      <Show when={props.frozen.frozen?.advance}>{(advance) => <AdvanceRecord advance={advance()} timeZone={props.timeZone} />}</Show>
      <div class="report-table-wrap" ref={scrollCue}>
        <table class="report-table frozen-table">
          <thead>
            <tr>
              <th scope="col" class="col-scope">
                {rt('figure')}
              </th>
              <th scope="col">{rt('frozen')}</th>
              <th scope="col">{rt('live')}</th>
              <th scope="col">{rt('difference')}</th>
            </tr>
          </thead>
          <tbody>
            <For each={all()}>
              {(line) => (
                <tr classList={{ differs: line.delta !== 0 }}>
                  <th scope="row" class="col-scope">
                    {line.label}
                  </th>
                  <td>{line.frozen}</td>
                  <td>{line.live}</td>
                  <td>{difference(line)}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
    </section>
  );
}
