import { Show } from 'solid-js';
import { tr } from '../i18n/i18n';
import { me } from '../session/session';

const assignedToMe = { zh: '我承办的', en: 'Assigned to me' };

/** The signed-in user as the assignee filter names them, when they are one work is given to (not a viewer or the administrator). */
export function mineId(): string | undefined {
  const user = me();
  return user && (user.role === 'lead' || user.role === 'officer' || user.role === 'office') ? String(user.id) : undefined;
}

/**
 * "Assigned to me", first among the assignee filter's people (who are then listed without the user): an officer
 * new to the board looked for their own work and found only their name somewhere in a list of thirty.
 * `chosen` marks it chosen where the select's options say so themselves (the board's).
 */
export function MineOption(props: { chosen?: string | undefined }) {
  return (
    <Show when={mineId()}>
      {(id) => (
        <option value={id()} selected={props.chosen === undefined ? undefined : props.chosen === id()}>
          {tr(assignedToMe)}
        </option>
      )}
    </Show>
  );
}
