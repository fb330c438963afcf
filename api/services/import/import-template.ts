import type { DataValidation, Worksheet } from 'exceljs';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { categories } from '../../../db/schema';
import { readUnits } from '../unit-list';
import { clueSourceLabels } from '../../../engine/clue/clue.labels';
import { clueSources } from '../../../engine/clue/clue.model';
import type { Actor } from '../../../engine';
import type { Label } from '../../../engine/labels';
import { loadCampaign } from '../campaign-rules';
import { importFieldLabels, importFields, type ImportField } from './import-columns';
import { templateSheets } from './template-sheets';
import { unitsToFileTo } from './unit-names';

type Lang = 'zh' | 'en';

/** Rows of the clue sheet that offer the drop-down lists: more than one file of clues usually holds. */
const rowsWithLists = 5_000;

/** What each column takes, as the instructions sheet says it. */
const whatToWrite: Record<ImportField, Label> = {
  sourceRef: {
    zh: '线索在来源系统中的编号。同一编号再次导入时自动跳过，因此修改出错的行后可整份文件重新上传；没有编号的行每次上传都会新建线索。',
    en: 'The clue’s number in the system it came from. A number imported before is skipped, so a file can be uploaded again once its bad rows are fixed; a row without a number is a new clue each time it is uploaded.',
  },
  title: { zh: '一句话概括线索，最多 500 字。', en: 'The clue in one line, at most 500 characters.' },
  description: {
    zh: '简要案情。其中的电话、账号、网址、身份证号等用于查找疑似重复线索。',
    en: 'What is known. Phone numbers, accounts, URLs and ID numbers in it are used to find possible duplicates.',
  },
  unit: { zh: '承办单位的名称或代码，见“可选值”表。', en: 'The unit’s name or code: see the Choices sheet.' },
  category: { zh: '案件类别的名称或代码，见“可选值”表；可不填。', en: 'The crime category’s name or code: see the Choices sheet. May be left empty.' },
  source: { zh: '线索来源，见“可选值”表；不填记为“其他”。', en: 'Where the clue came from: see the Choices sheet. Empty reads as Other.' },
  assignee: { zh: '承办人的登录名或姓名；可不填。', en: 'The assignee’s login or name. May be left empty.' },
  foundAt: {
    zh: '如 2026-03-05 或 2026-03-05 10:30，按专项行动所在时区；写明时区的时刻（如 2026-03-05T10:30:00+08:00）按所写时区；不填则为导入时间。',
    en: 'For example 2026-03-05 or 2026-03-05 10:30, in the campaign’s time zone; a time written with its zone (2026-03-05T10:30:00+08:00) in that zone. Empty means the time of the import.',
  },
};

const required = new Set<ImportField>(['title', 'unit']);

const words = {
  clues: { zh: '线索', en: 'Clues' },
  ...templateSheets,
  column: { zh: '列名', en: 'Column' },
  required: { zh: '必填', en: 'Required' },
  yes: { zh: '是', en: 'Yes' },
  no: { zh: '否', en: 'No' },
  what: { zh: '填写内容', en: 'What to write' },
  unitCode: { zh: '单位代码', en: 'Unit code' },
  categoryCode: { zh: '类别代码', en: 'Category code' },
  keepHeaders: {
    zh: '第一行列名请勿修改；列的顺序可以调整，多余的列导入时可不选。一行一条线索。',
    en: 'Keep the first row’s column names; columns may be reordered, and extra ones left out at import. One clue a row.',
  },
  pickFromList: { zh: '请从下拉列表中选择，或填写“可选值”表中的名称或代码。', en: 'Pick from the list, or write a name or code from the Choices sheet.' },
} satisfies Record<string, Label>;

/** A sheet's validations kept by range: in ExcelJS since 4.x, and left out of its type declarations. */
interface RangeValidations {
  add(range: string, validation: DataValidation): void;
}

/**
 * The sheet's validations by range. Set cell by cell instead, ExcelJS's
 * writer sorts the cells by address as text (D10 before D2) and wrote
 * overlapping ranges (D10:D5001 and D2:D5001), which Excel may refuse to open.
 */
function byRange(sheet: Worksheet): RangeValidations {
  const validations: unknown = Reflect.get(sheet, 'dataValidations');
  if (typeof validations === 'object' && validations !== null && 'add' in validations && typeof validations.add === 'function') {
    const add = validations.add as RangeValidations['add'];
    return { add: (range, validation) => add.call(validations, range, validation) };
  }
  throw new Error('this ExcelJS keeps no data validations by range');
}

