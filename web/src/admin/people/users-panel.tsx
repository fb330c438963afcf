import { For, Show, createEffect, createMemo, createSignal, on } from 'solid-js';
import { roleLabels } from '../../../../api/contracts/users';
import { tr, unitNamed } from '../../i18n/i18n';
import { me } from '../../session/session';
import { peopleApi, type PasswordPolicyWire, type UnitNode, type UserAccount } from './api';
import { toastProblem } from './form-problem';
import { whenConfirmed } from '../../ui/confirm-dialog';
import { pt, ptFilled, ptOn } from './messages';
import { scrollCue } from '../../ui/scroll-cue';
import { AccountStatus, accountName } from './account-status';
import { EditRow } from './edit-account-row';
import { NewUserForm } from './new-user-form';

/** A temporary password just made, shown once: kept by the page, so that another tab and back does not lose it. */
export interface RevealedPassword {
  readonly username: string;
  readonly password: string;
}

/**
 * The accounts: a filterable list with edit, disable/enable and reset, and a
 * form for a new one. The administrator's own row offers neither disabling
 * nor a reset: their own password is changed with the current one.
 */
export function UsersPanel(props: {
  users: readonly UserAccount[];
  units: readonly UnitNode[];
  /** The password policy as last read (none yet: the server alone checks the password). */
  policy: PasswordPolicyWire | undefined;
  onChange: () => unknown;
  revealed: RevealedPassword | null;
  onReveal: (revealed: RevealedPassword | null) => void;
}) {
  const [filter, setFilter] = createSignal('');
  const [editing, setEditing] = createSignal<number | null>(null);
  const revealed = () => props.revealed;
  const setRevealed = (next: RevealedPassword | null) => props.onReveal(next);
  const isSelf = (user: UserAccount) => user.id === me()?.id;
  /** The row back as it was, the focus on its edit button (the edited row's controls are gone). */
  const focusEdit = (username: string) => requestAnimationFrame(() => document.querySelector<HTMLElement>(`tr[data-username="${CSS.escape(username)}"] [data-action=edit]`)?.focus());
  const endEdit = (username: string) => {
    setEditing(null);
    focusEdit(username);
  };
  /** Saved: the row's Edit takes the focus once the list is read again and its row drawn anew (the one focused before went with the old rows, and the page's focus keeper sent it to the form at the top). */
  const saved = (username: string) => {
    setEditing(null);
    void Promise.resolve(props.onChange()).then(() => focusEdit(username));
  };
  // In the units' tree order (the office, the detachments, the counties as the bureau lists them), each unit's people
  // as the server gives them: by the units' Latin codes (chenggu, fanzha, foping…), the list read as random in Chinese.
  const inTreeOrder = createMemo(() => {
    const place = new Map(props.units.map((unit, i) => [unit.id, i]));
    return [...props.users].sort((a, b) => (place.get(a.unitId) ?? place.size) - (place.get(b.unitId) ?? place.size));
  });
  const shown = createMemo(() => {
    const q = filter().trim().toLowerCase();
    return q === '' ? inTreeOrder() : inTreeOrder().filter((u) => u.username.includes(q) || u.displayName.toLowerCase().includes(q));
  });
  const unitName = (id: string) => unitNamed(props.units, id);
  // A reset's temporary password is said under the row whose Reset was pressed: the admin is looking there, often far
  // down a long list, and it is shown this once (above the table, it had been a screen or more out of view).
  const revealedRow = createMemo(() => {
    const username = revealed()?.username;
    return username !== undefined && shown().some((u) => u.username === username) ? username : null;
  });

  // After a row's action the accounts are read again and their rows drawn anew: the focus goes to the row's button
  // that undoes or repeats it (enable after disable), not to the page's body.
  const [refocus, setRefocus] = createSignal<{ username: string; action: string } | null>(null);
  createEffect(
    on(
      () => props.users,
      () => {
        const target = refocus();
        if (target === null) return;
        const button = document.querySelector<HTMLElement>(`tr[data-username="${CSS.escape(target.username)}"] [data-action=${target.action}]`);
        if (button === null) return;
        setRefocus(null);
        button.focus();
      },
    ),
  );

  async function act(work: () => Promise<unknown>, then?: { username: string; action: string }) {
    try {
      await work();
      setRefocus(then ?? null);
      props.onChange();
    } catch (error) {
      toastProblem(error);
    }
  }

  return (
    <section class="people-section" data-testid="users-panel">
      <NewUserForm units={props.units} policy={props.policy} onCreated={props.onChange} />
      {/* Above the table only while the filter hides its account's row: it is otherwise said under that row. */}
      <Show when={revealedRow() === null ? revealed() : null}>{(r) => <Revealed revealed={r()} onDismiss={() => setRevealed(null)} />}</Show>
      <input type="search" class="people-filter" placeholder={pt('filter')} aria-label={pt('filter')} value={filter()} onInput={(e) => setFilter(e.currentTarget.value)} />
      <table class="people-table" ref={scrollCue} data-testid="users-table">
        <thead>
          <tr>
            <th>{pt('username')}</th>
            <th>{pt('displayName')}</th>
            <th>{pt('role')}</th>
            <th>{pt('unit')}</th>
            <th>{pt('status')}</th>
            <th>{pt('actions')}</th>
          </tr>
        </thead>
        <tbody>
          <For each={shown()}>
            {(user) => (
              <>
                <Show
                  when={editing() === user.id}
                  fallback={
                    <tr data-username={user.username} classList={{ 'is-disabled': user.disabledAt !== null }}>
                      <td class="mono">{user.username}</td>
                      <td>{user.displayName}</td>
                      <td>{tr(roleLabels[user.role])}</td>
                      <td>{unitName(user.unitId)}</td>
                      <AccountStatus user={user} />
                      <td class="people-actions">
                        <button type="button" class="button ghost" data-action="edit" aria-label={ptOn('edit', user.displayName)} onClick={() => setEditing(user.id)}>
                          {pt('edit')}
                        </button>
                        <Show when={!isSelf(user)} fallback={<span class="muted people-self">{pt('selfRow')}</span>}>
                          <Show
                            when={user.disabledAt === null}
                            fallback={
                              <button type="button" class="button ghost" data-action="enable" aria-label={ptOn('enable', user.displayName)} onClick={() => act(() => peopleApi.enable(user.id), { username: user.username, action: 'disable' })}>
                                {pt('enable')}
                              </button>
                            }
                          >
                            <button type="button" class="button ghost" data-action="disable" aria-label={ptOn('disable', user.displayName)} onClick={() => whenConfirmed(user.openItems === 1 ? pt('confirmDisableHoldingOne') : user.openItems > 0 ? ptFilled('confirmDisableHolding', { n: user.openItems }) : pt('confirmDisable'), { title: ptOn('disable', accountName(user)), confirm: pt('disable') }, () => act(() => peopleApi.disable(user.id), { username: user.username, action: 'enable' }))}>
                              {pt('disable')}
                            </button>
                          </Show>
                          <button
                            type="button"
                            class="button ghost"
                            data-action="reset"
                            aria-label={ptOn('reset', user.displayName)}
                            onClick={() =>
                              // As disabling does, a reset signs the user out everywhere at once: asked first.
                              whenConfirmed(pt('confirmReset'), { title: ptOn('reset', accountName(user)), confirm: pt('reset') }, () =>
                                act(
                                  async () => {
                                    const done = await peopleApi.resetPassword(user.id, undefined);
                                    if (done.temporaryPassword !== null) setRevealed({ username: user.username, password: done.temporaryPassword });
                                  },
                                  { username: user.username, action: 'reset' },
                                ),
                              )
                            }
                          >
                            {pt('reset')}
                          </button>
                        </Show>
                      </td>
                    </tr>
                  }
                >
                  <EditRow user={user} units={props.units} onDone={() => saved(user.username)} onCancel={() => endEdit(user.username)} />
                </Show>
                <Show when={revealedRow() === user.username ? revealed() : null}>
                  {(r) => (
                    <tr class="people-reveal-row">
                      <td colSpan={6}>
                        <Revealed revealed={r()} onDismiss={() => setRevealed(null)} />
                      </td>
                    </tr>
                  )}
                </Show>
              </>
            )}
          </For>
        </tbody>
      </table>
    </section>
  );
}

/** The temporary password just made, with its dismissal; read out as it appears. */
function Revealed(props: { revealed: RevealedPassword; onDismiss: () => void }) {
  return (
    <p class="people-reveal" role="status" data-testid="temporary-password">
      {pt('resetDone')} <strong>{props.revealed.username}</strong> <code>{props.revealed.password}</code>
      <button type="button" class="button ghost" aria-label={pt('dismiss')} title={pt('dismiss')} onClick={() => props.onDismiss()}>
        ×
      </button>
    </p>
  );
}
