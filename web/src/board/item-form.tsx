import { For, Show, children, createRenderEffect, createResource, createSignal, createUniqueId, type JSX } from 'solid-js';
import { PeopleOptions } from '../ui/people-options';
import type { Label } from '../../../engine/labels';
import type { ClueSource } from '../../../engine/clue/clue.model';
import type { ProblemKind } from '../../../engine/problem/problem.model';
import { clueSourceLabels } from '../../../engine/clue/clue.labels';
import { problemKindLabels } from '../../../engine/problem/problem.labels';
import { api, type CampaignDetail, type ItemKind, type UserSummary } from '../api/client';
import { named, t, tr } from '../i18n/i18n';
import { keptRead } from '../ui/read-shown';
import { limitCount, limitLength } from '../ui/text-limit';
import { messages } from '../i18n/messages';
import { figure } from './format';
import type { FieldErrors } from './payload-fields';

export const clueSourceList = Object.keys(clueSourceLabels) as ClueSource[];
export const problemKindList = Object.keys(problemKindLabels) as ProblemKind[];

export const isClueSource = (value: string): value is ClueSource => (clueSourceList as readonly string[]).includes(value);
export const isProblemKind = (value: string): value is ProblemKind => (problemKindList as readonly string[]).includes(value);

/** The form's values as text (as inputs hold them); empty means "none" for the pickers. */
export interface ItemValues {
  readonly unitId: string;
  readonly assigneeId: string;
  readonly title: string;
  readonly description: string;
  readonly categoryId: string;
  readonly source: string;
  readonly problemKind: string;
}
export type ItemField = keyof ItemValues;

export const nullableId = (value: string): number | null => (value === '' ? null : Number(value));

/** The form control among a field's children: the element itself, or the first inside it (a date beside its quick choices). */
function controlAmong(nodes: readonly unknown[]): HTMLElement | undefined {
  const controls = 'input, select, textarea';
  for (const node of nodes) {
    if (!(node instanceof HTMLElement)) continue;
    const control = node.matches(controls) ? node : node.querySelector<HTMLElement>(controls);
    if (control !== null) return control;
  }
  return undefined;
}

