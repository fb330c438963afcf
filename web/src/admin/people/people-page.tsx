import { A } from '@solidjs/router';
import { For, Match, Show, Switch, createMemo, createResource, createSignal, type JSX } from 'solid-js';
import { WhenRead } from '../../ui/read-failed';
import { keptRead } from '../../ui/read-shown';
import { t } from '../../i18n/i18n';
import { me } from '../../session/session';
import { TopBar } from '../../ui/top-bar';
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

const tabs = ['users', 'bulk', 'units', 'policy', 'sessions', 'log'] as const;
type Tab = (typeof tabs)[number];
const tabLabel: Record<Tab, PeopleMessageKey> = { users: 'tabUsers', bulk: 'tabBulk', units: 'tabUnits', policy: 'tabPolicy', sessions: 'tabSessions', log: 'tabLog' };

/** `/admin/people`: accounts, bulk creation, the unit tree, the password policy and the open sessions. For the administrator only. */
export function PeoplePage() {
  const [tab, setTab] = createSignal<Tab>('users');
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
  const reload = () => {
    void reloadUsers();
    void reloadUnits();
  };

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
        {pt('pageTitle')}
      </TopBar>
      <main class="people-page">
        <Show when={isAdmin()} fallback={<p class="form-error">{pt('adminOnly')}</p>}>
          <div class="people-tabs" role="tablist">
            <For each={tabs}>
              {(name) => (
                <button type="button" role="tab" class="people-tab" aria-selected={tab() === name} data-tab={name} onClick={() => setTab(name)}>
                  {pt(tabLabel[name])}
                </button>
              )}
            </For>
          </div>
          <WhenRead read={users() !== undefined && units() !== undefined} error={failed()} what={pt('loadFailed')} loading={<div class="page-loading">{t('loading')}</div>}>
            {/* The tabs the administrator types in (a new account, a CSV, a unit, the policy) stay mounted, only hidden,
                while another is shown: what was typed is there when they come back, until it is sent or they clear it.
                Kept in the page's memory, never in storage, since a CSV and a new account carry passwords. */}
            <KeptTab shown={tab() === 'users'}>
              <UsersPanel users={users() ?? []} units={units() ?? []} onChange={reload} revealed={revealed()} onReveal={setRevealed} />
            </KeptTab>
            <KeptTab shown={tab() === 'bulk'}>
              <BulkPanel onCreated={reload} />
            </KeptTab>
            <KeptTab shown={tab() === 'units'}>
              <UnitsPanel units={units() ?? []} users={users() ?? []} onChange={reload} />
            </KeptTab>
            <KeptTab shown={tab() === 'policy'}>
              <Show when={policy()}>{(p) => <PolicyPanel policy={p()} onSaved={() => void reloadPolicy()} />}</Show>
            </KeptTab>
            {/* Read afresh each time they are shown (who is signed in now, the latest changes); nothing typed to keep. */}
            <Switch>
              <Match when={tab() === 'sessions'}>
                <SessionsPanel />
              </Match>
              <Match when={tab() === 'log'}>
                <LogPanel users={users() ?? []} units={units() ?? []} />
              </Match>
            </Switch>
          </WhenRead>
        </Show>
      </main>
    </div>
  );
}

/** A tab's panel that stays mounted while another tab is shown, hidden (out of sight and of the accessibility tree). */
function KeptTab(props: { shown: boolean; children: JSX.Element }) {
  return (
    <div hidden={!props.shown}>
      {props.children}
    </div>
  );
}
