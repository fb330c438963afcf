import type { Label } from '../../../engine/labels';
import { lang, tr, trFilled } from '../i18n/i18n';
import type { IdentifierKind, ImportField, ImportPlan } from './api';

/** The texts of clue intake: the import page and the duplicate hint. */
export const intakeMessages = {
  pageTitle: { zh: '批量导入线索', en: 'Import clues' },
  pageLead: {
    zh: '上传 Excel（.xlsx）或 CSV 文件，先预检，确认无误后再导入。CSV 支持 UTF-8 与 GBK/GB18030 编码。',
    en: 'Upload an Excel (.xlsx) or CSV file; it is checked first and imported only when you confirm. CSV may be UTF-8 or GBK/GB18030.',
  },
  template: { zh: '下载导入模板（Excel）', en: 'Download the import template (Excel)' },
  templateHint: {
    zh: '模板含可识别的列名、填写说明，以及可填写的单位、类别和来源（带下拉选择）。',
    en: 'It has the column names the import recognises, how to fill them in, and the units, categories and sources you may write (as drop-down lists).',
  },
  dropTitle: { zh: '将文件拖到此处，或点击选择文件', en: 'Drop a file here, or click to choose one' },
  // A touch screen drags no file in: it is tapped.
  tapTitle: { zh: '点击选择文件', en: 'Tap to choose a file' },
  dropHint: { zh: '支持 .xlsx、.csv，单个文件不超过 32 MB；列名行之上可有标题行，之下每行一条线索', en: '.xlsx or .csv, up to 32 MB; a title may stand above the row of column names, then one clue a row' },
  dropActive: { zh: '松开鼠标即可上传', en: 'Release to upload' },
  chooseFile: { zh: '选择文件', en: 'Choose file' },
  changeFile: { zh: '更换文件', en: 'Choose another file' },
  fileTooLarge: { zh: '文件超过 32 MB，请拆分后分批导入', en: 'The file is larger than 32 MB; split it and import the parts one by one' },
  fileOldExcel: {
    zh: '不支持旧版 Excel（.xls）或 WPS 格式，请在 Excel/WPS 中“另存为” .xlsx 或 CSV 后再导入',
    en: 'Old Excel (.xls) and WPS files cannot be read; use "Save as" .xlsx or CSV in Excel or WPS first',
  },
  fileEmpty: { zh: '文件为空', en: 'The file is empty' },
  fileFormat: { zh: '文件格式', en: 'Format' },
  formatXlsx: { zh: 'Excel 工作簿（.xlsx）', en: 'Excel workbook (.xlsx)' },
  formatCsvUtf8: { zh: 'CSV，UTF-8 编码', en: 'CSV, UTF-8 encoded' },
  formatCsvGb18030: { zh: 'CSV，GBK/GB18030 编码', en: 'CSV, GBK/GB18030 encoded' },
  formatCsvUtf16: { zh: 'Unicode 文本（UTF-16）', en: 'Unicode text (UTF-16)' },
  columns: { zh: '列', en: 'columns' },
  sheetRead: { zh: '工作表“{name}”', en: 'sheet “{name}”' },
  sheetsNotRead: { zh: '另有 {n} 个工作表未读取（只读取第一个有内容的工作表）', en: '{n} other sheet(s) not read (only the first sheet with anything on it is)' },
  appendedColumns: { zh: '“{names}”列附在内容之后（供查重和检索）', en: 'column(s) “{names}” added to the description (for the duplicate check and search)' },
  restoredZeros: {
    zh: '“{column}”列有 {n} 个座机号码被表格存成数字、丢了开头的 0，已补回（如第 {row} 行 {value}）',
    en: '{n} landline(s) in column “{column}” were stored as numbers and lost their leading 0, now given back (e.g. row {row}: {value})',
  },
  columnsLeft: { zh: '“{names}”列不导入（如需导入，请在“列对应关系”中指定）', en: 'column(s) “{names}” not imported (to import one, choose it under Column mapping)' },
  headerOnRow: { zh: '列名在第 {row} 行', en: 'column names on row {row}' },
  headerOnRows: { zh: '列名在第 {from}–{to} 行', en: 'column names on rows {from}–{to}' },
  mappingTitle: { zh: '列对应关系', en: 'Column mapping' },
  mappingLead: {
    zh: '为每个字段选择文件中的列。本专项行动上次使用的对应关系会自动带出；修改后将重新预检。',
    en: 'Pick the file column each field is read from. The mapping this campaign used last time is offered; changing it checks the file again.',
  },
  notImported: { zh: '（不导入）', en: '(not imported)' },
  foundAtNow: { zh: '未选择列：各条线索的发现时间记为导入时刻', en: 'No column chosen: each clue is found at the time of the import' },
  requiredMark: { zh: '必填', en: 'required' },
  requiredMissing: { zh: '必须选择一列', en: 'Choose a column' },
  summaryTitle: { zh: '预检结果', en: 'Check results' },
  rows: { zh: '数据行', en: 'Rows' },
  valid: { zh: '可导入', en: 'Valid' },
  invalid: { zh: '有错误', en: 'Invalid' },
  alreadyImported: { zh: '已导入过', en: 'Already imported' },
  duplicates: { zh: '疑似重复', en: 'Possible duplicates' },
  // Rows that share a number with an earlier row (imported all the same); a repeated source id is an error, counted as invalid.
  duplicatesInFile: { zh: '文件内疑似重复', en: 'Possible duplicates in the file' },
  issuesTitle: { zh: '错误明细', en: 'Problems found' },
  issuesLead: { zh: '请在原文件中修改以下内容后重新上传，或只导入无错误的行。', en: 'Fix these in the file and upload it again, or import only the rows without problems.' },
  issuesLeadBlocked: { zh: '请在原文件中修改以下内容后重新上传：引号有误的文件改正前不能导入任何行。', en: 'Fix these in the file and upload it again: until its quotes are fixed, no row of it can be imported.' },
  issuesLeadDone: { zh: '以下行未导入，请修改后另行导入。', en: 'These rows were not imported; fix them and import them separately.' },
  issuesLeadDoneRef: {
    zh: '以下行未导入。在原文件中修改后重新上传即可补导，已导入的行按来源编号自动跳过。',
    en: 'These rows were not imported. Fix them in the file and upload it again: rows already imported are skipped by their source id.',
  },
  row: { zh: '行号', en: 'Row' },
  column: { zh: '列', en: 'Column' },
  reason: { zh: '问题', en: 'Problem' },
  headerRow: { zh: '列名行', en: 'Header' },
  showAll: { zh: '显示全部', en: 'Show all' },
  issuesCsv: { zh: '下载错误清单（CSV）', en: 'Download the problems (CSV)' },
  issuesCsvName: { zh: '导入错误清单', en: 'import-problems' },
  noIssues: { zh: '全部数据行均可导入', en: 'Every row can be imported' },
  noRows: { zh: '文件在列名之下没有数据行：请在列名下方逐行填写线索后再上传', en: 'The file has no rows under its column names: fill in a clue a row below them, then upload it again' },
  alreadyImportedTitle: { zh: '已导入过的行（将跳过）', en: 'Rows imported before (skipped)' },
  alreadyImportedLead: { zh: '这些行的来源编号此前已导入本专项行动，不会重复创建。', en: 'Their source ids were imported into this campaign before; they are not created again.' },
  alreadyImportedTitleDone: { zh: '已导入过的行（已跳过）', en: 'Rows imported before (skipped)' },
  alreadyImportedLeadDone: { zh: '这些行的来源编号此前已导入本专项行动，本次未重复创建。', en: 'Their source ids were imported into this campaign before; they were not created again.' },
  duplicatesTitle: { zh: '与已有线索疑似重复', en: 'Possible duplicates of existing clues' },
  duplicatesLead: {
    zh: '这些行与本专项行动已有线索含有相同的电话、账号、网址或身份证号等，或与同一单位的已有线索标题和内容完全相同。可选择导入时直接并入已有线索（新线索转为“已并案”，已有线索的办理记录中注明来源），或跳过不导入（同一登记表再次导入时）；不选则作为新线索导入。',
    en: 'These rows share a phone number, account, URL or ID number with clues already in the campaign, or repeat the title and description of one in the same unit word for word. Choose to merge a row into the existing clue as it is imported (the new clue becomes merged and the existing one records where it came from), or to skip it (a register imported again); otherwise it is imported as a new clue.',
  },
  duplicatesLeadDone: {
    zh: '这些行与本专项行动已有线索含有相同的电话、账号、网址或身份证号等，或与同一单位的已有线索标题和内容完全相同。各行的处理结果如下。',
    en: 'These rows share a phone number, account, URL or ID number with clues already in the campaign, or repeat the title and description of one in the same unit word for word. What became of each is beside it.',
  },
  mergeColumn: { zh: '导入时处理', en: 'On import' },
  outcomeColumn: { zh: '处理结果', en: 'Outcome' },
  outcomeImported: { zh: '已作为新线索导入', en: 'Imported as a new clue' },
  outcomeSkipped: { zh: '已跳过，未导入', en: 'Skipped, not imported' },
  outcomeMerged: { zh: '已并入 #{id}', en: 'Merged into #{id}' },
  outcomeRefused: { zh: '未导入（有错误）', en: 'Not imported (problems)' },
  keepSeparate: { zh: '不合并，新建线索', en: 'Keep as a new clue' },
  skipRow: { zh: '跳过（不导入）', en: 'Skip (don’t import)' },
  mergeInto: { zh: '并入 #{id}', en: 'Merge into #{id}' },
  sharedNumbers: { zh: '与之相同', en: 'Shared' },
  mergeAll: { zh: '全部并入最早录入的已有线索', en: 'Merge all into the earliest existing clue' },
  skipAll: { zh: '跳过全部疑似重复行', en: 'Skip every duplicate row' },
  cannotMerge: { zh: '您不能将此行并入这些线索', en: 'You cannot merge this row into these clues' },
  mergeNone: { zh: '全部作为新线索', en: 'All as new clues' },
  mergeChosen: { zh: '将并入已有线索：{n} 行', en: '{n} rows will be merged into existing clues' },
  mergeChosenOne: { zh: '将并入已有线索：{n} 行', en: '{n} row will be merged into an existing clue' },
  skipChosen: { zh: '将跳过：{n} 行', en: '{n} rows will be skipped' },
  skipChosenOne: { zh: '将跳过：{n} 行', en: '{n} row will be skipped' },
  mergeScopeHint: { zh: '并入其他单位的线索须由专项办操作。', en: 'Merging into another unit’s clue needs the campaign office.' },
  // Of the clues created: each merged row is a clue created and then merged (its card says where it went).
  merged: { zh: '其中并入已有线索', en: 'Of them, merged into existing clues' },
  existingClues: { zh: '已有线索', en: 'Existing clues' },
  inFileTitle: { zh: '文件内疑似重复', en: 'Possible duplicates within the file' },
  // Before the import: such a row is a new clue unless it also repeats an existing clue and is merged or skipped above.
  inFileLead: {
    zh: '这些行与文件中前面的行含有相同的标识信息，或标题、内容和单位完全相同，仍会作为新线索导入（同时与已有线索疑似重复、并在上方选择了合并或跳过的除外）。',
    en: 'These rows share an identifier with an earlier row of the file, or its title, description and unit. They are still imported as new clues, unless they also repeat an existing clue and are merged or skipped above.',
  },
  inFileLeadDone: {
    zh: '这些行与文件中前面的行含有相同的标识信息，或标题、内容和单位完全相同。各行的处理结果如下。',
    en: 'These rows share an identifier with an earlier row of the file, or its title, description and unit. What became of each is beside it.',
  },
  // A warning, not a problem: a clue carried over from before the campaign is imported as written; a year mistyped is fixed in the file.
  foundBeforeTitle: { zh: '发现时间早于专项行动开始', en: 'Found before the campaign began' },
  foundBeforeLead: {
    zh: '本专项行动自 {start} 开始，这些行的“{column}”早于该日期。若是年份等填写有误，请在原文件中改正后重新上传；若确是此前发现、转入本专项的线索，可照常导入。',
    en: 'The campaign began on {start}; these rows’ “{column}” is earlier. If a year or date is mistyped, fix it in the file and upload it again; if they are clues found before and carried over, import them as they are.',
  },
  foundBeforeLeadDone: {
    zh: '本专项行动自 {start} 开始，这些行的“{column}”早于该日期，已按所填时间导入。',
    en: 'The campaign began on {start}; these rows’ “{column}” is earlier, and they were imported with the time as written.',
  },
  rowsListMore: { zh: '第 {rows} 行等，共 {n} 行', en: 'Rows {rows} and more, {n} in all' },
  earlierRow: { zh: '与之相同的行', en: 'Same as' },
  rowOne: { zh: '第 {row} 行', en: 'row {row}' },
  importAll: { zh: '导入', en: 'Import' },
  importValid: { zh: '仅导入无错误的行', en: 'Import only the valid rows' },
  importBlocked: { zh: '有错误的行时不能全部导入', en: 'Cannot import everything while rows have problems' },
  unclosedQuoteBlocked: { zh: '文件中有未闭合的引号，改正前不能导入任何行', en: 'The file has an unclosed quote: no row can be imported until it is fixed' },
  strayQuoteBlocked: { zh: '文件中有位置有误的引号（闭合的引号之后还有文字），改正前不能导入任何行', en: 'The file has text after a closing quote: no row can be imported until it is fixed' },
  nothingToImport: { zh: '没有可导入的行', en: 'No rows to import' },
  allImported: { zh: '文件中可导入的行此前均已导入', en: 'Every importable row of the file was imported before' },
  readOnlyHint: { zh: '只读账号不能导入线索', en: 'A read-only account cannot import clues' },
  concludedHint: { zh: '专项行动已结束，不能再导入线索', en: 'The campaign has concluded; no more clues can be imported' },
  uploading: { zh: '正在上传', en: 'Uploading' },
  checking: { zh: '正在预检…', en: 'Checking…' },
  importing: { zh: '正在导入，请勿关闭页面…', en: 'Importing; keep this page open…' },
  cancel: { zh: '取消', en: 'Cancel' },
  stageChecking: { zh: '正在逐行检查', en: 'Checking rows' },
  stageCreating: { zh: '正在建立线索', en: 'Creating clues' },
  stageWriting: { zh: '正在写入', en: 'Writing' },
  stageDone: { zh: '即将完成', en: 'Finishing' },
  doneTitle: { zh: '导入完成', en: 'Import done' },
  created: { zh: '新建线索', en: 'Clues created' },
  skippedInvalid: { zh: '跳过（有错误）', en: 'Skipped (problems)' },
  skippedImported: { zh: '跳过（已导入过）', en: 'Skipped (imported before)' },
  skippedDuplicates: { zh: '跳过（疑似重复）', en: 'Skipped (duplicates)' },
  batchId: { zh: '导入批次号', en: 'Batch id' },
  batchHint: { zh: '本次导入的每条线索在办理记录中都带有此批次号。', en: 'Every clue of this import carries this batch id in its history.' },
  noneCreated: { zh: '本次导入未新建线索。', en: 'This import created no clue.' },
  importAnother: { zh: '继续导入其他文件', en: 'Import another file' },
  openBoard: { zh: '到看板查看', en: 'Open the board' },
  refused: { zh: '导入未执行，未写入任何数据', en: 'Nothing was imported' },
  previewFailed: { zh: '预检失败', en: 'The check failed' },
  rowsList: { zh: '第 {rows} 行', en: 'Rows {rows}' },
  rowsListOne: { zh: '第 {rows} 行', en: 'Row {rows}' },
  hintChecking: { zh: '正在查重…', en: 'Checking for duplicates…' },
  hintFound: { zh: '识别到的标识', en: 'Identifiers found' },
  hintNone: { zh: '未发现与已有线索重复', en: 'No existing clue shares these identifiers' },
  hintMatches: { zh: '疑似重复：{n} 条已有线索含有相同标识', en: 'Possible duplicates: {n} existing clues share an identifier' },
  hintMatch: { zh: '疑似重复：{n} 条已有线索含有相同标识', en: 'Possible duplicate: {n} existing clue shares an identifier' },
  hintOutOfScope: { zh: '（无权查看详情）', en: '(not in your units)' },
  hintFailed: { zh: '查重失败', en: 'Duplicate check failed' },
  hintMore: { zh: '还有 {n} 条', en: '{n} more' },
  sharedTitle: { zh: '同号线索', en: 'Clues sharing a number' },
  sharedLead: {
    zh: '以下线索含有与本线索相同的手机号、座机号码、账号、网址或身份证号，可能是同一伙人，请核实是否并案。',
    en: 'These clues hold a mobile or landline number, account, web address or ID number this clue holds: possibly the same people. Check whether to merge them.',
  },
  sharedLeadRead: {
    zh: '以下线索含有与本线索相同的手机号、座机号码、账号、网址或身份证号，可能是同一伙人。',
    en: 'These clues hold a mobile or landline number, account, web address or ID number this clue holds: possibly the same people.',
  },
  sharedFailed: { zh: '同号线索查询失败', en: 'The clues sharing a number could not be read' },
  caseNumberHeldOne: { zh: '此案件编号已用于另 1 条线索。', en: 'This case number is already on another clue.' },
  caseNumberHeldMany: { zh: '此案件编号已用于另 {n} 条线索。', en: 'This case number is already on {n} other clues.' },
  caseNumberShared: { zh: '一个案件可以涵盖多条线索；若是输错了，请更正后再确认。', en: 'One case can cover several clues; if the number is mistyped, correct it before confirming.' },
  caseNumberConfirmAgain: { zh: '尚未立案：确认同案请点“仍然立案”。', en: 'Not filed yet: if it is the same case, choose “File anyway”.' },
  caseNumberFileAnyway: { zh: '仍然立案', en: 'File anyway' },
  caseNumberUncheckedConfirm: { zh: '尚未立案：案件编号未能核对，仍要立案请点“仍然立案”。', en: 'Not filed yet: the case number could not be checked; to file without the check, choose “File anyway”.' },
  caseNumberCheckFailed: { zh: '未能核对案件编号是否已被使用', en: 'Could not check whether the case number is in use' },
  open: { zh: '查看', en: 'Open' },
  partsTitle: { zh: '线索来源（并案）', en: 'Where this clue came from (merged)' },
  partsFailed: { zh: '线索来源加载失败', en: 'Where this clue came from could not be loaded' },
  firstFound: { zh: '最先发现：{unit}，{at}', en: 'Found first by {unit}, {at}' },
  partFound: { zh: '{at} 发现', en: 'found {at}' },
  partSurvivor: { zh: '本线索（保留）', en: 'this clue (kept)' },
  partMerged: { zh: '{at} 并入本线索', en: 'merged in {at}' },
  partMergedVia: { zh: '{at} 并入 #{id}', en: 'merged into #{id} {at}' },
} satisfies Record<string, Label>;

