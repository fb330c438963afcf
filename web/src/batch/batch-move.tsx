import { For, Show, createSignal } from 'solid-js';
import { stateLabel } from '../board/domain-labels';
import { tr } from '../i18n/i18n';
import { count } from '../reports/format';
import { bt } from './batch-messages';
import type { MoveTarget } from './batch-plan';

/**
 * The batch bar's "Move to…": the states the selection may move to. A state
 * picked with the pointer opens the batch's dialog at once; one reached
 * with the keyboard (arrows or letters on the closed select change its value)
 * is only chosen, and Enter or the button beside it opens the dialog, so that
 * looking through the states starts nothing.
 */
export function BatchMove(props: { targets: readonly MoveTarget[]; onMove: (to: string) => void }) {
  const [chosen, setChosen] = createSignal('');
  // Whether the select's value is changing under a key held on it: set on keydown, cleared once the key is let go or the focus leaves.
  let keyed = false;
  // A state chosen earlier may be one the selection can no longer take as a batch (other items ticked since).
  const chosenTarget = () => props.targets.find((target) => target.to === chosen() && target.batchable);
  const moveChosen = () => {
    const target = chosenTarget();
    if (target !== undefined) props.onMove(target.to);
  };
  return (
    <span class="batch-move-group">
      <select
        class="batch-move"
        data-testid="batch-move"
        aria-label={bt('moveTo')}
        disabled={props.targets.every((target) => !target.batchable)}
        value={chosenTarget()?.to ?? ''}
        onKeyDown={(e) => {
          if (e.key !== 'Enter') keyed = true;
          else if (chosenTarget() !== undefined) {
            e.preventDefault();
            moveChosen();
          }
        }}
        onKeyUp={() => (keyed = false)}
        onBlur={() => (keyed = false)}
        onChange={(e) => {
          const to = e.currentTarget.value;
          if (keyed) {
            setChosen(to);
            return;
          }
          setChosen('');
          e.currentTarget.value = '';
          if (to !== '') props.onMove(to);
        }}
      >
        <option value="">{bt('moveTo')}</option>
        <For each={props.targets}>
          {(target) => {
            const label = () => tr(stateLabel(target.kind, target.to));
            return (
              <option value={target.to} disabled={!target.batchable}>
                {target.batchable ? bt('withCount', { label: label(), n: count(target.count) }) : bt('oneByOne', { label: label() })}
              </option>
            );
          }}
        </For>
      </select>
      <Show when={chosenTarget()}>
        {(target) => (
          <button type="button" class="button" data-testid="batch-move-go" onClick={moveChosen}>
            {bt('moveGo', { state: tr(stateLabel(target().kind, target().to)) })}
          </button>
        )}
      </Show>
    </span>
  );
}
