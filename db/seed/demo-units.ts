import type { Role } from '../../engine';

export interface DemoUnit {
  readonly id: string;
  readonly parentId: string | null;
  readonly kind: 'office' | 'detachment' | 'county';
  readonly nameZh: string;
  readonly nameEn: string;
  readonly mapFeatureId: string | null;
}

/** The Hanzhong campaign's units: the office, five city detachments and eleven county-level branches. */
export const demoUnits: readonly DemoUnit[] = [
  { id: 'office', parentId: null, kind: 'office', nameZh: '市局专项办', nameEn: 'Campaign office', mapFeatureId: null },
  { id: 'xingzhen', parentId: 'office', kind: 'detachment', nameZh: '刑侦支队', nameEn: 'Criminal Investigation Detachment', mapFeatureId: null },
  { id: 'wangan', parentId: 'office', kind: 'detachment', nameZh: '网安支队', nameEn: 'Cyber Security Detachment', mapFeatureId: null },
  { id: 'jingzhen', parentId: 'office', kind: 'detachment', nameZh: '经侦支队', nameEn: 'Economic Crime Detachment', mapFeatureId: null },
  { id: 'zhian', parentId: 'office', kind: 'detachment', nameZh: '治安支队', nameEn: 'Public Order Detachment', mapFeatureId: null },
  { id: 'fanzha', parentId: 'office', kind: 'detachment', nameZh: '反诈中心', nameEn: 'Anti-Fraud Centre', mapFeatureId: null },
  { id: 'hantai', parentId: 'office', kind: 'county', nameZh: '汉台分局', nameEn: 'Hantai Branch', mapFeatureId: '610702' },
  { id: 'nanzheng', parentId: 'office', kind: 'county', nameZh: '南郑分局', nameEn: 'Nanzheng Branch', mapFeatureId: '610721' },
  { id: 'chenggu', parentId: 'office', kind: 'county', nameZh: '城固县公安局', nameEn: 'Chenggu County Bureau', mapFeatureId: '610722' },
  { id: 'yangxian', parentId: 'office', kind: 'county', nameZh: '洋县公安局', nameEn: 'Yangxian County Bureau', mapFeatureId: '610723' },
  { id: 'xixiang', parentId: 'office', kind: 'county', nameZh: '西乡县公安局', nameEn: 'Xixiang County Bureau', mapFeatureId: '610724' },
  { id: 'mianxian', parentId: 'office', kind: 'county', nameZh: '勉县公安局', nameEn: 'Mianxian County Bureau', mapFeatureId: '610725' },
  { id: 'ningqiang', parentId: 'office', kind: 'county', nameZh: '宁强县公安局', nameEn: 'Ningqiang County Bureau', mapFeatureId: '610726' },
  { id: 'lueyang', parentId: 'office', kind: 'county', nameZh: '略阳县公安局', nameEn: 'Lueyang County Bureau', mapFeatureId: '610727' },
  { id: 'zhenba', parentId: 'office', kind: 'county', nameZh: '镇巴县公安局', nameEn: 'Zhenba County Bureau', mapFeatureId: '610728' },
  { id: 'liuba', parentId: 'office', kind: 'county', nameZh: '留坝县公安局', nameEn: 'Liuba County Bureau', mapFeatureId: '610729' },
  { id: 'foping', parentId: 'office', kind: 'county', nameZh: '佛坪县公安局', nameEn: 'Foping County Bureau', mapFeatureId: '610730' },
];

export interface DemoUser {
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly unitId: string;
}

/** admin, office and viewer, and for every unit below the office a `<code>.lead` and a `<code>.officer`. */
export const demoUsers: readonly DemoUser[] = [
  { username: 'admin', displayName: '系统管理员', role: 'admin', unitId: 'office' },
  { username: 'office', displayName: '专项办值班员', role: 'office', unitId: 'office' },
  { username: 'viewer', displayName: '督导组观察员', role: 'viewer', unitId: 'office' },
  ...demoUnits
    .filter((u) => u.kind !== 'office')
    .flatMap((u): DemoUser[] => [
      { username: `${u.id}.lead`, displayName: `${u.nameZh}负责人`, role: 'lead', unitId: u.id },
      { username: `${u.id}.officer`, displayName: `${u.nameZh}民警`, role: 'officer', unitId: u.id },
    ]),
];
