import { For, createEffect, createUniqueId, on } from 'solid-js';
import { createStore, reconcile, unwrap, type SetStoreFunction } from 'solid-js/store';
import type { Label } from '../../../../engine/labels';
import type { FieldIssue } from '../../api/problem';
import { tr } from '../../i18n/i18n';
import type { CampaignSettings, SettingsParts } from './api';
import { rebaseDraft, sameValue } from './draft-rebase';

/** What every settings section receives from the page. */
export interface SectionProps {
  readonly settings: CampaignSettings;
  /** Sends the parts on the revision the page holds; true when saved. Field errors come back through `errors`. */
  readonly save: (section: string, parts: SettingsParts) => Promise<boolean>;
  /** Runs another change (a category, the map) the same way: its answer becomes the settings shown. */
  readonly run: (section: string, work: () => Promise<CampaignSettings>) => Promise<boolean>;
  readonly errors: (field: string) => readonly Label[];
  /** Every field issue of the section's last refused change. */
  readonly issues: (section: string) => readonly FieldIssue[];
  /** Forgets the section's refused change (its messages), when its edits are discarded. */
  readonly discard: (section: string) => void;
  /** Tells the page how to know the section holds edits not saved (asked about before the page is left); answers how to take it back. */
  readonly holds: (section: string, held: HeldEdits) => () => void;
  readonly busy: boolean;
}

/** A section's edits not saved yet, by the section's title (as the question before leaving names it). */
export interface HeldEdits {
  readonly title: () => string;
  readonly unsaved: () => boolean;
}

/** The API's field issues, looked up by the field a control edits (and everything under it). */
export function fieldLookup(issues: () => readonly FieldIssue[]) {
  return (field: string): readonly Label[] => issues().filter((i) => i.field === field || i.field.startsWith(`${field}.`)).map((i) => i.message);
}

/**
 * An editable copy of part of the settings, carried onto the settings each
 * time the server answers new ones (this section or another saved, a
 * conflict read someone else's): what was typed here and not saved stays,
 * the rest follows what was saved (see rebaseDraft). Its third part says
 * whether the draft holds anything the settings do not.
 */
export function useDraft<T extends object>(source: () => T): [T, SetStoreFunction<T>, () => boolean] {
  const [draft, setDraft] = createStore<T>(structuredClone(source()));
  let base = structuredClone(source());
  createEffect(
    on(
      source,
      (value) => {
        const next = structuredClone(value);
        setDraft(reconcile(rebaseDraft(base, copyOf(draft), next)));
        base = next;
      },
      { defer: true },
    ),
  );
  return [draft, setDraft, () => !sameValue(unwrap(draft), source())];
}

/** A plain copy of a draft to send (a store is a proxy, which structuredClone refuses). */
export function copyOf<T>(value: T): T {
  return structuredClone(unwrap(value));
}

/** The messages under a control, in the current language. */
export function FieldMessage(props: { messages: readonly Label[]; id?: string }) {
  return (
    <span class="field-message" id={props.id} role={props.messages.length > 0 ? 'alert' : undefined}>
      <For each={props.messages}>{(m) => <span class="ca-message">{tr(m)}</span>}</For>
    </span>
  );
}

/**
 * A number as typed: left as typed (fractions, negatives) for the server to judge, and named by the field it names.
 * `labelHidden` when a table's column header shows what it is: the name is still there to be read. Its messages
 * describe it rather than being part of its name.
 */
export function NumberInput(props: {
  field: string;
  value: number | undefined;
  onInput: (value: number | undefined) => void;
  errors: SectionProps['errors'];
  label: string;
  labelHidden?: boolean;
  min?: number;
}) {
  const id = `number-${createUniqueId()}`;
  return (
    <div class="field ca-number">
      <label for={id} class={props.labelHidden === true ? 'visually-hidden' : 'field-label'}>
        {props.label}
      </label>
      <input
        id={id}
        type="number"
        name={props.field}
        data-testid={`input-${props.field}`}
        min={props.min ?? 1}
        step="1"
        value={props.value ?? ''}
        data-shown={props.value ?? ''}
        aria-invalid={props.errors(props.field).length > 0}
        aria-describedby={`${id}-message`}
        onInput={(e) => {
          // Text that is no number ("500-") reads as '' here, which some fields take as "no limit": it is left in the
          // field as typed, the value before it kept, and the save refuses it by this field (settings-page.tsx).
          if (e.currentTarget.validity.badInput) return;
          props.onInput(e.currentTarget.value === '' ? undefined : Number(e.currentTarget.value));
        }}
      />
      <FieldMessage id={`${id}-message`} messages={props.errors(props.field)} />
    </div>
  );
}
