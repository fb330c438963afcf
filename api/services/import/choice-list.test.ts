import { describe, expect, it } from 'vitest';
import { shortChoiceList } from './choice-list';

const stations = (n: number) => Array.from({ length: n }, (_, i) => ({ zh: `第${i + 1}派出所`, en: `Station ${i + 1}` }));

describe('the names a refused cell may hold, of a long list', () => {
  it('lists every name of a list no longer than it may be', () => {
    expect(shortChoiceList(stations(3), 3)).toEqual({ zh: '第1派出所、第2派出所、第3派出所', en: 'Station 1, Station 2, Station 3' });
  });

  it('lists the first of a longer one, and says how many there are and where each is listed', () => {
    expect(shortChoiceList(stations(120), 2)).toEqual({
      zh: '第1派出所、第2派出所……共 120 个，全部见导入模板的“可选值”表',
      en: 'Station 1, Station 2… 120 in all, every one on the import template’s Choices sheet',
    });
  });

  it('sets apart names that hold 、 or a comma themselves, as the full list does', () => {
    expect(shortChoiceList([{ zh: '甲、乙联合专班', en: 'A, B task force' }, ...stations(5)], 2)).toEqual({
      zh: '甲、乙联合专班；第1派出所……共 6 个，全部见导入模板的“可选值”表',
      en: '“A, B task force”, “Station 1”… 6 in all, every one on the import template’s Choices sheet',
    });
  });
});
