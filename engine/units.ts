import type { Label } from './labels';

/** The kinds of unit in a bureau's hierarchy. */
export const unitKinds = ['office', 'detachment', 'county', 'station', 'other'] as const;
export type UnitKind = (typeof unitKinds)[number];

export const unitKindLabels: Record<UnitKind, Label> = {
  office: { zh: '专项办', en: 'Campaign office' },
  detachment: { zh: '市局支队', en: 'City detachment' },
  county: { zh: '县区分局', en: 'County branch' },
  station: { zh: '派出所', en: 'Police station' },
  other: { zh: '其他单位', en: 'Other unit' },
};

/** What the unit tree needs of a unit: its code and the code of the unit above it. */
export interface UnitLink {
  readonly id: string;
  readonly parentId: string | null;
}

/**
 * The unit and every unit below it, in tree order: a lead's reach, and the
 * units none of which may become the unit's parent (the server refuses a
 * unit moved below itself; the People page does not offer it).
 */
export function subtreeOf(unitId: string, all: readonly UnitLink[]): string[] {
  const children = new Map<string | null, string[]>();
  for (const unit of all) {
    const list = children.get(unit.parentId) ?? [];
    list.push(unit.id);
    children.set(unit.parentId, list);
  }
  const scope: string[] = [];
  const visit = (id: string) => {
    if (scope.includes(id)) return;
    scope.push(id);
    for (const child of children.get(id) ?? []) visit(child);
  };
  visit(unitId);
  return scope;
}
