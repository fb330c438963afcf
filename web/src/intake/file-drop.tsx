import { Show } from 'solid-js';
import { DropZone } from '../ui/drop-zone';
import { fileSize } from '../ui/file-size';
import { createTouchScreen } from '../ui/touch-screen';
import { im } from './messages';

const accept = '.csv,.txt,.xlsx,text/csv,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Where a spreadsheet is chosen: a drop zone that is also the file picker's label; compact once a file is chosen. */
export function FileDrop(props: { file: File | null; disabled: boolean; onFile: (file: File) => void }) {
  // A phone or a tablet drags no file in: its box says to tap, which offers its files.
  const touch = createTouchScreen();
  return (
    <DropZone
      accept={accept}
      disabled={props.disabled}
      compact={props.file !== null}
      button={props.file === null ? im('chooseFile') : im('changeFile')}
      testId="drop-zone"
      inputTestId="file-input"
      onFiles={([file]) => file !== undefined && props.onFile(file)}
    >
      {(over) => (
        <Show
          when={props.file}
          fallback={
            <span class="drop-text">
              <strong>{over() ? im('dropActive') : touch() ? im('tapTitle') : im('dropTitle')}</strong>
              <span class="muted">{im('dropHint')}</span>
            </span>
          }
        >
          {(file) => (
            <span class="drop-text">
              <strong class="drop-file" data-testid="file-name">
                {file().name}
              </strong>
              <span class="muted">{fileSize(file().size)}</span>
            </span>
          )}
        </Show>
      )}
    </DropZone>
  );
}
