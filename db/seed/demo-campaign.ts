import type { CampaignConfig } from '../../engine';

/** The eight crime categories of the demo campaign, in the press release's order. */
export const demoCategories = [
  { code: 'taolu-loans', nameZh: '网络“套路贷”', nameEn: 'Online predatory "routine loans"' },
  { code: 'forced-deals', nameZh: '利用信息网络威胁他人，强迫交易', nameEn: 'Threats and forced deals through the network' },
  { code: 'extortion', nameZh: '利用信息网络威胁、要挟他人，索取公私财物', nameEn: 'Online threats and blackmail for money or property' },
  { code: 'quarrels', nameZh: '利用网络辱骂、恐吓他人或编造、散布虚假信息，寻衅滋事', nameEn: 'Online abuse, intimidation and false information; picking quarrels' },
  { code: 'vice', nameZh: '利用网络实施黄赌毒、暴力传销、高利放贷、非法讨债', nameEn: 'Online vice, pyramid selling, usury and illegal debt collection' },
  { code: 'news-extortion', nameZh: '利用网络新闻敲诈和发布假新闻', nameEn: 'Extortion by online news and fake news' },
  { code: 'disorder', nameZh: '严重破坏互联网秩序，危害公序良俗', nameEn: "Serious disruption of the internet's order and public morals" },
  { code: 'fraud', nameZh: '电信网络诈骗', nameEn: 'Telecom and online fraud' },
] as const;

/** The demo campaign's configuration for a year: the press release's three phases. */
export function demoCampaignConfig(year: number, countyUnits: readonly string[]): CampaignConfig {
  return {
    timeZone: 'Asia/Shanghai',
    windows: {
      survey: { start: `${year}-01-01`, end: `${year}-03-31` },
      crackdown: { start: `${year}-03-01`, end: `${year}-08-31` },
      consolidation: { start: `${year}-09-01`, end: `${year}-12-31` },
    },
    exitCriteria: {
      survey: [{ kind: 'noCluesIn', states: ['found'] }, { kind: 'responsibilityComplete' }],
      crackdown: [{ kind: 'noOpenEscalations', atOrAbove: 3 }],
      consolidation: [{ kind: 'noCluesIn', states: ['found', 'verifying'] }, { kind: 'noProblemsIn', states: ['identified', 'rectifying', 'rectified'] }],
    },
    timeLimits: {
      clue: { found: 3, verifying: 15, filed: 60, solved: 30 },
      problem: { identified: 7, rectifying: 30, rectified: 7 },
    },
    escalation: { dueSoonHours: 24, longOverdueDays: 7 },
    // A lead extends an item at most twice in one state; a third time is the office's to decide.
    extensionsByLead: 2,
    wipLimits: {
      clue: { found: 4, verifying: 6, filed: 8, solved: 5 },
      problem: { identified: 2, rectifying: 3, rectified: 2 },
    },
    targets: countyUnits.flatMap((unitId) => [
      { unitId, phase: 'survey' as const, metric: 'cluesVerified' as const, value: 8 },
      { unitId, phase: 'crackdown' as const, metric: 'casesSolved' as const, value: 4 },
      // Consolidation is the phase of rectification: without a target of its own, the demo's
      // battle map showed "no targets" for the phase it is in from September on.
      { unitId, phase: 'consolidation' as const, metric: 'problemsRectified' as const, value: 2 },
    ]),
  };
}
