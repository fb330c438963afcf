import type { TypicalCase } from '../../../api/contracts/typical-cases';
import { organisationTypeLabels } from '../../../engine/outcome';
import { lang, tr } from '../i18n/i18n';
import { headlines, isMoney } from './figures';
import { count, moneyText } from './format';

/** What a typical case achieved, in the release's words, each figure that is not 0: 抓获犯罪嫌疑人12人 · 涉案金额43万元. */
export function achieved(c: TypicalCase): string[] {
  const organisation = c.outcome !== null && c.outcome.organisationType !== 'none' ? [tr(organisationTypeLabels[c.outcome.organisationType])] : [];
  const figures = headlines.flatMap((h) => {
    const value = h.figure === 'sentForProsecution' ? c.sentForProsecution : c.outcome !== null && h.figure in c.outcome ? (c.outcome as Record<string, unknown>)[h.figure] : null;
    if (typeof value !== 'number' || value === 0) return [];
    const shown = isMoney(h.figure) ? moneyText(value) : count(value);
    return [lang() === 'zh' ? `${h.label.zh}${shown}${h.unit.zh}` : `${h.label.en} ${shown}`];
  });
  return [...organisation, ...figures];
}

/** Those figures as one line, joined as each language writes a list. */
export function achievedLine(c: TypicalCase): string {
  return achieved(c).join(lang() === 'zh' ? '，' : ' · ');
}
