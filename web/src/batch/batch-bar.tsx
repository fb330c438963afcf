import { For, Show, createMemo } from 'solid-js';
import type { BatchEvent } from '../../../api/contracts/batch';
import { count } from '../reports/format';
import type { BatchItem } from './api';
import { bt } from './batch-messages';
import { BatchMove } from './batch-move';
import './batch.css';
import { applicableCount, moveTargets, type BatchAction } from './batch-plan';

const events: readonly BatchEvent[] = ['assign', 'transfer', 'extend', 'requestExtension'];
/** Offered only to those who may make it on some of the items: the office never asks for more time. */
const whenSome: ReadonlySet<BatchEvent> = new Set(['requestExtension']);

/**
 * The bar over a list while items are selected: how many, the changes they
 * can take (each with how many of them the viewer may change so), and the
 * whole filtered list to select when only a page is.
 */
export function BatchBar(props: {
  selected: readonly BatchItem[];
  /** Items matching the filters, and whether selecting them all is offered (the page selected, more beyond it, few enough). */
  total: number;
  selectAll: 'offered' | 'tooMany' | 'no';
  /** Whether selecting them all ticks at most `total`, not exactly: some of those read the viewer may not change, and of the rest it is not known yet. */
  upTo: boolean;
  selectingAll: boolean;
  maxSelected: number;
  onSelectAll: () => void;
  onClear: () => void;
  onAction: (action: BatchAction) => void;
  /** What else the selection can do where it is shown (the board: drag the ticked cards together). */
  hint?: string;
}) {
  // Read by the move select several times (its options, whether it is disabled, the state chosen): worked out once a change of the selection.
  const targets = createMemo(() => moveTargets(props.selected));
  return (
    <div class="batch-bar" role="region" aria-label={bt('selected', { n: count(props.selected.length) })} data-testid="batch-bar">
      <strong data-testid="batch-selected" data-n={props.selected.length}>
        {bt('selected', { n: count(props.selected.length) })}
      </strong>
      <Show when={props.hint}>{(hint) => <span class="muted batch-hint">{hint()}</span>}</Show>
      <Show when={props.selectAll === 'offered'}>
        <button type="button" class="link" data-testid="batch-select-all" disabled={props.selectingAll} onClick={() => props.onSelectAll()}>
          {props.selectingAll ? bt('selectingAll') : bt(props.upTo ? 'selectAllUpTo' : 'selectAll', { n: count(props.total) })}
        </button>
      </Show>
      <Show when={props.selectAll === 'tooMany'}>
        <span class="muted">{bt('tooManyToSelect', { max: count(props.maxSelected) })}</span>
      </Show>
      <span class="batch-actions">
        <For each={events}>
          {(event) => {
            const n = () => applicableCount(props.selected, { type: event });
            return (
              <Show when={n() > 0 || !whenSome.has(event)}>
                <button type="button" class="button" data-testid={`batch-${event}`} disabled={n() === 0} onClick={() => props.onAction({ type: event })}>
                  {bt('withCount', { label: bt(event), n: count(n()) })}
                </button>
              </Show>
            );
          }}
        </For>
        <BatchMove targets={targets()} onMove={(to) => props.onAction({ type: 'move', to })} />
        <button type="button" class="button" data-testid="batch-clear" onClick={() => props.onClear()}>
          {bt('clear')}
        </button>
      </span>
    </div>
  );
}
