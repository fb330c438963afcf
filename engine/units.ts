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
