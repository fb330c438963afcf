import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { categories } from '../../db/schema';
import { zoneOffsetMs, type Label } from '../../engine';
import { readUnits } from './unit-list';

/** What an exported file calls the units and a campaign's categories, in both languages; in the order the pages list them. */
export interface ExportNames {
  readonly units: ReadonlyMap<string, Label>;
  readonly categories: ReadonlyMap<number, Label>;
  /** The categories retired from the campaign: a report's table lists them only where they have figures. */
  readonly retiredCategories: ReadonlySet<number>;
  /** Each category's code (fraud, rumour): what a file's name calls it, in letters a file system takes. */
  readonly categoryCodes: ReadonlyMap<number, string>;
}

/** The names of every unit and of the campaign's categories, read for one export. */
export async function exportNames(db: Db, campaignId: number): Promise<ExportNames> {
  const [unitRows, categoryRows] = await Promise.all([
    readUnits(db),
    db.select({ id: categories.id, code: categories.code, zh: categories.nameZh, en: categories.nameEn, retiredAt: categories.retiredAt }).from(categories).where(eq(categories.campaignId, campaignId)).orderBy(asc(categories.sortOrder)),
  ]);
  return {
    units: new Map(unitRows.map((u) => [u.id, { zh: u.nameZh, en: u.nameEn }])),
    categories: new Map(categoryRows.map((c) => [c.id, { zh: c.zh, en: c.en }])),
    categoryCodes: new Map(categoryRows.map((c) => [c.id, c.code])),
    retiredCategories: new Set(categoryRows.filter((c) => c.retiredAt !== null).map((c) => c.id)),
  };
}

/**
 * What a file's name says of its scope: the unit by its code, the category by
 * its (hz-2026-nanzheng-fraud-…), the same in every export of a scope. The
 * typical cases named it by its row's number (`category8`) beside a report
 * of the same scope called `fraud`.
 */
export function exportScope(names: ExportNames, unit: string | undefined, category: number | undefined): string[] {
  return [...(unit === undefined ? [] : [unit]), ...(category === undefined ? [] : [names.categoryCodes.get(category) ?? `category${category}`])];
}

/** The campaign's own day an export is made on, for its file's name: in Beijing, 07:00 is already the new day that UTC has not reached. */
export function exportDay(now: Date, timeZone: string): string {
  const ms = now.getTime();
  return new Date(ms + zoneOffsetMs(timeZone, ms)).toISOString().slice(0, 10);
}
