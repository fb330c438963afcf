import { Show } from 'solid-js';
import type { ServerProgress } from './api';
import { count, im } from './messages';

/** Where an upload stands: the bytes sent while the browser sends them, then an indeterminate bar while the server works. */
export interface UploadProgress {
  readonly stage: 'checking' | 'importing';
  /** 0..1 while sending; null when the browser cannot tell. */
  readonly sent: number | null;
  /** The server's own progress once the file is sent, when it has told any. */
  readonly server: ServerProgress | null;
}

const stageKeys = { checking: 'stageChecking', creating: 'stageCreating', writing: 'stageWriting', done: 'stageDone' } as const;

export function ProgressBar(props: { progress: UploadProgress; onCancel?: () => void }) {
  /** The percentage sent, while sending; null once the server has the whole file. */
  const sending = () => {
    const sent = props.progress.sent;
    if (sent !== null && sent < 1) return Math.round(sent * 100);
    const server = props.progress.server;
    return server !== null && server.total > 0 ? Math.round((server.done / server.total) * 100) : null;
  };
  const label = () => {
    const server = props.progress.server;
    // Nothing counted yet (the server has the request, not yet its rows): as while it had told nothing.
    if (server !== null && server.total > 0) return `${im(stageKeys[server.stage])} ${count(server.done)} / ${count(server.total)}`;
    const percent = sending();
    if (percent !== null) return `${im('uploading')} ${percent}%`;
    return props.progress.stage === 'importing' ? im('importing') : im('checking');
  };
  return (
    <div class="upload-progress" data-testid="progress" data-stage={props.progress.stage}>
      <div
        class="progress-track"
        classList={{ indeterminate: sending() === null }}
        role="progressbar"
        aria-label={label()}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={sending() ?? undefined}
      >
        <div class="progress-fill" style={{ width: `${sending() ?? 0}%` }} />
      </div>
      <div class="progress-line">
        <span>{label()}</span>
        <Show when={props.onCancel}>
          {(cancel) => (
            <button type="button" class="button ghost" data-testid="cancel-upload" onClick={() => cancel()()}>
              {im('cancel')}
            </button>
          )}
        </Show>
      </div>
    </div>
  );
}
