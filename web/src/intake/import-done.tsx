import { A } from '@solidjs/router';
import { Show, onMount } from 'solid-js';
import type { ImportPlan } from './api';
import { count, im, type IntakeMessageKey } from './messages';
import { PlanFindings, invalidRows } from './plan-report';

/** What an import did: clues created, rows skipped, the batch id to find them by, and the duplicates to look at. */
export function ImportDone(props: { result: ImportPlan; campaignId: number; onAgain: () => void }) {
  const stat = (key: IntakeMessageKey, value: number, tone: string, testId: string) => (
    <div class={`stat stat-${value === 0 ? 'zero' : tone}`} data-testid={`done-${testId}`}>
      <span class="stat-value">{count(value)}</span>
      <span class="stat-label">{im(key)}</span>
    </div>
  );
  // The import's button that had the focus is gone with the check's results: the focus comes here, where its answer is read.
  let heading: HTMLHeadingElement | undefined;
  onMount(() => {
    if (document.activeElement === null || document.activeElement === document.body) heading?.focus({ preventScroll: true });
  });
  return (
    <section class="intake-card intake-done" data-testid="import-done" aria-labelledby="done-title">
      <h2 id="done-title" ref={heading} tabIndex={-1}>
        <span class="done-mark" aria-hidden="true">
          ✓
        </span>
        {im('doneTitle')}
      </h2>
      <div class="stats">
        {stat('created', props.result.created ?? 0, 'ok', 'created')}
        {/* 其中 (of them) is of the clues created: right after them, not after the rows skipped, which it read as part of. */}
        {stat('merged', props.result.merged ?? 0, 'ok', 'merged')}
        {stat('skippedInvalid', invalidRows(props.result), 'bad', 'invalid')}
        {stat('skippedImported', props.result.alreadyImported.length, 'info', 'already')}
        {stat('skippedDuplicates', props.result.skippedDuplicates ?? 0, 'info', 'skipped-duplicates')}
        {stat('duplicates', props.result.duplicates.length, 'warn', 'duplicates')}
      </div>
      {/* A batch id finds the clues an import made: with none made, there is none to find them by. */}
      <Show when={(props.result.created ?? 0) > 0} fallback={<p class="muted" data-testid="none-created">{im('noneCreated')}</p>}>
        <p class="batch">
          <span class="muted">{im('batchId')}</span>
          <code data-testid="batch-id">{props.result.batchId ?? '—'}</code>
        </p>
        <p class="muted">{im('batchHint')}</p>
      </Show>
      <div class="intake-actions">
        <A class="button primary" href={`/campaigns/${props.campaignId}/board`} data-testid="open-board">
          {im('openBoard')}
        </A>
        <button type="button" class="button" data-testid="import-again" onClick={() => props.onAgain()}>
          {im('importAnother')}
        </button>
      </div>
      <PlanFindings plan={props.result} campaignId={props.campaignId} done />
    </section>
  );
}
