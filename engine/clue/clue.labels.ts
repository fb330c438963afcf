import type { Label } from '../labels';
import type { ClueEventType, ClueSource, ClueState } from './clue.model';

export const clueStateLabels: Record<ClueState, Label> = {
  found: { zh: '新发现', en: 'Found' },
  verifying: { zh: '核查中', en: 'Verifying' },
  filed: { zh: '已立案侦查', en: 'Case filed' },
  solved: { zh: '已破案', en: 'Solved' },
  prosecuted: { zh: '已移送起诉', en: 'Sent for prosecution' },
  unfounded: { zh: '查否', en: 'Unfounded' },
  merged: { zh: '已并案', en: 'Merged' },
};

export const clueEventLabels: Record<ClueEventType, Label> = {
  'clue.verify': { zh: '开始核查', en: 'Start verifying' },
  'clue.file': { zh: '立案侦查', en: 'File a case' },
  'clue.solve': { zh: '破案', en: 'Mark solved' },
  'clue.prosecute': { zh: '移送起诉', en: 'Send for prosecution' },
  'clue.dismiss': { zh: '查否', en: 'Mark unfounded' },
  'clue.reopen': { zh: '重新核查', en: 'Reopen' },
  'clue.merge': { zh: '并案', en: 'Merge into another clue' },
  'clue.absorb': { zh: '并入线索', en: 'Clue merged in' },
  'clue.transfer': { zh: '移交单位', en: 'Transfer to another unit' },
  'clue.assign': { zh: '指定承办人', en: 'Assign' },
  'clue.edit': { zh: '修改信息', en: 'Edit' },
  'clue.note': { zh: '进展记录', en: 'Work note' },
  'clue.markTypical': { zh: '选为典型案例', en: 'Chosen as a typical case' },
  'clue.unmarkTypical': { zh: '撤销典型案例', en: 'Typical case withdrawn' },
  'clue.attach': { zh: '上传附件', en: 'File attached' },
  'clue.detach': { zh: '移除附件', en: 'File removed' },
  'clue.extend': { zh: '延期', en: 'Deadline extended' },
  'clue.requestExtension': { zh: '申请延期', en: 'Extension asked for' },
  'clue.declineExtension': { zh: '不予延期', en: 'Extension declined' },
};

export const clueCreateLabel: Label = { zh: '登记线索', en: 'Clue recorded' };

export const clueSourceLabels: Record<ClueSource, Label> = {
  platform110: { zh: '110平台', en: '110 platform' },
  platform12337: { zh: '12337平台', en: '12337 platform' },
  incidentSweep: { zh: '案件和警情大起底', en: 'Sweep of cases and incidents' },
  caseReexamination: { zh: '所办案件大翻查', en: 'Re-examination of handled cases' },
  onlineSurvey: { zh: '网络违法犯罪线索大摸排', en: 'Survey of online crime clues' },
  detentionInformant: { zh: '监所深挖', en: 'Informant in detention' },
  suspectScreening: { zh: '重点嫌疑人排查', en: 'Screening of key suspects' },
  other: { zh: '其他', en: 'Other' },
};
