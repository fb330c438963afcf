import { For, Show } from 'solid-js';
import { campaignStateLabels, targetMetricLabels } from '../../../../engine/campaign/campaign.labels';
import { phases, targetMetrics, type Phase, type TargetMetric } from '../../../../engine/campaign/campaign-config';
import { hasLeft } from '../../../../engine/campaign/campaign.model';
import { named, series, tr } from '../../i18n/i18n';
import type { Config } from './api';
import { FieldMessage, NumberInput, copyOf, useDraft, type SectionProps } from './form-kit';
import { cm } from './messages';
import { SectionFrame } from './section-frame';
import { scrollCue } from '../../ui/scroll-cue';

type Target = Config['targets'][number];

/**
 * Targets per unit, phase and measure, which the battle map and the phase's report show against actuals and
 * `unitTargetsMet` checks. Those of a phase the campaign has left were frozen with its report: shown, not edited (the
 * server refuses a change to them), and no phase left is offered for a new one.
 */
export function TargetsSection(props: SectionProps) {
  const source = () => ({ targets: props.settings.config.targets });
  const [draft, setDraft, unsaved] = useDraft(source);
  const units = () => props.settings.units.filter((u) => u.kind !== 'office');
  const set = <K extends keyof Target>(i: number, key: K, value: Target[K]) => setDraft('targets', i, key as never, value as never);
  const unitName = (id: string) => {
    const unit = props.settings.units.find((u) => u.id === id);
    return unit === undefined ? id : named(unit);
  };
  // The phase tells rows apart only when the targets span more than one; the unit and the measure always do.
  const severalPhases = () => new Set(draft.targets.map((target) => target.phase)).size > 1;
  /** A row as its controls are named (as the categories' are): the 33 value fields were all read as "spin button, 8". */
  const rowName = (target: Target) =>
    series([unitName(target.unitId), ...(severalPhases() ? [tr(campaignStateLabels[target.phase])] : []), tr(targetMetricLabels[target.metric])]);
  const left = (phase: Phase) => hasLeft(props.settings.state, phase);
  const leftPhases = () => phases.filter(left);
  /** The phase a new target is for: the first the campaign has not left (the one under way), or none once concluded. */
  const openPhase = () => phases.find((phase) => !left(phase));
  const frozenNote = () => cm('targetsFrozenNote').replace('{phases}', series(leftPhases().map((phase) => tr(campaignStateLabels[phase]))));
  return (
    <SectionFrame id="targets" title={cm('targets')} lead={cm('targetsLead')} busy={props.busy} discard={props.discard} unsaved={unsaved} holds={props.holds} onSave={() => void props.save('targets', { targets: copyOf(draft.targets) })} onReset={() => setDraft(structuredClone(source()))}>
      {/* Above the table, where it is read before its rows (a year's targets run to thirty rows and more). */}
      <Show when={leftPhases().length > 0}>
        <p class="ca-note" role="note" data-testid="targets-frozen-note">
          {frozenNote()}
        </p>
      </Show>
      <table class="ca-table" ref={scrollCue} data-testid="targets">
        <thead>
          <tr>
            <th>{cm('unit')}</th>
            <th>{cm('phase')}</th>
            <th>{cm('metric')}</th>
            <th>{cm('value')}</th>
            <th>
              <span class="visually-hidden">{cm('actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          <For each={draft.targets}>
            {(target, i) => (
              <Show
                when={!left(target.phase)}
                fallback={
                  <tr class="ca-frozen" data-testid="target-frozen">
                    <td>{unitName(target.unitId)}</td>
                    <td>{tr(campaignStateLabels[target.phase])}</td>
                    <td>{tr(targetMetricLabels[target.metric])}</td>
                    <td>{target.value}</td>
                    <td>
                      <span class="muted" title={frozenNote()}>
                        {cm('targetFrozen')}
                      </span>
                      <FieldMessage messages={props.errors(`targets.${i()}`)} />
                    </td>
                  </tr>
                }
              >
                <tr>
                  <td>
                    <select aria-label={cm('unit')} value={target.unitId} onChange={(e) => set(i(), 'unitId', e.currentTarget.value)}>
                      {/* Marked chosen by each option: the select's own value is lost when its options are drawn anew (the settings read again after a save), and every row showed the first unit. */}
                      <For each={units()}>
                        {(u) => (
                          <option value={u.id} selected={u.id === target.unitId}>
                            {named(u)}
                          </option>
                        )}
                      </For>
                    </select>
                    <FieldMessage messages={props.errors(`targets.${i()}.unitId`)} />
                  </td>
                  <td>
                    <select aria-label={cm('phase')} value={target.phase} onChange={(e) => set(i(), 'phase', e.currentTarget.value as Phase)}>
                      <For each={phases}>
                        {(p) => (
                          <option value={p} disabled={left(p)}>
                            {tr(campaignStateLabels[p])}
                          </option>
                        )}
                      </For>
                    </select>
                  </td>
                  <td>
                    <select aria-label={cm('metric')} value={target.metric} onChange={(e) => set(i(), 'metric', e.currentTarget.value as TargetMetric)}>
                      <For each={targetMetrics}>{(m) => <option value={m}>{tr(targetMetricLabels[m])}</option>}</For>
                    </select>
                    {/* A conflict between two targets is reported on the row as a whole. */}
                    <FieldMessage messages={props.errors(`targets.${i()}`).filter((m) => !props.errors(`targets.${i()}.unitId`).includes(m) && !props.errors(`targets.${i()}.value`).includes(m))} />
                  </td>
                  <td>
                    <NumberInput field={`targets.${i()}.value`} label={`${cm('value')} ${rowName(target)}`} labelHidden min={0} value={target.value} errors={props.errors} onInput={(v) => set(i(), 'value', v as number)} />
                  </td>
                  <td>
                    <button type="button" class="button ghost small" aria-label={`${cm('remove')} ${rowName(target)}`} onClick={() => setDraft('targets', (all) => all.filter((_, j) => j !== i()))}>
                      {cm('remove')}
                    </button>
                  </td>
                </tr>
              </Show>
            )}
          </For>
        </tbody>
      </table>
      <FieldMessage messages={props.errors('targets')} />
      <Show when={openPhase()}>
        {(phase) => (
          <button type="button" class="button small" onClick={() => setDraft('targets', (all) => [...all, { unitId: units()[0]?.id ?? '', phase: phase(), metric: 'cluesVerified', value: 0 }])}>
            {cm('addTarget')}
          </button>
        )}
      </Show>
    </SectionFrame>
  );
}
