import { Show } from 'solid-js';
import type { HistoryEntry, ItemKind } from '../api/client';
import { fileSize } from '../ui/file-size';
import { fileUrl } from './api';
import { am } from './messages';
import './attachments.css';

/** The names of the files an item's history attached, by id: a removal entry names its file by the attach entry's name. */
export function filesNamed(entries: readonly HistoryEntry[]): ReadonlyMap<number, string> {
  const names = new Map<number, string>();
  for (const entry of entries) {
    const { attachmentId, name } = entry.payload;
    if (entry.event.endsWith('.attach') && typeof attachmentId === 'number' && typeof name === 'string') names.set(attachmentId, name);
  }
  return names;
}

/** The file an attach or removal entry is about, opened from the history (a removed file too: it stays stored), with its size when attached. */
export function FileInHistory(props: { entry: HistoryEntry; kind: ItemKind; itemId: number; files: ReadonlyMap<number, string> }) {
  const file = () => {
    const { attachmentId, size } = props.entry.payload;
    if (!(props.entry.event.endsWith('.attach') || props.entry.event.endsWith('.detach')) || typeof attachmentId !== 'number') return null;
    return { id: attachmentId, name: props.files.get(attachmentId) ?? am('fileGone', { id: attachmentId }), size: typeof size === 'number' ? size : null };
  };
  return (
    <Show when={file()}>
      {(f) => (
        <p class="history-file" data-testid="history-file">
          <a href={fileUrl(props.kind, props.itemId, f().id)} download={f().name}>
            {f().name}
          </a>
          <Show when={f().size}>{(size) => <span class="muted"> · {fileSize(size())}</span>}</Show>
        </p>
      )}
    </Show>
  );
}
