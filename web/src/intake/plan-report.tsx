import { For, Show, createMemo, createSignal, type JSX } from 'solid-js';
import { aside, colon, lang, named, tr } from '../i18n/i18n';
import { me } from '../session/session';
import { stateLabel, useUnits } from './duplicate-hint';
import type { ImportPlan } from './api';
import type { RowChoice } from './kept-merges';
import { issuesCsv } from './issues-csv';
import { firstRows } from './first-rows';
import { count, fill, identifierKindLabels, identifierText, im, importFieldLabels, rowRuns, type IntakeMessageKey } from './messages';
import { calendarDay } from '../ui/dates';

const firstShown = 100;
/** The rows a finding said in a line names before it counts the rest. */
const rowsNamed = 10;

/** Rows that cannot be imported: every row when a required column is missing, else each row named by an issue. */
export function invalidRows(plan: ImportPlan): number {
  if (plan.issues.some((i) => i.field !== undefined && i.field !== 'merge')) return plan.rows;
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
              {im('showAll')}
              {aside(count(props.items.length))}
            </button>
          </td>
        </tr>
      </Show>
    </>
  );
}

/** One kind of finding: a titled, counted section, a line saying what it means, and what was found. */
function Finding(props: { tone: 'bad' | 'info' | 'warn'; testId: string; title: IntakeMessageKey; count: number; lead: string; children: JSX.Element }) {
  const titleId = `${props.testId}-title`;
  return (
    <section class={`finding finding-${props.tone}`} data-testid={props.testId} aria-labelledby={titleId}>
      <h3 id={titleId}>
        {im(props.title)} <span class="finding-count">{count(props.count)}</span>
      </h3>
      <p class="muted">{props.lead}</p>
      {props.children}
    </section>
  );
}

/** A finding's rows under their column heads: the first hundred, the rest on demand. */
function FindingTable<T>(props: { head: JSX.Element; columns: number; items: readonly T[]; children: (item: T) => JSX.Element }) {
  return (
    <div class="table-scroll">
      <table class="intake-table">
        <thead>
          <tr>{props.head}</tr>
        </thead>
        <tbody>
          <Capped items={props.items} columns={props.columns}>
            {props.children}
          </Capped>
        </tbody>
      </table>
    </div>
  );
}

/** The user's choices for the duplicate rows in a preview: row → the existing clue it merges into on import, or 'skip'. */
export interface MergeChoices {
  readonly chosen: ReadonlyMap<number, RowChoice>;
  /** Row → the clue it merges into, 'skip', or null to keep it as a new clue; many at once for "all" and "none". */
  readonly choose: (choices: readonly (readonly [row: number, choice: RowChoice | null])[]) => void;
}

/** How many rows a choice of each kind names: merged into an existing clue, and skipped. */
export function choiceCounts(chosen: ReadonlyMap<number, RowChoice>): { merged: number; skipped: number } {
  let skipped = 0;
  for (const choice of chosen.values()) if (choice === 'skip') skipped += 1;
  return { merged: chosen.size - skipped, skipped };
}

/** The column a problem is in: the file's header, else (none in the file) the field it is about, in the reader's language. */
function issueColumn(issue: ImportPlan['issues'][number]): string {
  if (issue.column !== '') return issue.column;
  if (issue.field === 'merge') return im('mergeColumn');
  return issue.field === undefined ? '—' : tr(importFieldLabels[issue.field]);
}

