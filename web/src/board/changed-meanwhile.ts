import type { Label } from '../../../engine/labels';
import type { CampaignDetail, ItemDetail } from '../api/client';
import { stateLabel } from './domain-labels';

/**
 * What a drawer form (a transfer, more time, a merge, a typical case…) says once the server refused it as sent on the
 * item as it was opened, someone else having changed it since: what they did, and that what was typed is kept.
 */
export const meanwhileMessages = {
  transferred: {
    zh: '此事项刚被他人移交至“{unit}”，本次提交未执行。您填写的内容已保留：请按最新情况核对，仍需办理可再次提交。',
    en: 'Someone else just transferred this item to {unit}, so this was not done. What you typed is kept: check it against the item as it is now, and submit again if it still stands.',
  },
  moved: {
    zh: '此事项刚被他人移至“{state}”，本次提交未执行。您填写的内容已保留：请按最新情况核对，仍需办理可再次提交。',
    en: 'Someone else just moved this item to {state}, so this was not done. What you typed is kept: check it against the item as it is now, and submit again if it still stands.',
  },
  changed: {
    zh: '此事项刚被他人修改，本次提交未执行。您填写的内容已保留：请按最新情况核对，仍需办理可再次提交。',
    en: 'Someone else just changed this item, so this was not done. What you typed is kept: check it against the item as it is now, and submit again if it still stands.',
  },
} satisfies Record<string, Label>;

type Seen = Pick<ItemDetail, 'kind' | 'state' | 'unitId'>;

const filled = (label: Label, values: Readonly<Record<string, Label>>): Label => ({
  zh: label.zh.replace(/\{(\w+)\}/g, (_, name: string) => values[name]?.zh ?? ''),
  en: label.en.replace(/\{(\w+)\}/g, (_, name: string) => values[name]?.en ?? ''),
});

/** What someone else did to the item between `before` (the form opened on it) and `now`, said in both languages. */
export function changedMeanwhile(before: Seen, now: Seen, units: CampaignDetail['units']): Label {
  if (now.unitId !== before.unitId) {
    const unit = units.find((u) => u.id === now.unitId);
    return filled(meanwhileMessages.transferred, { unit: unit === undefined ? { zh: now.unitId, en: now.unitId } : { zh: unit.nameZh, en: unit.nameEn } });
  }
  if (now.state !== before.state) return filled(meanwhileMessages.moved, { state: stateLabel(now.kind, now.state) });
  return meanwhileMessages.changed;
}
