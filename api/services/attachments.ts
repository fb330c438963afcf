import { createHash } from 'node:crypto';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Database, Db } from '../../db/client';
import { clueStore, problemStore } from '../../db/items/store';
import { attachments, users } from '../../db/schema';
import { decideClue, decideProblem, type Actor, type Label } from '../../engine';
import type { AttachPayload } from '../../engine/item/attachments';
import type { ItemKindName } from '../contracts/board';
import { maxAttachmentBytes, type AttachedFileInfo } from '../contracts/attachments';
import { checkAttachmentQuota } from './attachment-quota';
import type { ItemDetail } from '../contracts/items';
import { ApiError, tooLarge } from '../errors';
import { sees } from './board';
import { itemRulesOf, loadCampaignRules } from './campaign-rules';
import { onceIn, type Once } from './idempotency';
import { readItem } from './item-card';
import { applyRequestsIn } from './move-item';

/** The route a file is uploaded to: its body is the file, of any type. */
export const isAttachmentUploadPath = (path: string) => /^\/api\/(clues|problems)\/[^/]+\/attachments$/.test(path);

/** A file as its sender sent it, with its hash (taken once: an upload's retry key is tied to it too). */
export interface SentFile {
  readonly name: string;
  readonly mediaType: string;
  readonly bytes: Uint8Array;
  readonly sha256: string;
}

