import { For, Show, createMemo, createResource, onCleanup, onMount } from 'solid-js';
import { WhenRead } from '../../ui/read-failed';
import { keptRead } from '../../ui/read-shown';
import { roleLabels } from '../../../../api/contracts/users';
import { dateTime } from '../../ui/dates';
import { tr } from '../../i18n/i18n';
import type { OpenSession } from '../../../../api/contracts/users';
import { peopleApi } from './api';
import { toastProblem } from './form-problem';
import { askConfirm } from '../../ui/confirm-dialog';
import { pt, ptOn } from './messages';
import { me } from '../../session/session';
import { scrollCue } from '../../ui/scroll-cue';
import { adminZone } from './admin-zone';


/** One account's open sessions, as one row: an office user signs in from many browsers in a day. */
interface AccountSessions {
  readonly first: OpenSession;
  readonly count: number;
  readonly displays: number;
  readonly lastSeenAt: string;
  readonly expiresAt: string;
}

/** The sessions by account, in the server's order of each account's first session (wall displays first, then the most recently active). */
function byAccount(sessions: readonly OpenSession[]): AccountSessions[] {
  const accounts = new Map<number, AccountSessions>();
  for (const session of sessions) {
    const seen = accounts.get(session.userId);
    accounts.set(
      session.userId,
      seen === undefined
        ? { first: session, count: 1, displays: session.display ? 1 : 0, lastSeenAt: session.lastSeenAt, expiresAt: session.expiresAt }
        : {
            ...seen,
            count: seen.count + 1,
            displays: seen.displays + (session.display ? 1 : 0),
            lastSeenAt: session.lastSeenAt > seen.lastSeenAt ? session.lastSeenAt : seen.lastSeenAt,
            expiresAt: session.expiresAt > seen.expiresAt ? session.expiresAt : seen.expiresAt,
          },
    );
  }
  return [...accounts.values()];
}

/**
 * Who is signed in, wall displays first: a display stays signed in for days,
 * so the administrator can see each one and end an account's sessions (a
 * screen taken down, a lost laptop) without resetting its password.
 */
export function SessionsPanel() {
  const [openRead, { refetch }] = createResource(() => peopleApi.sessions());
  // Kept as last read while a read again fails, and tried again; a first read that fails says so in its place.
  const open = keptRead(openRead, refetch);
  const accounts = createMemo(() => byAccount(open() ?? []));
  // Sign-ins elsewhere show without leaving the tab: read again every half minute while it is shown, and on asking.
  onMount(() => {
    const every = setInterval(() => void refetch(), 30_000);
    onCleanup(() => clearInterval(every));
  });

  async function end(userId: number, name: string) {
    if (!(await askConfirm(pt('confirmEndSessions'), { title: ptOn('endSessions', name), confirm: pt('endSessionsConfirm') }))) return;
    try {
      await peopleApi.endSessions(userId);
      void refetch();
    } catch (error) {
      toastProblem(error);
    }
  }

  return (
    <section class="people-section" data-testid="sessions-panel">
      <div class="people-section-head">
        <p class="muted">{pt('sessionsLead')}</p>
        <button type="button" class="button ghost" data-testid="sessions-refresh" disabled={openRead.loading} onClick={() => void refetch()}>
          {pt('refresh')}
        </button>
      </div>
      <WhenRead read={open() !== undefined} error={openRead.error} what={pt('sessionsFailed')} loading={<div class="page-loading" />}>
        <Show when={accounts().length > 0} fallback={<p class="muted">{pt('sessionsEmpty')}</p>}>
          <table class="people-table" ref={scrollCue} data-testid="sessions-table">
            <thead>
              <tr>
                <th>{pt('username')}</th>
                <th>{pt('displayName')}</th>
                <th>{pt('role')}</th>
                <th>{pt('sessionCount')}</th>
                <th>{pt('lastSeenAt')}</th>
                <th>{pt('expiresAt')}</th>
                <th>{pt('actions')}</th>
              </tr>
            </thead>
            <tbody>
              <For each={accounts()}>
                {(account) => (
                  <tr data-username={account.first.username} data-display={account.displays > 0 ? 'true' : 'false'}>
                    <td class="mono">{account.first.username}</td>
                    <td>{account.first.displayName}</td>
                    <td>{tr(roleLabels[account.first.role])}</td>
                    <td data-testid="session-count">
                      {account.count}
                      <Show when={account.displays > 0}>
                        {' '}
                        <span class="chip ok">
                          {pt('sessionDisplay')} {account.displays}
                        </span>
                      </Show>
                    </td>
                    <td>{dateTime(account.lastSeenAt, adminZone)}</td>
                    <td>{dateTime(account.expiresAt, adminZone)}</td>
                    <td class="people-actions">
                      {/* One's own sessions end with 退出登录: ended here, the page's next read found its own gone. */}
                      <Show when={account.first.userId !== me()?.id} fallback={<span class="muted people-self">{pt('selfRow')}</span>}>
                        <button type="button" class="button ghost" data-action="end-sessions" aria-label={ptOn('endSessions', account.first.displayName)} onClick={() => void end(account.first.userId, account.first.displayName)}>
                          {pt('endSessions')}
                        </button>
                      </Show>
                    </td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </Show>
      </WhenRead>
    </section>
  );
}
