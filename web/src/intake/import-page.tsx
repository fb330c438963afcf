import { useParams } from '@solidjs/router';
import { For, Match, Show, Switch, createResource, createSignal, onCleanup } from 'solid-js';
import type { Label } from '../../../engine/labels';
import { ApiProblem } from '../api/problem';
import { randomUuid } from '../api/random-uuid';
import { aside, colon, lang, named, tr } from '../i18n/i18n';
import { movesItems } from '../../../engine/actor';
import { me } from '../session/session';
import { announce } from '../ui/announcer';
import { TopBar } from '../ui/top-bar';
import { usePageTitle } from '../ui/page-title';
import { keptMerges, mergesToSend, refusedForMerge, type RowChoice } from './kept-merges';
import { ImportRefused, intakeApi, maxImportBytes, templateUrl, uploadImport, uploadType, type DuplicateRule, type ImportField, type ImportMapping, type ImportPlan } from './api';
import { FileDrop } from './file-drop';
import { ImportDone } from './import-done';
import { MappingForm } from './mapping-form';
import { count, fill, formatLabel, im, intakeMessages } from './messages';
import { PlanFindings, PlanSummary, choiceCounts, invalidRows, type MergeChoices } from './plan-report';
import { ProgressBar, type UploadProgress } from './progress-bar';
import { columnsLeft } from './columns-left';
import './intake.css';

/** A failure as the page shows it: what was tried, and the server's reason (its first field message when it gave one). */
interface Failure {
  readonly heading: Label;
  readonly detail: Label | null;
}

function failureOf(error: unknown, heading: Label): Failure {
  if (error instanceof ImportRefused) return { heading: intakeMessages.refused, detail: error.problem.fields[0]?.message ?? error.problem.reason };
  if (error instanceof ApiProblem) return { heading, detail: error.fields[0]?.message ?? error.reason };
  return { heading, detail: null };
}

