import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import type { CampaignDetail, Report } from './api';
import { unitNamed } from '../i18n/i18n';
import { count, percent } from './format';
import { rt } from './messages';
import { metricLabel } from './target-metric';
import { targetLines, targetTally, type TargetLine } from './target-standing';
import { scrollCue } from '../ui/scroll-cue';
import { dateTime } from '../ui/dates';

const filled = (text: string, values: Record<string, number>) => text.replace(/\{(\w+)\}/g, (_all, key: string) => count(values[key] ?? 0));

/**
 * Each unit's target for the phase against what it did in it: the report is where a phase's outcome is read, after
 * it as during it. Once the phase has ended, a target not reached is said as missed; while it runs, as still to go.
 * A unit is named as the settings name it (汉台分局), not by the map's area.
 */
export function ReportTargets(props: {
  targets: NonNullable<Report['targets']>;
  units: CampaignDetail['units'];
  ended: boolean;
  unitScoped: boolean;
  /** When they are the phase's frozen record's (a phase left): the instant it was frozen, and the campaign's zone to say it in. */
  frozenAt?: string | undefined;
  timeZone: string;
  settingsHref?: string | undefined;
}) {
  const lines = () => targetLines(props.targets);
  const tally = () => targetTally(lines());
  const tallyText = () => {
    const one = tally().total === 1;
    return filled(rt(props.ended ? (one ? 'targetsTallyEndedOne' : 'targetsTallyEnded') : one ? 'targetsTallyOne' : 'targetsTally'), tally());
  };
  /** Whether a unit with a target has units under it (a county's police stations), whose work its 完成 counts. */
  const countsUnitsUnder = () => props.targets.some((target) => props.units.some((unit) => unit.parentId === target.unitId));
  const result = (line: TargetLine) => {
    if (line.met) return rt('targetMet');
    return filled(rt(props.ended ? 'targetMissedBy' : 'targetToGo'), { n: line.short });
  };
  return (
    <section class="report-section report-targets" data-testid="report-targets">
      <h2>{rt('targets')}</h2>
      <Show
        when={lines().length > 0}
        fallback={
          <p class="muted" data-testid="targets-none">
            {rt(props.unitScoped ? 'targetsNoneUnit' : 'targetsNone')}
            <Show when={props.settingsHref}>
              {(href) => (
                <>
                  {' '}
                  <A href={href()}>{rt('targetsSet')}</A>
                </>
              )}
            </Show>
          </p>
        }
      >
        <p data-testid="targets-tally">{tallyText()}</p>
        <div class="report-table-wrap" ref={scrollCue}>
          <table class="report-table targets-table">
            <thead>
              <tr>
                <th scope="col" class="col-scope">
                  {rt('targetUnit')}
                </th>
                <th scope="col" class="col-text">
                  {rt('targetMetric')}
                </th>
                <th scope="col">{rt('targetValue')}</th>
                <th scope="col">{rt('targetActual')}</th>
                <th scope="col">{rt('targetShare')}</th>
                <th scope="col" class="col-text">
                  {rt('targetResult')}
                </th>
              </tr>
            </thead>
            <tbody>
              <For each={lines()}>
                {(line) => (
                  <tr classList={{ missed: !line.met && props.ended, 'to-go': !line.met && !props.ended }} data-testid={`report-target-${line.unitId}-${line.metric}`} data-met={String(line.met)}>
                    <th scope="row" class="col-scope">
                      {unitNamed(props.units, line.unitId)}
                    </th>
                    <td class="col-text">{metricLabel(line.metric)}</td>
                    <td>{count(line.target)}</td>
                    <td>{count(line.actual)}</td>
                    <td>{percent(line.share)}</td>
                    <td class="col-text target-result">{result(line)}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
        <Show when={props.frozenAt}>
          {(at) => (
            <p class="report-note" data-testid="targets-frozen-note">
              {rt('targetsFrozenNote').replace('{at}', dateTime(at(), props.timeZone))}
            </p>
          )}
        </Show>
        <Show when={countsUnitsUnder()}>
          <p class="report-note" data-testid="targets-within-note">
            {rt('targetsWithinNote')}
          </p>
        </Show>
      </Show>
    </section>
  );
}
