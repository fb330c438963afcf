import { PeopleOptions } from '../ui/people-options';
import { For, Match, Switch } from 'solid-js';
import type { Label } from '../../../engine/labels';
import type { CampaignDetail } from '../api/client';
import { named, t, tr } from '../i18n/i18n';
import type { FieldSpec } from './payload-fields';

/** Whom a person field offers: loading until the unit's people are read. */
export interface PeopleChoice {
  readonly loading: boolean;
  readonly people: readonly { readonly id: number; readonly displayName: string }[];
}

/**
 * One input of a move's payload (the move dialog's, the lists' batch), with
 * its label and, under it, what is wrong with it: the client's early check
 * or the server's verdict.
 */
export function PayloadInput(props: {
  spec: FieldSpec;
  value: string;
  error: Label | undefined;
  onInput: (value: string) => void;
  people: PeopleChoice;
  units: CampaignDetail['units'];
}) {
  const common = () => ({
    name: props.spec.name,
    id: `field-${props.spec.name}`,
    'aria-describedby': `error-${props.spec.name}`,
    'aria-invalid': props.error !== undefined,
  });
  return (
    <label class="field" classList={{ 'field-wide': props.spec.input === 'textarea', 'field-error': props.error !== undefined }}>
      <span class="field-label">{tr(props.spec.label)}</span>
      <Switch>
        <Match when={props.spec.input === 'textarea'}>
          <textarea {...common()} rows={3} value={props.value} onInput={(e) => props.onInput(e.currentTarget.value)} />
        </Match>
        <Match when={props.spec.input === 'integer'}>
          <input {...common()} type="number" inputMode="numeric" min="0" step="1" value={props.value} onInput={(e) => props.onInput(e.currentTarget.value)} />
        </Match>
        <Match when={props.spec.input === 'user'}>
          <select {...common()} value={props.value} onChange={(e) => props.onInput(e.currentTarget.value)}>
            <option value="">{props.people.loading ? t('loading') : t('choose')}</option>
            <PeopleOptions people={props.people.people} chosen={props.value} />
          </select>
        </Match>
        <Match when={props.spec.input === 'unit'}>
          <select {...common()} value={props.value} onChange={(e) => props.onInput(e.currentTarget.value)}>
            <option value="">{t('choose')}</option>
            {/* A move names a unit to give the item to: a retired one takes nothing new. */}
            <For each={props.units.filter((unit) => !unit.retired)}>{(unit) => <option value={unit.id}>{named(unit)}</option>}</For>
          </select>
        </Match>
        <Match when={props.spec.input === 'select' ? props.spec : undefined}>
          {(select) => (
            <select {...common()} value={props.value} onChange={(e) => props.onInput(e.currentTarget.value)}>
              <option value="">{t('choose')}</option>
              <For each={select().options}>{(option) => <option value={option.value}>{tr(option.label)}</option>}</For>
            </select>
          )}
        </Match>
        <Match when={props.spec.input === 'date'}>
          <input {...common()} type="date" min={props.spec.input === 'date' ? props.spec.min : undefined} max={props.spec.input === 'date' ? props.spec.max : undefined} value={props.value} onInput={(e) => props.onInput(e.currentTarget.value)} />
        </Match>
        <Match when={props.spec.input === 'text'}>
          <input {...common()} type="text" value={props.value} onInput={(e) => props.onInput(e.currentTarget.value)} />
        </Match>
      </Switch>
      <span class="field-message" id={`error-${props.spec.name}`} data-testid={`error-${props.spec.name}`}>
        {props.error === undefined ? '' : tr(props.error)}
      </span>
    </label>
  );
}
