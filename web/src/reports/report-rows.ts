import { categoryRowsOf } from '../../../engine/report/category-rows';
import { named } from '../i18n/i18n';
import { depthOf, scopeOptions } from '../ui/scope-options';
import type { CampaignDetail, Report } from './api';
import { rt } from './messages';
import type { NamedRow } from './report-table';

/** The report's rows by unit, in the tree's order (each indented under its parent, a retired one marked), then any it does not name. */
export const unitRows = (detail: CampaignDetail, current: Report): NamedRow[] => {
  const known = detail.units.filter((u) => current.byUnit[u.id] !== undefined).map((u) => u.id);
  const others = Object.keys(current.byUnit).filter((id) => !known.includes(id));
  return [...known, ...others].flatMap((id) => {
    const row = current.byUnit[id];
    const unit = detail.units.find((u) => u.id === id);
    return row === undefined ? [] : [{ key: id, name: unit === undefined ? id : scopeOptions.unitName(unit), row, depth: depthOf(detail.units, id) }];
  });
};
/** The report's rows by category, in the campaign's order (see categoryRowsOf), 未分类 for the items with none. */
export const categoryRows = (detail: CampaignDetail, current: Report): NamedRow[] => {
  const ordered = [...detail.categories].sort((a, b) => a.sortOrder - b.sortOrder);
  return categoryRowsOf(current.byCategory, ordered, current.categoryId !== null).map(([key, row]) => {
    const category = detail.categories.find((c) => String(c.id) === key);
    const name = key === 'none' ? rt('uncategorised') : category === undefined ? key : named(category);
    return { key, name, row };
  });
};
