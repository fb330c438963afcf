import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { categories } from '../../db/schema';
import { zoneOffsetMs, type Label } from '../../engine';
import { readUnits } from './unit-list';
import { treeOrder } from '../../engine/unit-tree';
import type { IdOrNone } from '../contracts/common';

/** What an exported file calls the units and a campaign's categories, in both languages; in the order the pages list them. */
export interface ExportNames {
  readonly units: ReadonlyMap<string, Label>;
  /** How deep each unit sits in the tree (the office 0, a county branch 1, its stations 2): a report's rows are indented by it, as the page's are. */
  readonly unitDepths: ReadonlyMap<string, number>;
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
    unitDepths: new Map(treeOrder(unitRows).map(({ unit, depth }) => [unit.id, depth])),
    categories: new Map(categoryRows.map((c) => [c.id, { zh: c.zh, en: c.en }])),
    categoryCodes: new Map(categoryRows.map((c) => [c.id, c.code])),
    retiredCategories: new Set(categoryRows.filter((c) => c.retiredAt !== null).map((c) => c.id)),
  };
}

/**
 * What a file's name says of its scope: the unit by its code, the category by
 * its (hz-2026-nanzheng-fraud-…), the items with none as `uncategorised`, the
 * same in every export of a scope. The typical cases named it by its row's
 * number (`category8`) beside a report of the same scope called `fraud`.
 */
export function exportScope(names: ExportNames, unit: string | undefined, category: IdOrNone | undefined): string[] {
  const categoryName = category === 'none' ? 'uncategorised' : category === undefined ? undefined : (names.categoryCodes.get(category) ?? `category${category}`);
  return [...(unit === undefined ? [] : [unit]), ...(categoryName === undefined ? [] : [categoryName])];
}

/** What a page or a file calls the category of a scope in a language: its name, or 未分类 for the items with none. */
export function categoryScopeName(names: ExportNames, category: IdOrNone, lang: 'zh' | 'en'): string {
  if (category === 'none') return uncategorised[lang];
  return names.categories.get(category)?.[lang] ?? String(category);
}

/** The items with no category, as the report's category table names their row. */
export const uncategorised: Label = { zh: '未分类', en: 'Uncategorised' };

/** The campaign's own day an export is made on, for its file's name: in Beijing, 07:00 is already the new day that UTC has not reached. */
export function exportDay(now: Date, timeZone: string): string {
  const ms = now.getTime();
  return new Date(ms + zoneOffsetMs(timeZone, ms)).toISOString().slice(0, 10);
}

/** A time zone as a Chinese sheet names it: the bureau's own zone as 北京时间 (its id, Asia/Shanghai, is English), another by its id. */
export function zoneZh(timeZone: string): string {
  return timeZone === 'Asia/Shanghai' ? '北京时间' : timeZone;
}

/** A report's span as counted (api/services/report.ts `spanOf`): instants in UTC, `to` exclusive. */
export interface CountedSpan {
  readonly from: string;
  readonly to: string;
  readonly asOf: string;
}

/** Whether a span is over: its end (or the instant it is as of, if earlier) is past, so its figures no longer change. */
export function spanSettled(span: CountedSpan, now: Date): boolean {
  const end = span.to < span.asOf ? span.to : span.asOf;
  return end < now.toISOString();
}

/**
 * What a report's file (or the typical cases beside it) says of its span:
 * the phase, or the span's first and last days, or `whole` for the whole
 * campaign; then the day its figures are of. Two spans, or one span as of
 * two days, are two files. A span already over holds the same figures
 * whenever it is exported, so it is named by its last day (the end is
 * exclusive; a span given its end names it already), and a phase's file
 * exported in December is not dated in December: the same file exported
 * twice has one name. An `asOf` names the file only where it cuts the span
 * short; past the span's end it changes nothing.
 */
export function spanFileName(span: CountedSpan, asked: { phase?: string | undefined; from?: string | undefined; to?: string | undefined; asOf?: string | undefined }, now: Date, timeZone: string, whole: string): string[] {
  const day = (instant: string | number) => exportDay(new Date(instant), timeZone);
  const ranged = asked.from !== undefined || asked.to !== undefined;
  const spanName = asked.phase ?? (ranged ? `${asked.from === undefined ? 'start' : day(span.from)}_${asked.to === undefined ? 'end' : day(Date.parse(span.to) - 1)}` : whole);
  if (asked.asOf !== undefined && span.asOf < span.to) return [spanName, `asof-${day(span.asOf)}`];
  if (!spanSettled(span, now)) return [spanName, exportDay(now, timeZone)];
  return asked.to !== undefined ? [spanName] : [spanName, day(Date.parse(span.to < span.asOf ? span.to : span.asOf) - 1)];
}
