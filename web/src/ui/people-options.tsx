import { For } from 'solid-js';

/**
 * The people of a select as its options, each saying whether it is the one chosen: the people are read after the
 * select is drawn, and a select given its value before an option of that value exists drops it (an assigned item's
 * form read 未指定承办人, a filter from the address 全部承办人), and is not given it again when the options come.
 */
export function PeopleOptions(props: { people: readonly { readonly id: number; readonly displayName: string }[] | undefined; chosen: string | undefined }) {
  return (
    <For each={props.people ?? []}>
      {(user) => (
        <option value={String(user.id)} selected={props.chosen === String(user.id)}>
          {user.displayName}
        </option>
      )}
    </For>
  );
}
