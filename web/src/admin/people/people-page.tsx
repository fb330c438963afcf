import { A, useSearchParams } from '@solidjs/router';
import { For, Match, Show, Switch, createMemo, createResource, createSignal, type JSX } from 'solid-js';
import { WhenRead } from '../../ui/read-failed';
import { keptRead } from '../../ui/read-shown';
import { t } from '../../i18n/i18n';
import { me } from '../../session/session';
import { TopBar } from '../../ui/top-bar';
import { usePageTitle } from '../../ui/page-title';
import { api } from '../../api/client';
import { peopleApi } from './api';
import { BulkPanel } from './bulk-panel';
import { LogPanel } from './log-panel';
import { pt, type PeopleMessageKey } from './messages';
import { PolicyPanel } from './policy-panel';
import { SessionsPanel } from './sessions-panel';
import { UnitsPanel } from './units-panel';
import { treeOrder } from '../../../../engine/unit-tree';
import { UsersPanel, type RevealedPassword } from './users-panel';
import './people.css';
import { scrollCue } from '../../ui/scroll-cue';
import { useFocusKeeper } from '../../ui/focus-keeper';
import { NoSuchPage } from '../../ui/page-trouble';
import { namesNoTab, peopleTabs as tabs, tabAddress, tabOf, type PeopleSearch, type PeopleTab as Tab } from './people-address';

const tabLabel: Record<Tab, PeopleMessageKey> = { users: 'tabUsers', bulk: 'tabBulk', units: 'tabUnits', policy: 'tabPolicy', sessions: 'tabSessions', log: 'tabLog' };

/**
 * `/admin/people`: accounts, bulk creation, the unit tree, the password policy and the open sessions. For the
 * administrator only. The tab shown is in the address (`?tab=sessions`): a reload or Back had shown the users again.
 * An address naming a tab there is none of is an address no page answers to, said as an unknown board's is.
 */
export function PeoplePage() {
  const [search] = useSearchParams<PeopleSearch>();
  return (
    <Show when={!namesNoTab(search)} fallback={<NoSuchPage withQuery />}>
      <PeopleTabs />
    </Show>
  );
}

