import { For, Show } from 'solid-js';
import { stateLabel } from '../board/domain-labels';
import { tr } from '../i18n/i18n';
import type { BatchItem } from './api';
import { bt } from './batch-messages';
import type { BatchAction } from './batch-plan';

/** How many of the items skipped are named by number and title; the rest are counted. */
const skippedNamed = 5;

/**
 * The items selected that a batch will not send, the change not being the
 * user's to take on them (ticked cards dropped on a column only some of them
 * may enter): how many, why (the column they may not go to), which, briefly,
 * and that they stay selected once the batch is done. Said only as "n more",
 * the user could not tell which of their ticked cards would be left, nor find
 * them again.
 */
export function BatchSkipped(props: { action: BatchAction; skipped: readonly BatchItem[] }) {
  const said = () => {
    const n = props.skipped.length;
    const action = props.action;
    return action.type === 'move' ? bt('skippedMove', { n, state: tr(stateLabel(props.skipped[0]?.kind ?? 'clue', action.to)) }) : bt('skipped', { n });
  };
  return (
    <div class="batch-skipped" data-testid="batch-skipped" data-n={props.skipped.length}>
      <p>{said()}</p>
      <ul class="batch-skipped-items">
        <For each={props.skipped.slice(0, skippedNamed)}>
          {(item) => (
            <li data-testid={`batch-skipped-${item.kind}-${item.id}`}>
              #{item.id} {item.title}
            </li>
          )}
        </For>
        <Show when={props.skipped.length > skippedNamed}>
          <li class="muted">{bt('skippedMore', { n: props.skipped.length - skippedNamed })}</li>
        </Show>
      </ul>
    </div>
  );
}
