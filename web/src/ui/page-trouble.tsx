import { A, useLocation } from '@solidjs/router';
import { me } from '../session/session';
import { SignOutButton } from '../session/sign-out-button';
import { ErrorBoundary, Show, createEffect, on, onCleanup, type JSX } from 'solid-js';
import { reasonText } from '../api/problem';
import { t, trFilled } from '../i18n/i18n';
import { messages, type MessageKey } from '../i18n/messages';
import { usePageTitle } from './page-title';
import { LanguageToggle } from './language-toggle';
import { isMissing, passing, retryAfterMs } from './page-missing';
import './page-trouble.css';

/** The frame of a page that cannot show what was asked: the brand, the language, what happened, and the way on. */
function Notice(props: { title: MessageKey; detail: string; children?: JSX.Element }) {
  // The tab says it too, in the page's language: it kept index.html's "Battlemap 作战图", or the failed page's own name.
  usePageTitle(() => messages[props.title]);
  return (
    <div class="app">
      <header class="top-bar">
        <div class="brand">
          <span class="brand-mark" aria-hidden="true" />
          <span class="brand-name">{t('appName')}</span>
        </div>
        <div class="top-bar-user page-trouble-lang">
          <LanguageToggle />
          {/* The way out is on every signed-in page, this one too. */}
          <Show when={me()}>
            <SignOutButton />
          </Show>
        </div>
      </header>
      <main class="page-trouble" data-testid="page-trouble">
        <h1>{t(props.title)}</h1>
        <p>{props.detail}</p>
        <div class="page-trouble-actions">
          {props.children}
          <A href="/" class="button primary" data-testid="page-trouble-home">
            {t('toStart')}
          </A>
        </div>
      </main>
    </div>
  );
}

/**
 * An address no page answers to (mistyped, or a link from an older version). With `withQuery`, the address is said
 * with its query: a page that its query names (the report of `?phase=autumn`) is not there, though its path is.
 */
export function NoSuchPage(props: { withQuery?: boolean }) {
  const location = useLocation();
  const path = () => (props.withQuery ? `${location.pathname}${location.search}` : location.pathname);
  return <Notice title="noSuchPage" detail={trFilled(messages.noSuchPageDetail, { path: path() })} />;
}

/**
 * A page that failed to show: its campaign is not there (an old link, a
 * mistyped id), or a read it needed failed in a way it does not handle
 * itself. In place of a page stuck on "loading" or blank, it says which and
 * offers to try again; going to another address tries that page afresh.
 * A failure that may pass (no answer, a server error) is tried again by
 * itself after a few seconds: a wall display nobody is at comes back once
 * the server does.
 */
export function PageTrouble(props: { children: JSX.Element }) {
  return (
    <ErrorBoundary
      fallback={(error: unknown, reset) => {
        const location = useLocation();
        // Kept in the console for whoever is asked why (the page shows only its reason); a campaign that is not there
        // is said on the page and is nothing to look into: no error in the console.
        if (!isMissing(error, location.pathname)) console.error('The page could not be shown:', error);
        createEffect(on(() => location.pathname, reset, { defer: true }));
        const mayPass = passing(error);
        if (mayPass) {
          const timer = setTimeout(reset, retryAfterMs);
          onCleanup(() => clearTimeout(timer));
        }
        return (
          <Show when={!isMissing(error, location.pathname)} fallback={<Notice title="noSuchCampaign" detail={trFilled(messages.noSuchCampaignDetail, { path: location.pathname })} />}>
            <Notice title="pageFailed" detail={mayPass ? `${reasonText(error)} ${t('retryingSoon')}` : reasonText(error)}>
              <button type="button" class="button" data-testid="page-trouble-retry" onClick={() => reset()}>
                {t('tryAgain')}
              </button>
            </Notice>
          </Show>
        );
      }}
    >
      {props.children}
    </ErrorBoundary>
  );
}
