import type { Label } from '../../../engine/labels';
import type { HistoryEntry } from '../api/client';

/**
 * What an entry of a clue created by an import says of it: the import's
 * batch (the id its done screen gives, to find every clue of one file) and
 * the row's own number in the file, when it had one. Null for any other entry.
 */
export function importedWith(entry: Pick<HistoryEntry, 'payload'>): { batch: string; sourceRef: string | null } | null {
  const { batchId, sourceRef } = entry.payload;
  if (typeof batchId !== 'string') return null;
  return { batch: batchId, sourceRef: typeof sourceRef === 'string' && sourceRef !== '' ? sourceRef : null };
}

export const importLabels = {
  imported: { zh: '导入', en: 'Imported' },
  batch: { zh: '批次号', en: 'Batch id' },
  sourceRef: { zh: '来源编号', en: 'Source id' },
} satisfies Record<string, Label>;
