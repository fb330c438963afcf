import { For, Match, Switch } from 'solid-js';
import { campaignStateLabels } from '../../../../engine/campaign/campaign.labels';
import { phases, type Phase } from '../../../../engine/campaign/campaign-config';
import type { ExitCriterion } from '../../../../engine/campaign/exit-criteria';
import { escalationLevelNamed, escalationLevels } from '../../../../engine/deadlines/escalation-level';
import { openClueStates } from '../../../../engine/clue/clue.model';
import { clueStateLabels } from '../../../../engine/clue/clue.labels';
import { openProblemStates } from '../../../../engine/problem/problem.model';
import { problemStateLabels } from '../../../../engine/problem/problem.labels';
import { tr } from '../../i18n/i18n';
import { FieldMessage, copyOf, useDraft, type SectionProps } from './form-kit';
import { cm, criterionKindLabels } from './messages';
import { SectionFrame } from './section-frame';

type Kind = ExitCriterion['kind'];
const kinds = Object.keys(criterionKindLabels) as Kind[];

/** A criterion of a kind as first picked: the states a phase usually checks are offered ticked. */
function criterionOf(kind: Kind): ExitCriterion {
  switch (kind) {
    case 'noCluesIn':
      return { kind, states: ['found'] };
    case 'noProblemsIn':
      return { kind, states: ['identified'] };
    case 'noOpenEscalations':
      return { kind, atOrAbove: 3 };
    case 'responsibilityComplete':
    case 'unitTargetsMet':
      return { kind };
  }
}

/** The exit criteria of each phase, from the engine's closed vocabulary; only open states are offered, since closed ones never empty. */
export function CriteriaSection(props: SectionProps) {
  const source = () => props.settings.config.exitCriteria;
  const [draft, setDraft, unsaved] = useDraft(source);
  const list = (phase: Phase) => draft[phase] as ExitCriterion[];
  const replace = (phase: Phase, i: number, criterion: ExitCriterion) => setDraft(phase, (all) => all.map((c, j) => (j === i ? criterion : c)));

  const stateBoxes = (phase: Phase, i: number, criterion: Extract<ExitCriterion, { states: readonly string[] }>, options: readonly string[], label: (s: string) => string) => (
    <div class="ca-checks">
      <For each={options}>
        {(state) => (
          <label class="check">
            <input
              type="checkbox"
              checked={criterion.states.includes(state as never)}
              onChange={(e) => {
                const states = e.currentTarget.checked ? [...criterion.states, state] : criterion.states.filter((s) => s !== state);
                replace(phase, i, { ...criterion, states } as ExitCriterion);
              }}
            />
            {label(state)}
          </label>
        )}
      </For>
    </div>
  );

  return (
    <SectionFrame id="criteria" title={cm('exitCriteria')} lead={cm('exitLead')} busy={props.busy} discard={props.discard} unsaved={unsaved} holds={props.holds} onSave={() => void props.save('criteria', { exitCriteria: copyOf(draft) })} onReset={() => setDraft(structuredClone(source()))}>
      <For each={phases}>
        {(phase) => (
          <fieldset class="ca-fieldset" data-testid={`criteria-${phase}`}>
            <legend>{tr(campaignStateLabels[phase])}</legend>
            <For each={list(phase)} fallback={<p class="muted">{cm('noCriteria')}</p>}>
              {(criterion, i) => {
                const field = () => `exitCriteria.${phase}.${i()}`;
                return (
                  <div class="ca-criterion">
                    <select aria-label={cm('criterionKind')} value={criterion.kind} onChange={(e) => replace(phase, i(), criterionOf(e.currentTarget.value as Kind))}>
                      <For each={kinds}>{(kind) => <option value={kind}>{tr(criterionKindLabels[kind])}</option>}</For>
                    </select>
                    <Switch>
                      <Match when={criterion.kind === 'noCluesIn' && criterion}>
                        {(c) => stateBoxes(phase, i(), c(), openClueStates, (s) => tr(clueStateLabels[s as (typeof openClueStates)[number]]))}
                      </Match>
                      <Match when={criterion.kind === 'noProblemsIn' && criterion}>
                        {(c) => stateBoxes(phase, i(), c(), openProblemStates, (s) => tr(problemStateLabels[s as (typeof openProblemStates)[number]]))}
                      </Match>
                      <Match when={criterion.kind === 'noOpenEscalations' && criterion}>
                        {(c) => (
                          <label class="ca-inline">
                            <select aria-label={cm('escalationLevel')} value={String(c().atOrAbove)} onChange={(e) => replace(phase, i(), { kind: 'noOpenEscalations', atOrAbove: Number(e.currentTarget.value) as 1 | 2 | 3 })}>
                              <For each={escalationLevels}>{(level) => <option value={String(level)}>{tr(escalationLevelNamed(level))}</option>}</For>
                            </select>
                            {cm('atOrAbove')}
                          </label>
                        )}
                      </Match>
                    </Switch>
                    <button type="button" class="button ghost small" onClick={() => setDraft(phase, (all) => all.filter((_, j) => j !== i()))}>
                      {cm('remove')}
                    </button>
                    <FieldMessage messages={props.errors(field())} />
                  </div>
                );
              }}
            </For>
            <button type="button" class="button small" data-testid={`add-criterion-${phase}`} onClick={() => setDraft(phase, (all) => [...all, criterionOf('responsibilityComplete')])}>
              {cm('addCriterion')}
            </button>
          </fieldset>
        )}
      </For>
    </SectionFrame>
  );
}
