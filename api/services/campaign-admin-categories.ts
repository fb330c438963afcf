import { and, eq, max, ne } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { appendAudit } from '../../db/audit/append';
import { categories } from '../../db/schema';
import type { Actor } from '../../engine';
import { quotedZh } from '../../engine/labels';
import type { CampaignSettings, CategoryChange, NewCategoryRequest } from '../contracts/campaign-admin';
import { ApiError } from '../errors';
import { campaignForChange, configurationEntry, invalidSettings, readSettings } from './campaign-admin';
import { englishNameAfter, englishNameOf } from './english-name';

const codeTaken = (code: string) => ({ field: 'code', message: { zh: `本专项已有代号为 ${code} 的类别`, en: `This campaign already has a category ${code}` } });

type Named = { readonly id: number; readonly nameZh: string; readonly nameEn: string; readonly retiredAt: string | null };

/**
 * A name another category of the campaign already has (the English one in
 * any case): two "电信网络诈骗" would split one crime's figures between them
 * in every report and filter. A retired one is named as such: it can be
 * restored instead.
 */
function namesTaken(others: readonly Named[], nameZh: string | undefined, nameEn: string | undefined): { field: string; message: { zh: string; en: string } }[] {
  const taken: { field: string; message: { zh: string; en: string } }[] = [];
  const retired = (c: Named) => (c.retiredAt === null ? { zh: '', en: '' } : { zh: '（已停用，可恢复）', en: ' (retired: it can be restored)' });
  const zh = others.find((c) => nameZh !== undefined && c.nameZh === nameZh);
  if (zh !== undefined) taken.push({ field: 'nameZh', message: { zh: `本专项已有名为${quotedZh(zh.nameZh)}的类别${retired(zh).zh}`, en: `This campaign already has a category named “${nameZh}”${retired(zh).en}` } });
  // Not said twice when the English name is the Chinese one standing in for it.
  const en = others.find((c) => nameEn !== undefined && nameEn !== nameZh && c.nameEn.toLowerCase() === nameEn.toLowerCase());
  if (en !== undefined) taken.push({ field: 'nameEn', message: { zh: `本专项已有英文名为${quotedZh(nameEn ?? en.nameEn)}的类别${retired(en).zh}`, en: `This campaign already has a category named “${nameEn}”${retired(en).en}` } });
  return taken;
}

/**
 * Adds a crime category to the campaign, last in order unless told where.
 * Without a code it gets the next free `category-N`.
 */
export async function addCategory(database: Database, campaignId: number, actor: Actor, request: NewCategoryRequest, now: Date): Promise<CampaignSettings> {
  return database.write(async (tx) => {
    const campaign = await campaignForChange(tx, campaignId, actor, undefined);
    const existing = await tx
      .select({ id: categories.id, code: categories.code, nameZh: categories.nameZh, nameEn: categories.nameEn, retiredAt: categories.retiredAt })
      .from(categories)
      .where(eq(categories.campaignId, campaignId));
    const codes = new Set(existing.map((c) => c.code));
    let code = request.code;
    const nameEn = englishNameOf(request.nameEn, request.nameZh);
    const refused = [...(code !== undefined && codes.has(code) ? [codeTaken(code)] : []), ...namesTaken(existing, request.nameZh, nameEn)];
    if (refused.length > 0) throw invalidSettings(refused);
    for (let n = existing.length + 1; code === undefined; n += 1) if (!codes.has(`category-${n}`)) code = `category-${n}`;
    const [last] = await tx.select({ order: max(categories.sortOrder) }).from(categories).where(eq(categories.campaignId, campaignId));
    const sortOrder = request.sortOrder ?? (last?.order ?? 0) + 1;
    const [row] = await tx
      .insert(categories)
      .values({ campaignId, code, nameZh: request.nameZh, nameEn, sortOrder })
      .returning({ id: categories.id });
    if (row === undefined) throw new Error('category not created');
    await appendAudit(tx, configurationEntry(campaign, actor, 'category.create', { categoryId: row.id, code, nameZh: request.nameZh, nameEn, sortOrder }, now));
    return readSettings(tx, campaignId);
  });
}

/**
 * Renames, reorders, retires or restores a category. Retiring never deletes:
 * items already in the category keep it, and reports still count them; it
 * only leaves the create forms and imports.
 */
export async function changeCategory(database: Database, campaignId: number, categoryId: number, actor: Actor, change: CategoryChange, now: Date): Promise<CampaignSettings> {
  return database.write(async (tx) => {
    const campaign = await campaignForChange(tx, campaignId, actor, undefined);
    const [row] = await tx
      .select()
      .from(categories)
      .where(and(eq(categories.id, categoryId), eq(categories.campaignId, campaignId)))
      .limit(1);
    if (row === undefined) throw new ApiError('not_found');
    const others = await tx
      .select({ id: categories.id, code: categories.code, nameZh: categories.nameZh, nameEn: categories.nameEn, retiredAt: categories.retiredAt })
      .from(categories)
      .where(and(eq(categories.campaignId, campaignId), ne(categories.id, categoryId)));
    const nameEn = englishNameAfter(row, change);
    const refused = [
      ...(change.code !== undefined && others.some((c) => c.code === change.code) ? [codeTaken(change.code)] : []),
      ...namesTaken(others, change.nameZh, nameEn === row.nameEn ? undefined : nameEn),
    ];
    if (refused.length > 0) throw invalidSettings(refused);
    const retiredAt = change.retired === undefined ? row.retiredAt : change.retired ? (row.retiredAt ?? now.toISOString()) : null;
    const after = { code: change.code ?? row.code, nameZh: change.nameZh ?? row.nameZh, nameEn, sortOrder: change.sortOrder ?? row.sortOrder, retiredAt };
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const key of ['code', 'nameZh', 'nameEn', 'sortOrder', 'retiredAt'] as const) if (row[key] !== after[key]) changes[key] = { from: row[key], to: after[key] };
    if (Object.keys(changes).length === 0) return readSettings(tx, campaignId);
    await tx.update(categories).set(after).where(eq(categories.id, categoryId));
    const event = change.retired === true && row.retiredAt === null ? 'category.retire' : 'category.change';
    await appendAudit(tx, configurationEntry(campaign, actor, event, { categoryId, code: row.code, changes }, now));
    return readSettings(tx, campaignId);
  });
}
