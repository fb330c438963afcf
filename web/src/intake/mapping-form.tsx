import { For, Show } from 'solid-js';
import { tr } from '../i18n/i18n';
import { importFields, requiredFields, type ImportField, type ImportPlan } from './api';
import { im, importFieldLabels } from './messages';

/** Each field of a clue → one of the file's columns, or not imported. A change asks for a new check. */
export function MappingForm(props: { plan: ImportPlan; disabled: boolean; onChange: (field: ImportField, header: string | null) => void }) {
  const current = (field: ImportField) => props.plan.mapping[field] ?? null;
  const required = (field: ImportField) => requiredFields.includes(field);
  return (
    <section class="intake-card mapping" data-testid="mapping-form" aria-labelledby="mapping-title">
      <h2 id="mapping-title">{im('mappingTitle')}</h2>
      <p class="intake-lead muted">{im('mappingLead')}</p>
      <div class="mapping-grid">
        <For each={importFields}>
          {(field) => {
            const missing = () => required(field) && current(field) === null;
            return (
              <label class="mapping-row">
                <span class="mapping-field">
                  {tr(importFieldLabels[field])}
                  <Show when={required(field)}>
                    <span class="mapping-required" title={im('requiredMark')}>
                      *
                    </span>
                  </Show>
                </span>
                <select
                  name={`map-${field}`}
                  data-testid={`map-${field}`}
                  disabled={props.disabled}
                  aria-invalid={missing()}
                  aria-required={required(field)}
                  onChange={(event) => props.onChange(field, event.currentTarget.value === '' ? null : event.currentTarget.value)}
                >
                  <option value="" selected={current(field) === null}>
                    {im('notImported')}
                  </option>
                  <For each={props.plan.headers.filter((h) => h !== '')}>
                    {(header) => (
                      <option value={header} selected={current(field) === header}>
                        {header}
                      </option>
                    )}
                  </For>
                </select>
                <Show when={missing()}>
                  <span class="field-message mapping-message">{im('requiredMissing')}</span>
                </Show>
                {/* Not a fault (a clue found today is entered today), but a register's dates must not be lost unsaid. */}
                <Show when={field === 'foundAt' && current(field) === null}>
                  <span class="muted mapping-message" data-testid="foundAt-now">
                    {im('foundAtNow')}
                  </span>
                </Show>
              </label>
            );
          }}
        </For>
      </div>
    </section>
  );
}
