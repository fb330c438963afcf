import { z } from 'zod';
import type { Label } from '../labels';
import { refuse } from '../refusals';
import type { Check } from './checks';
import type { EventMeta } from './types';
import { requiredText } from '../visible-text';

/**
 * Files attached to an item (附件): screenshots, transfer records, documents.
 * The bytes live in the database beside the item; the engine sees each file
 * by the id it was stored under, and the audit entry of the attach event
 * carries its name, size and SHA-256, so the log says which file was there,
 * and a file changed after it was attached no longer matches its entry.
 */

/** A file attached now: its stored id, and who attached it (a file may be removed by whoever attached it, or by a lead or the office). */
export interface AttachedFile {
  readonly id: number;
  readonly by: number;
}

/** What the context of an item with attachments holds: absent until the first file (items stored before attachments existed have none). */
export interface WithAttachments {
  readonly attachments?: readonly AttachedFile[];
}

/** The files attached to an item now, oldest first. */
export function attachedFilesOf(context: WithAttachments): readonly AttachedFile[] {
  return context.attachments ?? [];
}

/** More files than this on one item are refused: evidence beyond it belongs in a case file, not on a card. */
export const maxAttachmentsPerItem = 50;

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);
const attachmentId = z.number().int().positive();

/** The attach event's payload: written by the server from the stored file, never typed by a user. */
export const attachPayloadSchema = z.strictObject({
  attachmentId,
  name: z.string().trim().min(1).max(255),
  mediaType: z.string().min(1).max(255),
  size: z.number().int().positive(),
  sha256: sha256Hex,
});

/**
 * Removing a file from an item says why; the file stays stored, and its entries in the history name it. The reason must
 * hold something one can see, as the removal route's contract holds it: zero-width spaces alone removed evidence unexplained.
 */
export const detachPayloadSchema = z.strictObject({ attachmentId, reason: requiredText(4000) });

export type AttachPayload = z.infer<typeof attachPayloadSchema>;
export type DetachPayload = z.infer<typeof detachPayloadSchema>;

/** The events about files, of either kind, as the checks and actions read them. */
type FileEvent = { readonly type: string; readonly meta: EventMeta } & Partial<Pick<AttachPayload, 'attachmentId'>>;

const isAttach = (event: { readonly type: string }) => event.type.endsWith('.attach');
const isDetach = (event: { readonly type: string }) => event.type.endsWith('.detach');

const fileRefusal = (message: Label) => refuse('payload_invalid', [{ field: 'attachmentId', message }], message);
const full = refuse('payload_invalid', [{ field: 'file', message: { zh: `每个事项最多 ${maxAttachmentsPerItem} 个附件`, en: `At most ${maxAttachmentsPerItem} files on one item` } }], {
  zh: `每个事项最多 ${maxAttachmentsPerItem} 个附件，请先移除不需要的附件`,
  en: `An item holds at most ${maxAttachmentsPerItem} files: remove one that is no longer needed first`,
});
const notAttached = fileRefusal({ zh: '该附件不在此事项上', en: 'That file is not attached to this item' });
const notYours = refuse('role_forbidden', undefined, { zh: '只有上传者、单位负责人或专项办可以移除该附件', en: 'Only whoever attached the file, a unit lead or the office may remove it' });

/** The named rules about files, for either kind's machine. */
export function attachmentChecks<Context extends WithAttachments, Event extends FileEvent>() {
  return {
    /** An item holds at most {@link maxAttachmentsPerItem} files. */
    attachmentRoom: (context: Context, event: Event) => (isAttach(event) && attachedFilesOf(context).length >= maxAttachmentsPerItem ? full : null),
    /** Only a file attached now can be removed. */
    attachmentPresent: (context: Context, event: Event) =>
      isDetach(event) && !attachedFilesOf(context).some((file) => file.id === event.attachmentId) ? notAttached : null,
    /** An officer removes only what they attached; a lead or the office (already past `actorMayMove`'s scope) any file. */
    detachByAttacherOrLead: (context: Context, event: Event) => {
      if (!isDetach(event) || event.meta.actor.role !== 'officer') return null;
      const file = attachedFilesOf(context).find((f) => f.id === event.attachmentId);
      return file === undefined || file.by === event.meta.actor.userId ? null : notYours;
    },
  } satisfies Record<string, Check<Context, Event>>;
}

/** The context after an attach or detach event (unchanged for any other). */
export function withFiles<Context extends WithAttachments>(context: Context, event: FileEvent): Partial<WithAttachments> {
  const files = attachedFilesOf(context);
  if (isAttach(event) && event.attachmentId !== undefined) return { attachments: [...files, { id: event.attachmentId, by: event.meta.actor.userId }] };
  if (isDetach(event)) return { attachments: files.filter((file) => file.id !== event.attachmentId) };
  return {};
}
