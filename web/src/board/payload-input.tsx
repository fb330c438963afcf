import { PeopleOptions } from '../ui/people-options';
import { For, Match, Switch } from 'solid-js';
import type { Label } from '../../../engine/labels';
import type { CampaignDetail } from '../api/client';
import { named, t, tr } from '../i18n/i18n';
import { withLimit } from '../ui/text-limit';
import { Field } from './item-form';
import { limitOf, type FieldSpec } from './payload-fields';

/** Whom a person field offers: loading until the unit's people are read. */
export interface PeopleChoice {
  readonly loading: boolean;
  readonly people: readonly { readonly id: number; readonly displayName: string }[];
}

/**
 * One input of a move's payload (the move dialog's, the lists' batch), with
 * its label and, under it, what is wrong with it: the client's early check
 * or the server's verdict. A text with a limit keeps all that is typed, counts
 * it near the limit and says it is over as it is typed (see text-limit.ts).
 */
export function PayloadInput(props: {
  spec: FieldSpec;
  value: string;
  error: Label | undefined;
  onInput: (value: string) => void;
  people: PeopleChoice;
  units: CampaignDetail['units'];
}) {
  const errors = () => {
    const given = props.error === undefined ? {} : { [props.spec.name]: props.error };
    const limit = limitOf(props.spec);
    return limit === undefined ? given : withLimit(given, limit, props.value);
  };
  // The label, the error's and the count's descriptions are the Field's (see Field in item-form.tsx).
  const common = () => ({
    name: props.spec.name,
    id: `field-${props.spec.name}`,
    'aria-invalid': errors()[props.spec.name] !== undefined,
  });
  const limit = () => {
    const max = limitOf(props.spec)?.max;
    return max === undefined ? undefined : { text: props.value, max };
  };
  return (
    <Field name={props.spec.name} label={tr(props.spec.label)} errors={errors()} wide={props.spec.input === 'textarea'} limit={limit()}>
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
            <For each={props.units.filter((unit) => !unit.retired)}>
              {(unit) => (
                <option value={unit.id} selected={unit.id === props.value}>
                  {named(unit)}
                </option>
              )}
            </For>
          </select>
        </Match>
        <Match when={props.spec.input === 'select' ? props.spec : undefined}>
          {(select) => (
            <select {...common()} value={props.value} onChange={(e) => props.onInput(e.currentTarget.value)}>
              <option value="">{t('choose')}</option>
              <For each={select().options}>
                {(option) => (
                  <option value={option.value} selected={option.value === props.value}>
                    {tr(option.label)}
                  </option>
                )}
              </For>
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
    </Field>
  );
}
