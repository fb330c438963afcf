import { useLocation, useNavigate } from '@solidjs/router';
import { Show, createSignal } from 'solid-js';
import type { Label } from '../../../engine/labels';
import { peopleApi } from '../admin/people/api';
import { formProblem } from '../admin/people/form-problem';
import { peopleMessages, pt } from '../admin/people/messages';
import '../admin/people/people.css';
import { t, tr } from '../i18n/i18n';
import { LanguageToggle } from '../ui/language-toggle';
import { usePageTitle } from '../ui/page-title';
import { toast } from '../ui/toasts';
import { loadSession, me, signOut } from './session';
import { focusFirstMarked } from '../ui/first-marked';

/**
 * Shown instead of every page while the session says the password must
 * change (set or reset by an administrator): nothing else until it has.
 * And asked for (`voluntary`, `/account/password`, from the user's name in
 * the top bar): anyone may change their own password whenever they like,
 * and go back without doing so.
 */
export function ChangePasswordPage(props: { voluntary?: boolean }) {
  usePageTitle('changePassword');
  const navigate = useNavigate();
  const [current, setCurrent] = createSignal('');
  const [next, setNext] = createSignal('');
  const [again, setAgain] = createSignal('');
  const [mismatch, setMismatch] = createSignal<Label | null>(null);
  const [busy, setBusy] = createSignal(false);
  const problem = formProblem();
  const message = problem.message;

  /**
   * Back to the page of the app the user came from (the top bar's link says which), or the start page when this
   * one was opened on its own: the browser's Back from a new tab left the app.
   */
  const location = useLocation<{ from?: unknown }>();
  const leave = () => {
    const from = location.state?.from;
    navigate(typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') ? from : '/', { replace: true });
  };

  // The focus on the first field marked wrong: its message, which describes it, is read out with it.
  let form: HTMLFormElement | undefined;
  const focusFirstWrong = () => focusFirstMarked(form);

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    problem.clear();
    setMismatch(null);
    if (next() !== again()) {
      setMismatch(peopleMessages.mismatch);
      focusFirstWrong();
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
      // The session now says the password need not change: the page asked for comes back, and says it was changed.
      await loadSession();
      toast(() => pt('ownChanged'), 'info');
    } catch (error) {
      problem.take(error);
      focusFirstWrong();
    } finally {
      setBusy(false);
    }
  }

  return (
    <main class="login" data-testid="change-password">
      <div class="login-lang">
        <LanguageToggle />
      </div>
      <form ref={form} class="login-card" onSubmit={submit}>
        <h1>{pt(props.voluntary === true ? 'ownChangeTitle' : 'changeTitle')}</h1>
        <p class="muted">
          {me()?.displayName} · {pt(props.voluntary === true ? 'ownChangeLead' : 'changeLead')}
        </p>
        <PasswordField name="currentPassword" label={pt('currentPassword')} autocomplete="current-password" value={current()} onInput={setCurrent} error={message('currentPassword')} />
        <PasswordField name="newPassword" label={pt('newPassword')} autocomplete="new-password" value={next()} onInput={setNext} error={message('password')} />
        <PasswordField name="repeatPassword" label={pt('repeatPassword')} autocomplete="new-password" value={again()} onInput={setAgain} error={mismatch() === null ? '' : tr(mismatch() ?? peopleMessages.mismatch)} />
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

/**
 * A password field named by its label alone. What is wrong with it marks it invalid and describes it: the message
 * under it was shown but not tied to it, so a screen reader heard no field was wrong.
 */
function PasswordField(props: { name: string; label: string; autocomplete: string; value: string; onInput: (value: string) => void; error: string }) {
  const id = `password-${props.name}`;
  return (
    <div class="field">
      <label class="field-label" for={id}>
        {props.label}
      </label>
      <input
        id={id}
        name={props.name}
        type="password"
        autocomplete={props.autocomplete}
        required
        value={props.value}
        aria-invalid={props.error !== ''}
        aria-describedby={`${id}-message`}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
      <span class="field-message" id={`${id}-message`}>
        {props.error}
      </span>
    </div>
  );
}
