import { Show, createMemo, createSignal, onCleanup } from 'solid-js';
import { maxBatchItems } from '../../../api/contracts/batch';
import type { CampaignDetail, Card, ItemKind } from '../api/client';
import { BatchBar } from '../batch/batch-bar';
import { BatchDialog } from '../batch/batch-dialog';
import { moveTargets, planOf, selectable, type BatchAction } from '../batch/batch-plan';
import { keptSelected } from '../batch/batch-left';
import { reasonText } from '../api/problem';
import { tr } from '../i18n/i18n';
import { announce } from '../ui/announcer';
import { toast } from '../ui/toasts';
import { createTouchScreen } from '../ui/touch-screen';
import { bm } from './board-messages';
import type { Column } from './board-state';
import { boardSelectAll, type CardSelection } from './card-selection';
import { stateLabel } from './domain-labels';

/**
 * The board's batch (多选): the ticked cards' bar, the dialog of a change
 * made to them, and a drop of ticked cards on a column. Esc stops selecting
 * unless a dialog, the drawer or a menu takes it first.
 */
export function createBoardBatch(options: {
  readonly selection: CardSelection;
  readonly kind: () => ItemKind;
  /** Whether the drawer or the inbox is open: Esc is theirs. */
  readonly panelOpen: () => boolean;
  /** Reads these columns again once a batch has changed their cards. */
  readonly refreshStates: (states: readonly string[]) => void;
  /** The columns shown (a side column once opened), as read so far. */
  readonly openColumns: () => readonly Column[];
  /** Reads the rest of a column's cards, up to `wanted` in all. */
  readonly loadColumn: (state: string, wanted: number) => Promise<void>;
  /** What the board shows (kind, lanes, filters), a new value each time it changes. */
  readonly view: () => unknown;
}) {
  const { selection } = options;
  const [batch, setBatch] = createSignal<{ action: BatchAction; cards: readonly Card[] } | null>(null);
  const [selectingAll, setSelectingAll] = createSignal(false);
  // Read twice by the bar (its state and its count): worked out once a change of the cards or the selection.
  const offer = createMemo(() => boardSelectAll(options.openColumns(), selection.size(), selection.whole()));
  // A phone has no Shift to click with: its hint says to tap.
  const touch = createTouchScreen();

  /**
   * Ticks every card of the columns shown that the viewer may change: the
   * columns with more cards than were read are read to their end first
   * (what the offer counted), one after another. If a read fails, nothing
   * is ticked and the toast says why; if the user changed what the board
   * shows meanwhile, nothing is either (it was not this board they chose).
   */
  const selectAll = async () => {
    const view = options.view();
    setSelectingAll(true);
    try {
      for (const column of options.openColumns()) {
        if (column.next !== null && column.cards.some(selectable)) await options.loadColumn(column.state, maxBatchItems);
      }
      if (options.view() === view) selection.selectWhole(options.openColumns().flatMap((column) => column.cards));
    } catch (error) {
      toast(() => reasonText(error));
    } finally {
      setSelectingAll(false);
    }
  };

  const onEscape = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || event.defaultPrevented || !selection.active() || batch() !== null || options.panelOpen()) return;
    if (document.querySelector('[aria-modal="true"], [role="menu"]') !== null) return;
    selection.stop();
  };
  document.addEventListener('keydown', onEscape);
  onCleanup(() => document.removeEventListener('keydown', onEscape));

  return {
    /** Whether a drop of this card is a batch: it is one of several ticked. */
    carriesMany: (card: Card) => selection.isSelected(card) && selection.size() > 1,
    /** Ticked cards dropped together on a column: a batch move of those that may go there (each decided on its own). */
    dropMany(to: string) {
      const cards = selection.selected();
      const target = moveTargets(cards).find((t) => t.to === to);
      const state = tr(stateLabel(options.kind(), to));
      const refusal = target === undefined ? bm('noneMayGo', { state }) : target.batchable ? null : bm('oneByOneDrop', { state });
      if (refusal !== null) {
        toast(() => refusal, 'warning');
        announce(refusal);
        return;
      }
      setBatch({ action: { type: 'move', to }, cards });
    },
    Bar: () => (
      <Show when={selection.active()}>
        <div class="board-batch">
          <BatchBar
            selected={selection.selected()}
            total={offer().total}
            selectAll={offer().state}
            upTo={offer().upTo}
            selectingAll={selectingAll()}
            maxSelected={maxBatchItems}
            onSelectAll={() => void selectAll()}
            onClear={() => selection.stop()}
            onAction={(action) => setBatch({ action, cards: selection.selected() })}
            hint={bm(touch() ? 'selectingHintTouch' : 'selectingHint')}
          />
        </div>
      </Show>
    ),
    Dialog: (props: { campaign: CampaignDetail; now: string }) => (
      <Show when={batch()}>
        {(current) => (
          <BatchDialog
            action={current().action}
            items={current().cards}
            campaign={props.campaign}
            now={props.now}
            onClose={(outcome) => {
              // Read before the dialog closes: its accessor is stale once the batch is gone.
              const { action, cards } = current();
              setBatch(null);
              if (outcome === null) return;
              // The cards changed are done; those it left, or never sent (not theirs to take the change), stay ticked, for
              // the same change (what was typed kept) or another.
              selection.keepOnly(keptSelected(outcome, planOf(cards, action).skipped));
              options.refreshStates([...new Set([...cards.map((c) => c.state), ...(action.type === 'move' ? [action.to] : [])])]);
            }}
          />
        )}
      </Show>
    ),
  };
}