/**
 * The clue import template of a campaign, as an XLSX workbook in the
 * user's language: the clue sheet with the column names the import
 * recognises (drop-down lists on unit, category and source), the
 * instructions, and the units the user may file clues to, the campaign's
 * categories and the sources, each by the names the import accepts.
 */
export async function importTemplate(db: Db, campaignId: number, actor: Actor, lang: Lang): Promise<Uint8Array<ArrayBuffer>> {
  await loadCampaign(db, campaignId);
  // The office files anywhere; a lead or officer in their own units.
  const [mine, categoryRows] = await Promise.all([
    readUnits(db).then((all) => unitsToFileTo(all, actor)),
    db
      .select({ code: categories.code, nameZh: categories.nameZh, nameEn: categories.nameEn })
      .from(categories)
      .where(and(eq(categories.campaignId, campaignId), isNull(categories.retiredAt)))
      .orderBy(asc(categories.sortOrder), asc(categories.id)),
  ]);
  const name = (label: Label) => label[lang];
  const unitNames = mine.map((u) => (lang === 'zh' ? u.nameZh : u.nameEn));
  const categoryNames = categoryRows.map((c) => (lang === 'zh' ? c.nameZh : c.nameEn));
  const sourceNames = clueSources.map((s) => name(clueSourceLabels[s]));

  // Loaded when a workbook is asked for, as for exports: ExcelJS is large and most processes never need it.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  workbook.creator = 'Battlemap';

  // In the order a user reads them: the sheet to fill in, how, and with what.
  const clueSheet = workbook.addWorksheet(name(words.clues), { views: [{ state: 'frozen', ySplit: 1 }] });
  const howTo = workbook.addWorksheet(name(words.howTo));
  const choices = workbook.addWorksheet(name(words.choices), { views: [{ state: 'frozen', ySplit: 1 }] });
  clueSheet.columns = importFields.map((field) => ({ header: name(importFieldLabels[field]), width: field === 'description' ? 48 : field === 'title' ? 32 : 18 }));
  clueSheet.getRow(1).font = { bold: true };
  for (const field of required) clueSheet.getCell(1, importFields.indexOf(field) + 1).font = { bold: true, color: { argb: 'FFC00000' } };

  const lists: { field: ImportField; header: Label; values: string[]; codes?: string[]; codeHeader?: Label }[] = [
    { field: 'unit', header: importFieldLabels.unit, values: unitNames, codes: mine.map((u) => u.id), codeHeader: words.unitCode },
    { field: 'category', header: importFieldLabels.category, values: categoryNames, codes: categoryRows.map((c) => c.code), codeHeader: words.categoryCode },
    { field: 'source', header: importFieldLabels.source, values: sourceNames },
  ];
  let column = 0;
  for (const list of lists) {
    const at = column;
    choices.getColumn(at + 1).width = 28;
    choices.getCell(1, at + 1).value = name(list.header);
    list.values.forEach((value, i) => (choices.getCell(i + 2, at + 1).value = value));
    if (list.codes !== undefined && list.codeHeader !== undefined) {
      choices.getColumn(at + 2).width = 16;
      choices.getCell(1, at + 2).value = name(list.codeHeader);
      list.codes.forEach((code, i) => (choices.getCell(i + 2, at + 2).value = code));
      column += 1;
    }
    column += 1;
    if (list.values.length === 0) continue;
    // A list of cells of the other sheet: Excel and WPS show it as a drop-down, and warn (not refuse) on other text, since codes are accepted too.
    const from = choices.getColumn(at + 1).letter;
    const source = `'${choices.name}'!$${from}$2:$${from}$${list.values.length + 1}`;
    const validation: DataValidation = { type: 'list', allowBlank: true, formulae: [source], showErrorMessage: true, errorStyle: 'warning', error: name(words.pickFromList) };
    const target = clueSheet.getColumn(importFields.indexOf(list.field) + 1).letter;
    byRange(clueSheet).add(`${target}2:${target}${rowsWithLists + 1}`, validation);
  }
  choices.getRow(1).font = { bold: true };

  howTo.columns = [{ width: 16 }, { width: 10 }, { width: 90 }];
  howTo.addRow([name(words.column), name(words.required), name(words.what)]).font = { bold: true };
  for (const field of importFields) {
    howTo.addRow([name(importFieldLabels[field]), name(required.has(field) ? words.yes : words.no), name(whatToWrite[field])]).alignment = { wrapText: true, vertical: 'top' };
  }
  howTo.addRow([]);
  howTo.addRow([name(words.keepHeaders)]);

  const file = Buffer.from(await workbook.xlsx.writeBuffer());
  return new Uint8Array(file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer);
}