/** The check's problems saved as a CSV (see issuesCsv), as the table lists them. */
function downloadIssues(issues: readonly ImportPlan['issues'][number][]): void {
  const rows = issues.map((issue) => [issue.field !== undefined && issue.field !== 'merge' ? im('headerRow') : issue.row, issueColumn(issue), tr(issue.reason)] as const);
  const url = URL.createObjectURL(new Blob([issuesCsv([im('row'), im('column'), im('reason')], rows)], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `${im('issuesCsvName')}.csv`;
  link.click();
  // After the browser has taken the file: a URL revoked at once may be gone before the download starts.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** What the check found, row by row: problems, rows imported before, possible duplicates (with the merge choice before an import). */
export function PlanFindings(props: { plan: ImportPlan; campaignId: number; done?: boolean; merges?: MergeChoices; disabled?: boolean }) {
  const issues = () => [...props.plan.issues].sort((a, b) => a.row - b.row);
  const clueHref = (id: number) => `/campaigns/${props.campaignId}/board?item=${id}`;
  const units = useUnits();
  const clues = createMemo(() => new Map(props.plan.duplicateClues.map((clue) => [clue.id, clue])));
  // What an existing clue is, beside its number: its title, or (another unit's, not the importer's to read) its unit and state.
  const described = (id: number): string => {
    const clue = clues().get(id);
    if (clue === undefined) return '';
    if (clue.title !== null) return clue.title;
    const unit = units()?.find((u) => u.id === clue.unitId);
    return `${unit === undefined ? clue.unitId : named(unit)} · ${stateLabel(clue.state)}`;
  };
  const counts = createMemo(() => choiceCounts(props.merges?.chosen ?? new Map()));
  // What became of each duplicate row, said on the done screen (an import's answer names the rows skipped and merged;
  // one kept from before it did gives no outcomes, and none is said rather than a wrong one).
  const outcomes = createMemo(() => {
    const { skippedRows, mergedRows } = props.plan;
    if (props.done !== true || skippedRows === undefined || mergedRows === undefined) return null;
    return { skipped: new Set(skippedRows), mergedInto: new Map(mergedRows.map((m) => [m.row, m.into])), refused: new Set(props.plan.issues.map((i) => i.row)) };
  });
  const outcomeOf = (row: number): JSX.Element => {
    const known = outcomes();
    if (known === null) return null;
    const into = known.mergedInto.get(row);
    if (into !== undefined) {
      return (
        <a href={clueHref(into)} target="_blank" rel="noopener" class="clue-link">
          {fill('outcomeMerged', { id: into })}
        </a>
      );
    }
    return im(known.skipped.has(row) ? 'outcomeSkipped' : known.refused.has(row) ? 'outcomeRefused' : 'outcomeImported');
  };
  const shortly = (text: string) => (text.length > 24 ? `${text.slice(0, 23)}…` : text);
  return (
    <>
      <Show
        when={props.plan.issues.length > 0}
        fallback={
          <Show when={props.done !== true}>
            {/* A file of its header alone (the template downloaded and sent back unfilled) has nothing that "can be imported". */}
            <Show
              when={props.plan.rows > 0}
              fallback={
                <p class="intake-blocked-note" data-testid="no-rows">
                  {im('noRows')}
                </p>
              }
            >
              <p class="intake-ok" data-testid="no-issues">
                {im('noIssues')}
              </p>
            </Show>
          </Show>
        }
      >
        <Finding
          tone="bad"
          testId="issues"
          title="issuesTitle"
          count={props.plan.issues.length}
          lead={im(props.done === true ? (props.plan.mapping.sourceRef ? 'issuesLeadDoneRef' : 'issuesLeadDone') : quoteBlocked(props.plan) ? 'issuesLeadBlocked' : 'issuesLead')}
        >
          <p>
            <button type="button" class="button small" data-testid="issues-csv" onClick={() => downloadIssues(issues())}>
              {im('issuesCsv')}
            </button>
          </p>
          <FindingTable
            head={
              <>
                <th class="col-row">{im('row')}</th>
                <th class="col-column">{im('column')}</th>
                <th>{im('reason')}</th>
              </>
            }
            columns={3}
            items={issues()}
          >
            {(issue) => (
              <tr data-testid={`issue-${issue.row}`}>
                <td class="col-row num">{issue.field !== undefined && issue.field !== 'merge' ? im('headerRow') : issue.row}</td>
                <td class="col-column">{issueColumn(issue)}</td>
                <td>{tr(issue.reason)}</td>
              </tr>
            )}
          </FindingTable>
        </Finding>
      </Show>

      <Show when={props.plan.foundBeforeCampaign}>
        {(before) => (
          <Finding
            tone="warn"
            testId="found-before-campaign"
            title="foundBeforeTitle"
            count={before().rows.length}
            lead={fill(props.done === true ? 'foundBeforeLeadDone' : 'foundBeforeLead', { start: calendarDay(before().campaignStart), column: before().column })}
          >
            <p class="row-runs" data-testid="found-before-rows">
              {foundBeforeRows(before().rows)}
            </p>
          </Finding>
        )}
      </Show>

      <Show when={props.plan.alreadyImported.length > 0}>
        <Finding
          tone="info"
          testId="already-imported"
          title={props.done === true ? 'alreadyImportedTitleDone' : 'alreadyImportedTitle'}
          count={props.plan.alreadyImported.length}
          lead={im(props.done === true ? 'alreadyImportedLeadDone' : 'alreadyImportedLead')}
        >
          <p class="row-runs" data-testid="already-rows">
            {fill(props.plan.alreadyImported.length === 1 ? 'rowsListOne' : 'rowsList', { rows: rowRuns(props.plan.alreadyImported) })}
          </p>
        </Finding>
      </Show>

      <Show when={props.plan.duplicates.length > 0}>
        {/* Done, the rows say what became of them: the choice they offered is made, and its instructions are no longer for anyone. */}
        <Finding tone="warn" testId="duplicates" title="duplicatesTitle" count={props.plan.duplicates.length} lead={im(props.done === true ? 'duplicatesLeadDone' : 'duplicatesLead')}>
          <Show when={props.merges}>
            {(merges) => (
              <div class="merge-bar" data-testid="merge-bar">
                <button
                  type="button"
                  class="button"
                  data-testid="merge-all"
                  disabled={props.disabled}
                  onClick={() => merges().choose(props.plan.duplicates.map((d) => [d.row, d.mergeInto[0] ?? null]))}
                >
                  {im('mergeAll')}
                </button>
                <button
                  type="button"
                  class="button"
                  data-testid="skip-all"
                  disabled={props.disabled}
                  onClick={() => merges().choose(props.plan.duplicates.map((d) => [d.row, 'skip']))}
                >
                  {im('skipAll')}
                </button>
                <button
                  type="button"
                  class="button ghost"
                  data-testid="merge-none"
                  disabled={props.disabled || merges().chosen.size === 0}
                  onClick={() => merges().choose(props.plan.duplicates.map((d) => [d.row, null]))}
                >
                  {im('mergeNone')}
                </button>
                <span class="muted" data-testid="merge-count" aria-live="polite">
                  {fill(counts().merged === 1 ? 'mergeChosenOne' : 'mergeChosen', { n: count(counts().merged) })}
                </span>
                <span class="muted" data-testid="skip-count" aria-live="polite">
                  {fill(counts().skipped === 1 ? 'skipChosenOne' : 'skipChosen', { n: count(counts().skipped) })}
                </span>
                {/* Said to a unit lead, who may merge only into their own units' clues; the office merges into any. */}
                <Show when={me()?.role !== 'office'}>
                  <span class="muted merge-hint">{im('mergeScopeHint')}</span>
                </Show>
              </div>
            )}
          </Show>
          <FindingTable
            head={
              <>
                <th class="col-row">{im('row')}</th>
                <th>{im('existingClues')}</th>
                <Show when={props.merges}>
                  <th>{im('mergeColumn')}</th>
                </Show>
                <Show when={outcomes()}>
                  <th>{im('outcomeColumn')}</th>
                </Show>
              </>
            }
            columns={props.merges || outcomes() ? 3 : 2}
            items={props.plan.duplicates}
          >
            {(duplicate) => (
              <tr data-testid={`duplicate-${duplicate.row}`}>
                <td class="col-row num">{duplicate.row}</td>
                <td>
                  <span class="clue-links">
                    <For each={duplicate.clueIds}>
                      {(id) => (
                        <a href={clueHref(id)} target="_blank" rel="noopener" class="clue-link titled" title={described(id)} data-testid={`clue-link-${id}`}>
                          <span>#{id}</span>
                          <Show when={described(id) !== ''}>
                            <span class="clue-link-title" classList={{ muted: clues().get(id)?.title === null }}>
                              {described(id)}
                            </span>
                          </Show>
                        </a>
                      )}
                    </For>
                  </span>
                  {/* Why it is one: the numbers it shares with them (none said for a word-for-word copy). */}
                  <Show when={duplicate.matched.length > 0}>
                    <span class="muted duplicate-matched" data-testid={`matched-${duplicate.row}`}>
                      {im('sharedNumbers')}
                      {colon()}
                      {duplicate.matched.map((identifier) => `${tr(identifierKindLabels[identifier.kind])} ${identifierText(identifier.value)}`).join(lang() === 'zh' ? '、' : ', ')}
                    </span>
                  </Show>
                </td>
                <Show when={props.merges}>
                  {(merges) => (
                    <td>
                      {/* A row its importer may not merge may still be skipped: that asks no right over the clue it repeats. */}
                      <select
                        data-testid={`merge-${duplicate.row}`}
                        aria-label={`${im('mergeColumn')} · ${fill('rowOne', { row: duplicate.row })}`}
                        disabled={props.disabled}
                        onChange={(event) => {
                          const value = event.currentTarget.value;
                          merges().choose([[duplicate.row, value === '' ? null : value === 'skip' ? 'skip' : Number(value)]]);
                        }}
                      >
                        <option value="" selected={!merges().chosen.has(duplicate.row)}>
                          {im('keepSeparate')}
                        </option>
                        <option value="skip" selected={merges().chosen.get(duplicate.row) === 'skip'}>
                          {im('skipRow')}
                        </option>
                        <For each={duplicate.mergeInto}>
                          {(id) => (
                            <option value={id} selected={merges().chosen.get(duplicate.row) === id}>
                              {`${fill('mergeInto', { id })}${described(id) === '' ? '' : ` · ${shortly(described(id))}`}`}
                            </option>
                          )}
                        </For>
                      </select>
                      <Show when={duplicate.mergeInto.length === 0}>
                        <span class="muted merge-none-note" data-testid={`merge-${duplicate.row}-none`}>
                          {im('cannotMerge')}
                        </span>
                      </Show>
                    </td>
                  )}
                </Show>
                <Show when={outcomes()}>
                  <td data-testid={`outcome-${duplicate.row}`}>{outcomeOf(duplicate.row)}</td>
                </Show>
              </tr>
            )}
          </FindingTable>
        </Finding>
      </Show>

      <Show when={props.plan.duplicatesInFile.length > 0}>
        <Finding tone="warn" testId="duplicates-in-file" title="inFileTitle" count={props.plan.duplicatesInFile.length} lead={im(props.done === true ? 'inFileLeadDone' : 'inFileLead')}>
          <FindingTable
            head={
              <>
                <th class="col-row">{im('row')}</th>
                <th>{im('earlierRow')}</th>
                <Show when={outcomes()}>
                  <th>{im('outcomeColumn')}</th>
                </Show>
              </>
            }
            columns={outcomes() ? 3 : 2}
            items={props.plan.duplicatesInFile}
          >
            {(duplicate) => (
              <tr data-testid={`in-file-${duplicate.row}`}>
                <td class="col-row num">{duplicate.row}</td>
                <td>{fill('rowOne', { row: duplicate.sameAs })}</td>
                <Show when={outcomes()}>
                  <td data-testid={`in-file-outcome-${duplicate.row}`}>{outcomeOf(duplicate.row)}</td>
                </Show>
              </tr>
            )}
          </FindingTable>
        </Finding>
      </Show>
    </>
  );
}

/** The rows found before the campaign, the first few by number and the rest counted: 第 2–4、9 行等，共 1,500 行. */
function foundBeforeRows(rows: readonly number[]): string {
  const { first, more } = firstRows(rows, rowsNamed);
  if (more > 0) return fill('rowsListMore', { rows: rowRuns(first), n: count(rows.length) });
  return fill(first.length === 1 ? 'rowsListOne' : 'rowsList', { rows: rowRuns(first) });
}

/** A quote the file does not close, or text after a closing one: the file is not read as written, and no row of it is imported (not even those without problems). */
const quoteBlocked = (plan: ImportPlan) => plan.unclosedQuotes.length > 0 || plan.strayQuotes.length > 0;
