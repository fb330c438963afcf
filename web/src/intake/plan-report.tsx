import { For, Show, createSignal, type JSX } from 'solid-js';
import { tr } from '../i18n/i18n';
import type { ImportPlan } from './api';
import { count, fill, im, rowRuns, type IntakeMessageKey } from './messages';

const firstShown = 100;

/** Rows that cannot be imported: every row when a required column is missing, else each row named by an issue. */
export function invalidRows(plan: ImportPlan): number {
  if (plan.issues.some((i) => i.row === 1)) return plan.rows;
  return new Set(plan.issues.map((i) => i.row)).size;
}

/** The counts of a check at a glance. */
export function PlanSummary(props: { plan: ImportPlan }) {
  const stat = (key: IntakeMessageKey, value: number, tone: 'plain' | 'ok' | 'bad' | 'warn' | 'info', testId: string) => (
    <div class={`stat stat-${value === 0 && tone !== 'plain' ? 'zero' : tone}`} data-testid={`stat-${testId}`}>
      <span class="stat-value">{count(value)}</span>
      <span class="stat-label">{im(key)}</span>
    </div>
  );
  return (
    <div class="stats" role="group" aria-label={im('summaryTitle')} data-testid="plan-summary">
      {stat('rows', props.plan.rows, 'plain', 'rows')}
      {stat('valid', props.plan.valid, 'ok', 'valid')}
      {stat('invalid', invalidRows(props.plan), 'bad', 'invalid')}
      {stat('alreadyImported', props.plan.alreadyImported.length, 'info', 'already')}
      {stat('duplicates', props.plan.duplicates.length, 'warn', 'duplicates')}
      {stat('duplicatesInFile', props.plan.duplicatesInFile.length, 'warn', 'in-file')}
    </div>
  );
}

/** A long list shown in part, with a button for the rest. */
function Capped<T>(props: { items: readonly T[]; children: (item: T) => JSX.Element; columns: number }) {
  const [all, setAll] = createSignal(false);
  const shown = () => (all() ? props.items : props.items.slice(0, firstShown));
  return (
    <>
      <For each={shown()}>{(item) => props.children(item)}</For>
      <Show when={!all() && props.items.length > firstShown}>
        <tr class="table-more">
          <td colSpan={props.columns}>
            <button type="button" class="button ghost" onClick={() => setAll(true)}>
              {im('showAll')} ({count(props.items.length)})
            </button>
          </td>
        </tr>
      </Show>
    </>
  );
}

/** The user's merge choices in a preview: row → the existing clue it merges into on import. */
export interface MergeChoices {
  readonly chosen: ReadonlyMap<number, number>;
  readonly choose: (row: number, clueId: number | null) => void;
}

