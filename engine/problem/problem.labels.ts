import type { Label } from '../labels';
import type { ProblemEventType, ProblemKind, ProblemState } from './problem.model';

export const problemStateLabels: Record<ProblemState, Label> = {
  identified: { zh: '待整改', en: 'Identified' },
  rectifying: { zh: '整改中', en: 'Rectifying' },
  rectified: { zh: '已整改待验收', en: 'Rectified' },
  verified: { zh: '已销号', en: 'Verified and closed' },
};

export const problemEventLabels: Record<ProblemEventType, Label> = {
  'problem.rectify': { zh: '开始整改', en: 'Start rectifying' },
  'problem.complete': { zh: '整改完成', en: 'Rectification done' },
  'problem.verify': { zh: '验收销号', en: 'Verify and close' },
  'problem.reject': { zh: '验收不通过', en: 'Check failed' },
  'problem.transfer': { zh: '移交单位', en: 'Transfer to another unit' },
  'problem.assign': { zh: '指定承办人', en: 'Assign' },
  'problem.edit': { zh: '修改信息', en: 'Edit' },
  'problem.note': { zh: '进展记录', en: 'Work note' },
  'problem.attach': { zh: '上传附件', en: 'File attached' },
  'problem.detach': { zh: '移除附件', en: 'File removed' },
  'problem.extend': { zh: '延期', en: 'Deadline extended' },
  'problem.requestExtension': { zh: '申请延期', en: 'Extension asked for' },
  'problem.declineExtension': { zh: '不予延期', en: 'Extension declined' },
};

export const problemCreateLabel: Label = { zh: '登记问题', en: 'Problem recorded' };

export const problemKindLabels: Record<ProblemKind, Label> = {
  website: { zh: '违规网站', en: 'Violating website' },
  platformSupervision: { zh: '平台监管漏洞', en: 'Platform supervision gap' },
  accountOrGroup: { zh: '违规账号或群组', en: 'Violating account or group' },
  industryGap: { zh: '行业监管问题', en: 'Industry supervision gap' },
  other: { zh: '其他', en: 'Other' },
};