/** The file a request carried, under the name and type it was sent with (see {@link fileNameOf}, {@link mediaTypeOf}). */
export function sentFile(name: string, contentType: string | undefined, bytes: Uint8Array): SentFile {
  // A form's upload (curl -F, an HTML form) would be stored wrapper and all: its boundary lines and part headers around the file.
  if (mediaTypeOf(contentType).startsWith('multipart/')) throw formUpload;
  return { name: fileNameOf(name), mediaType: mediaTypeOf(contentType), bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
}

export const formUpload = new ApiError('unsupported_media_type', {
  reason: {
    zh: '请将文件本身作为请求内容发送（Content-Type 为文件的类型，文件名放在 ?name= 中），而不是表单（multipart/form-data）',
    en: 'Send the file itself as the request body (its own Content-Type, its name in ?name=), not a form (multipart/form-data)',
  },
});

const fileIssue = (field: string, message: Label) => new ApiError('bad_request', { fields: [{ field, message }], reason: message });

/**
 * The name a file is stored under: its last path part (a browser may send
 * a folder with it), without control characters, at most 255 characters.
 * Without the invisible marks that reorder or hide text either: a
 * right-to-left override made `\u202Egnp.exe` show as "exe.png", a program
 * passed off as a screenshot.
 */
export function fileNameOf(sent: string): string {
  // eslint-disable-next-line no-control-regex
  const name = (sent.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g, '').trim();
  if (name === '' || name === '.' || name === '..') throw fileIssue('query.name', { zh: '缺少文件名', en: 'The file has no name' });
  if ([...name].length > 255) throw fileIssue('query.name', { zh: '文件名不能超过 255 个字符', en: 'The file name is longer than 255 characters' });
  return name;
}

/** A media type as sent (`image/png; charset=…` → `image/png`), or octet-stream when none or a malformed one. */
export function mediaTypeOf(sent: string | undefined): string {
  const type = (sent ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  return /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/.test(type) && type.length <= 255 ? type : 'application/octet-stream';
}

/** What the idempotency key of an upload is tied to: the file's name and hash, not its bytes. */
export function uploadFingerprint(file: SentFile): { name: string; sha256: string; size: number } {
  return { name: file.name, sha256: file.sha256, size: file.bytes.byteLength };
}

/**
 * Stores a file and attaches it to the item, in one write: the row with the
 * bytes, then the engine's decision on the attach event, whose audit entry
 * carries the file's name, size and hash. A refused attach (someone else's
 * item, a closed one, the limit reached) throws inside the transaction, so
 * the bytes are not kept either.
 */
export async function attachFile(database: Database, kind: ItemKindName, id: number, actor: Actor, file: SentFile, now: Date, once: Once | null = null): Promise<ItemDetail> {
  const { name, sha256 } = file;
  if (file.bytes.byteLength === 0) throw fileIssue('file', { zh: '文件为空', en: 'The file is empty' });
  if (file.bytes.byteLength > maxAttachmentBytes) throw tooLarge(maxAttachmentBytes);
  const store = kind === 'clue' ? clueStore : problemStore;
  return database.write((tx) =>
    onceIn(tx, once, 201, now, async () => {
      const item = await store.loadForChange(tx, id);
      if (item === null || !sees(actor, item.context.unitId)) throw new ApiError('not_found');
      await checkAttachmentQuota(tx, item.context.campaignId, file.bytes.byteLength);
      const [stored] = await tx
        .insert(attachments)
        .values({
          campaignId: item.context.campaignId,
          subject: kind,
          subjectId: id,
          name,
          mediaType: file.mediaType,
          size: file.bytes.byteLength,
          sha256,
          attachedAt: now.toISOString(),
          attachedBy: actor.userId,
          content: Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength),
        })
        .returning({ id: attachments.id });
      if (stored === undefined) throw new ApiError('internal');
      const payload: AttachPayload = { attachmentId: stored.id, name, mediaType: file.mediaType, size: file.bytes.byteLength, sha256 };
      return applyRequestsIn(tx, kind, id, actor, 'current', [{ event: `${kind}.attach`, payload }], now);
    }),
  );
}

/**
 * Removes a file from the item with the reason, by the engine's rules (who
 * attached it; a lead or the office). The file's row stays, marked removed:
 * the history still names it and still opens it.
 */
export async function detachFile(database: Database, kind: ItemKindName, id: number, attachmentId: number, actor: Actor, reason: string, now: Date): Promise<ItemDetail> {
  return database.write(async (tx) => {
    const answer = await applyRequestsIn(tx, kind, id, actor, 'current', [{ event: `${kind}.detach`, payload: { attachmentId, reason } }], now);
    await tx.update(attachments).set({ removedAt: now.toISOString() }).where(and(eq(attachments.id, attachmentId), eq(attachments.subject, kind), eq(attachments.subjectId, id)));
    return answer;
  });
}

/** The files attached to an item now, oldest first, each with whether this reader may remove it (the engine's answer to a removal). */
export async function listFiles(db: Db, kind: ItemKindName, id: number, actor: Actor, now: Date): Promise<AttachedFileInfo[]> {
  // Reading the item first applies the scope check.
  const item = await readItem(db, kind, id, actor, now);
  const rows = await db
    .select({
      id: attachments.id,
      name: attachments.name,
      mediaType: attachments.mediaType,
      size: attachments.size,
      sha256: attachments.sha256,
      attachedAt: attachments.attachedAt,
      attachedBy: attachments.attachedBy,
      attachedByName: users.displayName,
    })
    .from(attachments)
    .leftJoin(users, eq(users.id, attachments.attachedBy))
    .where(and(eq(attachments.subject, kind), eq(attachments.subjectId, id), isNull(attachments.removedAt)))
    .orderBy(asc(attachments.id));
  if (rows.length === 0) return [];
  const rules = itemRulesOf(await loadCampaignRules(db, item.campaignId));
  // Asked of the engine as a removal would be (any reason will do), so the drawer offers it exactly when it would be accepted.
  const payload = (attachmentId: number) => ({ attachmentId, reason: '—' });
  const clue = kind === 'clue' ? await clueStore.load(db, id) : null;
  const problem = kind === 'problem' ? await problemStore.load(db, id) : null;
  const removable = (attachmentId: number) =>
    clue !== null
      ? decideClue(clue, actor, { event: 'clue.detach', payload: payload(attachmentId) }, rules, now).ok
      : problem !== null && decideProblem(problem, actor, { event: 'problem.detach', payload: payload(attachmentId) }, rules, now).ok;
  return rows.map((row) => ({ ...row, removable: removable(row.id) }));
}

/** One file of an item the reader may see, attached now or removed since (the history names both). */
export async function readFile(db: Db, kind: ItemKindName, id: number, attachmentId: number, actor: Actor, now: Date) {
  await readItem(db, kind, id, actor, now);
  const [row] = await db
    .select({ name: attachments.name, mediaType: attachments.mediaType, size: attachments.size, sha256: attachments.sha256, content: attachments.content })
    .from(attachments)
    .where(and(eq(attachments.id, attachmentId), eq(attachments.subject, kind), eq(attachments.subjectId, id)))
    .limit(1);
  if (row === undefined) throw new ApiError('not_found');
  return row;
}
