import { For, Show, createMemo, createResource, createSignal, onCleanup } from 'solid-js';
import { api, type BoardFilters, type CampaignDetail, type ItemKind, type Swimlane } from '../api/client';
import type { MessageKey } from '../i18n/messages';
import { PeopleOptions } from '../ui/people-options';
import { colon, t, tr } from '../i18n/i18n';
import type { Label } from '../../../engine/labels';
import { campaignStateLabels } from '../../../engine/campaign/campaign.labels';
import { keptRead } from '../ui/read-shown';
import { QuietSelect } from '../ui/quiet-select';
import { CategorySelect, UnitSelect, Unoffered } from '../ui/scope-selects';
import { unofferedOf } from '../ui/scope-options';
import { filterLabels } from '../ui/filter-names';
import { xm } from '../deadlines/messages';
import { bm } from './board-messages';
import { boardFilterKeys } from './board-source';
import { me } from '../session/session';
import { peopleIn, readerScope, unitsIn } from '../ui/reader-scope';
import { SearchBox } from '../ui/search-box';
import { MineOption, mineId } from '../ui/mine-option';
import { followAddressSearch } from '../ui/address-search';

type FilterChange = Partial<Record<keyof BoardFilters, string | undefined>>;

const swimlanes = ['none', 'unit', 'category'] as const satisfies readonly Swimlane[];
const swimlaneKeys: Record<Swimlane, MessageKey> = { none: 'swimlaneNone', unit: 'swimlaneUnit', category: 'swimlaneCategory' };

/** "Phase found: Crackdown"; a phase there is none of (`?phase=autumn`, which the server refuses) as the address has it. */
function phaseFilterText(phase: string): string {
  const label: Label | undefined = (campaignStateLabels as Readonly<Record<string, Label | undefined>>)[phase];
  return `${tr(filterLabels.phase)}${colon()}${label === undefined ? phase : tr(label)}`;
}

