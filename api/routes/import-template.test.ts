import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, testApp, type Session, type TestApp } from '../../test/support/api-client';
import { testDatabase } from '../../test/support/test-database';
import type { importPlan } from '../contracts/intake';
import { xlsxType } from '../middleware/security';
import { importFields } from '../services/import/import-columns';
import type { z } from 'zod';

type Plan = z.infer<typeof importPlan>;

let database: Awaited<ReturnType<typeof testDatabase>>;
let app: TestApp;
let office: Session;

beforeAll(async () => {
  database = await testDatabase({ clues: 5, problems: 0 });
  app = testApp(database);
  office = await signIn(app, 'office');
});
afterAll(() => database.drop());

async function template(session: Session, lang: 'zh' | 'en'): Promise<ExcelJS.Workbook> {
  const response = await session.get(`/api/campaigns/1/imports/template?lang=${lang}`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe(xlsxType);
  expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="clue-import-template\.xlsx"; filename\*=UTF-8''/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await response.arrayBuffer());
  return workbook;
}

/** A sheet's column as text, below its header. */
function column(sheet: ExcelJS.Worksheet | undefined, index: number): string[] {
  const values: string[] = [];
  sheet?.getColumn(index).eachCell((cell, row) => {
    if (row > 1 && cell.value !== null) values.push(String(cell.value));
  });
  return values;
}

async function preview(workbook: ExcelJS.Workbook): Promise<Plan> {
  const body = new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
  const response = await app.request('/api/campaigns/1/imports?commit=false', { method: 'POST', headers: { cookie: office.cookie, 'content-type': xlsxType }, body });
  expect(response.status).toBe(200);
  return (await response.json()) as Plan;
}

describe('the clue import template', () => {
  it('in Chinese: the columns the import recognises, drop-down lists of what it accepts, and a filled-in row that checks clean', async () => {
    const workbook = await template(office, 'zh');
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['线索', '填写说明', '可选值']);
    const [clues, howTo, choices] = workbook.worksheets;
    expect(clues?.getRow(1).values).toEqual([undefined, '来源编号', '标题', '内容', '承办单位', '类别', '来源', '承办人', '发现时间']);
    // The office files to every unit; every category of the campaign and every source is offered.
    expect(column(choices, 1)).toContain('汉台分局');
    expect(column(choices, 2)).toContain('hantai');
    expect(column(choices, 3).length).toBeGreaterThan(0);
    expect(column(choices, 5)).toEqual(expect.arrayContaining(['110平台', '12337平台', '其他']));
    const unitList = clues?.getCell('D2').dataValidation;
    expect(unitList).toMatchObject({ type: 'list', formulae: [expect.stringMatching(/^'可选值'!\$A\$2:\$A\$\d+$/)] });
    expect(clues?.getCell('F5001').dataValidation).toMatchObject({ type: 'list' });
    expect(column(howTo, 1)).toEqual(expect.arrayContaining(['标题', '承办单位']));

    clues?.addRow(['T-1', '境外网站组织网络黑产引流', '网址 www.template-example.com', '汉台分局', column(choices, 3)[0], '110平台', 'hantai.officer', '2026-03-05 10:30']);
    const plan = await preview(workbook);
    // Its own sheets beside the clues are no sheets left unread.
    expect(plan).toMatchObject({ format: 'xlsx', sheet: { name: '线索', othersShown: 0 }, rows: 1, valid: 1, issues: [] });
    for (const field of importFields) expect(plan.mapping[field], field).not.toBeNull();
  });

  it('in English, read back by the same import', async () => {
    const workbook = await template(office, 'en');
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Clues', 'How to fill in', 'Choices']);
    const [clues, , choices] = workbook.worksheets;
    expect(clues?.getRow(1).values).toEqual([undefined, 'Source id', 'Title', 'Description', 'Unit', 'Category', 'Source', 'Assignee', 'Found at']);
    expect(column(choices, 1)).toContain('Hantai Branch');
    clues?.addRow(['T-2', 'Online loan sharks', '', 'Hantai Branch', column(choices, 3)[0], '12337 platform', '', '2026-03-05']);
    const plan = await preview(workbook);
    expect(plan).toMatchObject({ sheet: { name: 'Clues', othersShown: 0 }, valid: 1, issues: [] });
    for (const field of importFields) expect(plan.mapping[field], field).not.toBeNull();
  });

  it('offers a unit lead only the units they may file clues to', async () => {
    const lead = await signIn(app, 'hantai.lead');
    const choices = (await template(lead, 'zh')).worksheets[2];
    expect(column(choices, 2)).toEqual(['hantai']);
  });

  it('answers an unknown campaign, a stranger and an unknown language clearly', async () => {
    expect((await office.get('/api/campaigns/999/imports/template')).status).toBe(404);
    expect((await app.request('/api/campaigns/1/imports/template')).status).toBe(401);
    const badLang = await office.get('/api/campaigns/1/imports/template?lang=fr');
    expect(badLang.status).toBe(400);
    const problem = (await badLang.json()) as { fields: { field: string }[] };
    expect(problem.fields.map((f) => f.field)).toEqual(['query.lang']);
  });
});
