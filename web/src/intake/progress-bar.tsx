import { Show } from 'solid-js';
import { im } from './messages';

/** Where an upload stands: the bytes sent while the browser sends them, then an indeterminate bar while the server works. */
export interface UploadProgress {
  readonly stage: 'checking' | 'importing';
  /** 0..1 while sending; null once sent (the server's work has no measurable progress). */
  readonly sent: number | null;
}

export function ProgressBar(props: { progress: UploadProgress; onCancel?: () => void }) {
  /** The percentage sent, while sending; null once the server has the whole file. */
  const sending = () => {
    const sent = props.progress.sent;
    return sent !== null && sent < 1 ? Math.round(sent * 100) : null;
  };
  const label = () => {
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
