import { describe, expect, it } from 'vitest';
import type { CampaignDetail } from '../api/client';
import { scopeOptions } from './scope-options';

const units: CampaignDetail['units'] = [
  { id: 'city', parentId: null, kind: 'office', nameZh: '市局', nameEn: 'City bureau', mapFeatureId: null, retired: false },
  { id: 'hantai', parentId: 'city', kind: 'county', nameZh: '汉台分局', nameEn: 'Hantai', mapFeatureId: null, retired: false },
  { id: 'hantai-1', parentId: 'hantai', kind: 'detachment', nameZh: '汉台一大队', nameEn: 'Hantai 1st', mapFeatureId: null, retired: false },
];
const categories: CampaignDetail['categories'] = [
  { id: 3, code: 'loan', nameZh: '套路贷', nameEn: 'Loan traps', sortOrder: 2, retired: false },
  { id: 5, code: 'old', nameZh: '旧类别', nameEn: 'Old', sortOrder: 0, retired: true },
  { id: 1, code: 'fraud', nameZh: '电信网络诈骗', nameEn: 'Fraud', sortOrder: 1, retired: false },
];

describe('the unit filter', () => {
  it('shows every unit indented by its depth in the tree', () => {
    expect(units.map((u) => scopeOptions.unitText(units, u))).toEqual(['市局', '\u00a0\u00a0汉台分局', '\u00a0\u00a0\u00a0\u00a0汉台一大队']);
  });

  it('marks a retired unit: still a filter for the work it did, said to be retired', () => {
    const retired = { ...units[2], id: 'hantai-2', nameZh: '汉台二大队', nameEn: 'Hantai 2nd', retired: true } as CampaignDetail['units'][number];
    expect(scopeOptions.unitText([...units, retired], retired)).toBe('\u00a0\u00a0\u00a0\u00a0汉台二大队（已撤销）');
    expect(scopeOptions.unitName(retired)).toBe('汉台二大队（已撤销）');
    expect(scopeOptions.unitName(units[1] as CampaignDetail['units'][number])).toBe('汉台分局');
  });

  it('shows a unit the address names but the campaign has not as itself, and nothing extra for one it has', () => {
    expect(scopeOptions.unofferedUnit(units, 'atlantis')).toEqual({ value: 'atlantis', text: 'atlantis' });
    expect(scopeOptions.unofferedUnit(units, 'hantai')).toBeUndefined();
    expect(scopeOptions.unofferedUnit(units, '')).toBeUndefined();
  });

  it("names a unit of the campaign outside the reader's units by its name, not its code", () => {
    const mine = units.filter((u) => u.id !== 'city');
    expect(scopeOptions.unofferedUnit(mine, 'city', units)).toEqual({ value: 'city', text: '市局' });
    expect(scopeOptions.unofferedUnit(mine, 'atlantis', units)).toEqual({ value: 'atlantis', text: 'atlantis' });
  });
});

describe('the category filter', () => {
  it('offers the categories in use in their order, then the retired ones, marked: items still carry them', () => {
    expect(scopeOptions.offeredCategories(categories).map(scopeOptions.categoryText)).toEqual(['电信网络诈骗', '套路贷', '旧类别（已停用）']);
  });

  it('offers the campaign’s own objects, so that a select keeps its options when the filter changes', () => {
    expect(scopeOptions.offeredCategories(categories)[0]).toBe(categories[2]);
  });

  it('shows a category a filter names that the campaign has not as itself; a retired one is offered', () => {
    expect(scopeOptions.unofferedCategory(categories, '5', false)).toBeUndefined();
    expect(scopeOptions.unofferedCategory(categories, 'abc', false)).toEqual({ value: 'abc', text: 'abc' });
    expect(scopeOptions.unofferedCategory(categories, '99', false)).toEqual({ value: '99', text: '99' });
  });

  it('counts none as offered only where the page offers it', () => {
    expect(scopeOptions.unofferedCategory(categories, 'none', true)).toBeUndefined();
    expect(scopeOptions.unofferedCategory(categories, 'none', false)).toEqual({ value: 'none', text: 'none' });
  });
});
