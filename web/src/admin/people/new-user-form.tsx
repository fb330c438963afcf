import { createSignal } from 'solid-js';
import type { Role } from '../../../../engine/actor';
import { toast } from '../../ui/toasts';
import { peopleApi, type NewUser, type PasswordPolicyWire, type UnitNode } from './api';
import { newAccountFaults } from './new-account-faults';
import { formProblem } from './form-problem';
import { pt } from './messages';
import { AccountUnitSelect, RoleSelect } from './account-selects';

/** The form for a new account: every fault it can know of said at once, before the server's own checks. */
export function NewUserForm(props: { units: readonly UnitNode[]; policy: PasswordPolicyWire | undefined; onCreated: () => void }) {
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
  const message = problem.message;

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
          <AccountUnitSelect units={props.units} value={unit()} onChange={setUnitId} label={pt('unit')} prompt={pt('chooseUnit')} />
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
