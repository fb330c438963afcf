import { For, Show, createSignal } from 'solid-js';
import { bulkColumnLabels, bulkColumns, maxBulkCsvChars, roleLabels } from '../../../../api/contracts/users';
import { decodeCsv, UnknownEncoding } from '../../../../engine/intake/text-encoding';
import { tr } from '../../i18n/i18n';
import { BulkRefused, peopleApi, type BulkUsersPlan } from './api';
import { formProblem } from './form-problem';
import { pt, type PeopleMessageKey } from './messages';
import { scrollCue } from '../../ui/scroll-cue';

/** A problem's column in the reader's language: the server names them by their codes. */
const isColumn = (column: string): column is (typeof bulkColumns)[number] => (bulkColumns as readonly string[]).includes(column);
// A cell of its own, the column's name starts as a header does ("Role", "Initial password"); the labels are a
// sentence's words ("Missing column: initial password (password)").
const headerCase = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);
const columnName = (column: string) => (isColumn(column) ? headerCase(tr(bulkColumnLabels[column])) : column);

/** The header line the textarea shows before anything is typed: in the reader's language (both are read). */
const csvPlaceholder = { zh: bulkColumns.map((column) => bulkColumnLabels[column].zh).join(','), en: bulkColumns.join(',') };

/** Accounts from a CSV: checked first, created all at once or not at all, with each bad row's column and reason. */
export function BulkPanel(props: { onCreated: () => void }) {
  const [csv, setCsv] = createSignal('');
  const [plan, setPlan] = createSignal<BulkUsersPlan | null>(null);
  const [busy, setBusy] = createSignal(false);
  const problem = formProblem();

  const [local, setLocal] = createSignal<PeopleMessageKey | null>(null);

  /** A chosen file's text as Excel saves it (GBK on a Chinese Windows), not only UTF-8; one in no known encoding is said so. */
  /** The CSV changed (another file, an edit): what was checked of the one before is not shown beside it. */
  function forgetCheck() {
    setPlan(null);
    problem.clear();
  }

  async function readFile(file: File) {
    setLocal(null);
    forgetCheck();
    try {
      setCsv(decodeCsv(new Uint8Array(await file.arrayBuffer())).text);
    } catch (error) {
      if (!(error instanceof UnknownEncoding)) throw error;
      setCsv('');
      setLocal('bulkUnreadable');
    }
  }

  async function run(commit: boolean) {
    if (csv().length > maxBulkCsvChars) {
      setLocal('bulkTooLong');
      return;
    }
    setLocal(null);
    setBusy(true);
    problem.clear();
    try {
      const answer = await peopleApi.bulk(csv(), commit);
      setPlan(answer);
      if (commit) {
        // Created: the accounts stay listed, the CSV goes (sent again, it was refused whole as usernames taken, under the list).
        setCsv('');
        props.onCreated();
      }
    } catch (error) {
      if (error instanceof BulkRefused) setPlan(error.plan);
      else setPlan(null);
      problem.take(error instanceof BulkRefused ? error.problem : error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="people-section" data-testid="bulk-panel">
      <p class="muted">{pt('bulkLead')}</p>
      <label class="button people-file-button">
        {pt('chooseCsv')}
        <input
          type="file"
          accept=".csv,.txt,text/csv,text/plain"
          class="visually-hidden"
          data-testid="bulk-file"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            if (file !== undefined) void readFile(file);
          }}
        />
      </label>
      <textarea class="people-csv" rows={8} aria-label="CSV" value={csv()} onInput={(e) => {
          setCsv(e.currentTarget.value);
          if (plan() !== null) forgetCheck();
        }} placeholder={tr(csvPlaceholder)} />
      <div class="people-form-submit">
        <button type="button" class="button" disabled={busy() || csv().trim() === ''} onClick={() => run(false)}>
          {pt('check')}
        </button>
        {/* Checked and found wrong: nothing would be created until the CSV changes (which forgets the check). */}
        <button type="button" class="button primary" data-testid="bulk-create" disabled={busy() || csv().trim() === '' || (plan()?.issues.length ?? 0) > 0} onClick={() => run(true)}>
          {pt('createAll')}
        </button>
      </div>
      <Show when={local()}>
        {(key) => (
          <p class="form-error" role="alert" data-testid="bulk-local-error">
            {pt(key())}
          </p>
        )}
      </Show>
      <Show when={problem.reason()}>{(r) => <p class="form-error" role="alert">{tr(r())}</p>}</Show>
      <Show when={plan()}>
        {(p) => (
          <div data-testid="bulk-plan">
            <p>
              {p().valid} / {p().rows} {pt('bulkValid')}
            </p>
            <Show when={p().issues.length > 0}>
              <table class="people-table" ref={scrollCue} data-testid="bulk-issues">
                <thead>
                  <tr>
                    <th>{pt('row')}</th>
                    <th>{pt('column')}</th>
                    <th>{pt('reason')}</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={p().issues}>
                    {(issue) => (
                      <tr>
                        <td>{issue.row}</td>
                        <td>{columnName(issue.column)}</td>
                        <td>{tr(issue.reason)}</td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </Show>
            <Show when={p().created}>
              {(created) => (
                <>
                  <h3>{pt('bulkCreated')}</h3>
                  <ul>
                    <For each={created()}>
                      {(u) => (
                        <li>
                          <span class="mono">{u.username}</span> {u.displayName} · {tr(roleLabels[u.role])}
                        </li>
                      )}
                    </For>
                  </ul>
                </>
              )}
            </Show>
          </div>
        )}
      </Show>
    </section>
  );
}