/** `/campaigns/:id/import`: clues from a spreadsheet, checked first (format, mapping, every row), then imported. */
export function ImportPage() {
  const params = useParams<{ id: string }>();
  const campaignId = () => Number(params.id);
  const [campaign] = createResource(campaignId, (id) => intakeApi.campaign(id));
  usePageTitle('import', campaign);
  const [file, setFile] = createSignal<File | null>(null);
  const [plan, setPlan] = createSignal<ImportPlan | null>(null);
  const [result, setResult] = createSignal<ImportPlan | null>(null);
  const [progress, setProgress] = createSignal<UploadProgress | null>(null);
  const [merges, setMerges] = createSignal<ReadonlyMap<number, RowChoice>>(new Map());
  const mergeChoices: MergeChoices = {
    get chosen() {
      return merges();
    },
    choose: (choices) => {
      const next = new Map(merges());
      for (const [row, choice] of choices) {
        if (choice === null) next.delete(row);
        else next.set(row, choice);
      }
      setMerges(next);
    },
  };
  const [failure, setFailure] = createSignal<Failure | null>(null);
  /** A check's answer shown: the merges chosen against the one before it kept only where this one offers them still. */
  function showPlan(next: ImportPlan) {
    setPlan(next);
    setMerges((chosen) => keptMerges(chosen, next));
  }
  const readOnly = () => {
    const role = me()?.role;
    return role !== undefined && !movesItems(role);
  };
  // Nothing is created in a concluded campaign: the file is not asked for, only for the server to refuse it.
  const concluded = () => campaign()?.state === 'concluded';
  const busy = () => progress() !== null;
  const importing = () => progress()?.stage === 'importing';

  // One request at a time: a new check (another file, another mapping) supersedes the one in flight.
  let inFlight: AbortController | null = null;
  onCleanup(() => inFlight?.abort());

  async function send(
    stage: UploadProgress['stage'],
    chosen: File,
    options: { commit: boolean; onlyValid?: boolean; mapping?: ImportMapping; merges?: ReadonlyMap<number, number | null | 'skip'>; duplicates?: DuplicateRule; keepFailure?: boolean },
  ): Promise<ImportPlan | null> {
    inFlight?.abort();
    const controller = new AbortController();
    inFlight = controller;
    setProgress({ stage, sent: 0, server: null });
    if (options.keepFailure !== true) setFailure(null);
    // Once the file is sent, the server's own progress is asked for at once and then twice a second until the answer comes.
    const progressId = randomUuid();
    let polling: ReturnType<typeof setInterval> | undefined;
    const ask = () => {
      void intakeApi.progress(progressId).then((server) => {
        if (inFlight === controller && server !== null) setProgress({ stage, sent: 1, server });
      });
    };
    const follow = () => {
      if (polling !== undefined) return;
      polling = setInterval(ask, 500);
      ask();
    };
    try {
      const { keepFailure: _kept, ...upload } = options;
      return await uploadImport(campaignId(), chosen, {
        ...upload,
        progressId,
        signal: controller.signal,
        onProgress: (sent, total) => {
          if (inFlight !== controller) return;
          setProgress({ stage, sent: total === 0 ? null : sent / total, server: null });
          if (sent >= total) follow();
        },
      });
    } catch (error) {
      if (inFlight !== controller || (error instanceof ApiProblem && error.code === 'aborted')) return null;
      if (error instanceof ImportRefused) showPlan(error.plan);
      // Not announced as well: the box it is shown in is an alert, read out as it appears, and the live region read it a
      // second time (a file named .xlsx holding text was said twice, in the page's text too).
      setFailure(failureOf(error, stage === 'importing' ? intakeMessages.refused : intakeMessages.previewFailed));
      return null;
    } finally {
      clearInterval(polling);
      if (inFlight === controller) {
        inFlight = null;
        setProgress(null);
      }
    }
  }

  async function preview(chosen: File, mapping?: ImportMapping, keepFailure = false) {
    const answer = await send('checking', chosen, { commit: false, keepFailure, ...(mapping !== undefined && { mapping }) });
    if (answer === null) return;
    showPlan(answer);
    announce(`${im('summaryTitle')}${colon()}${[`${im('rows')} ${answer.rows}`, `${im('valid')} ${answer.valid}`, `${im('invalid')} ${invalidRows(answer)}`].join(lang() === 'zh' ? '，' : ', ')}`);
  }

  function choose(chosen: File) {
    const refusal = chosen.size > maxImportBytes ? intakeMessages.fileTooLarge : uploadType(chosen) === null ? intakeMessages.fileOldExcel : chosen.size === 0 ? intakeMessages.fileEmpty : null;
    inFlight?.abort();
    setFile(chosen);
    setPlan(null);
    setResult(null);
    setMerges(new Map());
    if (refusal !== null) {
      setFailure({ heading: intakeMessages.previewFailed, detail: refusal });
      return;
    }
    void preview(chosen);
  }

  function remap(field: ImportField, header: string | null) {
    const chosen = file();
    const current = plan();
    if (chosen === null || current === null) return;
    void preview(chosen, { ...current.mapping, [field]: header });
  }

  async function commit(onlyValid: boolean) {
    const chosen = file();
    const current = plan();
    if (chosen === null || current === null) return;
    // Only rows still shown as duplicates of this check are merged (a remapped file may name other rows).
    const shown = new Set(current.duplicates.map((d) => d.row));
    const chosenMerges = new Map([...merges()].filter(([row]) => shown.has(row)));
    const answer = await send('importing', chosen, { commit: true, onlyValid, mapping: current.mapping, ...mergesToSend(chosenMerges, current) });
    if (answer === null) {
      // Refused for a merge whose clue was merged meanwhile into another: the file is checked again, under the
      // refusal, so that its row offers what it may merge into now (the survivor the refusal names).
      const refused = plan();
      if (failure() !== null && refused !== null && refusedForMerge(refused)) await preview(chosen, current.mapping, true);
      return;
    }
    setResult(answer);
    const skipped = answer.skippedDuplicates ?? 0;
    announce(`${im('doneTitle')}${colon()}${im('created')} ${answer.created ?? 0}${skipped === 0 ? '' : `${lang() === 'zh' ? '，' : ', '}${im('skippedDuplicates')} ${skipped}`}`);
  }

  function reset() {
    inFlight?.abort();
    setFile(null);
    setPlan(null);
    setResult(null);
    setFailure(null);
    setMerges(new Map());
  }

  /** The rows the import will create: the valid ones but those chosen to be skipped. */
  const toCreate = (current: ImportPlan) => {
    const shown = new Set(current.duplicates.map((d) => d.row));
    return current.valid - choiceCounts(new Map([...merges()].filter(([row]) => shown.has(row)))).skipped;
  };

  const blockedReason = (current: ImportPlan): string | null => {
    if (readOnly()) return im('readOnlyHint');
    if (concluded()) return im('concludedHint');
    // Not even its valid rows: those after the quote may not be the rows its writer wrote.
    if (current.unclosedQuotes.length > 0) return im('unclosedQuoteBlocked');
    if (current.strayQuotes.length > 0) return im('strayQuoteBlocked');
    if (current.valid === 0) return im(current.alreadyImported.length > 0 && current.alreadyImported.length + invalidRows(current) >= current.rows ? 'allImported' : 'nothingToImport');
    if (current.issues.length > 0) return im('importBlocked');
    return null;
  };

  return (
    <div class="app intake-app">
      <TopBar>
        {/* As on the other pages of a campaign: its navigation marks this one and leads back to the board. */}
        <div class="campaign-head">
          <Show when={campaign()}>{(detail) => <h1 class="campaign-name">{named(detail())}</h1>}</Show>
        </div>
      </TopBar>
      <main class="intake-page" data-testid="import-page">
        <div class="intake-document">
          <header class="intake-heading">
            <h2>{im('pageTitle')}</h2>
            <p class="muted">{im('pageLead')}</p>
            <p class="intake-template">
              <a href={templateUrl(campaignId(), lang())} download="" data-testid="import-template">
                {im('template')}
              </a>
              <span class="muted">{im('templateHint')}</span>
            </p>
          </header>

          {/* A read-only account, or any after the campaign concluded, is told before it chooses a file, not by the check's refusal after. */}
          <Show
            when={!readOnly() && !concluded()}
            fallback={
              <p class="form-error intake-error" data-testid="import-read-only">
                {im(readOnly() ? 'readOnlyHint' : 'concludedHint')}
              </p>
            }
          >
            <FileDrop file={file()} disabled={importing()} onFile={choose} />
          </Show>

          <Show when={progress()}>{(current) => <ProgressBar progress={current()} onCancel={current().stage === 'checking' ? () => inFlight?.abort() : undefined} />}</Show>

          <Show when={failure()}>
            {(shown) => (
              <div class="form-error intake-error" role="alert" data-testid="import-error">
                <strong>{tr(shown().heading)}</strong>
                <Show when={shown().detail}>{(detail) => <span>{tr(detail())}</span>}</Show>
              </div>
            )}
          </Show>

          <Switch>
            <Match when={result()}>{(done) => <ImportDone result={done()} campaignId={campaignId()} onAgain={reset} />}</Match>
            <Match when={plan()}>
              {(current) => (
                <div class="intake-columns" classList={{ 'is-stale': busy() }}>
                  <div class="intake-side">
                    <p class="intake-format" data-testid="format" data-format={current().format}>
                      <span class="muted">{im('fileFormat')}</span>
                      <strong>{formatLabel(current().format)}</strong>
                      <span class="muted">
                        · {count(current().headers.length)} {im('columns')}
                      </span>
                      {/* Which sheet and which row were read, where it could have been another: said, so a wrong guess is seen. */}
                      <Show when={current().sheet}>
                        {(sheet) => (
                          <span class="muted" data-testid="sheet-read">
                            · {fill('sheetRead', { name: sheet().name })}
                            <Show when={sheet().othersShown > 0}>
                              {' · '}
                              <strong data-testid="sheets-not-read">{fill('sheetsNotRead', { n: sheet().othersShown })}</strong>
                            </Show>
                          </span>
                        )}
                      </Show>
                      {/* Columns no field takes that still reach the clue (phone numbers, accounts): said, as nothing else on the page shows them. */}
                      <Show when={current().appendedColumns.length > 0}>
                        <span class="muted" data-testid="appended-columns">
                          · {fill('appendedColumns', { names: current().appendedColumns.join(lang() === 'zh' ? '、' : ', ') })}
                        </span>
                      </Show>
                      {/* Landlines given back the 0 the spreadsheet dropped: said, as the file is changed by it. */}
                      <For each={current().restoredZeros}>
                        {(restored) => (
                          <span class="muted" data-testid="restored-zeros">
                            · {fill('restoredZeros', { column: restored.column, n: restored.rows, row: restored.firstRow, value: restored.value })}
                          </span>
                        )}
                      </For>
                      {/* And those that reach nothing (a register's 备注): said, not dropped without a word. */}
                      <Show when={columnsLeft(current()).length > 0}>
                        <span class="muted" data-testid="columns-left">
                          · {fill('columnsLeft', { names: columnsLeft(current()).join(lang() === 'zh' ? '、' : ', ') })}
                        </span>
                      </Show>
                      <Show when={current().headerLastRow > 1}>
                        <span class="muted" data-testid="header-row">
                          · {current().headerLastRow > current().headerRow ? fill('headerOnRows', { from: current().headerRow, to: current().headerLastRow }) : fill('headerOnRow', { row: current().headerRow })}
                        </span>
                      </Show>
                    </p>
                    <MappingForm plan={current()} disabled={importing()} onChange={remap} />
                  </div>
                  <section class="intake-card intake-results" aria-labelledby="summary-title" data-testid="plan">
                    <h2 id="summary-title">{im('summaryTitle')}</h2>
                    <PlanSummary plan={current()} />
                    <div class="intake-actions" data-testid="import-actions">
                      <button
                        type="button"
                        class="button primary"
                        data-testid="import-all"
                        disabled={busy() || blockedReason(current()) !== null}
                        title={blockedReason(current()) ?? undefined}
                        onClick={() => void commit(false)}
                      >
                        {im('importAll')}
                        {/* No count while rows are wrong: it imports nothing then, and "导入（16）" beside "仅导入无错误的行（16）" read as if it would. */}
                        {current().issues.length > 0 ? null : aside(count(toCreate(current())))}
                      </button>
                      <Show when={current().issues.length > 0}>
                        <button
                          type="button"
                          class="button"
                          data-testid="import-valid"
                          disabled={busy() || readOnly() || current().valid === 0 || current().unclosedQuotes.length > 0 || current().strayQuotes.length > 0}
                          onClick={() => void commit(true)}
                        >
                          {im('importValid')}
                          {aside(count(toCreate(current())))}
                        </button>
                      </Show>
                      <Show when={blockedReason(current())}>
                        {(reason) => (
                          <span class="intake-blocked muted" data-testid="import-blocked">
                            {reason()}
                          </span>
                        )}
                      </Show>
                    </div>
                    <PlanFindings plan={current()} campaignId={campaignId()} disabled={busy() || readOnly()} merges={readOnly() ? undefined : mergeChoices} />
                  </section>
                </div>
              )}
            </Match>
          </Switch>
        </div>
      </main>
    </div>
  );
}
