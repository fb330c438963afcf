import { For, Show, createEffect, createMemo, createSignal, on, onMount } from 'solid-js';
import { roleLabels } from '../../../../api/contracts/users';
import { roles, type Role } from '../../../../engine/actor';
import { lang, named, tr, unitNamed } from '../../i18n/i18n';
import { me } from '../../session/session';
import { toast } from '../../ui/toasts';
import { peopleApi, type NewUser, type PasswordPolicyWire, type UnitNode, type UserAccount } from './api';
import { newAccountFaults } from './new-account-faults';
import { formProblem, toastProblem } from './form-problem';
import { heldItemsOf } from './held-items';
import { askConfirm, whenConfirmed } from '../../ui/confirm-dialog';
import { pt, ptFilled, ptOn } from './messages';
import { scrollCue } from '../../ui/scroll-cue';
import { dateTime } from '../../ui/dates';
import { adminZone } from './admin-zone';

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
  onChange: () => void;
  revealed: RevealedPassword | null;
  onReveal: (revealed: RevealedPassword | null) => void;
}) {
  const [filter, setFilter] = createSignal('');
  const [editing, setEditing] = createSignal<number | null>(null);
  const revealed = () => props.revealed;
  const setRevealed = (next: RevealedPassword | null) => props.onReveal(next);
  const isSelf = (user: UserAccount) => user.id === me()?.id;
  /** The row back as it was, the focus on its edit button (the edited row's controls are gone). */
  const endEdit = (username: string) => {
    setEditing(null);
    requestAnimationFrame(() => document.querySelector<HTMLElement>(`tr[data-username="${CSS.escape(username)}"] [data-action=edit]`)?.focus());
  };
  const shown = createMemo(() => {
    const q = filter().trim().toLowerCase();
    return q === '' ? props.users : props.users.filter((u) => u.username.includes(q) || u.displayName.toLowerCase().includes(q));
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
                  <EditRow user={user} units={props.units} onDone={() => (endEdit(user.username), props.onChange())} onCancel={() => endEdit(user.username)} />
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

function RoleSelect(props: { value: Role; onChange: (role: Role) => void }) {
  return (
    <select value={props.value} aria-label={pt('role')} onChange={(e) => props.onChange(e.currentTarget.value as Role)}>
      <For each={roles}>{(role) => <option value={role}>{tr(roleLabels[role])}</option>}</For>
    </select>
  );
}

/**
 * The units a user may be placed in. A retired unit is offered only as the value an account has already (an edited
 * user's own unit), marked as retired; with `prompt`, an empty value is the prompt to choose one.
 */
function UnitSelect(props: { units: readonly UnitNode[]; value: string; onChange: (id: string) => void; label: string; prompt?: string }) {
  // Each option says whether it is the chosen one: the units read again after a change draw the options anew, and
  // the select then showed its first (the office) while the form still meant to send the unit chosen before.
  return (
    <select value={props.value} aria-label={props.label} onChange={(e) => props.onChange(e.currentTarget.value)}>
      <Show when={props.prompt}>
        {(prompt) => (
          <option value="" disabled selected={props.value === ''}>
            {prompt()}
          </option>
        )}
      </Show>
      <For each={props.units.filter((u) => u.retiredAt === null || u.id === props.value)}>
        {(unit) => (
          <option value={unit.id} selected={unit.id === props.value}>
            {unit.retiredAt === null ? named(unit) : `${named(unit)} (${pt('retired')})`}
          </option>
        )}
      </For>
    </select>
  );
}

function EditRow(props: { user: UserAccount; units: readonly UnitNode[]; onDone: () => void; onCancel: () => void }) {
  const [displayName, setDisplayName] = createSignal(props.user.displayName);
  const [role, setRole] = createSignal<Role>(props.user.role);
  const [unitId, setUnitId] = createSignal(props.user.unitId);
  const problem = formProblem();
  /**
   * Saves the row. A new role or unit that would leave the user holding items they can no longer open is refused
   * by the server with how many: the administrator is asked, saying what becomes of them, and only a yes saves it.
   */
  async function save(releasing: number | null = null) {
    problem.clear();
    try {
      await peopleApi.editAccount(props.user.id, { displayName: displayName(), role: role(), unitId: unitId(), ...(releasing !== null && { releaseHeldItems: true as const }) });
      if (releasing !== null) toast(() => ptFilled(releasing === 1 ? 'heldReleasedOne' : 'heldReleased', { n: releasing }), 'info');
      props.onDone();
    } catch (error) {
      const held = releasing === null ? heldItemsOf(error) : null;
      if (held !== null) {
        const what = held.field === 'role' ? tr(roleLabels[role()]) : unitNamed(props.units, unitId());
        if (await askConfirm(ptFilled(held.count === 1 ? 'confirmReleaseHeldOne' : 'confirmReleaseHeld', { name: props.user.displayName, what, n: held.count }), { title: ptOn('edit', accountName(props.user)), confirm: pt('save') })) return save(held.count);
        // Said No to: nothing was saved, as asked, and the row stays being edited with nothing to correct in it (the
        // server's refusal speaks of a confirmation the row has no control for).
        return;
      }
      problem.take(error);
    }
  }
  const message = (field: string) => {
    const m = problem.of(field);
    return m === null ? '' : tr(m);
  };
  // The row edited from the keyboard: its name takes the focus, Enter saves and Escape cancels, as a form's would.
  let nameInput: HTMLInputElement | undefined;
  onMount(() => nameInput?.focus());
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      props.onCancel();
    } else if (event.key === 'Enter' && event.target instanceof HTMLInputElement) {
      event.preventDefault();
      void save();
    }
  };
  return (
    <tr class="is-editing" onKeyDown={onKey}>
      <td class="mono">{props.user.username}</td>
      <td>
        <input ref={nameInput} value={displayName()} aria-label={pt('displayName')} onInput={(e) => setDisplayName(e.currentTarget.value)} />
        <span class="field-message">{message('displayName')}</span>
      </td>
      <td>
        <RoleSelect value={role()} onChange={setRole} />
        <span class="field-message">{message('role')}</span>
      </td>
      <td>
        <UnitSelect units={props.units} value={unitId()} onChange={setUnitId} label={pt('unit')} />
        <span class="field-message">{message('unitId')}</span>
      </td>
      {/* Still said while the row is edited: whether the account is active is not what the edit changes. */}
      <AccountStatus user={props.user} />
      <td class="people-actions">
        <button type="button" class="button primary" onClick={() => save()}>
          {pt('save')}
        </button>
        <button type="button" class="button ghost" onClick={() => props.onCancel()}>
          {pt('cancel')}
        </button>
        <Show when={problem.banner(['displayName', 'role', 'unitId'])}>{(r) => <span class="field-message">{tr(r())}</span>}</Show>
      </td>
    </tr>
  );
}

/** An account as a question's heading names it: 孙七（sun.qi）, Sun Qi (sun.qi): the row it was asked from may be out of sight. */
const accountName = (user: Pick<UserAccount, 'displayName' | 'username'>) => (lang() === 'zh' ? `${user.displayName}（${user.username}）` : `${user.displayName} (${user.username})`);

/** Whether an account is active, and whether its user must change the password given them. */
function AccountStatus(props: { user: Pick<UserAccount, 'disabledAt' | 'mustChangePassword' | 'openItems' | 'lockedUntil'> }) {
  return (
    <td>
      <Show when={props.user.disabledAt !== null} fallback={<span class="chip ok">{pt('active')}</span>}>
        <span class="chip danger">{pt('disabled')}</span>
      </Show>
      <Show when={props.user.mustChangePassword}>
        <span class="chip">{pt('mustChange')}</span>
      </Show>
      {/* Refused at sign-in by their own wrong passwords: until when, and that a reset lifts it (the row said only 启用). */}
      <Show when={props.user.lockedUntil}>
        {(until) => (
          <span class="chip warning" title={pt('lockedHint')} data-testid="locked-until">
            {ptFilled('lockedUntil', { at: dateTime(until(), adminZone, { year: false }) })}
          </span>
        )}
      </Show>
      {/* What they still hold: for a disabled account, work no one does until a lead reassigns it. */}
      <Show when={props.user.openItems > 0}>
        <span class="chip" classList={{ warning: props.user.disabledAt !== null }} data-testid="open-items">
          {/* One item is 1 open item in English (it read "1 open items"). */}
          {props.user.openItems === 1 ? pt(props.user.disabledAt === null ? 'holdingOne' : 'holdingDisabledOne') : ptFilled(props.user.disabledAt === null ? 'holding' : 'holdingDisabled', { n: props.user.openItems })}
        </span>
      </Show>
    </td>
  );
}

function NewUserForm(props: { units: readonly UnitNode[]; policy: PasswordPolicyWire | undefined; onCreated: () => void }) {
  const [username, setUsername] = createSignal('');
  const [displayName, setDisplayName] = createSignal('');
  const [role, setRole] = createSignal<Role>('officer');
  const [unitId, setUnitId] = createSignal('');
  const [password, setPassword] = createSignal('');
  const problem = formProblem();
  // The unit chosen for one account stays chosen for the next, until it is retired: then the form asks again (it
  // kept offering the retired unit, and creating in it was refused).
  const unit = () => (props.units.some((u) => u.id === unitId() && u.retiredAt === null) ? unitId() : '');

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    problem.clear();
    const account: NewUser = { username: username().trim(), displayName: displayName().trim(), role: role(), unitId: unit(), password: password() };
    // Every fault the form can know of is said at once: the server checks the fields' shapes before its password
    // policy, so a username it does not take and a password too short came in two answers, one after the other.
    const faults = newAccountFaults(account, props.policy);
    if (faults.length > 0) {
      problem.refuse(faults);
      return;
    }
    try {
      await peopleApi.createAccount(account);
      setUsername('');
      setDisplayName('');
      setPassword('');
      toast(() => pt('saved'), 'info');
      props.onCreated();
    } catch (error) {
      problem.take(error);
    }
  }
  const message = (field: string) => {
    const m = problem.of(field);
    return m === null ? '' : tr(m);
  };

  return (
    <form class="people-form" onSubmit={submit} data-testid="new-user-form" novalidate>
      <h3>{pt('newUser')}</h3>
      <div class="people-form-grid">
        <label class="field">
          <span class="field-label">{pt('username')}</span>
          <input name="username" required autocomplete="off" autocapitalize="none" spellcheck={false} value={username()} onInput={(e) => setUsername(e.currentTarget.value)} />
          <span class="field-message">{message('username')}</span>
        </label>
        <label class="field">
          <span class="field-label">{pt('displayName')}</span>
          <input name="displayName" required value={displayName()} onInput={(e) => setDisplayName(e.currentTarget.value)} />
          <span class="field-message">{message('displayName')}</span>
        </label>
        <label class="field">
          <span class="field-label">{pt('role')}</span>
          <RoleSelect value={role()} onChange={setRole} />
          <span class="field-message">{message('role')}</span>
        </label>
        <label class="field">
          <span class="field-label">{pt('unit')}</span>
          <UnitSelect units={props.units} value={unit()} onChange={setUnitId} label={pt('unit')} prompt={pt('chooseUnit')} />
          <span class="field-message">{message('unitId')}</span>
        </label>
        <label class="field">
          <span class="field-label">{pt('initialPassword')}</span>
          <input name="password" type="password" required autocomplete="new-password" title={pt('initialPasswordHint')} value={password()} onInput={(e) => setPassword(e.currentTarget.value)} />
          <span class="field-message">{message('password')}</span>
        </label>
        <div class="people-form-submit">
          <button type="submit" class="button primary">
            {pt('create')}
          </button>
        </div>
      </div>
    </form>
  );
}