/** What the check found, row by row: problems, rows imported before, possible duplicates (with the merge choice before an import). */
export function PlanFindings(props: { plan: ImportPlan; campaignId: number; done?: boolean; merges?: MergeChoices; disabled?: boolean }) {
  const issues = () => [...props.plan.issues].sort((a, b) => a.row - b.row);
  const clueHref = (id: number) => `/campaigns/${props.campaignId}/board?item=${id}`;
  return (
    <>
      <Show
        when={props.plan.issues.length > 0}
        fallback={
          <Show when={props.done !== true}>
            <p class="intake-ok" data-testid="no-issues">
              {im('noIssues')}
            </p>
          </Show>
        }
      >
        <section class="finding finding-bad" data-testid="issues" aria-labelledby="issues-title">
          <h3 id="issues-title">
            {im('issuesTitle')} <span class="finding-count">{count(props.plan.issues.length)}</span>
          </h3>
          <p class="muted">{im(props.done !== true ? 'issuesLead' : props.plan.mapping.sourceRef ? 'issuesLeadDoneRef' : 'issuesLeadDone')}</p>
          <div class="table-scroll">
            <table class="intake-table">
              <thead>
                <tr>
                  <th class="col-row">{im('row')}</th>
                  <th class="col-column">{im('column')}</th>
                  <th>{im('reason')}</th>
                </tr>
              </thead>
              <tbody>
                <Capped items={issues()} columns={3}>
                  {(issue) => (
                    <tr data-testid={`issue-${issue.row}`}>
                      <td class="col-row num">{issue.row === 1 ? im('headerRow') : issue.row}</td>
                      <td class="col-column">{issue.column}</td>
                      <td>{tr(issue.reason)}</td>
                    </tr>
                  )}
                </Capped>
              </tbody>
            </table>
          </div>
        </section>
      </Show>

      <Show when={props.plan.alreadyImported.length > 0}>
        <section class="finding finding-info" data-testid="already-imported" aria-labelledby="already-title">
          <h3 id="already-title">
            {im('alreadyImportedTitle')} <span class="finding-count">{count(props.plan.alreadyImported.length)}</span>
          </h3>
          <p class="muted">{im('alreadyImportedLead')}</p>
          <p class="row-runs" data-testid="already-rows">
            {fill('rowsList', { rows: rowRuns(props.plan.alreadyImported) })}
          </p>
        </section>
      </Show>

      <Show when={props.plan.duplicates.length > 0}>
        <section class="finding finding-warn" data-testid="duplicates" aria-labelledby="duplicates-title">
          <h3 id="duplicates-title">
            {im('duplicatesTitle')} <span class="finding-count">{count(props.plan.duplicates.length)}</span>
          </h3>
          <p class="muted">{im('duplicatesLead')}</p>
          <Show when={props.merges}>
            {(merges) => (
              <div class="merge-bar" data-testid="merge-bar">
                <button
                  type="button"
                  class="button"
                  data-testid="merge-all"
                  disabled={props.disabled}
                  onClick={() => {
                    for (const d of props.plan.duplicates) merges().choose(d.row, d.clueIds[0] ?? null);
                  }}
                >
                  {im('mergeAll')}
                </button>
                <button type="button" class="button ghost" data-testid="merge-none" disabled={props.disabled || merges().chosen.size === 0} onClick={() => {
                  for (const d of props.plan.duplicates) merges().choose(d.row, null);
                }}>
                  {im('mergeNone')}
                </button>
                <span class="muted" data-testid="merge-count" aria-live="polite">
                  {fill('mergeChosen', { n: count(merges().chosen.size) })}
                </span>
                <span class="muted merge-hint">{im('mergeScopeHint')}</span>
              </div>
            )}
          </Show>
          <div class="table-scroll">
            <table class="intake-table">
              <thead>
                <tr>
                  <th class="col-row">{im('row')}</th>
                  <th>{im('existingClues')}</th>
                  <Show when={props.merges}>
                    <th>{im('mergeColumn')}</th>
                  </Show>
                </tr>
              </thead>
              <tbody>
                <Capped items={props.plan.duplicates} columns={props.merges ? 3 : 2}>
                  {(duplicate) => (
                    <tr data-testid={`duplicate-${duplicate.row}`}>
                      <td class="col-row num">{duplicate.row}</td>
                      <td>
                        <span class="clue-links">
                          <For each={duplicate.clueIds}>
                            {(id) => (
                              <a href={clueHref(id)} target="_blank" rel="noopener" class="clue-link" data-testid={`clue-link-${id}`}>
                                #{id}
                              </a>
                            )}
                          </For>
                        </span>
                      </td>
                      <Show when={props.merges}>
                        {(merges) => (
                          <td>
                            <select
                              data-testid={`merge-${duplicate.row}`}
                              aria-label={`${im('mergeColumn')} · ${fill('rowOne', { row: duplicate.row })}`}
                              disabled={props.disabled}
                              onChange={(event) => merges().choose(duplicate.row, event.currentTarget.value === '' ? null : Number(event.currentTarget.value))}
                            >
                              <option value="" selected={!merges().chosen.has(duplicate.row)}>
                                {im('keepSeparate')}
                              </option>
                              <For each={duplicate.clueIds}>
                                {(id) => (
                                  <option value={id} selected={merges().chosen.get(duplicate.row) === id}>
                                    {fill('mergeInto', { id })}
                                  </option>
                                )}
                              </For>
                            </select>
                          </td>
                        )}
                      </Show>
                    </tr>
                  )}
                </Capped>
              </tbody>
            </table>
          </div>
        </section>
      </Show>

      <Show when={props.plan.duplicatesInFile.length > 0}>
        <section class="finding finding-warn" data-testid="duplicates-in-file" aria-labelledby="in-file-title">
          <h3 id="in-file-title">
            {im('inFileTitle')} <span class="finding-count">{count(props.plan.duplicatesInFile.length)}</span>
          </h3>
          <p class="muted">{im('inFileLead')}</p>
          <div class="table-scroll">
            <table class="intake-table">
              <thead>
                <tr>
                  <th class="col-row">{im('row')}</th>
                  <th>{im('earlierRow')}</th>
                </tr>
              </thead>
              <tbody>
                <Capped items={props.plan.duplicatesInFile} columns={2}>
                  {(duplicate) => (
                    <tr data-testid={`in-file-${duplicate.row}`}>
                      <td class="col-row num">{duplicate.row}</td>
                      <td>{fill('rowOne', { row: duplicate.sameAs })}</td>
                    </tr>
                  )}
                </Capped>
              </tbody>
            </table>
          </div>
        </section>
      </Show>
    </>
  );
}
