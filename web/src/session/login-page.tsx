import { useNavigate, useSearchParams } from '@solidjs/router';
import { Show, createSignal } from 'solid-js';
import { ApiProblem } from '../api/problem';
import type { Label } from '../../../engine/labels';
import { t, tr } from '../i18n/i18n';
import { LanguageToggle } from '../ui/language-toggle';
import { usePageTitle } from '../ui/page-title';
import { signIn } from './session';
import { pathAfterSignIn } from './next-path';

export function LoginPage() {
  usePageTitle('login');
  const navigate = useNavigate();
  const [search] = useSearchParams<{ next: string }>();
  const [username, setUsername] = createSignal('');
  const [password, setPassword] = createSignal('');
  // Sent back here from a wall (its session ended or the server restarted), the sign-in is the wall's again: left
  // unticked, whoever signed the wall back in gave it a session that ends when the room is quiet.
  const [display, setDisplay] = createSignal(/^\/campaigns\/\d+\/wall(?:[/?#]|$)/.test(search.next ?? ''));
  let passwordInput: HTMLInputElement | undefined;
  const [error, setError] = createSignal<Label | null>(null);
  const [busy, setBusy] = createSignal(false);

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(username().trim(), password(), display());
      navigate(pathAfterSignIn(search.next, display()), { replace: true });
    } catch (problem) {
      setError(problem instanceof ApiProblem ? problem.reason : { zh: '登录失败', en: 'Sign-in failed' });
      // The button was disabled while it was sent, which left the focus on the page: back to the password, to type again.
      queueMicrotask(() => {
        passwordInput?.focus();
        passwordInput?.select();
      });
    } finally {
      setBusy(false);
    }
  }

  return (
    <main class="login">
      <div class="login-lang">
        <LanguageToggle />
      </div>
      <form class="login-card" onSubmit={submit}>
        <div class="brand brand-large">
          <span class="brand-mark" aria-hidden="true" />
          <span>{t('appName')}</span>
        </div>
        <h1>{t('loginTitle')}</h1>
        <p class="muted">{t('loginHint')}</p>
        <label class="field">
          <span class="field-label">{t('username')}</span>
          <input name="username" autocomplete="username" autocapitalize="none" spellcheck={false} required value={username()} onInput={(e) => setUsername(e.currentTarget.value)} />
        </label>
        <label class="field">
          <span class="field-label">{t('password')}</span>
          <input ref={passwordInput} name="password" type="password" autocomplete="current-password" required value={password()} onInput={(e) => setPassword(e.currentTarget.value)} />
        </label>
        <label class="check login-display" title={t('displaySessionHint')}>
          <input type="checkbox" name="display" checked={display()} onChange={(e) => setDisplay(e.currentTarget.checked)} />
          <span>
            {t('displaySession')}
            <small class="muted">{t('displaySessionHint')}</small>
          </span>
        </label>
        <Show when={error()}>{(reason) => <p class="form-error" role="alert">{tr(reason())}</p>}</Show>
        <button type="submit" class="button primary block" disabled={busy()}>
          {busy() ? t('signingIn') : t('signIn')}
        </button>
      </form>
    </main>
  );
}
