import { For, Show } from 'solid-js';
import type { CampaignDetail } from '../api/client';
import { t, tr } from '../i18n/i18n';
import { filterLabels } from './filter-names';
import { scopeOptions, type ScopeOption } from './scope-options';

/**
 * The option of a value from the address that the select does not offer (a unit outside the reader's by its name,
 * anything else as itself), which the page refuses and says why. It shows what the address holds, so that the select
 * is not blank over that refusal and choosing "all" is a change; it is disabled, so that it is no choice: picked
 * again from the list, it would only be refused again.
 */
export function Unoffered(props: { option: ScopeOption | undefined }) {
  return (
    <Show when={props.option}>
      {(option) => (
        <option value={option().value} disabled>
          {option().text}
        </option>
      )}
    </Show>
  );
}

/**
 * The unit filter of the board, the lists and the report: every unit,
 * indented by its depth in the tree. A unit named in the address that the
 * campaign has not (an old bookmark) is shown as itself, not as a blank
 * select over a page that says it was refused, and is no choice (Unoffered).
 */
export function UnitSelect(props: {
  units: readonly CampaignDetail['units'][number][];
  value: string | undefined;
  onChange: (value: string) => void;
  testId?: string;
  /** Every unit of the campaign, when `units` are the reader's only: one outside them that the address names is shown by its name. */
  known?: readonly CampaignDetail['units'][number][];
}) {
  return (
    <select name="unit" aria-label={tr(filterLabels.unit)} data-testid={props.testId} value={props.value ?? ''} onChange={(e) => props.onChange(e.currentTarget.value)}>
      <option value="">{t('allUnits')}</option>
      {/* Each option says whether it is chosen: the select's own value is lost when its options are drawn anew (the campaign read again). */}
      <For each={props.units}>
        {(unit) => (
          <option value={unit.id} selected={unit.id === props.value}>
            {scopeOptions.unitText(props.units, unit)}
          </option>
        )}
      </For>
      <Unoffered option={scopeOptions.unofferedUnit(props.units, props.value, props.known)} />
    </select>
  );
}

/**
 * The category filter of the board, the lists and the report: the categories
 * in use, in their order, then the retired ones, marked (items still carry
 * them), with "none" where the page can filter on it.
 */
export function CategorySelect(props: {
  categories: CampaignDetail['categories'];
  value: string | undefined;
  onChange: (value: string) => void;
  /** The label of `none` (items with no category), where the page offers it. */
  none?: string;
  testId?: string;
}) {
  return (
    <select name="category" aria-label={tr(filterLabels.category)} data-testid={props.testId} value={props.value ?? ''} onChange={(e) => props.onChange(e.currentTarget.value)}>
      <option value="">{t('allCategories')}</option>
      <For each={scopeOptions.offeredCategories(props.categories)}>
        {(category) => (
          <option value={String(category.id)} selected={String(category.id) === props.value}>
            {scopeOptions.categoryText(category)}
          </option>
        )}
      </For>
      <Show when={props.none}>{(none) => <option value="none">{none()}</option>}</Show>
      <Unoffered option={scopeOptions.unofferedCategory(props.categories, props.value, props.none !== undefined)} />
    </select>
  );
}
