import { A, useLocation, useParams } from '@solidjs/router';
import { Show, type JSX } from 'solid-js';
import { t } from '../i18n/i18n';
import { pt } from '../admin/people/messages';
import { me } from '../session/session';
import { SignOutButton } from '../session/sign-out-button';
import { LanguageToggle } from './language-toggle';
import { CampaignNav } from '../reports/campaign-nav';
import { InboxLink } from '../escalations/inbox-link';

/**
 * The bar above every signed-in page: brand, page title, the user, language
 * and sign-out. On a campaign's page it has the escalation inbox too: the
 * board's own (its `actions`), elsewhere a button that opens it on the board.
 */
export function TopBar(props: { children?: JSX.Element; actions?: JSX.Element }) {
  const params = useParams<{ id?: string }>();
  const location = useLocation();
  return (
    <header class="top-bar">
      <div class="brand">
        <span class="brand-mark" aria-hidden="true" />
        <span class="brand-name">{t('appName')}</span>
      </div>
      <div class="top-bar-title">{props.children}</div>
      <CampaignNav />
      <div class="top-bar-user">
        {props.actions ?? <Show when={params.id}>{(id) => <InboxLink campaignId={Number(id())} />}</Show>}
        <Show when={me()}>
          {(user) => (
            // The user's name leads to their own account: changing their password whenever they like.
            <A class="user" href="/account/password" state={{ from: `${location.pathname}${location.search}` }} data-testid="user" title={`${user().displayName} · ${pt('accountLink')}`}>
              <span class="avatar" aria-hidden="true">
                {user().displayName.slice(0, 1)}
              </span>
              <span class="user-name">{user().displayName}</span>
              <Show when={user().role === 'viewer'}>
                <span class="chip">{t('readOnly')}</span>
              </Show>
            </A>
          )}
        </Show>
        <LanguageToggle />
        <SignOutButton />
      </div>
    </header>
  );
}
