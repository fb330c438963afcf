import { Show } from 'solid-js';
import { tr } from '../i18n/i18n';
import type { MergeLookup } from './merge-lookup';

/** Under a merge's clue number: what to type, the clue being looked up, or the clue the merge goes into (in bold). */
export function MergeTargetNotice(props: { lookup: MergeLookup }) {
  return (
    <Show when={props.lookup.notice()}>
      {(line) => (
        <span class="merge-target" classList={{ muted: props.lookup.said().kind !== 'ready' }} data-testid="merge-target" aria-live="polite">
          {tr(line())}
        </span>
      )}
    </Show>
  );
}
