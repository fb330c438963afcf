import { useLocation, useNavigate } from '@solidjs/router';
import { Show, createSignal } from 'solid-js';
import type { Label } from '../../../engine/labels';
import { peopleApi } from '../admin/people/api';
import { formProblem } from '../admin/people/form-problem';
import { peopleMessages, pt } from '../admin/people/messages';
import '../admin/people/people.css';
import { t, tr } from '../i18n/i18n';
import { LanguageToggle } from '../ui/language-toggle';
import { toast } from '../ui/toasts';
import { loadSession, me, signOut } from './session';

/**
 * Shown instead of every page while the session says the password must
 * change (set or reset by an administrator): nothing else until it has.
 * And asked for (`voluntary`, `/account/password`, from the user's name in
 * the top bar): anyone may change their own password whenever they like,
 * and go back without doing so.
 */
export function ChangePasswordPage(props: { voluntary?: boolean }) {
  const navigate = useNavigate();
  const [current, setCurrent] = createSignal('');
  const [next, setNext] = createSignal('');
  const [again, setAgain] = createSignal('');
  const [mismatch, setMismatch] = createSignal<Label | null>(null);
  const [busy, setBusy] = createSignal(false);
  const problem = formProblem();
  const message = (field: string) => {
    const m = problem.of(field);
    return m === null ? '' : tr(m);
  };

  /**
   * Back to the page of the app the user came from (the top bar's link says which), or the start page when this
   * one was opened on its own: the browser's Back from a new tab left the app.
   */
  const location = useLocation<{ from?: unknown }>();
  const leave = () => {
    const from = location.state?.from;
    navigate(typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') ? from : '/', { replace: true });
  };

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    problem.clear();
    setMismatch(null);
    if (next() !== again()) {
      setMismatch(peopleMessages.mismatch);
      return;
    }
    setBusy(true);
    try {
      await peopleApi.changeOwnPassword(current(), next());
      if (props.voluntary === true) {
        toast(() => pt('ownChanged'), 'info');
        leave();
        return;
      }
      // The session now says the password need not change: the page asked for comes back.
      await loadSession();
    } catch (error) {
      problem.take(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <main class="login" data-testid="change-password">
      <div class="login-lang">
        <LanguageToggle />
      </div>
      <form class="login-card" onSubmit={submit}>
        <h1>{pt(props.voluntary === true ? 'ownChangeTitle' : 'changeTitle')}</h1>
        <p class="muted">
          {me()?.displayName} · {pt(props.voluntary === true ? 'ownChangeLead' : 'changeLead')}
        </p>
        <label class="field">
          <span class="field-label">{pt('currentPassword')}</span>
          <input name="currentPassword" type="password" autocomplete="current-password" required value={current()} onInput={(e) => setCurrent(e.currentTarget.value)} />
          <span class="field-message">{message('currentPassword')}</span>
        </label>
        <label class="field">
          <span class="field-label">{pt('newPassword')}</span>
          <input name="newPassword" type="password" autocomplete="new-password" required value={next()} onInput={(e) => setNext(e.currentTarget.value)} />
          <span class="field-message">{message('password')}</span>
        </label>
        <label class="field">
          <span class="field-label">{pt('repeatPassword')}</span>
          <input name="repeatPassword" type="password" autocomplete="new-password" required value={again()} onInput={(e) => setAgain(e.currentTarget.value)} />
          <span class="field-message">{mismatch() === null ? '' : tr(mismatch() ?? peopleMessages.mismatch)}</span>
        </label>
        <Show when={problem.reason() !== null && problem.of('password') === null && problem.of('currentPassword') === null}>
          <p class="form-error" role="alert">
            {tr(problem.reason() ?? peopleMessages.changeTitle)}
          </p>
        </Show>
        <button type="submit" class="button primary block" disabled={busy()}>
          {pt('changeSubmit')}
        </button>
        <Show
          when={props.voluntary === true}
          fallback={
            <button type="button" class="button ghost block" onClick={() => void signOut().then(() => navigate('/login', { replace: true }))}>
              {t('signOut')}
            </button>
          }
        >
          <button type="button" class="button ghost block" data-testid="change-password-back" onClick={leave}>
            {pt('back')}
          </button>
        </Show>
      </form>
    </main>
  );
}
