import type { CampaignDetail } from '../api/client';
import { named, tr } from '../i18n/i18n';

type Unit = CampaignDetail['units'][number];
type Category = CampaignDetail['categories'][number];

/** A value from the address that a select does not offer, with what the select shows for it. */
export interface ScopeOption {
  readonly value: string;
  readonly text: string;
}

const indent = '\u00a0\u00a0';
const retiredMark = { zh: '（已停用）', en: ' (retired)' };
/** A unit the administrator retired (撤销): still a filter and a report, for the work it did, and said to be retired. */
const retiredUnitMark = { zh: '（已撤销）', en: ' (retired)' };

type TreeUnit = { readonly id: string; readonly parentId: string | null };

/** Each unit list's parents by unit, worked out once: a select asks for every option's depth in turn. */
const parentsByList = new WeakMap<readonly TreeUnit[], ReadonlyMap<string, string | null>>();

/** How deep a unit sits in the tree (the office 0), to indent it in the list. */
export function depthOf(units: readonly TreeUnit[], id: string): number {
  let parents = parentsByList.get(units);
  if (parents === undefined) {
    parents = new Map(units.map((u) => [u.id, u.parentId]));
    parentsByList.set(units, parents);
  }
  let depth = 0;
  // Bounded by the number of units: a tree with a loop in it must not hang the page.
  for (let parent = parents.get(id) ?? null; parent !== null && depth < units.length; parent = parents.get(parent) ?? null) depth += 1;
  return depth;
}

/** The value from the address when no option has it, with what the select shows for it; none when it is empty or offered. */
export function unofferedOf(offered: readonly string[], value: string | undefined, shown: (value: string) => string): ScopeOption | undefined {
  if (value === undefined || value === '' || offered.includes(value)) return undefined;
  return { value, text: shown(value) };
}

/*
 * The options are the campaign's own unit and category objects, so that a
 * select's <For> keeps its option elements (and the choice shown) when the
 * filter or the language changes; only their words are worked out here.
 */
export const scopeOptions = {
  unitText: (units: readonly Unit[], unit: Unit): string => `${indent.repeat(depthOf(units, unit.id))}${scopeOptions.unitName(unit)}`,
  /** A unit's name as a filter or a report's row says it: a retired one marked. */
  unitName: (unit: Unit): string => (unit.retired ? `${named(unit)}${tr(retiredUnitMark)}` : named(unit)),
  /**
   * A unit the address names that the select does not offer: one of the campaign's outside the reader's units (a
   * link another unit shared) by its name, the page saying why it shows nothing; one the campaign has not, as itself.
   */
  unofferedUnit: (units: readonly Unit[], value: string | undefined, known: readonly Unit[] = units): ScopeOption | undefined =>
    unofferedOf(units.map((u) => u.id), value, (v) => {
      const unit = known.find((u) => u.id === v);
      return unit === undefined ? v : named(unit);
    }),

  categoryText: (category: Category): string => (category.retired ? `${named(category)}${tr(retiredMark)}` : named(category)),
  /**
   * The categories a filter offers: those in use in their order, then the retired ones in theirs. A retired category
   * leaves the forms that give an item one, not the items: the open ones still carry it, and a lead looks for them by
   * it, as a report over past phases counts them. Offered always rather than while items carry it: items are never
   * deleted, so a category once used always has some, and a choice that came and went with a count would be one more
   * read for a filter that, chosen, says as much (an empty list).
   */
  offeredCategories: (categories: readonly Category[]): Category[] => {
    const ordered = [...categories].sort((a, b) => a.sortOrder - b.sortOrder);
    return [...ordered.filter((c) => !c.retired), ...ordered.filter((c) => c.retired)];
  },
  /** A category a filter names that the select does not offer (one the campaign has not), as itself. `none` counts as offered where the page offers it. */
  unofferedCategory: (categories: readonly Category[], value: string | undefined, noneOffered: boolean): ScopeOption | undefined =>
    unofferedOf([...scopeOptions.offeredCategories(categories).map((c) => String(c.id)), ...(noneOffered ? ['none'] : [])], value, (v) => v),
};