/** Kind switch, lanes, filters and "new"; every change goes to the URL, which the board reads. */
export function BoardToolbar(props: {
  campaign: CampaignDetail;
  kind: ItemKind;
  swimlane: Swimlane;
  /** The lanes as the address has them, when it names lanes there are none of (`?swimlane=units`): shown as itself. */
  swimlaneInAddress?: string;
  filters: BoardFilters;
  /** Whether the address holds a filter, taken or not (`?overdue=yes`, which the board refuses): what "clear" clears. */
  filtered: boolean;
  mayCreate: boolean;
  /** Whether cards are being ticked for a batch; null when the viewer may change none. */
  selecting: boolean | null;
  onSelecting: () => void;
  /** False until the assignee picker may ask for its people. */
  loadPeople: boolean;
  onKind: (kind: ItemKind) => void;
  onSwimlane: (swimlane: Swimlane) => void;
  onFilters: (change: FilterChange) => void;
  onCreate: () => void;
}) {
  const [text, setText] = createSignal(props.filters.q ?? '');
  let search: HTMLInputElement | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const typed = (value: string) => {
    setText(value);
    clearTimeout(timer);
    // The search goes to the server once the user pauses, not on every key.
    timer = setTimeout(() => {
      timer = undefined;
      props.onFilters({ q: value.trim() || undefined });
    }, 300);
  };
  /**
   * Any other filter's change. A search typed and still waiting for its pause goes with it, in the same change: a box
   * ticked within the pause reloaded the board, and the search typed was lost from the box and the address.
   */
  const filter = (change: FilterChange) => {
    if (timer !== undefined) {
      clearTimeout(timer);
      timer = undefined;
      change = { q: text().trim() || undefined, ...change };
    }
    props.onFilters(change);
  };
  onCleanup(() => clearTimeout(timer));
  followAddressSearch(() => props.filters.q, text, setText, () => clearTimeout(timer));
  // The assignee picker lists the people of the chosen unit, or everyone when no unit is chosen; read again for a user
  // read again (moved to another unit: the people they may choose from are of that unit).
  const [peopleRead, { refetch: refetchPeople }] = createResource(
    () => props.loadPeople && { unit: props.filters.unit, reader: me() },
    (k) => api.users(k.unit),
  );
  // Kept as last read while a read again fails, and tried again: a failed read would throw to the page's notice.
  const peopleKept = keptRead(peopleRead, refetchPeople, () => props.filters.unit);
  // A lead or an officer sees their own units' cards only: the pickers offer those units and their people, not every
  // unit of the city (any other choice would show an empty board).
  const scope = createMemo(() => readerScope(me()));
  const units = () => unitsIn(props.campaign.units, scope());
  const people = () => peopleIn(peopleKept(), scope())?.filter((user) => String(user.id) !== mineId());
  // Otherwise the select would show "None" over a board refused for its lanes, and choosing "None" would change nothing.
  const unofferedLanes = () => unofferedOf(swimlanes, props.swimlaneInAddress, (value) => value);

  // On a phone the filters less used are behind one button (see .toolbar-filters); how many are in force shows on it.
  const [filtersOpen, setFiltersOpen] = createSignal(false);
  const inForce = () => boardFilterKeys.filter((key) => key !== 'q' && props.filters[key] !== undefined).length;

  return (
    <div class="toolbar board-toolbar" role="toolbar" aria-label={bm('filters')}>
      <div class="segmented" role="tablist" aria-label={tr(filterLabels.kind)}>
        <For each={['clue', 'problem'] as const}>
          {(kind) => (
            <button type="button" role="tab" aria-selected={props.kind === kind} data-testid={`kind-${kind}`} classList={{ active: props.kind === kind }} onClick={() => props.onKind(kind)}>
              {kind === 'clue' ? t('clues') : t('problems')}
            </button>
          )}
        </For>
      </div>
      <button
        type="button"
        class="button toolbar-filters-toggle"
        classList={{ active: inForce() > 0 }}
        data-testid="filters-toggle"
        aria-expanded={filtersOpen()}
        aria-controls="board-filters"
        onClick={() => setFiltersOpen((open) => !open)}
      >
        {bm('filters')}
        <Show when={inForce() > 0}>
          <span class="toolbar-filters-count" aria-hidden="true">
            {inForce()}
          </span>
          <span class="visually-hidden">{bm('filtersInForceCount', { n: inForce() })}</span>
        </Show>
      </button>
      <div id="board-filters" class="toolbar-filters" classList={{ 'is-open': filtersOpen() }}>
        <label class="toolbar-field">
          <span class="toolbar-label">{t('swimlane')}</span>
          <select name="swimlane" data-testid="swimlane" value={unofferedLanes()?.value ?? props.swimlane} onChange={(e) => props.onSwimlane(e.currentTarget.value as Swimlane)}>
            <For each={swimlanes}>{(s) => <option value={s}>{t(swimlaneKeys[s])}</option>}</For>
            <Unoffered option={unofferedLanes()} />
          </select>
        </label>
        <UnitSelect units={units()} known={props.campaign.units} value={props.filters.unit} onChange={(unit) => filter({ unit: unit || undefined, assignee: undefined })} />
        <CategorySelect categories={props.campaign.categories} value={props.filters.category} onChange={(category) => filter({ category: category || undefined })} />
        {/* Each option says whether it is chosen: the people are read after the board, and a select's value set before
            its options exist is dropped, so one opened filtered to a person read "all" (the value alone was not set again). */}
        <select name="assignee" aria-label={t('assignee')} onChange={(e) => filter({ assignee: e.currentTarget.value || undefined })}>
          <option value="" selected={props.filters.assignee === undefined}>
            {t('allAssignees')}
          </option>
          <MineOption chosen={props.filters.assignee ?? ''} />
          {/* The items no one holds, as the lists offer them: what the responsibility criterion of a phase's exit counts. */}
          <option value="none" selected={props.filters.assignee === 'none'}>
            {t('unassigned')}
          </option>
          <Show when={props.filters.assignee !== undefined && props.filters.assignee !== 'none' && props.filters.assignee !== mineId() && !(people() ?? []).some((u) => String(u.id) === props.filters.assignee)}>
            <option value={props.filters.assignee} selected>
              #{props.filters.assignee}
            </option>
          </Show>
          <PeopleOptions people={people()} chosen={props.filters.assignee} />
        </select>
        <label class="check">
          <input type="checkbox" name="overdue" checked={props.filters.overdue === 'true'} onChange={(e) => filter({ overdue: e.currentTarget.checked ? 'true' : undefined })} />
          <span>{t('overdueOnly')}</span>
        </label>
        <label class="check">
          <input type="checkbox" name="escalated" checked={props.filters.escalated === 'true'} onChange={(e) => filter({ escalated: e.currentTarget.checked ? 'true' : undefined })} />
          <span>{t('escalatedOnly')}</span>
        </label>
        <label class="check">
          <input type="checkbox" name="asked" checked={props.filters.asked === 'true'} onChange={(e) => filter({ asked: e.currentTarget.checked ? 'true' : undefined })} />
          <span>{xm('askedOnly')}</span>
        </label>
        <QuietSelect value={props.filters.quiet} onChange={(quiet) => filter({ quiet })} />
        {/* The phase the items were found in has no select (the toolbar keeps one line at rest): the battle map's phases
            open the board so, and it shows here while in force, with a way to take it off. */}
        <Show when={props.filters.phase}>
          {(phase) => (
            <button type="button" class="filter-chip" data-testid="phase-filter" title={bm('removeFilter')} onClick={() => filter({ phase: undefined })}>
              {phaseFilterText(phase())}
              <span class="filter-chip-remove" aria-hidden="true">
                ×
              </span>
              <span class="visually-hidden">{bm('removeFilter')}</span>
            </button>
          )}
        </Show>
      </div>
      <SearchBox problems={props.kind === 'problem'} value={text()} onInput={typed} ref={(input) => (search = input)} />
      <button
        type="button"
        class="button ghost toolbar-clear"
        disabled={!props.filtered}
        onClick={() => {
          setText('');
          // The button is disabled once nothing is filtered: the focus goes to the search box beside it, not the page's top.
          search?.focus();
          filter(Object.fromEntries(boardFilterKeys.map((key) => [key, undefined])));
        }}
      >
        {t('clearFilters')}
      </button>
      <Show when={props.selecting !== null}>
        <button
          type="button"
          class="button toolbar-select"
          classList={{ active: props.selecting === true }}
          data-testid="select-cards"
          aria-pressed={props.selecting === true}
          title={bm('selectTitle')}
          onClick={() => props.onSelecting()}
        >
          {bm('select')}
        </button>
      </Show>
      <Show when={props.mayCreate}>
        <button type="button" class="button primary toolbar-create" data-testid="create" onClick={() => props.onCreate()}>
          {t('newItem')}
        </button>
      </Show>
    </div>
  );
}
