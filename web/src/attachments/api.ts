import type { z } from 'zod';
import type { attachedFileInfo } from '../../../api/contracts/attachments';
import type { ItemDetail } from '../../../api/contracts/items';
import type { ItemKind } from '../api/client';
import { problemOf } from '../api/problem';
import { withRetryKey } from '../api/retry-keys';
import { sendFile } from '../api/send-file';
import { call as expect, client, reportUnauthenticated } from '../api/typed-call';

export type AttachedFile = z.infer<typeof attachedFileInfo>;

const plural = (kind: ItemKind) => (kind === 'clue' ? 'clues' : 'problems');

/** Where a file is opened: downloaded, or (an image, `inline`) shown in place. */
export function fileUrl(kind: ItemKind, id: number, attachmentId: number, inline = false): string {
  return `/api/${plural(kind)}/${id}/attachments/${attachmentId}${inline ? '?inline=1' : ''}`;
}

/** Images the server shows in place (the others it only sends as downloads): these get a thumbnail. */
export { inlineImageTypes as previewable } from '../../../api/contracts/attachments';

export const attachmentsApi = {
  list: (kind: ItemKind, id: number): Promise<AttachedFile[]> => {
    const param = { id: String(id) };
    return kind === 'clue' ? expect(client.clues[':id'].attachments.$get({ param })) : expect(client.problems[':id'].attachments.$get({ param }));
  },
  remove: (kind: ItemKind, id: number, attachmentId: number, reason: string): Promise<ItemDetail> => {
    const request = { param: { id: String(id), attachmentId: String(attachmentId) }, json: { reason } };
    return kind === 'clue'
      ? expect(client.clues[':id'].attachments[':attachmentId'].remove.$post(request))
      : expect(client.problems[':id'].attachments[':attachmentId'].remove.$post(request));
  },
  /**
   * Sends one file, its bytes as the body (the typed client sends none), with a retry key: a
   * try of the same file after the network failed attaches it once.
   */
  upload: (kind: ItemKind, id: number, file: File, onProgress: (sent: number, total: number) => void): Promise<ItemDetail> =>
    withRetryKey(`${kind} ${id} attach ${file.name} ${file.size} ${file.lastModified}`, async (key) => {
      const response = await sendFile(`/api/${plural(kind)}/${id}/attachments?name=${encodeURIComponent(file.name)}`, file, {
        contentType: file.type === '' ? 'application/octet-stream' : file.type,
        headers: { 'Idempotency-Key': key },
        onProgress,
      });
      if (response.ok) return (await response.json()) as ItemDetail;
      const problem = await problemOf(response);
      if (problem.status === 401) reportUnauthenticated();
      throw problem;
    }),
};
