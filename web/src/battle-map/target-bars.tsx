import { For, Show } from 'solid-js';
import { targetMetricLabels } from '../../../engine/campaign/campaign.labels';
import type { TargetMetric } from '../../../engine/campaign/campaign-config';
import { tr, unitNamed } from '../i18n/i18n';
import type { CampaignDetail } from '../api/client';
import type { BattleMap } from '../reports/api';
import { count, percent } from '../reports/format';
import { shortName } from './county-map';
import { bt } from './messages';

const metricLabel = (metric: string) => {
  const labels: Record<string, { zh: string; en: string }> = targetMetricLabels satisfies Record<TargetMetric, { zh: string; en: string }>;
  return labels[metric] === undefined ? metric : tr(labels[metric]);
};

/** Each target of the current phase against what the unit has done, as a bar; met targets in green. */
export function TargetBars(props: { map: BattleMap; units: CampaignDetail['units']; onPick?: (unitId: string) => void }) {
  const unitOf = (id: string) => props.map.units.find((u) => u.unitId === id);
  // Usually a phase sets every unit the same kind of target: it is named once, above the bars, in full.
  const oneMetric = () => {
    const [first, ...rest] = props.map.targets;
    return first !== undefined && rest.every((t) => t.metric === first.metric) ? first.metric : null;
  };
  return (
    <Show when={props.map.targets.length > 0} fallback={<p class="muted">{bt('noTargets')}</p>}>
      <Show when={oneMetric()}>{(metric) => <p class="target-caption" data-testid="target-metric">{metricLabel(metric())}</p>}</Show>
      <ul class="target-bars" classList={{ 'one-metric': oneMetric() !== null }} data-testid="targets">
        <For each={props.map.targets}>
          {(target) => {
            const share = () => (target.target === 0 ? 1 : target.actual / target.target);
            const unit = () => unitOf(target.unitId);
            // A unit the map's figures do not list (a police station below a county) by its name in the campaign, not its code.
            const fullName = () => unitNamed(props.units, target.unitId);
            const name = () => {
              const u = unit();
              return u === undefined ? fullName() : shortName(u);
            };
            return (
              <li
                class="target"
                classList={{ met: share() >= 1, 'is-link': props.onPick !== undefined }}
                title={`${unit() === undefined ? fullName() : tr(unit()?.label ?? { zh: '', en: '' })} · ${metricLabel(target.metric)} ${target.actual} / ${target.target}`}
                onClick={() => props.onPick?.(target.unitId)}
                data-testid={`target-${target.unitId}-${target.metric}`}
              >
                <span class="target-name">{name()}</span>
                <Show when={oneMetric() === null}>
                  <span class="target-metric">{metricLabel(target.metric)}</span>
                </Show>
                <span class="target-track">
                  <span class="target-fill" style={{ width: `${Math.min(100, share() * 100)}%` }} />
                </span>
                <span class="target-figures">
                  {count(target.actual)}/{count(target.target)}
                  <span class="target-share">{percent(share())}</span>
                </span>
              </li>
            );
          }}
        </For>
      </ul>
    </Show>
  );
}
