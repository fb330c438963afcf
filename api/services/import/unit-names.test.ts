import { describe, expect, it } from 'vitest';
import type { UnitKind } from '../../../engine';
import { unitReader, type NamedUnit } from './unit-names';

const unit = (id: string, nameZh: string, kind: UnitKind = 'county', retiredAt: string | null = null): NamedUnit => ({ id, nameZh, nameEn: id, kind, retiredAt });

/** The demo bureau's units as it names them: the branches by their short names. */
const shortNames = [
  unit('office', '市局专项办', 'office'),
  unit('xingzhen', '刑侦支队', 'detachment'),
  unit('hantai', '汉台分局'),
  unit('nanzheng', '南郑分局'),
  unit('chenggu', '城固县公安局'),
  unit('mianxian', '勉县公安局'),
];

/** A bureau storing every unit under its full name. */
const fullNames = [
  unit('office', '汉中市公安局专项办', 'office'),
  unit('xingzhen', '汉中市公安局刑侦支队', 'detachment'),
  unit('hantai', '汉中市公安局汉台分局'),
  unit('nanzheng', '汉中市公安局南郑分局'),
];

describe('a unit written as the district or county it serves', () => {
  it('reads a district as the map labels it (汉台区, 南郑区) as that county’s branch', () => {
    const read = unitReader(shortNames);
    expect(read('汉台区')).toEqual({ unitId: 'hantai' });
    expect(read('南郑区')).toEqual({ unitId: 'nanzheng' });
    expect(read(' 汉台 区')).toEqual({ unitId: 'hantai' });
    expect(unitReader(fullNames)('汉台区')).toEqual({ unitId: 'hantai' });
  });

  it('still reads a county as written where a unit is named with it (城固县, 勉县)', () => {
    const read = unitReader(shortNames);
    expect(read('城固县')).toEqual({ unitId: 'chenggu' });
    expect(read('勉县')).toEqual({ unitId: 'mianxian' });
  });

  it('reads the district as the county branch, not as a station or a team named after the place', () => {
    const read = unitReader([...shortNames, unit('beiguan', '汉台北关派出所', 'station'), unit('jiaojing', '汉台交警大队', 'other')]);
    expect(read('汉台区')).toEqual({ unitId: 'hantai' });
  });

  it('says which branches a district could be when several fit, never picking one', () => {
    const read = unitReader([...shortNames, unit('hantai-east', '汉台东分局')]);
    expect(read('汉台区')).toEqual({
      ambiguous: {
        zh: '“汉台区”可指多个单位：汉台分局、汉台东分局，请写单位全称',
        en: '"汉台区" could be any of several units: 汉台分局, 汉台东分局; write the unit’s full name',
      },
    });
  });

  it('refuses the city (汉中市) rather than filing to one of its units', () => {
    expect(unitReader(fullNames)('汉中市')).toMatchObject({ ambiguous: { zh: '“汉中市”可指多个单位：汉中市公安局专项办、汉中市公安局刑侦支队、汉中市公安局汉台分局、汉中市公安局南郑分局，请写单位全称' } });
    expect(unitReader(shortNames)('汉中市')).toBeNull();
  });

  it('reads no unit from a place ending alone or a one-character place (区, 新区)', () => {
    const read = unitReader([...shortNames, unit('xinqu', '新城分局')]);
    expect(read('区')).toBeNull();
    expect(read('新区')).toBeNull();
  });
});
