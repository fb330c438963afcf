import { createSignal, type JSX } from 'solid-js';
import './drop-zone.css';

/**
 * Where files are chosen: a zone files can be dropped on that is also the
 * file picker's label, so a click, the keyboard (Space on the focused
 * input) and a drag all choose. `children` is the text inside, told
 * whether files are being dragged over it.
 */
export function DropZone(props: {
  accept?: string;
  multiple?: boolean;
  disabled: boolean;
  /** Smaller, with a solid border: a file is chosen, or the zone sits in a narrow panel. */
  compact?: boolean;
  button: string;
  testId: string;
  inputTestId: string;
  onFiles: (files: File[]) => void;
  children: (over: () => boolean) => JSX.Element;
}) {
  const [over, setOver] = createSignal(false);
  // dragenter and dragleave fire for every child crossed: counted, so the highlight ends only on leaving the zone.
  let depth = 0;
  const take = (files: FileList | null | undefined) => {
    const chosen = [...(files ?? [])];
    if (chosen.length > 0 && !props.disabled) props.onFiles(props.multiple === true ? chosen : chosen.slice(0, 1));
  };
  return (
    <label
      class="drop-zone"
      classList={{ 'is-over': over(), 'has-file': props.compact === true, 'is-disabled': props.disabled }}
      data-testid={props.testId}
      onDragEnter={(event) => {
        event.preventDefault();
        depth += 1;
        setOver(true);
      }}
      onDragOver={(event) => {
        event.preventDefault();
        if (event.dataTransfer) event.dataTransfer.dropEffect = props.disabled ? 'none' : 'copy';
      }}
      onDragLeave={() => {
        depth = Math.max(0, depth - 1);
        if (depth === 0) setOver(false);
      }}
      onDrop={(event) => {
        event.preventDefault();
        depth = 0;
        setOver(false);
        take(event.dataTransfer?.files);
      }}
    >
      <input
        type="file"
        name="file"
        class="visually-hidden"
        accept={props.accept}
        multiple={props.multiple === true}
        disabled={props.disabled}
        data-testid={props.inputTestId}
        onChange={(event) => {
          take(event.currentTarget.files);
          // The same file chosen again (after fixing it on disk) must still fire a change.
          event.currentTarget.value = '';
        }}
      />
      <span class="drop-icon" aria-hidden="true">
        <svg viewBox="0 0 24 24" width="22" height="22" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round">
          <path d="M14 3H7a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V8z" />
          <path d="M14 3v5h5" />
          <path d="M12 17v-6M9.5 13.5 12 11l2.5 2.5" />
        </svg>
      </span>
      {props.children(over)}
      <span class="button drop-button" aria-hidden="true">
        {props.button}
      </span>
    </label>
  );
}

