import { clueStateLabels, outcomeFigureLabels, type Label } from '../../engine';
import type { TypicalCase } from '../contracts/typical-cases';
import type { Cell } from './export-table';
import { localDateTime, type ListNames } from './lists-export';

type Lang = 'zh' | 'en';

const headings: readonly Label[] = [
  { zh: '编号', en: 'No.' },
  { zh: '案件编号', en: 'Case number' },
  { zh: '线索标题', en: 'Title' },
  { zh: '承办单位', en: 'Unit' },
  { zh: '犯罪类别', en: 'Category' },
  { zh: '状态', en: 'State' },
  { zh: '选定时间', en: 'Chosen' },
  { zh: '案情简介', en: 'Summary' },
  outcomeFigureLabels.suspectsCaught,
  outcomeFigureLabels.sentForProsecution,
  outcomeFigureLabels.moneyInvolvedYuan,
];

/** The typical-case register as a table for CSV and XLSX: one row a case, the summary whole, times in the campaign's zone. */
export function typicalCasesTable(cases: readonly TypicalCase[], names: ListNames, timeZone: string, lang: Lang): Cell[][] {
  return [
    headings.map((h) => h[lang]),
    ...cases.map((c): Cell[] => [
      c.clueId,
      c.caseNumber,
      c.title,
      names.units.get(c.unitId)?.[lang] ?? c.unitId,
      c.categoryId === null ? '' : (names.categories.get(c.categoryId)?.[lang] ?? String(c.categoryId)),
      clueStateLabels[c.state][lang],
      localDateTime(c.chosenAt, timeZone),
      c.summary,
      c.outcome?.suspectsCaught ?? null,
      c.sentForProsecution,
      c.outcome?.moneyInvolvedYuan ?? null,
    ]),
  ];
}
