import { For, Show, createSignal } from 'solid-js';
import { roleLabels } from '../../../../api/contracts/users';
import { tr } from '../../i18n/i18n';
import { BulkRefused, peopleApi, type BulkUsersPlan } from './api';
import { formProblem } from './form-problem';
import { pt } from './messages';

/** Accounts from a CSV: checked first, created all at once or not at all, with each bad row's column and reason. */
export function BulkPanel(props: { onCreated: () => void }) {
  const [csv, setCsv] = createSignal('');
  const [plan, setPlan] = createSignal<BulkUsersPlan | null>(null);
  const [busy, setBusy] = createSignal(false);
  const problem = formProblem();

  async function run(commit: boolean) {
    setBusy(true);
    problem.clear();
    try {
      const answer = await peopleApi.bulk(csv(), commit);
      setPlan(answer);
      if (commit) props.onCreated();
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
      <label class="button">
        {pt('chooseCsv')}
        <input
          type="file"
          accept=".csv,text/csv"
          class="visually-hidden"
          onChange={async (e) => {
            const file = e.currentTarget.files?.[0];
            if (file !== undefined) setCsv(await file.text());
          }}
        />
      </label>
      <textarea class="people-csv" rows={8} aria-label="CSV" value={csv()} onInput={(e) => setCsv(e.currentTarget.value)} placeholder="username,displayName,role,unit,password" />
      <div class="people-form-submit">
        <button type="button" class="button" disabled={busy() || csv().trim() === ''} onClick={() => run(false)}>
          {pt('check')}
        </button>
        <button type="button" class="button primary" disabled={busy() || csv().trim() === ''} onClick={() => run(true)}>
          {pt('createAll')}
        </button>
      </div>
      <Show when={problem.reason()}>{(r) => <p class="form-error" role="alert">{tr(r())}</p>}</Show>
      <Show when={plan()}>
        {(p) => (
          <div data-testid="bulk-plan">
            <p>
              {p().valid} / {p().rows} {pt('bulkValid')}
            </p>
            <Show when={p().issues.length > 0}>
              <table class="people-table" data-testid="bulk-issues">
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
                        <td class="mono">{issue.column}</td>
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
