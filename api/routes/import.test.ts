import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../db/audit/verify';
import { auditLog, categories, clues, units } from '../../db/schema';
import { signIn, testApp, type Session, type TestApp } from '../../test/support/api-client';
import { testDatabase } from '../../test/support/test-database';
import { importPlan } from '../contracts/intake';
import type { z } from 'zod';

type Plan = z.infer<typeof importPlan>;

let database: Awaited<ReturnType<typeof testDatabase>>;
let app: TestApp;
let office: Session;

beforeAll(async () => {
  database = await testDatabase({ clues: 30, problems: 2 });
  app = testApp(database);
  office = await signIn(app, 'office');
});
afterAll(() => database.drop());

const header = '线索编号,线索标题,简要案情,承办单位,案件类别,线索来源';
const good = [
  'A-001,“速借”App暴力催收,催收电话13911112222,汉台分局,,110平台',
  'A-002,网络水军敲诈商户,微信号: shuijun_888,nanzheng,,12337平台',
  'A-003,同一催收号码再次被举报,电话 139-1111-2222,城固县公安局,,其他',
];

async function upload(body: Uint8Array<ArrayBuffer> | string, query: string, type = 'text/csv'): Promise<Response> {
  return app.request(`/api/campaigns/1/imports?${query}`, { method: 'POST', headers: { cookie: office.cookie, 'content-type': type }, body });
}

async function clueCount(): Promise<number> {
  const [row] = await database.db.select({ n: sql<number>`count(*)` }).from(clues);
  return Number(row?.n);
}

