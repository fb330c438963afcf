import { For, Show, createResource } from 'solid-js';
import { roleLabels } from '../../../../api/contracts/users';
import { dateTime } from '../../board/format';
import { tr } from '../../i18n/i18n';
import { peopleApi } from './api';
import { toastProblem } from './form-problem';
import { pt } from './messages';

/** People administration reads times in the administrator's own zone, as the activity log does. */
const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

/**
 * Who is signed in, wall displays first: a display stays signed in for days,
 * so the administrator can see each one and end an account's sessions (a
 * screen taken down, a lost laptop) without resetting its password.
 */
export function SessionsPanel() {
  const [open, { refetch }] = createResource(() => peopleApi.sessions());

  async function end(userId: number) {
    if (!window.confirm(pt('confirmEndSessions'))) return;
    try {
      await peopleApi.endSessions(userId);
      void refetch();
    } catch (error) {
      toastProblem(error);
    }
  }

  return (
    <section class="people-section" data-testid="sessions-panel">
      <p class="muted">{pt('sessionsLead')}</p>
      <Show when={open()} fallback={<div class="page-loading" />}>
        {(sessions) => (
          <Show when={sessions().length > 0} fallback={<p class="muted">{pt('sessionsEmpty')}</p>}>
            <table class="people-table" data-testid="sessions-table">
              <thead>
                <tr>
                  <th>{pt('username')}</th>
                  <th>{pt('displayName')}</th>
                  <th>{pt('role')}</th>
                  <th>{pt('sessionKind')}</th>
                  <th>{pt('signedInAt')}</th>
                  <th>{pt('lastSeenAt')}</th>
                  <th>{pt('expiresAt')}</th>
                  <th>{pt('actions')}</th>
                </tr>
              </thead>
              <tbody>
                <For each={sessions()}>
                  {(session) => (
                    <tr data-username={session.username} data-display={session.display ? 'true' : 'false'}>
                      <td class="mono">{session.username}</td>
                      <td>{session.displayName}</td>
                      <td>{tr(roleLabels[session.role])}</td>
                      <td>
                        <Show when={session.display} fallback={<span class="chip">{pt('sessionDesk')}</span>}>
                          <span class="chip ok">{pt('sessionDisplay')}</span>
                        </Show>
                      </td>
                      <td>{dateTime(session.createdAt, browserZone)}</td>
                      <td>{dateTime(session.lastSeenAt, browserZone)}</td>
                      <td>{dateTime(session.expiresAt, browserZone)}</td>
                      <td class="people-actions">
                        <button type="button" class="button ghost" data-action="end-sessions" onClick={() => void end(session.userId)}>
                          {pt('endSessions')}
                        </button>
                      </td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </Show>
        )}
      </Show>
    </section>
  );
}
