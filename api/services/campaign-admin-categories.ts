import { and, eq, max } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { appendAudit } from '../../db/audit/append';
import { categories } from '../../db/schema';
import type { Actor } from '../../engine';
import type { CampaignSettings, CategoryChange, NewCategoryRequest } from '../contracts/campaign-admin';
import { ApiError } from '../errors';
import { campaignForChange, configurationEntry, invalidSettings, readSettings } from './campaign-admin';

const codeTaken = (code: string) => ({ field: 'code', message: { zh: `本专项已有代号为 ${code} 的类别`, en: `This campaign already has a category ${code}` } });

/**
 * Adds a crime category to the campaign, last in order unless told where.
 * Without a code it gets the next free `category-N`.
 */
export async function addCategory(database: Database, campaignId: number, actor: Actor, request: NewCategoryRequest, now: Date): Promise<CampaignSettings> {
  return database.write(async (tx) => {
    const campaign = await campaignForChange(tx, campaignId, actor, undefined);
    const existing = await tx.select({ code: categories.code }).from(categories).where(eq(categories.campaignId, campaignId));
    const codes = new Set(existing.map((c) => c.code));
    let code = request.code;
    if (code !== undefined && codes.has(code)) throw invalidSettings([codeTaken(code)]);
    for (let n = existing.length + 1; code === undefined; n += 1) if (!codes.has(`category-${n}`)) code = `category-${n}`;
    const [last] = await tx.select({ order: max(categories.sortOrder) }).from(categories).where(eq(categories.campaignId, campaignId));
    const sortOrder = request.sortOrder ?? (last?.order ?? 0) + 1;
    const [row] = await tx
      .insert(categories)
      .values({ campaignId, code, nameZh: request.nameZh, nameEn: request.nameEn, sortOrder })
      .returning({ id: categories.id });
    if (row === undefined) throw new Error('category not created');
    await appendAudit(tx, configurationEntry(campaign, actor, 'category.create', { categoryId: row.id, code, nameZh: request.nameZh, nameEn: request.nameEn, sortOrder }, now));
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
    if (change.code !== undefined && change.code !== row.code) {
      const [taken] = await tx
        .select({ id: categories.id })
        .from(categories)
        .where(and(eq(categories.campaignId, campaignId), eq(categories.code, change.code)))
        .limit(1);
      if (taken !== undefined) throw invalidSettings([codeTaken(change.code)]);
    }
    const retiredAt = change.retired === undefined ? row.retiredAt : change.retired ? (row.retiredAt ?? now.toISOString()) : null;
    const after = { code: change.code ?? row.code, nameZh: change.nameZh ?? row.nameZh, nameEn: change.nameEn ?? row.nameEn, sortOrder: change.sortOrder ?? row.sortOrder, retiredAt };
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const key of ['code', 'nameZh', 'nameEn', 'sortOrder', 'retiredAt'] as const) if (row[key] !== after[key]) changes[key] = { from: row[key], to: after[key] };
    if (Object.keys(changes).length === 0) return readSettings(tx, campaignId);
    await tx.update(categories).set(after).where(eq(categories.id, categoryId));
    const event = change.retired === true && row.retiredAt === null ? 'category.retire' : 'category.change';
    await appendAudit(tx, configurationEntry(campaign, actor, event, { categoryId, code: row.code, changes }, now));
    return readSettings(tx, campaignId);
  });
}
