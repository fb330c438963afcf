import { describe, expect, it } from 'vitest';
import { editChangesNothing } from './unchanged-edit';

describe('an edit that changes nothing', () => {
  const before = { title: '网络赌博线索', description: '', categoryId: 3, source: 'platform110' };

  it('is told from one that changes a field, each field it names compared', () => {
    expect(editChangesNothing(before, { ...before }, { title: '网络赌博线索', categoryId: 3 })).toBe(true);
    expect(editChangesNothing(before, { ...before, categoryId: null }, { title: '网络赌博线索', categoryId: null })).toBe(false);
    expect(editChangesNothing(before, { ...before, description: '补充' }, { description: '补充' })).toBe(false);
  });

  it('is never a payload that is not an object', () => {
    expect(editChangesNothing(before, before, undefined)).toBe(false);
  });
});
