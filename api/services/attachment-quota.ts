import { count, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { attachments, campaigns } from '../../db/schema';
import { storageSize } from '../contracts/attachments';
import { ApiError } from '../errors';

const megabyte = 1024 * 1024;

/** How many files the campaign's items hold and the bytes they take, removed ones included (kept for the history); read from the index on (campaign, size) alone. */
export async function attachmentsHeld(db: Db | Tx, campaignId: number): Promise<{ files: number; bytes: number }> {
  const [row] = await db
    .select({ files: count(), bytes: sql<number>`coalesce(sum(${attachments.size}), 0)` })
    .from(attachments)
    .where(eq(attachments.campaignId, campaignId));
  return { files: row?.files ?? 0, bytes: row?.bytes ?? 0 };
}

/**
 * Refuses a file that would take the campaign's files past the quota its
 * office set (507 naming what is used and allowed), inside the transaction
 * that would store it, so two uploads at once cannot both pass.
 */
export async function checkAttachmentQuota(tx: Tx, campaignId: number, size: number): Promise<void> {
  const [campaign] = await tx
    .select({ quotaMb: sql<number | null>`json_extract(${campaigns.config}, '$.attachmentQuotaMb')` })
    .from(campaigns)
    .where(eq(campaigns.id, campaignId));
  const quotaMb = campaign?.quotaMb ?? null;
  if (quotaMb === null) return;
  const { bytes } = await attachmentsHeld(tx, campaignId);
  if (bytes + size <= quotaMb * megabyte) return;
  const used = storageSize(bytes);
  throw new ApiError('storage_full', {
    reason: {
      zh: `本专项附件已用 ${used}，上限 ${quotaMb} MB，放不下这个文件：请专项办在专项配置中调高上限`,
      en: `The campaign's files take ${used} of the ${quotaMb} MB allowed, too little room for this file: the campaign office can raise the limit in the settings`,
    },
    fields: [{ field: 'file', message: { zh: `超出本专项附件存储上限（${quotaMb} MB）`, en: `Past the campaign's storage limit for files (${quotaMb} MB)` } }],
    extra: { usedBytes: bytes, quotaMb },
  });
}
