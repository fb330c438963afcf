import type { CampaignDetail } from '../api/client';
import { named, tr } from '../i18n/i18n';

/** One option of a unit or category filter: its value in the address, and what the select shows. */
export interface ScopeOption {
  readonly value: string;
  readonly text: string;
}

/** What the select offers, and the value from the address it does not (shown so the select is never blank over a filtered page). */
export interface ScopeOptions {
  readonly offered: readonly ScopeOption[];
  readonly unoffered: ScopeOption | undefined;
}

const indent = '\u00a0\u00a0';
const retiredMark = { zh: '（已停用）', en: ' (retired)' };

/** How deep a unit sits in the tree (the office 0), to indent it in the list. */
export function depthOf(units: readonly { id: string; parentId: string | null }[], id: string): number {
  const parents = new Map(units.map((u) => [u.id, u.parentId]));
  let depth = 0;
  // Bounded by the number of units: a tree with a loop in it must not hang the page.
  for (let parent = parents.get(id) ?? null; parent !== null && depth < units.length; parent = parents.get(parent) ?? null) depth += 1;
  return depth;
}

function unofferedOf(offered: readonly ScopeOption[], value: string | undefined, shown: (value: string) => string): ScopeOption | undefined {
  if (value === undefined || value === '' || offered.some((o) => o.value === value)) return undefined;
  return { value, text: shown(value) };
}

export const scopeOptions = {
  units(units: CampaignDetail['units'], value: string | undefined): ScopeOptions {
    const offered = units.map((u) => ({ value: u.id, text: `${indent.repeat(depthOf(units, u.id))}${named(u)}` }));
    return { offered, unoffered: unofferedOf(offered, value, (v) => v) };
  },

  /** `none` (the items with no category) counts as offered where the page offers it. */
  categories(categories: CampaignDetail['categories'], value: string | undefined, retired: 'offered' | 'when-named', noneOffered: boolean): ScopeOptions {
    const text = (c: CampaignDetail['categories'][number]) => (c.retired ? `${named(c)}${tr(retiredMark)}` : named(c));
    const sorted = [...categories].sort((a, b) => a.sortOrder - b.sortOrder);
    const offered = sorted.filter((c) => retired === 'offered' || !c.retired).map((c) => ({ value: String(c.id), text: text(c) }));
    const known = [...offered, ...(noneOffered ? [{ value: 'none', text: '' }] : [])];
    return {
      offered,
      unoffered: unofferedOf(known, value, (v) => {
        const category = categories.find((c) => String(c.id) === v);
        return category === undefined ? v : text(category);
      }),
    };
  },
};
