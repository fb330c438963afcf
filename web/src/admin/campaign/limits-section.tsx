import { For, Show } from 'solid-js';
import { openClueStates, type OpenClueState } from '../../../../engine/clue/clue.model';
import { clueStateLabels } from '../../../../engine/clue/clue.labels';
import { openProblemStates, type OpenProblemState } from '../../../../engine/problem/problem.model';
import { problemStateLabels } from '../../../../engine/problem/problem.labels';
import type { Label } from '../../../../engine/labels';
import { storageSize, storageUse } from '../../../../api/contracts/attachments';
import { tr } from '../../i18n/i18n';
import { NumberInput, copyOf, useDraft, type SectionProps } from './form-kit';
import { cm, cmFilled } from './messages';
import { SectionFrame } from './section-frame';

type Kind = 'clue' | 'problem';
const statesOf: Record<Kind, readonly (OpenClueState | OpenProblemState)[]> = { clue: openClueStates, problem: openProblemStates };
const labelOf = (kind: Kind, state: string): Label => (kind === 'clue' ? clueStateLabels[state as OpenClueState] : problemStateLabels[state as OpenProblemState]);

/**
 * Time limits per state, the escalation thresholds, how many extensions a
 * lead may give, the room files may take, and the WIP limits: the numbers
 * that set due times, rungs, who extends, what may be attached and the board's highlights. The note
 * says what the office must know: a change applies to states entered from now on.
 */
export function LimitsSection(props: SectionProps) {
  const source = () => ({
    timeLimits: props.settings.config.timeLimits,
    escalation: props.settings.config.escalation,
    wipLimits: props.settings.config.wipLimits,
    extensionsByLead: props.settings.config.extensionsByLead ?? null,
    attachmentQuotaMb: props.settings.config.attachmentQuotaMb ?? null,
  });
  const [draft, setDraft, unsaved] = useDraft(source);
  // Of the limit saved: the files already take nine tenths of it or more.
  const nearlyFull = () => {
    const quotaMb = props.settings.config.attachmentQuotaMb ?? null;
    return quotaMb !== null && storageUse(props.settings.attachments.bytes, quotaMb).nearlyFull;
  };
  const limits = (kind: Kind) => draft.timeLimits[kind] as Record<string, number>;
  const wip = (kind: Kind) => draft.wipLimits[kind] as Record<string, number | undefined>;
  const save = () => {
    // An emptied WIP limit means "no limit": it is left out rather than sent empty.
    const wipOf = (kind: Kind) => Object.fromEntries(Object.entries(wip(kind)).filter((e): e is [string, number] => e[1] !== undefined));
    void props.save('limits', {
      timeLimits: copyOf(draft.timeLimits),
      escalation: copyOf(draft.escalation),
      wipLimits: { clue: wipOf('clue'), problem: wipOf('problem') },
      // Emptied: no limit.
      extensionsByLead: draft.extensionsByLead ?? null,
      attachmentQuotaMb: draft.attachmentQuotaMb ?? null,
    });
  };
  return (
    <SectionFrame id="limits" title={cm('timeLimits')} busy={props.busy} discard={props.discard} unsaved={unsaved} holds={props.holds} onSave={save} onReset={() => setDraft(structuredClone(source()))}>
      <p class="ca-note" role="note" data-testid="applies-from-now">
        {cm('appliesFromNow')}
      </p>
      <PerState part="timeLimits" values={limits} errors={props.errors} onInput={(kind, state, v) => setDraft('timeLimits', kind, state as never, v as never)} />
      <h3>{cm('escalation')}</h3>
      <div class="ca-row">
        <NumberInput field="escalation.dueSoonHours" label={cm('dueSoonHours')} value={draft.escalation.dueSoonHours} errors={props.errors} onInput={(v) => setDraft('escalation', 'dueSoonHours', v as number)} />
        <NumberInput field="escalation.longOverdueDays" label={cm('longOverdueDays')} value={draft.escalation.longOverdueDays} errors={props.errors} onInput={(v) => setDraft('escalation', 'longOverdueDays', v as number)} />
      </div>
      <h3>{cm('extensions')}</h3>
      <p class="muted ca-lead">{cm('extensionsLead')}</p>
      <div class="ca-row">
        <NumberInput
          field="extensionsByLead"
          label={cm('extensionsByLead')}
          min={0}
          value={draft.extensionsByLead ?? undefined}
          errors={props.errors}
          onInput={(v) => setDraft('extensionsByLead', v ?? null)}
        />
      </div>
      <h3>{cm('attachmentStorage')}</h3>
      <p class="muted ca-lead">{cm('attachmentLead')}</p>
      <div class="ca-row">
        <NumberInput
          field="attachmentQuotaMb"
          label={cm('attachmentQuotaMb')}
          min={1}
          value={draft.attachmentQuotaMb ?? undefined}
          errors={props.errors}
          onInput={(v) => setDraft('attachmentQuotaMb', v ?? null)}
        />
      </div>
      <p
        class="muted"
        classList={{ 'storage-nearly-full': nearlyFull() }}
        data-testid="attachments-used"
        data-nearly-full={nearlyFull() ? 'true' : 'false'}
      >
        {usedText(props.settings.attachments, props.settings.config.attachmentQuotaMb ?? null)}
        <Show when={nearlyFull()}>
          <span class="storage-nearly-full-note">{cm('attachmentsNearlyFull')}</span>
        </Show>
      </p>
      <h3>{cm('wipLimits')}</h3>
      <p class="muted ca-lead">{cm('wipLead')}</p>
      <PerState part="wipLimits" values={wip} errors={props.errors} onInput={(kind, state, v) => setDraft('wipLimits', kind, state as never, v as never)} />
    </SectionFrame>
  );
}

/** What the campaign's files take now, and of the limit saved (not the one being typed). */
function usedText(held: SectionProps['settings']['attachments'], quotaMb: number | null): string {
  const size = storageSize(held.bytes);
  // English says one file as one; Chinese has one form.
  const one = held.files === 1;
  if (quotaMb === null) return cmFilled(one ? 'attachmentsUsedOne' : 'attachmentsUsed', { size, n: held.files });
  return cmFilled(one ? 'attachmentsUsedOfOne' : 'attachmentsUsedOf', { size, percent: storageUse(held.bytes, quotaMb).percent, n: held.files });
}

/** One number per open state of each kind (a time limit or a WIP limit), grouped by kind. */
function PerState(props: {
  part: 'timeLimits' | 'wipLimits';
  values: (kind: Kind) => Record<string, number | undefined>;
  errors: SectionProps['errors'];
  onInput: (kind: Kind, state: string, value: number | undefined) => void;
}) {
  return (
    <For each={['clue', 'problem'] as const}>
      {(kind) => (
        <fieldset class="ca-fieldset">
          <legend>{kind === 'clue' ? cm('clueStates') : cm('problemStates')}</legend>
          <div class="ca-row">
            <For each={statesOf[kind]}>
              {(state) => (
                <NumberInput
                  field={`${props.part}.${kind}.${state}`}
                  label={tr(labelOf(kind, state))}
                  value={props.values(kind)[state]}
                  errors={props.errors}
                  onInput={(v) => props.onInput(kind, state, v)}
                />
              )}
            </For>
          </div>
        </fieldset>
      )}
    </For>
  );
}