/** The people page at the tab its address names. */
function PeopleTabs() {
  usePageTitle('people');
  // A unit deleted, a session ended: the keyboard stays in the tab, not sent back to the page's top.
  const keepFocus = useFocusKeeper();
  const [search, setSearch] = useSearchParams<PeopleSearch>();
  const tab = () => tabOf(search);
  // A tab chosen is a step Back returns from; one passed through with the arrow keys is not (each arrow would be one).
  const setTab = (next: Tab, options: { replace?: boolean } = {}) => setSearch({ tab: tabAddress(next) }, options);
  // A reset's temporary password, shown once, stays until dismissed: another tab and back no longer loses it.
  const [revealed, setRevealed] = createSignal<RevealedPassword | null>(null);
  const isAdmin = () => me()?.role === 'admin';
  const [campaigns] = createResource(() => api.campaigns());
  const [usersRead, { refetch: reloadUsers }] = createResource(isAdmin, () => peopleApi.accounts());
  const [unitsRead, { refetch: reloadUnits }] = createResource(isAdmin, () => peopleApi.units());
  const [policyRead, { refetch: reloadPolicy }] = createResource(isAdmin, () => peopleApi.policy());
  // Kept as last read while a read again fails (after a change, the server restarting) and tried again: the
  // administrator's page stays, where a failed read would have thrown to the page's notice.
  const users = keptRead(usersRead, reloadUsers);
  const unitsAsRead = keptRead(unitsRead, reloadUnits);
  // In tree order wherever they are listed (the drop-downs too): a unit just added is under its parent, not last.
  const units = createMemo(() => {
    const read = unitsAsRead();
    return read === undefined ? undefined : treeOrder(read).map((row) => row.unit);
  });
  const policy = keptRead(policyRead, reloadPolicy);
  const failed = () => (users() === undefined ? usersRead.error : undefined) ?? (units() === undefined ? unitsRead.error : undefined);
  /** Reads the users and the units again; settles once both are read (a row's focus waits for its row drawn anew). */
  const reload = () => Promise.all([reloadUsers(), reloadUnits()]);

  return (
    <div class="people-page-shell">
      <TopBar
        actions={
          // Only when there is a board to go back to: before any campaign, the start page is this one (the link did nothing).
          <Show when={(campaigns()?.length ?? 0) > 0}>
            <A href="/" class="button ghost">
              {pt('backToBoard')}
            </A>
          </Show>
        }
      >
        <div class="campaign-head">
          <h1 class="campaign-name">{pt('pageTitle')}</h1>
        </div>
      </TopBar>
      <main class="people-page" ref={keepFocus}>
        <Show when={isAdmin()} fallback={<p class="form-error">{pt('adminOnly')}</p>}>
          <div class="people-tabs" ref={scrollCue} role="tablist" aria-label={pt('tabsLabel')} onKeyDown={(e) => moveAlongTabs(e, tab(), (next) => setTab(next, { replace: true }))}>
            <For each={tabs}>
              {(name) => (
                <button
                  type="button"
                  role="tab"
                  class="people-tab"
                  id={tabId(name)}
                  aria-selected={tab() === name}
                  aria-controls={tab() === name ? panelId(name) : undefined}
                  tabIndex={tab() === name ? 0 : -1}
                  data-tab={name}
                  onClick={() => setTab(name)}
                >
                  {pt(tabLabel[name])}
                </button>
              )}
            </For>
          </div>
          <WhenRead read={users() !== undefined && units() !== undefined} error={failed()} what={pt('loadFailed')} loading={<div class="page-loading">{t('loading')}</div>}>
            {/* The tabs the administrator types in (a new account, a CSV, a unit, the policy) stay mounted, only hidden,
                while another is shown: what was typed is there when they come back, until it is sent or they clear it.
                Kept in the page's memory, never in storage, since a CSV and a new account carry passwords. */}
            <KeptTab tab="users" shown={tab() === 'users'}>
              <UsersPanel users={users() ?? []} units={units() ?? []} policy={policy()} onChange={reload} revealed={revealed()} onReveal={setRevealed} />
            </KeptTab>
            <KeptTab tab="bulk" shown={tab() === 'bulk'}>
              <BulkPanel onCreated={reload} />
            </KeptTab>
            <KeptTab tab="units" shown={tab() === 'units'}>
              <UnitsPanel units={units() ?? []} users={users() ?? []} onChange={reload} />
            </KeptTab>
            <KeptTab tab="policy" shown={tab() === 'policy'}>
              <Show when={policy()}>{(p) => <PolicyPanel policy={p()} onSaved={() => void reloadPolicy()} />}</Show>
            </KeptTab>
            {/* Read afresh each time they are shown (who is signed in now, the latest changes); nothing typed to keep. */}
            <Switch>
              <Match when={tab() === 'sessions'}>
                <TabPanel tab="sessions">
                  <SessionsPanel />
                </TabPanel>
              </Match>
              <Match when={tab() === 'log'}>
                <TabPanel tab="log">
                  <LogPanel users={users() ?? []} units={units() ?? []} />
                </TabPanel>
              </Match>
            </Switch>
          </WhenRead>
        </Show>
      </main>
    </div>
  );
}

const tabId = (tab: Tab) => `people-tab-${tab}`;
const panelId = (tab: Tab) => `people-panel-${tab}`;

/** The arrow keys, Home and End move along the tabs, as a tab list's do (only the chosen tab is in the Tab order). */
function moveAlongTabs(event: KeyboardEvent, current: Tab, choose: (tab: Tab) => void) {
  const at = tabs.indexOf(current);
  const to = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: tabs.length - 1 }[event.key];
  if (to === undefined) return;
  event.preventDefault();
  const next = tabs[(to + tabs.length) % tabs.length] ?? current;
  choose(next);
  document.getElementById(tabId(next))?.focus();
}

/**
 * A tab's panel, named by its tab and headed by its name: a screen reader's list of headings shows where each part of
 * the page is (the tab's own text is no heading). Hidden while another tab is shown.
 */
function TabPanel(props: { tab: Tab; hidden?: boolean; children: JSX.Element }) {
  return (
    <div role="tabpanel" id={panelId(props.tab)} aria-labelledby={tabId(props.tab)} hidden={props.hidden}>
      <h2 class="visually-hidden">{pt(tabLabel[props.tab])}</h2>
      {props.children}
    </div>
  );
}

/** A tab's panel that stays mounted while another tab is shown, hidden (out of sight and of the accessibility tree). */
function KeptTab(props: { tab: Tab; shown: boolean; children: JSX.Element }) {
  return (
    <TabPanel tab={props.tab} hidden={!props.shown}>
      {props.children}
    </TabPanel>
  );
}