describe('bulk import of clues', () => {
  it('previews a GB18030 CSV: columns recognised, rows checked, duplicates within the file found; nothing written', async () => {
    const before = await clueCount();
    const response = await upload(new Uint8Array(iconv.encode([header, ...good].join('\r\n'), 'gb18030')), 'commit=false');
    expect(response.status).toBe(200);
    const plan = (await response.json()) as Plan;
    expect(importPlan.safeParse(plan).success).toBe(true);
    expect(plan).toMatchObject({ format: 'csv-gb18030', rows: 3, valid: 3, issues: [] });
    expect(plan.mapping).toMatchObject({ sourceRef: '线索编号', title: '线索标题', description: '简要案情', unit: '承办单位', source: '线索来源' });
    expect(plan.duplicatesInFile).toEqual([{ row: 4, sameAs: 2 }]);
    expect(await clueCount()).toBe(before);
  });

  it("names a cell showing a formula's error (#N/A) by row and column rather than importing it as empty or as a title", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('线索');
    sheet.addRow(['编号', '标题', '内容', '单位', '类别']);
    sheet.addRow(['E-1', '网络赌博推广', { formula: 'VLOOKUP(A2,Sheet2!A:B,2,0)', result: { error: '#N/A' } }, 'hantai', '']);
    sheet.addRow(['E-2', { error: '#REF!' }, '内容', 'hantai', '']);
    // Said once, as the formula's error, not again as no such category named "#N/A".
    sheet.addRow(['E-3', '标题', '内容', 'hantai', { error: '#N/A' }]);
    const bytes = new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
    const plan = (await (await upload(bytes, 'commit=false', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')).json()) as Plan;
    expect(plan.issues.map((i) => [i.row, i.column, i.reason.zh])).toEqual([
      [2, '内容', '单元格是公式的错误值 #N/A，请先在表格中改正'],
      [3, '标题', '单元格是公式的错误值 #REF!，请先在表格中改正'],
      [4, '类别', '单元格是公式的错误值 #N/A，请先在表格中改正'],
    ]);
  });

  it('finds a row pasted twice, with no identifier and no source id, as a duplicate within the file', async () => {
    const pasted = ['编号,标题,内容,单位', ',网吧内有人组织网络赌博,群众电话举报，未留联系方式,hantai', ',另一条线索,内容不同,hantai', ',网吧内有人组织网络赌博,群众电话举报，未留联系方式,hantai', ',网吧内有人组织网络赌博,群众电话举报，未留联系方式,nanzheng'];
    const plan = (await (await upload(pasted.join('\n'), 'commit=false')).json()) as Plan;
    // The same title and description for another unit is no copy: two branches may get the same tip.
    expect(plan.duplicatesInFile).toEqual([{ row: 4, sameAs: 2 }]);
  });

  it('names the row, column and reason of every bad row, and imports nothing while any row is bad', async () => {
    const rows = [...good, 'A-004,,没有标题,汉台分局,,其他', 'A-005,单位不存在,内容,火星分局,,其他', 'A-001,编号重复,内容,汉台分局,,其他', 'A-006,来源不明,内容,汉台分局,,群众举报', 'A-007,单位空着,内容,,,其他', 'A-008,类别不明,内容,汉台分局,诈骗,其他'];
    const before = await clueCount();
    const refused = await upload([header, ...rows].join('\n'), 'commit=true');
    expect(refused.status).toBe(422);
    const body = (await refused.json()) as { plan: Plan };
    const where = body.plan.issues.map((i) => [i.row, i.column]);
    expect(where).toEqual(expect.arrayContaining([[5, '线索标题'], [6, '承办单位'], [7, '线索编号'], [8, '线索来源'], [9, '承办单位']]));
    // An empty unit is said to be required, not "no such unit: “”".
    expect(body.plan.issues.find((i) => i.row === 9)?.reason).toEqual({ zh: '承办单位不能为空', en: 'The unit is required' });
    // An unknown source is answered with the sources the column may hold.
    const source = body.plan.issues.find((i) => i.row === 8);
    expect(source?.reason.zh).toContain('群众举报');
    expect(source?.reason.zh).toContain('110平台、12337平台');
    expect(source?.reason.en).toContain('110 platform, 12337 platform');
    // So is an unknown unit, with the units the importer may file to: the office, every one still taking work.
    const unit = body.plan.issues.find((i) => i.row === 6);
    expect(unit?.reason.zh).toMatch(/^没有这个单位：“火星分局”（可填：市局专项办、刑侦支队、.*、汉台分局、南郑分局、.*、佛坪县公安局）$/);
    expect(unit?.reason.en).toMatch(/^No such unit: "火星分局" \(write one of: Campaign office, Criminal Investigation Detachment, .*, Hantai Branch, Nanzheng Branch, .*, Foping County Bureau\)$/);
    // So is an unknown category, with the campaign's categories.
    const category = body.plan.issues.find((i) => i.row === 10);
    expect(category?.column).toBe('案件类别');
    expect(category?.reason.zh).toMatch(/^没有这个类别：“诈骗”（可填：.*电信网络诈骗.*）$/);
    // Names that hold 、 and ， themselves are set apart by ；, each English name quoted: joined by 、 (and by commas in English)
    // the list read "利用信息网络威胁、要挟他人，索取公私财物、利用网络辱骂…", where no one could tell one category from the next.
    expect(category?.reason.zh).toContain('利用信息网络威胁他人，强迫交易；利用信息网络威胁、要挟他人，索取公私财物；');
    expect(category?.reason.en).toContain('“Threats and forced deals through the network”, “Online threats and blackmail for money or property”, ');
    expect(body.plan.issues.every((i) => i.reason.zh.length > 0 && i.reason.en.length > 0)).toBe(true);
    expect(await clueCount()).toBe(before);

    const onlyValid = await upload([header, ...rows].join('\n'), 'commit=true&onlyValid=true');
    expect(onlyValid.status).toBe(200);
    expect(((await onlyValid.json()) as Plan).created).toBe(3);
    expect(await clueCount()).toBe(before + 3);
  });

  it('puts each row of a file uploaded again in one bucket: a row repeating an imported row\'s source id is an error, as it was the first time, not "already imported"', async () => {
    const file = [header, 'R-001,重复编号的原行,内容,汉台分局,,其他', 'R-002,另一条线索,内容,汉台分局,,其他', 'R-003,单位不存在,内容,火星分局,,其他', 'R-001,编号抄错的另一条线索,内容不同,汉台分局,,其他'].join('\n');
    const first = (await (await upload(file, 'commit=true&onlyValid=true')).json()) as Plan;
    expect(first).toMatchObject({ created: 2, alreadyImported: [] });
    expect(first.issues.map((i) => [i.row, i.reason.zh])).toEqual([[4, expect.stringContaining('没有这个单位')], [5, '与第 2 行编号重复']]);

    const again = (await (await upload(file, 'commit=false')).json()) as Plan;
    // Row 5 was never imported (its id stood for row 2): said again as the error to fix, and not skipped as imported before.
    expect(again.alreadyImported).toEqual([2, 3]);
    expect(again.issues.map((i) => [i.row, i.reason.zh])).toEqual([[4, expect.stringContaining('没有这个单位')], [5, '与第 2 行编号重复']]);
    // The counts the page shows add up to the file's rows.
    expect(again.valid + new Set(again.issues.map((i) => i.row)).size + again.alreadyImported.length).toBe(again.rows);
  });

  it('names the first row with a source id in every repeat of it, the third as the second', async () => {
    const file = [header, 'T-001,原行,内容,汉台分局,,其他', 'T-001,第一次重复,内容,汉台分局,,其他', 'T-002,另一条线索,内容,汉台分局,,其他', 'T-001,第二次重复,内容,汉台分局,,其他'].join('\n');
    const plan = (await (await upload(file, 'commit=false')).json()) as Plan;
    expect(plan.issues.map((i) => [i.row, i.column, i.reason.zh, i.reason.en])).toEqual([
      [3, '线索编号', '与第 2 行编号重复', 'Same source id as row 2'],
      [5, '线索编号', '与第 2 行编号重复', 'Same source id as row 2'],
    ]);
  });

  it('names the row and cell of a quote never closed, counts every row below it, and imports nothing of the file, not even its valid rows', async () => {
    const file = [header, 'Q-001,"引号没有闭合的标题,内容,汉台分局,,其他', 'Q-002,引号之后的有效线索,内容,汉台分局,,其他'].join('\n');
    const plan = (await (await upload(file, 'commit=false')).json()) as Plan;
    // Read as the CSV rules have it, the rest of the file was row 2's title: 1 row, said only to lack its unit.
    expect(plan).toMatchObject({ rows: 2, valid: 1, unclosedQuotes: [2] });
    expect(plan.issues).toEqual([{ row: 2, column: '线索标题', reason: { zh: expect.stringContaining('引号没有闭合'), en: expect.stringContaining('Unclosed quote') } }]);
    const before = await clueCount();
    for (const query of ['commit=true', 'commit=true&onlyValid=true']) {
      const refused = await upload(file, query);
      expect(refused.status, query).toBe(422);
      const body = (await refused.json()) as { reason: { zh: string; en: string }; plan: Plan };
      expect(body.reason).toEqual({ zh: '第 2 行的引号没有闭合，文件无法按原样读取，未导入任何线索', en: 'Row 2 opens a quote that is never closed, so the file cannot be read as written; nothing was imported' });
      expect(body.plan.issues.map((i) => i.row)).toEqual([2]);
    }
    expect(await clueCount()).toBe(before);
  });

  it('names the row of a quoted title with text after its closing quote, reads the rows it swallowed as their own, and imports nothing of the file', async () => {
    // Read as papaparse has it, the title ran on over the lines below to the next quote (S-004's): S-002 and S-003 vanished into it.
    const file = [header, 'S-001,"标题"多余,内容,汉台分局,,其他', 'S-002,被并入标题的线索,内容,汉台分局,,其他', 'S-003,也被并入的线索,内容,汉台分局,,其他', 'S-004,"引号正确的标题",内容,汉台分局,,其他'].join('\n');
    const plan = (await (await upload(file, 'commit=false')).json()) as Plan;
    expect(plan).toMatchObject({ rows: 4, valid: 3, unclosedQuotes: [], strayQuotes: [2] });
    expect(plan.issues).toEqual([{ row: 2, column: '线索标题', reason: { zh: expect.stringContaining('引号位置有误'), en: expect.stringContaining('Misplaced quote') } }]);
    const before = await clueCount();
    for (const query of ['commit=true', 'commit=true&onlyValid=true']) {
      const refused = await upload(file, query);
      expect(refused.status, query).toBe(422);
      const body = (await refused.json()) as { reason: { zh: string; en: string }; plan: Plan };
      expect(body.reason).toEqual({ zh: '第 2 行的引号位置有误（闭合的引号之后还有文字），文件无法按原样读取，未导入任何线索', en: 'Row 2 has text after a closing quote, so the file cannot be read as written; nothing was imported' });
      expect(body.plan.issues.map((i) => i.row)).toEqual([2]);
    }
    expect(await clueCount()).toBe(before);
  });

  it('is idempotent by the source id, shares one batch id in the audit log, and keeps formula text as text', async () => {
    const before = await clueCount();
    const again = (await (await upload([header, ...good].join('\n'), 'commit=true')).json()) as Plan;
    expect(again).toMatchObject({ created: 0, alreadyImported: [2, 3, 4] });
    expect(await clueCount()).toBe(before);

    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('线索');
    sheet.addRow(['编号', '标题', '内容', '单位']);
    sheet.addRow(['X-1', '=cmd|\' /C calc\'!A0', '公式注入测试', '汉台分局']);
    sheet.addRow(['X-2', '境外赌博网站推广', '网址 www.dubo-example.com', 'hantai']);
    // A cell typed over two lines (Alt+Enter): a title is one line, the break taken as a space; a description keeps it.
    sheet.addRow(['X-3', '=HYPERLINK("http://x")\n第二行', '第一行\n第二行', 'hantai']);
    const bytes = new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
    const done = await upload(bytes, 'commit=true', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(done.status).toBe(200);
    const result = (await done.json()) as Plan;
    expect(result).toMatchObject({ format: 'xlsx', created: 3 });
    const entries = await database.db.select({ payload: auditLog.payload }).from(auditLog).where(eq(auditLog.event, 'clue.create'));
    const batch = entries.map((e) => JSON.parse(e.payload) as { batchId?: string }).filter((p) => p.batchId === result.batchId);
    expect(batch).toHaveLength(3);
    expect(await database.db.select({ title: clues.title }).from(clues).where(eq(clues.title, '=HYPERLINK("http://x") 第二行'))).toHaveLength(1);
    // The identifiers found while checking the file were stored with the clue: a later file naming the same site finds it.
    const [site] = await database.db.select({ id: clues.id }).from(clues).where(eq(clues.title, '境外赌博网站推广'));
    const later = (await (await upload('编号,标题,内容,单位\nX-10,又一条推广,网址 www.dubo-example.com,nanzheng', 'commit=false')).json()) as Plan;
    // With what it shares with it: the site's domain, said on the page beside the clue.
    expect(later.duplicates).toEqual([{ row: 2, clueIds: [site?.id], mergeInto: [site?.id], matched: [{ kind: 'domain', value: 'dubo-example.com' }] }]);
    const [formula] = await database.db.select({ id: clues.id, title: clues.title }).from(clues).where(eq(clues.title, "=cmd|' /C calc'!A0"));
    expect(formula).toBeDefined();
    // Exported again, the cell is text a spreadsheet will not run: a leading quote in CSV, a string cell in XLSX.
    const csv = await (await office.get(`/api/campaigns/1/lists/clues?q=${formula?.id}&format=csv`)).text();
    expect(csv).toContain(`'=cmd|' /C calc'!A0`);
    const exported = new ExcelJS.Workbook();
    await exported.xlsx.load(await (await office.get(`/api/campaigns/1/lists/clues?q=${formula?.id}&format=xlsx`)).arrayBuffer());
    const cells: ExcelJS.CellValue[] = [];
    exported.worksheets[0]?.eachRow((row) => row.eachCell((cell) => cells.push(cell.value)));
    expect(cells).toContain("=cmd|' /C calc'!A0");
    expect(cells.some((v) => typeof v === 'object' && v !== null && 'formula' in v)).toBe(false);
    // The mapping used is remembered for the campaign's next import.
    const next = (await (await upload('编号,标题,内容,单位\nX-9,新线索,,hantai', 'commit=false')).json()) as Plan;
    expect(next.mapping).toMatchObject({ sourceRef: '编号', title: '标题', unit: '单位' });
    expect(await verifyAudit(database.db)).toMatchObject({ ok: true });
  });

  it('reads Excel’s “Unicode text” (UTF-16, tab-separated) and refuses a file in an encoding it cannot read, writing nothing', async () => {
    const unicode = ['编号\t标题\t单位', 'U-1\tUTF-16 导入的线索\t汉台分局'].join('\r\n');
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(new Uint16Array([...unicode].map((ch) => ch.charCodeAt(0))).buffer)]);
    const read = (await (await upload(utf16, 'commit=false')).json()) as Plan;
    expect(read).toMatchObject({ format: 'csv-utf16', rows: 1, valid: 1, issues: [] });

    const before = await clueCount();
    // Big5 bytes for 線索 followed by bytes no GB18030 or UTF-8 text holds.
    const unreadable = await upload(new Uint8Array([0xbd, 0x75, 0xaf, 0xc1, 0x2c, 0x80, 0xff, 0x0a, 0x31, 0x2c, 0x32]), 'commit=true');
    expect(unreadable.status).toBe(400);
    const problem = (await unreadable.json()) as { fields: { field: string; message: { zh: string; en: string } }[] };
    expect(problem.fields[0]?.field).toBe('(body)');
    expect(problem.fields[0]?.message.zh).toContain('编码');
    expect(await clueCount()).toBe(before);

    // UTF-16 with a NUL in a title (a binary file, or one that would cut the title short when read back): refused alike.
    const withNul = ['编号\t标题\t单位', 'U-2\t含空字符\u0000的标题\t汉台分局'].join('\r\n');
    const nulFile = new Uint8Array([0xff, 0xfe, ...new Uint8Array(new Uint16Array([...withNul].map((ch) => ch.charCodeAt(0))).buffer)]);
    const refused = await upload(nulFile, 'commit=true');
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { fields: { field: string }[] }).fields[0]?.field).toBe('(body)');
    expect(await clueCount()).toBe(before);
  });

  it("reads a file of two columns by its tabs or semicolons though it ends with a blank line: Excel's Unicode text, a CSV of semicolons", async () => {
    const unicode = '标题\t承办单位\r\nUTF-16 两列的线索\t汉台分局\r\n';
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(new Uint16Array([...unicode].map((ch) => ch.charCodeAt(0))).buffer)]);
    const tabs = (await (await upload(utf16, 'commit=false')).json()) as Plan;
    // It was read as one column, "标题\t承办单位", and refused for missing both.
    expect(tabs).toMatchObject({ format: 'csv-utf16', rows: 1, valid: 1, issues: [], mapping: { title: '标题', unit: '承办单位' } });
    const semicolons = (await (await upload('标题;承办单位\n分号两列的线索;汉台分局\n', 'commit=false')).json()) as Plan;
    expect(semicolons).toMatchObject({ format: 'csv-utf8', rows: 1, valid: 1, issues: [], mapping: { title: '标题', unit: '承办单位' } });
  });

  it('reads a workbook as a bureau makes one: the first sheet shown, a title above the header, marked headers, links, full-width text', async () => {
    const workbook = new ExcelJS.Workbook();
    const lists = workbook.addWorksheet('配置', { state: 'hidden' });
    lists.addRow(['单位列表']);
    lists.addRow(['汉台分局']);
    const sheet = workbook.addWorksheet('线索');
    sheet.addRow(['汉中市专项线索汇总表（第一批）']);
    sheet.mergeCells('A1:E1');
    sheet.addRow(['编号', '线索标题（必填）', '承办单位*', '内容', '线索来源']);
    // As Excel writes a link whose text has mixed formatting (exceljs's types say a link's text is a string).
    const link = { text: { richText: [{ text: '推广页 ' }, { text: 'www.wb-link-example.com', font: { bold: true } }] }, hyperlink: 'http://www.wb-link-example.com' };
    sheet.addRow(['WB-1', '链接里的线索', '汉台分局', link, '１１０平台']);
    sheet.addRow(['WB-2', '全角单位名', 'ｈａｎｔａｉ', '无', '其他']);
    const notes = workbook.addWorksheet('说明');
    notes.addRow(['本表由各分局填报']);
    const bytes = new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
    const plan = (await (await upload(bytes, 'commit=false', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')).json()) as Plan;
    expect(plan).toMatchObject({ format: 'xlsx', sheet: { name: '线索', othersShown: 1 }, headerRow: 2, rows: 2, valid: 2, issues: [] });
    expect(plan.mapping).toMatchObject({ sourceRef: '编号', title: '线索标题（必填）', unit: '承办单位*', description: '内容', source: '线索来源' });
    const done = (await (await upload(bytes, 'commit=true', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')).json()) as Plan;
    expect(done.created).toBe(2);
    const [linked] = await database.db.select({ context: clues.context }).from(clues).where(eq(clues.title, '链接里的线索'));
    // The link's text as shown, rich or not, and with it the address the duplicate check reads.
    expect(linked?.context).toMatchObject({ description: '推广页 www.wb-link-example.com', source: 'platform110' });
    const later = (await (await upload('编号,标题,内容,单位\nWB-3,再报,www.wb-link-example.com,汉台分局', 'commit=false')).json()) as Plan;
    expect(later.duplicates).toHaveLength(1);
  });

  it('recognises a header wrapped onto two lines in its cell (Alt+Enter), under a title row, and a unit merged down over the rows it holds', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Sheet1');
    sheet.addRow(['2026年第一批网络违法犯罪线索登记表']);
    sheet.mergeCells('A1:D1');
    sheet.addRow(['线索\n标题', '承办\n单位', '发现\r\n时间', 'Source\nid']);
    sheet.addRow(['折行表头1', '汉台分局', '2026-03-03', 'WR-1']);
    sheet.addRow(['折行表头2', null, '2026-03-04', 'WR-2']);
    sheet.mergeCells('B3:B4');
    const bytes = new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
    const plan = (await (await upload(bytes, 'commit=false', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')).json()) as Plan;
    expect(plan).toMatchObject({ headerRow: 2, rows: 2, valid: 2, issues: [] });
    // A workbook keeps a line break as \n, whichever the sheet was typed with.
    expect(plan.mapping).toMatchObject({ title: '线索\n标题', unit: '承办\n单位', foundAt: '发现\n时间', sourceRef: 'Source\nid' });
  });

  it('reads a header drawn in two rows (names merged down over both, a group merged across the columns it names below) and keeps the found date', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('线索');
    sheet.addRow(['汉中市专项线索登记表']);
    sheet.mergeCells('A1:F1');
    sheet.addRow(['编号', '线索标题', '承办单位', '线索来源', '时间信息', null]);
    sheet.addRow([null, null, null, null, '发现日期', '登记日期']);
    for (const column of ['A', 'B', 'C', 'D']) sheet.mergeCells(`${column}2:${column}3`);
    sheet.mergeCells('E2:F2');
    sheet.addRow(['TR-1', '两行表头的线索', '汉台分局', '其他', '2026/3/5', '2026/3/9']);
    const xlsx = new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
    const twoRows = ['编号', '线索标题', '承办单位', '线索来源', '发现日期', '登记日期'];
    const plan = (await (await upload(xlsx, 'commit=false', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')).json()) as Plan;
    // Before, row 3 was a bad row ("承办单位" no unit) and both dates' columns were "时间信息": the found date left out unsaid.
    expect(plan).toMatchObject({ headerRow: 2, headerLastRow: 3, headers: twoRows, rows: 1, valid: 1, issues: [] });
    expect(plan.mapping).toMatchObject({ title: '线索标题', unit: '承办单位', foundAt: '发现日期' });
    const done = (await (await upload(xlsx, 'commit=true', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')).json()) as Plan;
    expect(done.created).toBe(1);
    const [stored] = await database.db.select({ foundAt: clues.foundAt }).from(clues).where(eq(clues.title, '两行表头的线索'));
    expect(stored?.foundAt).toBe('2026-03-04T16:00:00.000Z');

    // The same register saved as CSV: a merged cell's text in its first cell only.
    const csv = ['汉中市专项线索登记表,,,,,', '编号,线索标题,承办单位,线索来源,时间信息,', ',,,,发现日期,登记日期', 'TR-2,两行表头的CSV线索,汉台分局,其他,2026/3/6,2026/3/9'].join('\n');
    expect((await (await upload(csv, 'commit=false')).json()) as Plan).toMatchObject({ headerRow: 2, headerLastRow: 3, headers: twoRows, rows: 1, valid: 1, mapping: { foundAt: '发现日期' } });

    // The same name under two groups keeps its group's in front.
    const twice = ['线索标题,承办单位,涉案,,冻结,', ',,金额,人数,金额,账户数', '同名列,汉台分局,1,2,3,4'].join('\n');
    expect(((await (await upload(twice, 'commit=false')).json()) as Plan).headers).toEqual(['线索标题', '承办单位', '涉案·金额', '人数', '冻结·金额', '账户数']);

    // Under a header of one row, a first row with text under a blank-headed column is still data: its title says so.
    const oneRow = ['线索标题,承办单位,备注,', '只有一行表头,汉台分局,,附注'].join('\n');
    expect((await (await upload(oneRow, 'commit=false')).json()) as Plan).toMatchObject({ headerRow: 1, headerLastRow: 1, rows: 1, valid: 1 });
  });

  it('refuses a missing required column, an unreadable file, a wrong content type and a bad mapping clearly', async () => {
    const noUnit = (await (await upload('编号,标题\n1,x', 'commit=false')).json()) as Plan;
    // No column of the file names it: the issue says which field, and the page names it in the reader's language.
    expect(noUnit.issues[0]).toMatchObject({ row: 1, column: '', field: 'unit', reason: { zh: '缺少必需的列：承办单位' } });
    expect((await upload('', 'commit=false')).status).toBe(400);
    // An Excel 97–2003 workbook (or a password-protected one, the same container) is named as such: it was said to be in
    // a text encoding Battlemap cannot read, and the user went looking for an encoding to change.
    const oldExcel = await upload(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array<number>(504).fill(0)]), 'commit=false', 'application/octet-stream');
    const oldExcelProblem = (await oldExcel.json()) as { fields: { message: { zh: string } }[]; reason: { zh: string } };
    const saidOfOldExcel = '这是旧版 Excel 文件（.xls）或设有密码的工作簿：请在 Excel 中取消密码，另存为 .xlsx 或 CSV 后导入';
    expect([oldExcel.status, oldExcelProblem.fields[0]?.message.zh, oldExcelProblem.reason.zh]).toEqual([400, saidOfOldExcel, saidOfOldExcel]);
    expect((await upload('x', 'commit=false', 'text/plain')).status).toBe(415);
    // JSON is no file: it was read as a CSV of one column, a preview of nonsense.
    const json = await upload('{"a":1}', 'commit=false', 'application/json');
    expect([json.status, ((await json.json()) as { reason: { en: string } }).reason.en]).toEqual([415, "An import's body is its file, CSV or XLSX (text/csv, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet, application/octet-stream)"]);
    expect((await upload('a,b', 'commit=false&mapping=notjson')).status).toBe(400);
    const lead = await signIn(app, 'viewer');
    for (const commit of [true, false]) {
      // The check refuses as the import would: a read-only account is told before it chooses rows, not after.
      const viewer = await app.request(`/api/campaigns/1/imports?commit=${commit}`, { method: 'POST', headers: { cookie: lead.cookie, 'content-type': 'text/csv' }, body: [header, 'V-1,观察员导入,内容,汉台分局,,其他'].join('\n') });
      expect(viewer.status).toBe(403);
      expect(((await viewer.json()) as { reason: { zh: string } }).reason.zh).toBe('您的角色不能导入线索');
    }
  });
});

describe('the date each clue was found', () => {
  const dated = '编号,标题,内容,单位,发现时间';

  it('reads the dates Chinese office software writes, in the campaign’s time zone, and keeps them', async () => {
    // An instant with its zone (ISO 8601, as the API writes one) is the instant it names.
    const rows = ['D-1,日期一,,汉台分局,2026-03-05', 'D-2,日期二,,汉台分局,2026年3月6日 10:30', 'D-3,日期三,,汉台分局,2026/3/7', 'D-5,日期五,,汉台分局,2026-03-05T10:30:00+08:00', 'D-6,日期六,,汉台分局,2026-03-05T02:30:00Z'];
    const preview = (await (await upload([dated, ...rows].join('\n'), 'commit=false')).json()) as Plan;
    expect(preview).toMatchObject({ valid: 5, issues: [] });
    expect(preview.mapping).toMatchObject({ foundAt: '发现时间' });
    const done = (await (await upload([dated, ...rows].join('\n'), 'commit=true')).json()) as Plan;
    expect(done.created).toBe(5);
    const stored = await database.db.select({ title: clues.title, foundAt: clues.foundAt }).from(clues).where(sql`${clues.title} like '日期%'`);
    expect(Object.fromEntries(stored.map((c) => [c.title, c.foundAt]))).toEqual({
      日期一: '2026-03-04T16:00:00.000Z',
      日期二: '2026-03-06T02:30:00.000Z',
      日期三: '2026-03-06T16:00:00.000Z',
      日期五: '2026-03-05T02:30:00.000Z',
      日期六: '2026-03-05T02:30:00.000Z',
    });

    // An XLSX date cell (with its time of day) is read as the same wall-clock time.
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('线索');
    sheet.addRow(['编号', '标题', '单位', '发现时间']);
    sheet.addRow(['D-4', '日期四', '汉台分局', new Date(Date.UTC(2026, 2, 8, 9, 15))]);
    const xlsx = new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
    const fromXlsx = (await (await upload(xlsx, 'commit=true', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')).json()) as Plan;
    expect(fromXlsx.created).toBe(1);
    const [d4] = await database.db.select({ foundAt: clues.foundAt }).from(clues).where(eq(clues.title, '日期四'));
    expect(d4?.foundAt).toBe('2026-03-08T01:15:00.000Z');
  });

  it('names every bad date by row and column, and imports nothing while one is bad', async () => {
    const rows = [
      'B-1,坏日期一,,汉台分局,2026-02-30',
      'B-2,坏日期二,,汉台分局,昨天',
      'B-3,将来的日期,,汉台分局,2027-01-01',
      'B-4,好日期,,汉台分局,2026-06-01',
      // With a zone too: a day that does not exist, and an instant to come.
      'B-5,坏时刻,,汉台分局,2026-02-30T10:30:00+08:00',
      'B-6,将来的时刻,,汉台分局,2027-01-01T00:00:00Z',
    ];
    const before = await clueCount();
    const refused = await upload([dated, ...rows].join('\n'), 'commit=true');
    expect(refused.status).toBe(422);
    const { plan } = (await refused.json()) as { plan: Plan };
    expect(plan.issues.map((i) => [i.row, i.column])).toEqual([[2, '发现时间'], [3, '发现时间'], [4, '发现时间'], [6, '发现时间'], [7, '发现时间']]);
    expect(plan.issues[0]?.reason.zh).toContain('2026-02-30');
    expect(plan.issues[2]?.reason.en).toContain('future');
    expect(plan.issues[3]?.reason.zh).toBe('无法识别的日期：“2026-02-30T10:30:00+08:00”（应如 2026-03-05 或 2026-03-05 10:30）');
    expect(plan.issues[4]?.reason.en).toBe('The time found is in the future: "2027-01-01T00:00:00Z"');
    expect(await clueCount()).toBe(before);
  });
});

describe('clues found before the campaign began', () => {
  const dated = '编号,标题,内容,单位,发现时间';

  it('are imported, and the check names them with the campaign’s start: a year mistyped is seen before it is counted', async () => {
    // The test campaign's survey opens on 2026-01-01 (Beijing time).
    const rows = [
      'BC-1,去年年初发现的线索,,汉台分局,2025-01-01',
      'BC-2,专项首日发现的线索,,汉台分局,2026-01-01',
      'BC-3,前一晚发现的线索,,汉台分局,2025-12-31 23:30',
      'BC-4,年份写错且单位有误,,火星分局,2015-03-05',
      'BC-5,将来的线索,,汉台分局,2027-01-01',
    ];
    const file = [dated, ...rows].join('\n');
    const plan = (await (await upload(file, 'commit=false')).json()) as Plan;
    expect(importPlan.safeParse(plan).success).toBe(true);
    // A warning, not an error: such a row may be a clue carried over from before the campaign, and is imported as written.
    expect(plan.issues.map((i) => [i.row, i.column])).toEqual([[5, '单位'], [6, '发现时间']]);
    expect(plan.valid).toBe(3);
    // Only rows to be imported: row 5, refused for its unit, is said with its other problem once it is mended.
    expect(plan.foundBeforeCampaign).toEqual({ column: '发现时间', campaignStart: '2026-01-01', rows: [2, 4] });

    const done = (await (await upload([dated, ...rows.slice(0, 3)].join('\n'), 'commit=true')).json()) as Plan;
    expect(done.created).toBe(3);
    expect(done.foundBeforeCampaign?.rows).toEqual([2, 4]);
  });

  it('are not said where every row was found once the campaign had begun', async () => {
    const plan = (await (await upload([dated, 'BC-6,今年的线索,,汉台分局,2026-02-01'].join('\n'), 'commit=false')).json()) as Plan;
    expect(plan.valid).toBe(1);
    expect(plan.foundBeforeCampaign).toBeUndefined();
  });
});

describe('merging duplicates on import', () => {
  const head = '编号,标题,内容,单位';

  async function idOf(title: string): Promise<number> {
    const [row] = await database.db.select({ id: clues.id }).from(clues).where(eq(clues.title, title));
    if (row === undefined) throw new Error(`no clue titled ${title}`);
    return row.id;
  }

  it('merges the chosen rows into the clues they duplicate, in the same transaction, keeping every audit entry', async () => {
    await upload([head, 'M-0,原始线索：杀猪盘,电话 13800001111,南郑分局'].join('\n'), 'commit=true');
    const survivor = await idOf('原始线索：杀猪盘');
    const file = [head, 'M-1,重复举报：杀猪盘,联系电话 +86 138 0000 1111,汉台分局', 'M-2,无关线索,无标识,汉台分局'].join('\n');
    const preview = (await (await upload(file, 'commit=false')).json()) as Plan;
    expect(preview.duplicates).toEqual([{ row: 2, clueIds: [survivor], mergeInto: [survivor], matched: expect.any(Array) }]);

    const auditBefore = await database.db.select({ seq: auditLog.seq, hash: auditLog.hash }).from(auditLog);
    const done = await upload(file, `commit=true&merges=${encodeURIComponent(JSON.stringify({ 2: survivor }))}`);
    expect(done.status).toBe(200);
    expect((await done.json()) as Plan).toMatchObject({ created: 2, merged: 1 });
    const duplicate = await idOf('重复举报：杀猪盘');
    const [merged] = await database.db.select({ state: clues.state, context: clues.context }).from(clues).where(eq(clues.id, duplicate));
    expect(merged).toMatchObject({ state: 'merged', context: { mergedInto: survivor } });
    const [kept] = await database.db.select({ context: clues.context }).from(clues).where(eq(clues.id, survivor));
    expect(kept?.context.absorbed).toEqual([duplicate]);
    const [unrelated] = await database.db.select({ state: clues.state }).from(clues).where(eq(clues.id, await idOf('无关线索')));
    expect(unrelated?.state).toBe('found');

    // Every earlier audit entry is still there, unchanged; the duplicate's history holds its creation and its merge.
    const auditAfter = await database.db.select({ seq: auditLog.seq, hash: auditLog.hash }).from(auditLog);
    expect(auditAfter.slice(0, auditBefore.length)).toEqual(auditBefore);
    const history = await database.db.select({ event: auditLog.event, subjectId: auditLog.subjectId }).from(auditLog).where(sql`${auditLog.seq} > ${auditBefore.length}`);
    expect(history).toEqual(expect.arrayContaining([{ event: 'clue.create', subjectId: duplicate }, { event: 'clue.merge', subjectId: duplicate }, { event: 'clue.absorb', subjectId: survivor }]));
    expect(await verifyAudit(database.db)).toMatchObject({ ok: true });
  });

  it('merges every duplicate row into the earliest clue offered it with mergeEarliest, but the rows named otherwise: however many rows, in a short address', async () => {
    await upload([head, 'E-0,原始：刷单,电话 13800002222,南郑分局', 'E-00,原始：裸聊,电话 13800003333,南郑分局'].join('\n'), 'commit=true');
    const [first, second] = [await idOf('原始：刷单'), await idOf('原始：裸聊')];
    const file = [head, 'E-1,再报：刷单,电话 13800002222,南郑分局', 'E-2,再报：裸聊,电话 13800003333,南郑分局', 'E-3,三报：刷单,13800002222,南郑分局'].join('\n');
    // Row 4 is kept as a new clue: null against the rule for every other row.
    const done = await upload(file, `commit=true&mergeEarliest=true&merges=${encodeURIComponent(JSON.stringify({ 4: null }))}`);
    expect(done.status).toBe(200);
    expect((await done.json()) as Plan).toMatchObject({ created: 3, merged: 2 });
    const states = await database.db.select({ title: clues.title, state: clues.state, context: clues.context }).from(clues).where(sql`${clues.title} in ('再报：刷单', '再报：裸聊', '三报：刷单')`).orderBy(clues.id);
    expect(states.map((c) => [c.title, c.state, c.context.mergedInto ?? null])).toEqual([
      ['再报：刷单', 'merged', first],
      ['再报：裸聊', 'merged', second],
      ['三报：刷单', 'found', null],
    ]);
  });

  it('skips a duplicate row chosen to be skipped: nothing created for it, and the answer counts it apart', async () => {
    await upload([head, 'K-0,原始：跳过单行,电话 13800004444,南郑分局'].join('\n'), 'commit=true');
    const original = await idOf('原始：跳过单行');
    const before = await clueCount();
    const file = [head, 'K-1,再报：跳过,电话 13800004444,南郑分局', 'K-2,再报：并入,13800004444,南郑分局', 'K-3,无关：跳过单行,无标识,南郑分局'].join('\n');
    const done = await upload(file, `commit=true&merges=${encodeURIComponent(JSON.stringify({ 2: 'skip', 3: original }))}`);
    expect(done.status).toBe(200);
    // Which row became what, for the done screen to say of each (not that a skipped row "is still imported").
    expect((await done.json()) as Plan).toMatchObject({ created: 2, merged: 1, skippedDuplicates: 1, skippedRows: [2], mergedRows: [{ row: 3, into: original }] });
    expect(await clueCount()).toBe(before + 2);
    expect(await database.db.select().from(clues).where(eq(clues.title, '再报：跳过'))).toEqual([]);
    expect(await verifyAudit(database.db)).toMatchObject({ ok: true });
  });

  it('skips every duplicate row with duplicates=skip but the rows named otherwise: a register without source ids imported again adds only its new rows', async () => {
    const register = ['标题,内容,单位', '登记：刷单返利,受害人转账至 6222021234567890123,南郑分局', '登记：虚假投资,群众反映投资平台无法提现,南郑分局', '登记：冒充客服,来电 13800006666,南郑分局'];
    expect(((await (await upload(register.join('\n'), 'commit=true')).json()) as Plan).created).toBe(3);
    const before = await clueCount();
    const again = [...register, '登记：新增一条,本次新报,南郑分局'].join('\n');
    // Row 3 is kept a new clue against the rule; rows 2 and 4 are skipped; row 5 is no duplicate and is created.
    const done = await upload(again, `commit=true&duplicates=skip&merges=${encodeURIComponent(JSON.stringify({ 3: null }))}`);
    expect(done.status).toBe(200);
    expect((await done.json()) as Plan).toMatchObject({ created: 2, merged: 0, skippedDuplicates: 2, skippedRows: [2, 4], mergedRows: [] });
    expect(await clueCount()).toBe(before + 2);
    const titles = await database.db.select({ title: clues.title }).from(clues).where(sql`${clues.id} > ${before}`);
    expect(titles.map((t) => t.title).sort()).toEqual(['登记：新增一条', '登记：虚假投资'].sort());

    // A rule the server does not know, a rule at odds with mergeEarliest and a choice it does not know are refused, naming the field.
    for (const [query, field] of [
      ['commit=true&duplicates=drop', 'query.duplicates'],
      ['commit=true&duplicates=skip&mergeEarliest=true', 'query.duplicates'],
      [`commit=true&merges=${encodeURIComponent(JSON.stringify({ 2: 'skp' }))}`, 'query.merges'],
    ] as const) {
      const refused = await upload(again, query);
      expect(refused.status).toBe(400);
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
      expect(((await refused.json()) as { fields: { field: string }[] }).fields[0]?.field).toBe(field);
    }
    // A row that is no duplicate (row 5, new in this file) is not skipped: that would drop a new clue unsaid.
    const stray = await upload([...register, '登记：又一条新报,本次另报,南郑分局'].join('\n'), `commit=true&duplicates=skip&merges=${encodeURIComponent(JSON.stringify({ 5: 'skip' }))}`);
    expect(stray.status).toBe(400);
    expect(((await stray.json()) as { fields: { field: string; message: { zh: string } }[] }).fields[0]).toMatchObject({ field: 'query.merges', message: { zh: '第 5 行不是疑似重复行，不能跳过' } });
    expect(await clueCount()).toBe(before + 2);
  });

  it('stops the whole import with the row when a merge is refused, and refuses a malformed choice', async () => {
    const target = await idOf('原始线索：杀猪盘');
    const lead = await signIn(app, 'hantai.lead');
    const before = await clueCount();
    // A unit lead may not merge into another unit's clue (that needs the office).
    const file = [head, 'L-1,汉台再报：杀猪盘,电话 13800001111,汉台分局'].join('\n');
    const refused = await app.request(`/api/campaigns/1/imports?commit=true&merges=${encodeURIComponent(JSON.stringify({ 2: target }))}`, {
      method: 'POST',
      headers: { cookie: lead.cookie, 'content-type': 'text/csv' },
      body: file,
    });
    expect(refused.status).toBe(403);
    const body = (await refused.json()) as { reason: { zh: string }; plan: Plan };
    expect(body.reason.zh).toContain('第 2 行');
    expect(body.plan.issues).toEqual([expect.objectContaining({ row: 2, column: '', field: 'merge' })]);
    expect(await clueCount()).toBe(before);

    const malformed = await upload(file, 'commit=true&merges=' + encodeURIComponent('{"two": 1}'));
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { fields: { field: string }[] }).fields[0]?.field).toBe('query.merges');
    expect(await clueCount()).toBe(before);

    // A row the file does not have (a choice carried over from another file) is refused, not skipped.
    const stray = await upload(file, `commit=true&merges=${encodeURIComponent(JSON.stringify({ 9: target }))}`);
    expect(stray.status).toBe(400);
    expect(((await stray.json()) as { fields: unknown }).fields).toEqual([{ field: 'query.merges', message: { zh: '文件中没有第 9 行数据', en: 'The file has no data row 9' } }]);
    expect(await clueCount()).toBe(before);
  });
});

describe('what a row names, checked as a clue made on the board is', () => {
  it('refuses a retired unit and an assignee who may not work the row\'s clue, naming each row as the spreadsheet numbers it', async () => {
    await database.db.update(units).set({ retiredAt: '2026-05-01T00:00:00.000Z' }).where(eq(units.id, 'foping'));
    try {
      const file = [
        'Source id,Title,Description,Unit,Assignee',
        'N-1,撤销单位的线索,内容,foping,',
        '',
        'N-2,跨单位承办,"第一行\n第二行",xingzhen,hantai.officer',
        'N-3,观察员承办,内容,hantai,viewer',
        ',,,,',
        'N-4,本单位承办,内容,hantai,hantai.officer',
      ].join('\n');
      const before = await clueCount();
      const preview = (await (await upload(file, 'commit=false')).json()) as Plan;
      expect(preview.valid).toBe(1);
      // A unit retired is no longer offered to a row naming no unit.
      const unknown = (await (await upload(['Title,Unit', '不存在的单位,火星分局'].join('\n'), 'commit=false')).json()) as Plan;
      expect(unknown.issues[0]?.reason.zh).toContain('（可填：市局专项办、');
      expect(unknown.issues[0]?.reason.zh).not.toContain('佛坪');
      // Row 3 and row 6 are blank, and the quoted cell's line break keeps row 4 one row, as a spreadsheet shows the file.
      expect(preview.issues).toEqual([
        { row: 2, column: 'Unit', reason: { zh: '该单位已撤销，不再接收事项：“foping”', en: 'That unit is retired and takes no new work: "foping"' } },
        { row: 4, column: 'Assignee', reason: { zh: '承办人须属于该事项所在单位：“hantai.officer”', en: 'The assignee must belong to the item\'s unit: "hantai.officer"' } },
        { row: 5, column: 'Assignee', reason: { zh: '系统管理员和观察员不承办事项：“viewer”', en: 'Administrators and viewers are not assigned work: "viewer"' } },
      ]);
      expect((await upload(file, 'commit=true')).status).toBe(422);
      expect(await clueCount()).toBe(before);
      const done = (await (await upload(file, 'commit=true&onlyValid=true')).json()) as Plan;
      expect(done.created).toBe(1);
    } finally {
      await database.db.update(units).set({ retiredAt: null }).where(eq(units.id, 'foping'));
    }
  });
  it('says a retired category is retired, by its code, its Chinese or its English name, and offers the categories still open', async () => {
    await database.db.update(categories).set({ retiredAt: '2026-05-01T00:00:00.000Z' }).where(eq(categories.code, 'disorder'));
    try {
      const file = [
        'Title,Unit,Category',
        '贩卖公民个人信息,hantai,disorder',
        '网络黑产引流,hantai,严重破坏互联网秩序，危害公序良俗',
        'Traffic for a black market,hantai,serious disruption of the internet\'s order and public morals',
      ].join('\n');
      const before = await clueCount();
      const preview = (await (await upload(file, 'commit=false')).json()) as Plan;
      expect(preview.valid).toBe(0);
      expect(preview.issues.map((i) => [i.row, i.column])).toEqual([
        [2, 'Category'],
        [3, 'Category'],
        [4, 'Category'],
      ]);
      const [byCode] = preview.issues;
      expect(byCode?.reason.zh).toMatch(/^该类别已停用，不再用于新事项：“disorder”（可填：.*电信网络诈骗.*）$/);
      expect(byCode?.reason.en).toMatch(/^That category is retired and takes no new items: "disorder" \(write one of: .*\)$/);
      // The retired category is not offered back to the row.
      expect(byCode?.reason.zh).not.toContain('严重破坏互联网秩序');
      expect(preview.issues[1]?.reason.zh).toMatch(/^该类别已停用，不再用于新事项：“严重破坏互联网秩序，危害公序良俗”/);
      expect(preview.issues[2]?.reason.en).toMatch(/^That category is retired and takes no new items: "serious disruption of the internet's order and public morals"/);
      expect((await upload(file, 'commit=true')).status).toBe(422);
      expect(await clueCount()).toBe(before);
    } finally {
      await database.db.update(categories).set({ retiredAt: null }).where(eq(categories.code, 'disorder'));
    }
  });
});

describe('a unit and a source as another system’s register writes them', () => {
  it('reads a unit by its short or its long name when that names one unit, and says which units a name could be when it names several', async () => {
    const file = [
      '编号,标题,内容,单位,来源',
      'U-1,简称,内容,汉台,110',
      'U-2,全称,内容,汉中市公安局南郑分局,12337',
      'U-3,县名,内容,城固,',
      'U-4,含糊,内容,支队,',
    ].join('\n');
    const plan = (await (await upload(file, 'commit=false')).json()) as Plan;
    expect(plan.valid).toBe(3);
    expect(plan.issues).toHaveLength(1);
    expect(plan.issues[0]).toMatchObject({ row: 5, column: '单位' });
    expect(plan.issues[0]?.reason.zh).toBe('“支队”可指多个单位：刑侦支队、网安支队、经侦支队、治安支队，请写单位全称');
    expect(plan.issues[0]?.reason.en).toBe('"支队" could be any of several units: 刑侦支队, 网安支队, 经侦支队, 治安支队; write the unit’s full name');
    const done = (await (await upload(file, 'commit=true&onlyValid=true')).json()) as Plan;
    expect(done.created).toBe(3);
    const made = await database.db.select({ unitId: clues.unitId, source: sql<string>`json_extract(${clues.context}, '$.source')` }).from(clues).where(sql`${clues.title} in ('简称', '全称', '县名')`).orderBy(clues.id);
    expect(made).toEqual([
      { unitId: 'hantai', source: 'platform110' },
      { unitId: 'nanzheng', source: 'platform12337' },
      { unitId: 'chenggu', source: 'other' },
    ]);
  });

  it('reads a district or county as the map names it (汉台区, 南郑区) as its branch, and refuses the city rather than pick a unit', async () => {
    const file = ['编号,标题,内容,单位', 'QX-1,区名汉台,内容,汉台区', 'QX-2,区名南郑,内容,南郑区', 'QX-3,市名,内容,汉中市'].join('\n');
    const plan = (await (await upload(file, 'commit=false')).json()) as Plan;
    expect(plan.valid).toBe(2);
    expect(plan.issues).toEqual([expect.objectContaining({ row: 4, column: '单位', reason: expect.objectContaining({ zh: expect.stringMatching(/^没有这个单位：“汉中市”/) }) })]);
    const done = (await (await upload(file, 'commit=true&onlyValid=true')).json()) as Plan;
    expect(done.created).toBe(2);
    const made = await database.db.select({ unitId: clues.unitId }).from(clues).where(sql`${clues.title} in ('区名汉台', '区名南郑')`).orderBy(clues.id);
    expect(made).toEqual([{ unitId: 'hantai' }, { unitId: 'nanzheng' }]);
  });
});

describe("an imported clue's source id", () => {
  it('finds the clue in the search, whole, as a unit looks for its register number', async () => {
    const done = (await (await upload(['来源编号,标题,承办单位', 'HT-2026-0815,按登记号找的线索,汉台分局'].join('\n'), 'commit=true')).json()) as Plan;
    expect(done.created).toBe(1);
    const found = (await (await office.get('/api/campaigns/1/lists/clues?q=HT-2026-0815')).json()) as { items: { title: string }[] };
    expect(found.items.map((item) => item.title)).toEqual(['按登记号找的线索']);
    // Whole, not a part of it: a register's numbers share their prefix.
    expect(((await (await office.get('/api/campaigns/1/lists/clues?q=HT-2026-08')).json()) as { items: unknown[] }).items).toEqual([]);
  });
});

describe('a file named .xlsx', () => {
  it('holding text is refused as no workbook, and nothing is imported', async () => {
    const before = await clueCount();
    const answer = await upload('标题,承办单位\n改了扩展名的文本,汉台分局', 'commit=true', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(answer.status).toBe(400);
    expect(((await answer.json()) as { reason: { zh: string } }).reason.zh).toMatch(/^文件名为 \.xlsx，但其内容不是 Excel 工作簿/);
    expect(await clueCount()).toBe(before);
  });
});

describe('numbers in columns of their own', () => {
  it('writes a number of an English header as English is written (Phone: …), not with the full-width colon of a Chinese one', async () => {
    const file = ['Title,Unit,Phone', 'A number under an English header,汉台分局,13800112233'].join('\n');
    const done = (await (await upload(file, 'commit=true&onlyValid=true')).json()) as Plan;
    expect(done.created).toBe(1);
    const [made] = await database.db.select({ description: sql<string>`json_extract(${clues.context}, '$.description')` }).from(clues).where(eq(clues.title, 'A number under an English header'));
    expect(made?.description).toBe('Phone: 13800112233');
  });

  it('adds the cells of a phone, account or address column to the description, so they are kept and compared, and refuses a number Excel wrote as 1.39E+10', async () => {
    const file = ['序号,标题,承办单位,联系电话,涉案银行卡号,备注', '1,号码单列的线索,汉台分局,13977665544,6222021234567890123,', '2,科学计数法,汉台分局,1.39E+10,,'].join('\n');
    const plan = (await (await upload(file, 'commit=false')).json()) as Plan;
    expect(plan.appendedColumns).toEqual(['联系电话', '涉案银行卡号']);
    expect(plan.issues).toEqual([
      { row: 3, column: '联系电话', reason: { zh: '号码被表格写成了科学计数法“1.39E+10”，位数已丢失：请将该列设为文本格式后重新导出', en: 'The spreadsheet wrote the number as "1.39E+10", losing its digits: format the column as text and export it again' } },
    ]);
    const done = (await (await upload(file, 'commit=true&onlyValid=true')).json()) as Plan;
    expect(done.created).toBe(1);
    const [made] = await database.db.select({ description: sql<string>`json_extract(${clues.context}, '$.description')` }).from(clues).where(eq(clues.title, '号码单列的线索'));
    expect(made?.description).toBe('联系电话：13977665544\n涉案银行卡号：6222021234567890123');
    // The number is now found by the duplicate check, written in another clue's text.
    const again = (await (await upload(['标题,内容,承办单位', '再次举报,来电 139-7766-5544,南郑分局'].join('\n'), 'commit=false')).json()) as Plan;
    expect(again.duplicates).toHaveLength(1);
  });
});

describe('a word a column does not take, in many rows', () => {
  it('is answered with what the column may hold at its first row only; its other rows point there', async () => {
    const file = ['标题,承办单位,来源', '第一行,火星分局,群众举报', '第二行,火星分局,群众举报', '第三行,水星分局,110', '第四行,火星分局,110'].join('\n');
    const plan = (await (await upload(file, 'commit=false')).json()) as Plan;
    const said = (row: number, column: string) => plan.issues.find((i) => i.row === row && i.column === column)?.reason;
    expect(said(2, '承办单位')?.zh).toMatch(/^没有这个单位：“火星分局”（可填：市局专项办、.*）$/);
    expect(said(3, '承办单位')).toEqual({ zh: '没有这个单位：“火星分局”（可填项见第 2 行）', en: 'No such unit: "火星分局" (for what to write, see row 2)' });
    expect(said(4, '承办单位')?.zh).toMatch(/^没有这个单位：“水星分局”（可填：市局专项办、.*）$/);
    expect(said(5, '承办单位')?.zh).toBe('没有这个单位：“火星分局”（可填项见第 2 行）');
    expect(said(2, '来源')?.en).toMatch(/^Unknown source: "群众举报" \(write one of: .*110 platform.*\)$/);
    expect(said(3, '来源')).toEqual({ zh: '无法识别的来源：“群众举报”（可填项见第 2 行）', en: 'Unknown source: "群众举报" (for what to write, see row 2)' });
    expect(said(4, '来源')).toBeUndefined();
  });
});

describe('landlines a spreadsheet stored as numbers', () => {
  it('gives a landline back the leading 0 the spreadsheet dropped, in a column of telephone numbers only, and says so', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('线索');
    sheet.addRow(['标题', '承办单位', '值班电话', '涉案账号', 'Tel']);
    sheet.addRow(['座机丢了零', '汉台分局', 9162621234, 9162621234, null]);
    sheet.addRow(['手机号不补', '汉台分局', 13977665544, null, null]);
    sheet.addRow(['不是座机的十位数', '汉台分局', 1234567890, null, 2988886666]);
    sheet.addRow(['写成文本的座机', '汉台分局', '0916-2627777', null, null]);
    const bytes = new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
    const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    const plan = (await (await upload(bytes, 'commit=false', xlsx)).json()) as Plan;
    expect(plan.issues).toEqual([]);
    expect(plan.restoredZeros).toEqual([
      { column: '值班电话', rows: 1, firstRow: 2, value: '09162621234' },
      { column: 'Tel', rows: 1, firstRow: 4, value: '02988886666' },
    ]);
    const done = (await (await upload(bytes, 'commit=true', xlsx)).json()) as Plan;
    expect(done.created).toBe(4);
    const made = await database.db
      .select({ title: clues.title, description: sql<string>`json_extract(${clues.context}, '$.description')` })
      .from(clues)
      .where(sql`${clues.title} in ('座机丢了零', '手机号不补', '不是座机的十位数', '写成文本的座机')`)
      .orderBy(clues.id);
    expect(made.map((clue) => clue.description)).toEqual([
      // An account's column keeps its digits as they are: a number there is no telephone's.
      '值班电话：09162621234\n涉案账号：9162621234',
      '值班电话：13977665544',
      '值班电话：1234567890\nTel: 02988886666',
      '值班电话：0916-2627777',
    ]);
    // The line is found again as a landline: another report of it, typed with a dash, is a duplicate of the first.
    const again = (await (await upload(['标题,内容,承办单位', '再次举报,来电显示 0916-2621234,南郑分局'].join('\n'), 'commit=false')).json()) as Plan;
    expect(again.duplicates).toEqual([expect.objectContaining({ row: 2, matched: [{ kind: 'landline', value: '0916-2621234' }] })]);
  });
});

describe('long numbers a spreadsheet stored as numbers', () => {
  it("refuses by row and column a number past Excel's 15 digits (a 19-digit bank card, a 16-digit one ending in the 0 Excel wrote, a long source id), and keeps one written exactly", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('线索');
    sheet.addRow(['线索编号', '标题', '承办单位', '联系电话', '涉案银行卡号']);
    sheet.addRow(['L-1', '卡号十六位写全', '汉台分局', 13977665544, 6222021234567891]);
    sheet.addRow(['L-2', '卡号十九位', '汉台分局', null, 6222021234567890000]);
    sheet.addRow(['L-3', '卡号十六位末位为零', '汉台分局', null, 6222021234567890]);
    sheet.addRow([2026061500000012345, '编号是长数字', '汉台分局', null, null]);
    const bytes = new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
    const plan = (await (await upload(bytes, 'commit=false', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')).json()) as Plan;
    expect(plan.issues.map((i) => [i.row, i.column, i.reason.zh])).toEqual([
      [3, '涉案银行卡号', '号码被表格写成了科学计数法“6.22202123456789E+18”，位数已丢失：请将该列设为文本格式后重新导出'],
      [4, '涉案银行卡号', '号码被表格写成了科学计数法“6.22202123456789E+15”，位数已丢失：请将该列设为文本格式后重新导出'],
      [5, '线索编号', '号码被表格写成了科学计数法“2.02606150000001E+18”，位数已丢失：请将该列设为文本格式后重新导出'],
    ]);
    const done = (await (await upload(bytes, 'commit=true&onlyValid=true', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')).json()) as Plan;
    expect(done.created).toBe(1);
    const [made] = await database.db.select({ description: sql<string>`json_extract(${clues.context}, '$.description')` }).from(clues).where(eq(clues.title, '卡号十六位写全'));
    expect(made?.description).toBe('联系电话：13977665544\n涉案银行卡号：6222021234567891');
  });
});

describe('a file imported twice', () => {
  it('lists a row repeating an existing clue word for word (its unit, title and content) as a duplicate, with no source id or number to find it by', async () => {
    const file = ['标题,内容,承办单位', '网络水军恶意差评敲诈商户,商户反映遭水军围攻后被索要删帖费,汉台分局', '论坛散布谣言,,南郑分局'].join('\n');
    const done = (await (await upload(file, 'commit=true')).json()) as Plan;
    expect(done.created).toBe(2);
    const ids = await database.db.select({ id: clues.id }).from(clues).where(sql`${clues.title} in ('网络水军恶意差评敲诈商户', '论坛散布谣言')`).orderBy(clues.id);
    const again = (await (await upload(file, 'commit=false')).json()) as Plan;
    expect(again.duplicates).toEqual([
      { row: 2, clueIds: [ids[0]?.id], mergeInto: [ids[0]?.id], matched: expect.any(Array) },
      { row: 3, clueIds: [ids[1]?.id], mergeInto: [ids[1]?.id], matched: expect.any(Array) },
    ]);
    // The same title in another unit, or with other content, is another clue.
    const other = (await (await upload(['标题,内容,承办单位', '论坛散布谣言,,汉台分局', '论坛散布谣言,另一起,南郑分局'].join('\n'), 'commit=false')).json()) as Plan;
    expect(other.duplicates).toEqual([]);
  });
});

describe('what the importer may do, said by the check as the import would', () => {
  const head = '编号,标题,内容,单位,承办人';
  async function check(session: Session, file: string): Promise<Plan> {
    const answer = await app.request('/api/campaigns/1/imports?commit=false', { method: 'POST', headers: { cookie: session.cookie, 'content-type': 'text/csv' }, body: file });
    expect(answer.status).toBe(200);
    return (await answer.json()) as Plan;
  }

  it("names a unit lead's rows of another unit, and an officer's rows given to someone else, before the import would refuse them", async () => {
    const lead = await signIn(app, 'hantai.lead');
    const file = [head, 'P-1,本单位线索,内容,汉台分局,', 'P-2,外单位线索,内容,南郑分局,'].join('\n');
    const plan = await check(lead, file);
    expect(plan.valid).toBe(1);
    // Where a lead may import, with the cell it is about.
    expect(plan.issues).toEqual([{ row: 3, column: '单位', reason: { zh: '只能在本单位或下属单位新建：“南郑分局”', en: 'You may create items only in your own unit or a unit below it: "南郑分局"' } }]);
    const before = await clueCount();
    const refused = await app.request('/api/campaigns/1/imports?commit=true', { method: 'POST', headers: { cookie: lead.cookie, 'content-type': 'text/csv' }, body: file });
    expect(refused.status).toBe(422);
    expect(await clueCount()).toBe(before);
    // What the check counted as valid is what "only the valid rows" creates.
    const onlyValid = await app.request('/api/campaigns/1/imports?commit=true&onlyValid=true', { method: 'POST', headers: { cookie: lead.cookie, 'content-type': 'text/csv' }, body: file });
    expect(((await onlyValid.json()) as Plan).created).toBe(plan.valid);

    // A unit that is none is answered with the units the lead may file to, their own, not the bureau's every unit.
    const unknown = await check(lead, [head, 'P-4,单位写错,内容,火星分局,'].join('\n'));
    expect(unknown.issues).toEqual([{ row: 2, column: '单位', reason: { zh: '没有这个单位：“火星分局”（可填：汉台分局）', en: 'No such unit: "火星分局" (write one of: Hantai Branch)' } }]);

    const officer = await signIn(app, 'hantai.officer');
    const given = await check(officer, [head, 'P-3,交给负责人,内容,汉台分局,hantai.lead'].join('\n'));
    expect(given.issues).toEqual([{ row: 2, column: '承办人', reason: { zh: '民警只能把新线索分配给自己：“hantai.lead”', en: 'An officer may only assign a new item to themselves: "hantai.lead"' } }]);
  });

  it('offers a duplicate row only the clues its importer may merge it into: the survivor of a merged clue, another unit\'s to the office alone', async () => {
    const lead = await signIn(app, 'hantai.lead');
    // An existing clue of 南郑 and one of 汉台 that was merged into another of 汉台, all holding one phone number.
    await upload([head, 'Q-0,南郑已有,电话 13700002222,南郑分局,', 'Q-1,汉台主线索,无标识,汉台分局,', 'Q-2,汉台已并案,电话 13700002222,汉台分局,'].join('\n'), 'commit=true');
    const [other = 0, survivor = 0, absorbed = 0] = await Promise.all(['南郑已有', '汉台主线索', '汉台已并案'].map(async (title) => {
      const [row] = await database.db.select({ id: clues.id }).from(clues).where(eq(clues.title, title));
      return row?.id ?? 0;
    }));
    const merge = await office.send('POST', `/api/clues/${absorbed}/transitions`, { to: 'merged', version: 1, payload: { targetId: survivor, reason: '同一号码' } });
    expect(merge.status).toBe(200);
    const file = [head, 'Q-3,汉台再报,电话 13700002222,汉台分局,'].join('\n');
    expect((await check(lead, file)).duplicates).toEqual([{ row: 2, clueIds: [other, absorbed].sort((a, b) => a - b), mergeInto: [survivor], matched: expect.any(Array) }]);
    expect((await check(office, file)).duplicates).toEqual([{ row: 2, clueIds: [other, absorbed].sort((a, b) => a - b), mergeInto: [other, survivor].sort((a, b) => a - b), matched: expect.any(Array) }]);
    // Each clue named comes with what it is: its title where the importer may read it, another unit's unit and state only.
    const described = (plan: Plan) => plan.duplicateClues.map((c) => [c.id, c.unitId, c.title]);
    const byId = (rows: (string | number | null)[][]) => rows.sort((a, b) => Number(a[0]) - Number(b[0]));
    expect(described(await check(lead, file))).toEqual(byId([[other, 'nanzheng', null], [survivor, 'hantai', '汉台主线索'], [absorbed, 'hantai', '汉台已并案']]));
    expect(described(await check(office, file))).toEqual(byId([[other, 'nanzheng', '南郑已有'], [survivor, 'hantai', '汉台主线索'], [absorbed, 'hantai', '汉台已并案']]));
    // What is offered is what the import does.
    const done = await app.request(`/api/campaigns/1/imports?commit=true&merges=${encodeURIComponent(JSON.stringify({ 2: survivor }))}`, { method: 'POST', headers: { cookie: lead.cookie, 'content-type': 'text/csv' }, body: file });
    expect(done.status).toBe(200);
    expect((await done.json()) as Plan).toMatchObject({ created: 1, merged: 1 });
  });
});

describe('a long import', () => {
  it('answers other requests while it runs, and reports its progress to the user who started it only', async () => {
    const lines = ['编号,标题,内容,单位'];
    for (let i = 0; i < 3000; i++) lines.push(`LONG-${i},长导入线索${i},联系电话 1390000${String(i).padStart(4, '0')},汉台分局`);
    const progressId = crypto.randomUUID();
    let finished = false;
    const importing = upload(lines.join('\n'), `commit=true&progressId=${progressId}`).then((response) => {
      finished = true;
      return response;
    });

    // While it runs: the board answers, and the progress moves through its stages.
    const seen = new Set<string>();
    let boardAnsweredMidway = false;
    // A real server's requests arrive as I/O; here they are promises, so each round also waits a moment, as a browser's polling would.
    for (let round = 0; !finished && round < 5000; round++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      const board = await office.get('/api/campaigns/1/board?kind=clue&limit=5');
      expect(board.status).toBe(200);
      const progress = await office.get(`/api/imports/progress/${progressId}`);
      if (progress.status === 200) {
        const body = (await progress.json()) as { stage: string; done: number; total: number };
        if (!finished && body.stage !== 'done') boardAnsweredMidway = true;
        expect(body.done).toBeLessThanOrEqual(body.total);
        seen.add(body.stage);
      }
    }
    expect(boardAnsweredMidway).toBe(true);
    expect([...seen].some((stage) => stage === 'checking' || stage === 'creating' || stage === 'writing')).toBe(true);
    expect(((await (await importing).json()) as Plan).created).toBe(3000);
    expect(await (await office.get(`/api/imports/progress/${progressId}`)).json()).toEqual({ stage: 'done', done: 3000, total: 3000 });
    // Written in slices of hundreds, whose shared values (campaign, time, state, actor) are bound once: each clue and entry as the chain and a replay expect.
    expect(await verifyAudit(database.db)).toMatchObject({ ok: true });

    // Known from the moment the request arrives, before its file has: a page asking as soon as it has sent the last byte
    // is answered "checking", not 404 (which its browser logs as an error).
    const early = crypto.randomUUID();
    let send: ReadableStreamDefaultController<Uint8Array> | undefined;
    const body = new ReadableStream<Uint8Array>({ start: (controller) => void (send = controller) });
    const file = new TextEncoder().encode('编号,标题,内容,单位\nEARLY-1,早到的进度,内容,汉台分局');
    // With its length said, as a browser's upload says it (without, the size limit reads the whole body first to count it).
    const slow = app.request(`/api/campaigns/1/imports?commit=false&progressId=${early}`, {
      method: 'POST',
      headers: { cookie: office.cookie, 'content-type': 'text/csv', 'content-length': String(file.length) },
      body,
      duplex: 'half',
    } as RequestInit);
    await expect.poll(async () => (await office.get(`/api/imports/progress/${early}`)).status).toBe(200);
    expect(await (await office.get(`/api/imports/progress/${early}`)).json()).toEqual({ stage: 'checking', done: 0, total: 0 });
    send?.enqueue(file);
    send?.close();
    expect(((await (await slow).json()) as Plan).valid).toBe(1);

    // Someone else cannot follow it; an id that is not a UUID is refused by name.
    const other = await signIn(app, 'viewer');
    expect((await other.get(`/api/imports/progress/${progressId}`)).status).toBe(404);
    const bad = await office.get('/api/imports/progress/not-a-uuid');
    expect(bad.status).toBe(400);
  });
});

describe('an import retried', () => {
  it('an import sent again with its Idempotency-Key (its answer lost) is answered as the first was and imports its rows once', async () => {
    // A register without source ids: imported twice without a key, each row would be a second clue.
    const file = '标题,内容,单位\n重试导入甲,电话 13966660001,汉台分局\n重试导入乙,电话 13966660002,汉台分局';
    const send = (key: string, progressId: string) =>
      app.request(`/api/campaigns/1/imports?commit=true&progressId=${progressId}`, {
        method: 'POST',
        headers: { cookie: office.cookie, 'content-type': 'text/csv', 'idempotency-key': key },
        body: file,
      });
    const before = await clueCount();
    const first = await send('import-once-1', crypto.randomUUID());
    expect(first.status).toBe(200);
    const answer = (await first.json()) as Plan;
    expect(answer.created).toBe(2);
    // The page follows each try under a progress id of its own: the retry is the same import all the same.
    const again = await send('import-once-1', crypto.randomUUID());
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await again.json()).toEqual(answer);
    expect(await clueCount()).toBe(before + 2);

    // The same key with another file is refused by the header's name, and imports nothing.
    const other = await app.request('/api/campaigns/1/imports?commit=true', {
      method: 'POST',
      headers: { cookie: office.cookie, 'content-type': 'text/csv', 'idempotency-key': 'import-once-1' },
      body: '标题,单位\n另一个文件,汉台分局',
    });
    expect(other.status).toBe(422);
    expect(((await other.json()) as { code: string; fields?: { field: string }[] }).fields?.map((f) => f.field)).toEqual(['header.idempotency-key']);
    expect(await clueCount()).toBe(before + 2);
    expect(await verifyAudit(database.db)).toMatchObject({ ok: true });
  });
});