/** Adds an id to an element's aria-describedby, keeping any it has. */
function addDescription(control: HTMLElement, id: string): void {
  const ids = (control.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
  if (!ids.includes(id)) control.setAttribute('aria-describedby', [...ids, id].join(' '));
}

/**
 * A labelled input with its error below it (the server's or the form's own), and anything else to say of it: the
 * item's fields, and the drawer's action forms. The label names the control alone (a `<label for>`, not one around
 * everything): wrapped, a field's quick-choice buttons, hint and error were read out as part of its name. The error
 * and the hint describe the control instead. The control keeps an id it has, else is given one. A text with a
 * `limit` shows its count near and past it (see text-limit.ts; the form says it is over, through `errors`).
 */
export function Field(props: {
  name: string;
  label: string;
  errors: FieldErrors;
  wide?: boolean;
  children: JSX.Element;
  notice?: JSX.Element;
  hint?: string;
  limit?: { readonly text: string; readonly max: number };
}) {
  const error = (): Label | undefined => props.errors[props.name];
  const uid = createUniqueId();
  const errorId = `error-${props.name}`;
  const hintId = `hint-${uid}`;
  const countId = `count-${uid}`;
  const content = children(() => props.children);
  const [controlId, setControlId] = createSignal<string>();
  createRenderEffect(() => {
    const control = controlAmong(content.toArray());
    if (control === undefined) return;
    if (control.id === '') control.id = `field-${uid}`;
    addDescription(control, errorId);
    if (props.hint !== undefined) addDescription(control, hintId);
    if (props.limit !== undefined) addDescription(control, countId);
    setControlId(control.id);
  });
  return (
    <div class="field" classList={{ 'field-wide': props.wide === true, 'field-error': error() !== undefined }}>
      <label class="field-label" for={controlId()}>
        {props.label}
      </label>
      {content()}
      <Show when={props.limit}>
        {(limit) => (
          <span class="field-count muted" classList={{ over: limitLength(limit().text) > limit().max }} id={countId} data-testid={`count-${props.name}`}>
            {limitCount(limit().text, limit().max) ?? ''}
          </span>
        )}
      </Show>
      <Show when={props.hint}>
        {(hint) => (
          <span class="field-hint muted" id={hintId}>
            {hint()}
          </span>
        )}
      </Show>
      <span class="field-message" id={errorId} data-testid={`error-${props.name}`}>
        {error() === undefined ? '' : tr(error() as Label)}
      </span>
      {props.notice}
    </div>
  );
}

/**
 * The fields of a clue or problem, shared by the create dialog and the edit
 * form: unit (when creating), assignee of that unit, title, description,
 * category, and the source (clue) or kind (problem).
 */
/** `withAssignee` false leaves the assignee out: an officer edits their card's fields, a lead assigns it. */
/** `units` and `assignees` narrow the pickers to what this user may choose (the server judges again). */
export function ItemFields(props: {
  kind: ItemKind;
  campaign: CampaignDetail;
  values: ItemValues;
  errors: FieldErrors;
  withUnit: boolean;
  withAssignee?: boolean;
  units?: CampaignDetail['units'];
  assignees?: (user: UserSummary) => boolean;
  set: (name: ItemField, value: string) => void;
  /** Fields someone else changed too since the edit began, with their value (see edit-rebase.ts): shown below each, to take instead. */
  theirs?: Partial<Record<ItemField, string>>;
}) {
  const [usersRead, { refetch: refetchUsers }] = createResource(
    () => props.values.unitId || false,
    (unit) => api.users(unit),
  );
  // Kept as last read while a read again fails, and tried again: the form stays, what the user typed with it.
  const users = keptRead(usersRead, refetchUsers, () => props.values.unitId);
  const assignees = () => (users() ?? []).filter((user) => props.assignees?.(user) ?? true);
  const invalid = (name: ItemField) => props.errors[name] !== undefined;
  /** A value as its field shows it: the person, category, unit or label a picker's id stands for; text as typed. */
  const shown = (name: ItemField, value: string): string => {
    if (value === '') return name === 'assigneeId' ? t('unassigned') : t('emptyValue');
    if (name === 'assigneeId') return users()?.find((user) => String(user.id) === value)?.displayName ?? value;
    if (name === 'categoryId') {
      const category = props.campaign.categories.find((c) => String(c.id) === value);
      return category === undefined ? value : named(category);
    }
    if (name === 'unitId') {
      const unit = props.campaign.units.find((u) => u.id === value);
      return unit === undefined ? value : named(unit);
    }
    if (name === 'source') return isClueSource(value) ? tr(clueSourceLabels[value]) : value;
    if (name === 'problemKind') return isProblemKind(value) ? tr(problemKindLabels[value]) : value;
    return value;
  };
  // Wrapped: a value emptied by the other is one to show too.
  const theirValue = (name: ItemField) => {
    const value = props.theirs?.[name];
    return value === undefined ? null : { value };
  };
  const theirs = (name: ItemField) => (
    <Show when={theirValue(name)}>
      {(their) => (
        <span class="field-theirs" data-testid={`theirs-${name}`}>
          <span class="field-theirs-label">{t('theirsChanged')}</span>
          <span class="field-theirs-value">{shown(name, their().value)}</span>
          <button type="button" class="link-button" data-testid={`use-theirs-${name}`} onClick={() => props.set(name, their().value)}>
            {t('useTheirs')}
          </button>
        </span>
      )}
    </Show>
  );
  return (
    <div class="field-grid item-fields">
      <Show when={props.withUnit}>
        <Field name="unitId" label={t('unit')} errors={props.errors} notice={theirs('unitId')}>
          <select name="unitId" value={props.values.unitId} aria-invalid={invalid('unitId')} onChange={(e) => props.set('unitId', e.currentTarget.value)}>
            <option value="">{t('choose')}</option>
            <For each={props.units ?? props.campaign.units}>
              {(unit) => (
                <option value={unit.id} selected={unit.id === props.values.unitId}>
                  {named(unit)}
                </option>
              )}
            </For>
          </select>
        </Field>
      </Show>
      <Show when={props.withAssignee ?? true}>
        <Field name="assigneeId" label={t('assignee')} errors={props.errors} notice={theirs('assigneeId')}>
          <select name="assigneeId" value={props.values.assigneeId} aria-invalid={invalid('assigneeId')} onChange={(e) => props.set('assigneeId', e.currentTarget.value)}>
            <option value="">{usersRead.loading ? t('loading') : t('unassigned')}</option>
            <PeopleOptions people={assignees()} chosen={props.values.assigneeId} />
          </select>
        </Field>
      </Show>
      <Field name="title" label={t('title')} errors={props.errors} notice={theirs('title')} wide>
        <input name="title" type="text" value={props.values.title} aria-invalid={invalid('title')} onInput={(e) => props.set('title', e.currentTarget.value)} />
      </Field>
      <Field name="description" label={t('description')} errors={props.errors} notice={theirs('description')} wide>
        <textarea name="description" rows={3} value={props.values.description} aria-invalid={invalid('description')} onInput={(e) => props.set('description', e.currentTarget.value)} />
      </Field>
      <Field name="categoryId" label={t('category')} errors={props.errors} notice={theirs('categoryId')}>
        <select name="categoryId" value={props.values.categoryId} aria-invalid={invalid('categoryId')} onChange={(e) => props.set('categoryId', e.currentTarget.value)}>
          <option value="">—</option>
          <For each={props.campaign.categories.filter((c) => !c.retired || String(c.id) === props.values.categoryId)}>
            {(category) => (
              <option value={String(category.id)} selected={String(category.id) === props.values.categoryId}>
                {named(category)}
              </option>
            )}
          </For>
        </select>
      </Field>
      <Show
        when={props.kind === 'clue'}
        fallback={
          <Field name="problemKind" label={t('problemKind')} errors={props.errors} notice={theirs('problemKind')}>
            <select name="problemKind" value={props.values.problemKind} aria-invalid={invalid('problemKind')} onChange={(e) => props.set('problemKind', e.currentTarget.value)}>
              <option value="">{t('choose')}</option>
              <For each={problemKindList}>{(kind) => <option value={kind}>{tr(problemKindLabels[kind])}</option>}</For>
            </select>
          </Field>
        }
      >
        <Field name="source" label={t('source')} errors={props.errors} notice={theirs('source')}>
          <select name="source" value={props.values.source} aria-invalid={invalid('source')} onChange={(e) => props.set('source', e.currentTarget.value)}>
            <option value="">{t('choose')}</option>
            <For each={clueSourceList}>{(source) => <option value={source}>{tr(clueSourceLabels[source])}</option>}</For>
          </select>
        </Field>
      </Show>
    </div>
  );
}

/** The form's own checks before asking the server: what must be filled in. */
export function checkItem(kind: ItemKind, values: ItemValues, withUnit: boolean): FieldErrors {
  const required = messages.required;
  const errors: Record<string, Label> = {};
  if (withUnit && values.unitId === '') errors.unitId = required;
  if (values.title.trim() === '') errors.title = required;
  // Said before sending, with how long it is: the title's field cut a paste at 500 unsaid, the description was refused by the server.
  const tooLong = (text: string, most: number): Label | null => {
    const n = text.trim().length;
    return n > most ? { zh: `最多 ${figure(most)} 个字符，现有 ${figure(n)} 个`, en: `At most ${figure(most)} characters; this has ${figure(n)}` } : null;
  };
  const longTitle = tooLong(values.title, 500);
  if (longTitle !== null) errors.title = longTitle;
  const longDescription = tooLong(values.description, 20_000);
  if (longDescription !== null) errors.description = longDescription;
  if (kind === 'clue' && !isClueSource(values.source)) errors.source = required;
  if (kind === 'problem' && !isProblemKind(values.problemKind)) errors.problemKind = required;
  return errors;
}
