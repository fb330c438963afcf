import { Show, createSignal } from 'solid-js';
import { count, im } from './messages';

const accept = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Where a spreadsheet is chosen: a drop zone that is also the file picker's label; compact once a file is chosen. */
export function FileDrop(props: { file: File | null; disabled: boolean; onFile: (file: File) => void }) {
  const [over, setOver] = createSignal(false);
  let depth = 0;
  const take = (files: FileList | null | undefined) => {
    const file = files?.[0];
    if (file !== undefined && !props.disabled) props.onFile(file);
  };
  const kilobytes = (bytes: number) => (bytes < 1024 * 1024 ? `${count(Math.max(1, Math.round(bytes / 1024)))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

  return (
    <label
      class="drop-zone"
      classList={{ 'is-over': over(), 'has-file': props.file !== null, 'is-disabled': props.disabled }}
      data-testid="drop-zone"
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
        accept={accept}
        disabled={props.disabled}
        data-testid="file-input"
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
      <Show
        when={props.file}
        fallback={
          <span class="drop-text">
            <strong>{over() ? im('dropActive') : im('dropTitle')}</strong>
            <span class="muted">{im('dropHint')}</span>
          </span>
        }
      >
        {(file) => (
          <span class="drop-text">
            <strong class="drop-file" data-testid="file-name">
              {file().name}
            </strong>
            <span class="muted">{kilobytes(file().size)}</span>
          </span>
        )}
      </Show>
      <span class="button drop-button" aria-hidden="true">
        {props.file === null ? im('chooseFile') : im('changeFile')}
      </span>
    </label>
  );
}
