import type { Label } from '../labels';
import type { CampaignState } from './campaign.model';
import type { TargetMetric } from './campaign-config';

export const campaignStateLabels: Record<CampaignState, Label> = {
  planned: { zh: '筹备', en: 'Planned' },
  survey: { zh: '摸排核查', en: 'Survey' },
  crackdown: { zh: '打击整治', en: 'Crackdown' },
  consolidation: { zh: '巩固整治', en: 'Consolidation' },
  concluded: { zh: '已结束', en: 'Concluded' },
};

export const advanceLabel: Label = { zh: '推进阶段', en: 'Advance the phase' };

export const targetMetricLabels: Record<TargetMetric, Label> = {
  cluesFound: { zh: '发现线索', en: 'Clues found' },
  cluesVerified: { zh: '核查线索', en: 'Clues verified' },
  casesFiled: { zh: '立案', en: 'Cases filed' },
  casesSolved: { zh: '破案', en: 'Cases solved' },
  problemsRectified: { zh: '整改问题', en: 'Problems rectified' },
};
