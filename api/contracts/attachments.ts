import { z } from 'zod';
import { pathId } from './common';
import { requiredText } from '../../engine/visible-text';

/**
 * The largest file one upload may carry. Evidence larger than this (video,
 * a phone's extraction) belongs in the case file system; screenshots, scans,
 * spreadsheets and documents fit, and the database stays a size that a
 * backup copies in minutes.
 */
export const maxAttachmentBytes = 20 * 1024 * 1024;

/** A size as the office reads it beside a limit in megabytes: "40 KB", "1.5 MB", "320 MB", "12.5 GB". */
export function storageSize(bytes: number): string {
  const kb = bytes / 1024;
  const mb = kb / 1024;
  if (mb < 1) return `${Math.ceil(kb)} KB`;
  if (mb < 10) return `${mb.toFixed(1)} MB`;
  if (mb < 10 * 1024) return `${Math.round(mb)} MB`;
  return `${(mb / 1024).toFixed(1)} GB`;
}

/**
 * How full a campaign's file storage is against its limit: the share used
 * as the office reads it (a whole per cent, "<1" below one, at most 100),
 * the bytes left, and whether it is nearly full (nine tenths or more: time
 * to raise the limit) or full (no file fits).
 */
export function storageUse(usedBytes: number, quotaMb: number): { readonly percent: string; readonly leftBytes: number; readonly nearlyFull: boolean; readonly full: boolean } {
  const quotaBytes = quotaMb * 1024 * 1024;
  const share = usedBytes / quotaBytes;
  return {
    percent: share > 0 && share < 0.01 ? '<1' : String(Math.min(100, Math.round(share * 100))),
    leftBytes: Math.max(0, quotaBytes - usedBytes),
    nearlyFull: share >= 0.9,
    full: usedBytes >= quotaBytes,
  };
}

/** A campaign's file storage to warn of (nine tenths of its limit or more), with the limit; null without a limit or with room left. */
export function storageToWarnOf(storage: { readonly usedBytes: number; readonly quotaMb: number } | null): (ReturnType<typeof storageUse> & { readonly quotaMb: number }) | null {
  if (storage === null) return null;
  const use = storageUse(storage.usedBytes, storage.quotaMb);
  return use.nearlyFull ? { ...use, quotaMb: storage.quotaMb } : null;
}

/**
 * Images a browser shows itself, opened in place (a thumbnail, a preview)
 * when asked; every other file, and SVG above all (it can carry script), is
 * only ever downloaded.
 */
export const inlineImageTypes: ReadonlySet<string> = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

/** A file attached to an item now, as the drawer lists it (the bytes are fetched apart). */
export const attachedFileInfo = z
  .object({
    id: z.number().int(),
    name: z.string(),
    mediaType: z.string(),
    size: z.number().int(),
    sha256: z.string(),
    attachedAt: z.string(),
    attachedBy: z.number().int(),
    attachedByName: z.string().nullable(),
    /** Whether the reader may remove it: the engine's answer to a removal by them now. */
    removable: z.boolean(),
  })
  .meta({ id: 'AttachedFile' });
export type AttachedFileInfo = z.infer<typeof attachedFileInfo>;

/** An item and one of its files. */
export const attachmentParams = z.object({
  id: pathId,
  attachmentId: pathId,
});

/** The file's name travels in the query, the body being the file itself. */
export const attachmentUploadQuery = z.object({ name: z.string().min(1).max(1024) });

/** `inline=1` opens an image in the browser (a thumbnail, a preview); anything else is downloaded. */
export const attachmentReadQuery = z.object({ inline: z.enum(['0', '1']).optional() });

/** Removing a file from an item says why. */
export const detachRequest = z.strictObject({ reason: requiredText(4000) }).meta({ id: 'DetachRequest' });
