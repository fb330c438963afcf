import { For, Show } from 'solid-js';
import { unitNamed } from '../i18n/i18n';
import type { CampaignDetail } from '../api/client';
import type { BattleMap } from '../reports/api';
import { count, percent } from '../reports/format';
import { metricLabel } from '../reports/target-metric';
import { bt } from './messages';


type Target = BattleMap['targets'][number];

/** The targets by metric, the metrics in the order the office set them: each group is headed by its metric once. */
function byMetric(targets: readonly Target[]): { metric: string; targets: Target[] }[] {
  const groups = new Map<string, Target[]>();
  for (const target of targets) {
    const group = groups.get(target.metric);
    if (group === undefined) groups.set(target.metric, [target]);
    else group.push(target);
  }
  return [...groups].map(([metric, grouped]) => ({ metric, targets: grouped }));
}

/**
 * Each target of the current phase against what the unit has done, as a bar; met targets in green. The targets
 * are grouped under their metric's name, in full, so that "Clues found" and "Clues verified" are told apart, and
 * each unit's name is given the room it needs (a wall screen has no hover to show a tooltip); the bars take what is left.
 * A target is a unit's, set to 汉台分局 in the settings: it is named so, as the board and the reports name it, not by
 * the area the map labels it with (汉台区).
 */
export function TargetBars(props: { map: BattleMap; units: CampaignDetail['units']; onPick?: (unitId: string) => void; opens?: (unitId: string) => boolean }) {
  return (
    // Before the survey has begun there is no phase to set targets against: said so, not that none are set (a campaign copied from another has them all).
    <Show when={props.map.targets.length > 0} fallback={<p class="muted" data-testid="targets-none">{bt(props.map.state === 'planned' ? 'targetsNotStarted' : 'noTargets')}</p>}>
      <div class="target-bars" data-testid="targets">
        <For each={byMetric(props.map.targets)}>
          {(group) => (
            <>
              <h3 class="target-group-heading" data-testid="target-metric" data-metric={group.metric}>
                {metricLabel(group.metric)}
              </h3>
              <ul class="target-group">
                <For each={group.targets}>
                  {(target) => {
                    const share = () => (target.target === 0 ? 1 : target.actual / target.target);
                    // From the campaign's units, which hold those the map's figures do not list (a police station below a county): by name, not code.
                    const name = () => unitNamed(props.units, target.unitId);
                    const linked = () => props.onPick !== undefined && (props.opens?.(target.unitId) ?? true);
                    return (
                      <li
                        class="target"
                        classList={{ met: share() >= 1, 'is-link': linked() }}
                        title={`${name()} · ${metricLabel(target.metric)} ${target.actual} / ${target.target}`}
                        onClick={() => linked() && props.onPick?.(target.unitId)}
                        data-testid={`target-${target.unitId}-${target.metric}`}
                      >
                        <span class="target-name">{name()}</span>
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
            </>
          )}
        </For>
      </div>
    </Show>
  );
}
