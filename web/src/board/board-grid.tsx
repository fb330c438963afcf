import { Index, Match, Show, Switch } from 'solid-js';
import type { Board, ItemKind, Swimlane } from '../api/client';
import { messages } from '../i18n/messages';
import { t, tr } from '../i18n/i18n';
import type { ApiProblem } from '../api/problem';
import { filterName } from '../ui/filter-names';
import { ReadFailed } from '../ui/read-failed';
import { BoardColumn } from './board-column';
import type { BoardContext } from './board-context';
import { BoardLanes } from './board-lanes';
import { openAtWork } from './phone-start';
import { bm } from './board-messages';
import type { Column } from './board-state';

/**
 * The board's cards: its columns (the side ones grouped apart), or its
 * lanes, or why it cannot be shown, in the one element the drag moves over.
 * The page reads the board and keeps its state; this draws what it has.
 */
export function BoardGrid(props: {
  kind: ItemKind;
  swimlane: Swimlane;
  dragging: boolean;
  loading: boolean;
  /** True once a board is on screen: a new view loading over it dims it, rather than the first one fading in. */
  shown: boolean;
  columns: readonly Column[];
  /** The columns as drawn without lanes: the main ones, then the side ones grouped apart. */
  mainColumns: readonly Column[];
  sideColumns: readonly Column[];
  /** The lanes, when the board is shown in lanes (and was read with them), else null. */
  lanes: Board['lanes'] | null;
  /** Why the address cannot be read as a board, if it cannot. */
  refusal: ApiProblem | undefined;
  error: unknown;
  context: BoardContext;
}) {
  let board: HTMLElement | undefined;
  openAtWork(() => board, () => props.shown && props.lanes === null, () => props.kind, () => props.mainColumns);
  return (
    <main
      ref={board}
      class="board"
      classList={{
        'is-dragging': props.dragging,
        'is-loading': props.loading,
        'is-refreshing': props.loading && props.shown,
        'has-lanes': props.swimlane !== 'none',
      }}
      data-testid="board"
      data-kind={props.kind}
      data-swimlane={props.swimlane}
      aria-label={props.kind === 'clue' ? t('clues') : t('problems')}
    >
      {/* What a card's keys do, read by screen readers (each card points at one by aria-describedby). */}
      <p id="card-help" class="visually-hidden">
        {t('cardHelp')}
      </p>
      <p id="card-help-movable" class="visually-hidden">
        {t('cardHelpMovable')}
      </p>
      <p id="card-help-selecting" class="visually-hidden">
        {bm('cardHelpSelecting')}
      </p>
      <Switch fallback={<div class="page-loading">{tr(messages.loading)}</div>}>
        <Match when={props.refusal}>
          {(refusal) => <ReadFailed what={bm('boardFailed')} error={refusal()} fieldName={filterName} class="board-failed" testid="board-failed" />}
        </Match>
        <Match when={props.error !== undefined}>
          <ReadFailed what={bm('boardFailed')} error={props.error} fieldName={filterName} class="board-failed" testid="board-failed" />
        </Match>
        <Match when={props.shown}>
          <Show
            when={props.lanes}
            fallback={
              <>
                {/* Keyed by position, not by object: a live refresh hands each column new data but keeps its element, and so its scroll. */}
                <Index each={props.mainColumns}>{(column) => <BoardColumn column={column()} context={props.context} />}</Index>
                <Show when={props.sideColumns.length > 0}>
                  <div class="side-columns" role="group" aria-label={t('sideColumns')}>
                    <Index each={props.sideColumns}>{(column) => <BoardColumn column={column()} context={props.context} />}</Index>
                  </div>
                </Show>
              </>
            }
          >
            {(lanes) => <BoardLanes columns={props.columns} lanes={lanes()} swimlane={props.swimlane} context={props.context} />}
          </Show>
        </Match>
      </Switch>
    </main>
  );
}
