import { Navigate, Route, Router, useLocation, useNavigate, useSearchParams, type RouteSectionProps } from '@solidjs/router';
import { Match, Show, Switch, createEffect, createResource, lazy, onMount } from 'solid-js';
import { api, onUnauthenticated } from './api/client';
import { BoardPage } from './board/board-page';
import { t } from './i18n/i18n';
import { LoginPage } from './session/login-page';
import { isSignInPath } from './session/next-path';
import { loadSession, me, sessionLost } from './session/session';
import { lastCampaign } from './session/last-campaign';
import { Announcer } from './ui/announcer';
import { focusMainOnNavigation } from './ui/route-focus';
import { NoSuchPage, PageTrouble } from './ui/page-trouble';
import { toast, Toasts } from './ui/toasts';
import { ConfirmDialog } from './ui/confirm-dialog';

/** Pages behind sign-in: unknown session → ask the server; none → the login page, coming back here after. */
function SignedIn(props: RouteSectionProps) {
  const navigate = useNavigate();
  const location = useLocation();
  // Once: the reads refused after the first are answered while the sign-in page already shows (its address is no page to return to).
  const toLogin = () => {
    if (isSignInPath(location.pathname)) return;
    navigate(`/login?next=${encodeURIComponent(location.pathname + location.search)}`, { replace: true });
  };

  onUnauthenticated(() => {
    if (me() !== null && me() !== undefined) toast(() => t('sessionExpired'), 'warning');
    sessionLost();
    toLogin();
  });
  onMount(() => {
    if (me() === undefined) void loadSession();
  });
  // No one signed in: not found by the first read, or signed out (the browser's Back from the login page to a page
  // behind it waited on "加载中…" for good), or the session lost.
  createEffect(() => {
    if (me() === null) toLogin();
  });

  return (
    <Switch fallback={<div class="page-loading">{t('loading')}</div>}>
      <Match when={me()?.mustChangePassword}>
        <ChangePasswordPage />
      </Match>
      <Match when={me()}>
        <PageTrouble>{props.children}</PageTrouble>
      </Match>
    </Switch>
  );
}

/** The start page: the board (or wall) of the campaign under way (the latest to start, of those under way), or of the latest one; the people page for an administrator before any. */
function Home() {
  const [campaigns] = createResource(() => api.campaigns());
  // `?open=wall`: a wall display's sign-in, which shows the campaign's wall rather than its board.
  const [search] = useSearchParams<{ open?: string }>();
  const page = () => (search.open === 'wall' ? 'wall' : 'board');
  return (
    <Show when={campaigns()} fallback={<div class="page-loading">{t('loading')}</div>}>
      {(list) => (
        <Show
          when={list().find((c) => c.id === lastCampaign()) ?? list().find((c) => c.state !== 'planned' && c.state !== 'concluded') ?? list()[0]}
          fallback={
            // A first start in production has no campaign yet: the administrator begins with people and units, the office
            // creates the campaign, and everyone else is told there is none yet (on a page with sign-out and language).
            <Show when={me()?.role === 'admin'} fallback={<Navigate href="/campaigns/new" />}>
              <Navigate href="/admin/people" />
            </Show>
          }
        >
          {(first) => <Navigate href={`/campaigns/${first().id}/${page()}`} />}
        </Show>
      )}
    </Show>
  );
}

// Every page but the board and the login is loaded when first opened, not with the board: the
// reports and the battle map bring ECharts and the map, the import page the intake's forms.
const ReportsPage = lazy(() => import('./reports/reports-page').then((m) => ({ default: m.ReportsPage })));
const BattleMapPage = lazy(() => import('./battle-map/battle-map-page').then((m) => ({ default: m.BattleMapPage })));
const PeoplePage = lazy(() => import('./admin/people/people-page').then((m) => ({ default: m.PeoplePage })));
const WallPage = lazy(() => import('./battle-map/wall-page').then((m) => ({ default: m.WallPage })));
const CampaignSettingsPage = lazy(() => import('./admin/campaign/settings-page').then((m) => ({ default: m.CampaignSettingsPage })));
const ListsPage = lazy(() => import('./lists/lists-page').then((m) => ({ default: m.ListsPage })));
const ImportPage = lazy(() => import('./intake/import-page').then((m) => ({ default: m.ImportPage })));
const NewCampaignPage = lazy(() => import('./admin/campaign/new-campaign-page').then((m) => ({ default: m.NewCampaignPage })));
const ChangePasswordPage = lazy(() => import('./session/change-password-page').then((m) => ({ default: m.ChangePasswordPage })));

function Shell(props: RouteSectionProps) {
  focusMainOnNavigation(() => props.location.pathname);
  return (
    <>
      {props.children}
      <Toasts />
      <ConfirmDialog />
      <Announcer />
    </>
  );
}

export function App() {
  return (
    <Router root={Shell}>
      <Route path="/login" component={LoginPage} />
      <Route path="/" component={SignedIn}>
        <Route path="/" component={Home} />
        <Route path="/campaigns/new" component={NewCampaignPage} />
        <Route path="/campaigns/:id/board" component={BoardPage} />
        <Route path="/campaigns/:id/import" component={ImportPage} />
        <Route path="/campaigns/:id/reports" component={ReportsPage} />
        <Route path="/campaigns/:id/battle-map" component={BattleMapPage} />
        <Route path="/campaigns/:id/wall" component={WallPage} />
        <Route path="/admin/people" component={PeoplePage} />
        <Route path="/account/password" component={() => <ChangePasswordPage voluntary />} />
        <Route path="/campaigns/:id/settings" component={CampaignSettingsPage} />
        <Route path="/campaigns/:id/lists/:list" component={ListsPage} />
        <Route path="*" component={NoSuchPage} />
      </Route>
    </Router>
  );
}