export type IntakeMessageKey = keyof typeof intakeMessages;

/** A text of clue intake in the current language. */
export function im(key: IntakeMessageKey): string {
  return tr(intakeMessages[key]);
}

/** The import fields' names, as the mapping form shows them. */
export const importFieldLabels: Record<ImportField, Label> = {
  title: { zh: '标题', en: 'Title' },
  unit: { zh: '承办单位', en: 'Unit' },
  description: { zh: '内容', en: 'Description' },
  category: { zh: '类别', en: 'Category' },
  source: { zh: '来源', en: 'Source' },
  assignee: { zh: '承办人', en: 'Assignee' },
  foundAt: { zh: '发现时间（如 2026-03-05 10:30）', en: 'Found at (e.g. 2026-03-05 10:30)' },
  sourceRef: { zh: '来源编号（防止重复导入）', en: 'Source id (prevents importing twice)' },
};

export const identifierKindLabels: Record<IdentifierKind, Label> = {
  phone: { zh: '手机号', en: 'Mobile' },
  landline: { zh: '座机号码', en: 'Landline' },
  bankAccount: { zh: '银行账号', en: 'Bank account' },
  domain: { zh: '域名', en: 'Domain' },
  url: { zh: '网址', en: 'URL' },
  account: { zh: '网络账号', en: 'Account' },
  idCard: { zh: '身份证号', en: 'ID card' },
  nameWith: { zh: '姓名+标识', en: 'Name with' },
};

/** An identifier's value as shown: a name and the identifier it came with, side by side. */
export function identifierText(value: string): string {
  return value.replace('|', ' · ');
}

export function formatLabel(format: ImportPlan['format']): string {
  return im(format === 'xlsx' ? 'formatXlsx' : format === 'csv-utf8' ? 'formatCsvUtf8' : format === 'csv-utf16' ? 'formatCsvUtf16' : 'formatCsvGb18030');
}

/** Row numbers as runs: 2–5, 9, 12–13. */
export function rowRuns(rows: readonly number[]): string {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const runs: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === (sorted[j] ?? 0) + 1) j += 1;
    runs.push(i === j ? String(sorted[i]) : `${sorted[i]}–${sorted[j]}`);
    i = j + 1;
  }
  return runs.join(lang() === 'en' ? ', ' : '、');
}

/** A message with `{name}` places filled in. */
export function fill(key: IntakeMessageKey, values: Record<string, string | number>): string {
  return trFilled(intakeMessages[key], values);
}

/** A whole number in the current language's style. */
export function count(n: number): string {
  return n.toLocaleString(lang() === 'en' ? 'en-GB' : 'zh-CN');
}
