import { For } from 'solid-js';
import { campaignStateLabels } from '../../../../engine/campaign/campaign.labels';
import { phases } from '../../../../engine/campaign/campaign-config';
import { tr } from '../../i18n/i18n';
import { FieldMessage, copyOf, useDraft, type SectionProps } from './form-kit';
import { shownEnglishName } from '../english-name';
import { cm } from './messages';
import { SectionFrame } from './section-frame';
import { scrollCue } from '../../ui/scroll-cue';

type Text = 'nameZh' | 'nameEn' | 'startsOn' | 'endsOn' | 'timeZone';

/** Names, dates and time zone, and the three phase windows: saved together, since the windows must fit the dates. */
export function GeneralSection(props: SectionProps) {
  const source = () => ({
    nameZh: props.settings.nameZh,
    nameEn: shownEnglishName(props.settings),
    startsOn: props.settings.startsOn,
    endsOn: props.settings.endsOn,
    timeZone: props.settings.config.timeZone,
    windows: props.settings.config.windows,
  });
  const [draft, setDraft, unsaved] = useDraft(source);
  const text = (field: Text, label: string, type = 'text', placeholder?: string) => (
    <label class="field">
      <span class="field-label">{label}</span>
      <input type={type} name={field} data-testid={`input-${field}`} placeholder={placeholder} value={draft[field]} aria-invalid={props.errors(field).length > 0} onInput={(e) => setDraft(field, e.currentTarget.value)} />
      <FieldMessage messages={props.errors(field)} />
    </label>
  );
  return (
    <SectionFrame id="general" title={cm('general')} busy={props.busy} discard={props.discard} unsaved={unsaved} holds={props.holds} onSave={() => void props.save('general', copyOf(draft))} onReset={() => setDraft(structuredClone(source()))}>
      <div class="ca-grid">
        <div class="field">
          <span class="field-label">{cm('code')}</span>
          <span class="ca-static">{props.settings.code}</span>
        </div>
        <div class="field">
          <span class="field-label">{cm('state')}</span>
          <span class="ca-static">{tr(campaignStateLabels[props.settings.state])}</span>
        </div>
        {text('nameZh', cm('nameZh'))}
        {text('nameEn', cm('nameEn'), 'text', cm('englishOptional'))}
        {text('startsOn', cm('startsOn'), 'date')}
        {text('endsOn', cm('endsOn'), 'date')}
        {text('timeZone', cm('timeZone'))}
      </div>
      <h3>{cm('windows')}</h3>
      {/* Under its own heading: at the top of the section it read as if it spoke of the names and the time zone. */}
      <p class="muted ca-lead">{cm('windowsLead')}</p>
      <table class="ca-table ca-windows" ref={scrollCue} data-testid="windows">
        <thead>
          <tr>
            <th>{cm('phase')}</th>
            <th>{cm('start')}</th>
            <th>{cm('end')}</th>
          </tr>
        </thead>
        <tbody>
          <For each={phases}>
            {(phase) => (
              <tr>
                <th scope="row">{tr(campaignStateLabels[phase])}</th>
                <For each={['start', 'end'] as const}>
                  {(end) => {
                    const field = `windows.${phase}.${end}`;
                    return (
                      <td>
                        <input
                          type="date"
                          name={field}
                          data-testid={`input-${field}`}
                          aria-label={`${tr(campaignStateLabels[phase])} ${cm(end)}`}
                          value={draft.windows[phase][end]}
                          aria-invalid={props.errors(field).length > 0}
                          onInput={(e) => setDraft('windows', phase, end, e.currentTarget.value)}
                        />
                        <FieldMessage messages={props.errors(field)} />
                      </td>
                    );
                  }}
                </For>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </SectionFrame>
  );
}
