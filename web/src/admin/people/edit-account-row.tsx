import { Show, createSignal, onMount } from 'solid-js';
import { roleLabels } from '../../../../api/contracts/users';
import type { Role } from '../../../../engine/actor';
import { tr, unitNamed } from '../../i18n/i18n';
import { toast } from '../../ui/toasts';
import { peopleApi, type UnitNode, type UserAccount } from './api';
import { formProblem } from './form-problem';
import { heldItemsOf } from './held-items';
import { askConfirm } from '../../ui/confirm-dialog';
import { pt, ptFilled, ptOn } from './messages';
import { AccountUnitSelect, RoleSelect } from './account-selects';
import { AccountStatus, accountName } from './account-status';

/** An account's row being edited: its name, role and unit, saved or cancelled; a change out of reach of its open items asks first. */
export function EditRow(props: { user: UserAccount; units: readonly UnitNode[]; onDone: () => void; onCancel: () => void }) {
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
  const message = problem.message;
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
        <AccountUnitSelect units={props.units} value={unitId()} onChange={setUnitId} label={pt('unit')} />
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
