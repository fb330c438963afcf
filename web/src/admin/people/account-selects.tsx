import { For, Show } from 'solid-js';
import { roleLabels } from '../../../../api/contracts/users';
import { roles, type Role } from '../../../../engine/actor';
import { named, tr } from '../../i18n/i18n';
import type { UnitNode } from './api';
import { pt } from './messages';

/** The role and the unit of an account, as its forms choose them (the new account's and a row being edited). */
export function RoleSelect(props: { value: Role; onChange: (role: Role) => void }) {
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
export function AccountUnitSelect(props: { units: readonly UnitNode[]; value: string; onChange: (id: string) => void; label: string; prompt?: string }) {
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
