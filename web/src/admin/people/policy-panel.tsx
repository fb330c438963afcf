import { Show, createEffect, createSignal } from 'solid-js';
import { tr } from '../../i18n/i18n';
import { toast } from '../../ui/toasts';
import { peopleApi, type PasswordPolicyWire } from './api';
import { formProblem } from './form-problem';
import { pt } from './messages';

/** The password policy: minimum length and how many past passwords may not be reused. */
/** A number as the field shows it: an emptied field (NaN, sent as it is for the server to refuse by name) shows empty, not "NaN". */
const shown = (n: number): number | '' => (Number.isNaN(n) ? '' : n);

export function PolicyPanel(props: { policy: PasswordPolicyWire; onSaved: () => void }) {
  const [minLength, setMinLength] = createSignal(props.policy.minLength);
  const [reuseHistory, setReuseHistory] = createSignal(props.policy.reuseHistory);
  createEffect(() => {
    setMinLength(props.policy.minLength);
    setReuseHistory(props.policy.reuseHistory);
  });
  const problem = formProblem();
  async function submit(event: SubmitEvent) {
    event.preventDefault();
    problem.clear();
    try {
      await peopleApi.savePolicy({ minLength: minLength(), reuseHistory: reuseHistory() });
      toast(() => pt('saved'), 'info');
      props.onSaved();
    } catch (error) {
      problem.take(error);
    }
  }
  const message = problem.message;
  return (
    <form class="people-section people-form" onSubmit={submit} data-testid="policy-form" novalidate>
      <p class="muted">{pt('policyNote')}</p>
      <div class="people-form-grid">
        <label class="field">
          <span class="field-label">{pt('minLength')}</span>
          <input type="number" min="8" max="128" value={shown(minLength())} onInput={(e) => setMinLength(e.currentTarget.valueAsNumber)} />
          <span class="field-message">{message('minLength')}</span>
        </label>
        <label class="field">
          <span class="field-label">{pt('reuseHistory')}</span>
          <input type="number" min="0" max="24" value={shown(reuseHistory())} onInput={(e) => setReuseHistory(e.currentTarget.valueAsNumber)} />
          <span class="field-message">{message('reuseHistory')}</span>
        </label>
        <div class="people-form-submit">
          <button type="submit" class="button primary">
            {pt('save')}
          </button>
        </div>
      </div>
      <Show when={problem.banner(['minLength', 'reuseHistory'])}>{(r) => <p class="form-error">{tr(r())}</p>}</Show>
    </form>
  );
}
