import { useNavigate } from '@solidjs/router';
import { t } from '../i18n/i18n';
import { signOut } from './session';

/** The way out, on every signed-in page (the top bar's, and a page that cannot be shown): ends the session, then the sign-in page. */
export function SignOutButton() {
  const navigate = useNavigate();
  return (
    <button
      type="button"
      class="button ghost"
      data-testid="sign-out"
      onClick={async () => {
        await signOut();
        navigate('/login', { replace: true });
      }}
    >
      {t('signOut')}
    </button>
  );
}
