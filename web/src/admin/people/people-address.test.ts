import { describe, expect, it } from 'vitest';
import { namesNoTab, peopleTabs, tabAddress, tabOf } from './people-address';

describe("the people page's tab, as its address keeps it", () => {
  it('reads back every tab it writes, the first as the plain address', () => {
    for (const tab of peopleTabs) {
      const search = { tab: tabAddress(tab) };
      expect(namesNoTab(search)).toBe(false);
      expect(tabOf(search)).toBe(tab);
    }
    expect(tabAddress('users')).toBeUndefined();
    expect(tabOf({})).toBe('users');
    // An emptied tab (`?tab=`) names none: the first.
    expect([namesNoTab({ tab: '' }), tabOf({ tab: '' })]).toEqual([false, 'users']);
  });

  it('takes a tab there is none of as naming no page, not as the first tab', () => {
    for (const tab of ['session', 'Sessions', 'units ', 'admin']) expect(namesNoTab({ tab })).toBe(true);
  });
});
