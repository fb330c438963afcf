import { Show } from 'solid-js';
import type { ItemKind } from '../api/client';
import { series, t, tr } from '../i18n/i18n';
import { filterLabels } from '../ui/filter-names';
import { bm, type BoardMessageKey } from './board-messages';
import type { BoardFilterKey } from './board-source';

/** What the board says when it has no card in any column, filtered or not. */
function noticeKey(kind: ItemKind, filtered: boolean, scoped: boolean): BoardMessageKey {
  if (filtered) return kind === 'clue' ? 'noMatchClues' : 'noMatchProblems';
  if (scoped) return kind === 'clue' ? 'noCluesYetInScope' : 'noProblemsYetInScope';
  return kind === 'clue' ? 'noCluesYet' : 'noProblemsYet';
}

/**
 * Above the columns, when none holds a card (by the counts the board was
 * read with): empty columns alone do not say whether the filters hid every
 * card or there is none yet. Filtered, it names the filters and clears them;
 * not, it offers a new item to one who may create it.
 */
export function BoardEmpty(props: {
  kind: ItemKind;
  /** The filters the address holds, as the toolbar's "clear" clears them. */
  filters: readonly BoardFilterKey[];
  /** True for a reader who sees their own units' items only (a lead, an officer). */
  scoped: boolean;
  mayCreate: boolean;
  /** Clears the filters from the address (the focus then goes to the toolbar's search box). */
  onClear: () => void;
  onCreate: () => void;
}) {
  const filtered = () => props.filters.length > 0;
  const clear = () => {
    props.onClear();
    // The button goes with the message: the focus goes where the toolbar's own "clear" leaves it, its search box.
    document.querySelector<HTMLInputElement>('.toolbar input[name=q]')?.focus();
  };
  return (
    <div class="board-empty" role="status" data-testid="board-empty" data-filtered={filtered() ? 'true' : 'false'}>
      <p class="board-empty-text">
        <strong>{bm(noticeKey(props.kind, filtered(), props.scoped))}</strong>
        <Show when={filtered()}>
          <span class="board-empty-filters">{bm('filtersInForce', { names: series(props.filters.map((key) => tr(filterLabels[key]))) })}</span>
        </Show>
      </p>
      <Show
        when={filtered()}
        fallback={
          <Show when={props.mayCreate}>
            <button type="button" class="button primary" data-testid="board-empty-create" onClick={() => props.onCreate()}>
              {t('newItem')}
            </button>
          </Show>
        }
      >
        <button type="button" class="button" data-testid="board-empty-clear" onClick={clear}>
          {bm('clearAllFilters')}
        </button>
      </Show>
    </div>
  );
}
