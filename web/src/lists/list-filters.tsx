import { PeopleOptions } from '../ui/people-options';
import { For, Show, createMemo, createResource, createSignal, onCleanup } from 'solid-js';
import { clueStateLabels } from '../../../engine/clue/clue.labels';
import { clueStates, openClueStates } from '../../../engine/clue/clue.model';
import { problemStateLabels } from '../../../engine/problem/problem.labels';
import { openProblemStates, problemStates } from '../../../engine/problem/problem.model';
import { api, type CampaignDetail } from '../api/client';
import { t, tr } from '../i18n/i18n';
import { keptRead } from '../ui/read-shown';
import type { ListFilters, ListName } from './api';
import { lt } from './messages';
import { QuietSelect } from '../ui/quiet-select';
import { unofferedOf } from '../ui/scope-options';
import { CategorySelect, UnitSelect, Unoffered } from '../ui/scope-selects';
import { peopleIn, readerScope, unitsIn } from '../ui/reader-scope';
import { SearchBox } from '../ui/search-box';
import { MineOption, mineId } from '../ui/mine-option';
import { me } from '../session/session';
import { followAddressSearch } from '../ui/address-search';

type FilterChange = Partial<Record<keyof ListFilters, string | undefined>>;

/** The states a list may be filtered by: its kind's, or for the responsibility list the open states of both kinds. */
function statesOf(list: ListName): { value: string; label: string }[] {
  const clue = (states: readonly (keyof typeof clueStateLabels)[]) => states.map((s) => ({ value: s, label: tr(clueStateLabels[s]) }));
  const problem = (states: readonly (keyof typeof problemStateLabels)[]) => states.map((s) => ({ value: s, label: tr(problemStateLabels[s]) }));
  if (list === 'clues') return clue(clueStates);
  if (list === 'problems') return problem(problemStates);
  return [...clue(openClueStates), ...problem(openProblemStates)];
}

/** Unit, category, state, responsible person, progress, overdue and text: every change goes to the URL, which the list reads. */
export function ListFilterBar(props: { campaign: CampaignDetail; list: ListName; filters: ListFilters; onChange: (change: FilterChange) => void }) {
  const [text, setText] = createSignal(props.filters.q ?? '');
  let search: HTMLInputElement | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const typed = (value: string) => {
    setText(value);
    clearTimeout(timer);
    // The search goes to the server once the user pauses, not on every key.
    timer = setTimeout(() => props.onChange({ q: value.trim() || undefined }), 300);
  };
  onCleanup(() => clearTimeout(timer));
  followAddressSearch(() => props.filters.q, text, setText, () => clearTimeout(timer));
  // Read again for a user read again (moved to another unit: the people they may choose from are of that unit).
  const [peopleRead, { refetch: refetchPeople }] = createResource(
    () => ({ unit: props.filters.unit, reader: me() }),
    (k) => api.users(k.unit),
  );
  // Kept as last read while a read again fails, and tried again: a failed read would throw to the page's notice.
  const peopleKept = keptRead(peopleRead, refetchPeople, () => props.filters.unit);
  // A lead or an officer lists their own units' items: the filters offer those units and their people, as the board's do.
  const scope = createMemo(() => readerScope(me()));
  const people = () => peopleIn(peopleKept(), scope())?.filter((user) => String(user.id) !== mineId());
  // A state from the address that the list has not (refused, and said so under the filters) is shown as itself.
  const unofferedState = () => unofferedOf(statesOf(props.list).map((s) => s.value), props.filters.state, (state) => state);
  const active = () => Object.values(props.filters).some((v) => v !== undefined && v !== '');

  return (
    <div class="toolbar list-filters" role="toolbar" aria-label={lt('filtersApplied')} data-testid="list-filters">
      <UnitSelect units={unitsIn(props.campaign.units, scope())} known={props.campaign.units} value={props.filters.unit} onChange={(unit) => props.onChange({ unit: unit || undefined, assignee: undefined })} />
      <CategorySelect categories={props.campaign.categories} none={lt('uncategorised')} value={props.filters.category} onChange={(category) => props.onChange({ category: category || undefined })} />
      {/* Named for what they filter, as the board's are: named after their first option, they read "All states, Verifying" once Verifying was chosen. */}
      <select name="state" aria-label={t('state')} value={props.filters.state ?? ''} onChange={(e) => props.onChange({ state: e.currentTarget.value || undefined })}>
        <option value="">{props.list === 'responsibility' ? lt('allOpenStates') : lt('allStates')}</option>
        <For each={statesOf(props.list)}>{(state) => <option value={state.value}>{state.label}</option>}</For>
        <Unoffered option={unofferedState()} />
      </select>
      <select name="assignee" aria-label={t('assignee')} value={props.filters.assignee ?? ''} onChange={(e) => props.onChange({ assignee: e.currentTarget.value || undefined })}>
        <option value="">{lt('allAssignees')}</option>
        <MineOption />
        <option value="none">{lt('unassigned')}</option>
        <Show when={props.filters.assignee !== undefined && props.filters.assignee !== 'none' && props.filters.assignee !== mineId() && !(people() ?? []).some((u) => String(u.id) === props.filters.assignee)}>
          <option value={props.filters.assignee}>#{props.filters.assignee}</option>
        </Show>
        <PeopleOptions people={people()} chosen={props.filters.assignee} />
      </select>
      <QuietSelect value={props.filters.quiet} onChange={(quiet) => props.onChange({ quiet })} />
      <label class="check">
        <input type="checkbox" name="overdue" checked={props.filters.overdue === 'true'} onChange={(e) => props.onChange({ overdue: e.currentTarget.checked ? 'true' : undefined })} />
        <span>{lt('overdueOnly')}</span>
      </label>
      <SearchBox problems={props.list === 'problems'} value={text()} onInput={typed} ref={(input) => (search = input)} />
      <button
        type="button"
        class="button ghost"
        disabled={!active()}
        onClick={() => {
          setText('');
          // The button is disabled once nothing is filtered: the focus goes to the search box beside it, not the page's top.
          search?.focus();
          props.onChange({ unit: undefined, category: undefined, state: undefined, assignee: undefined, overdue: undefined, quiet: undefined, q: undefined });
        }}
      >
        {lt('clearFilters')}
      </button>
    </div>
  );
}
