import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../db/audit/verify';
import { auditLog, clues } from '../../db/schema';
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

  it('names the row, column and reason of every bad row, and imports nothing while any row is bad', async () => {
    const rows = [...good, 'A-004,,没有标题,汉台分局,,其他', 'A-005,单位不存在,内容,火星分局,,其他', 'A-001,编号重复,内容,汉台分局,,其他'];
    const before = await clueCount();
    const refused = await upload([header, ...rows].join('\n'), 'commit=true');
    expect(refused.status).toBe(422);
    const body = (await refused.json()) as { plan: Plan };
    const where = body.plan.issues.map((i) => [i.row, i.column]);
    expect(where).toEqual(expect.arrayContaining([[5, '线索标题'], [6, '承办单位'], [7, '线索编号']]));
    expect(body.plan.issues.every((i) => i.reason.zh.length > 0 && i.reason.en.length > 0)).toBe(true);
    expect(await clueCount()).toBe(before);

    const onlyValid = await upload([header, ...rows].join('\n'), 'commit=true&onlyValid=true');
    expect(onlyValid.status).toBe(200);
    expect(((await onlyValid.json()) as Plan).created).toBe(3);
    expect(await clueCount()).toBe(before + 3);
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
    const bytes = new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
    const done = await upload(bytes, 'commit=true', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(done.status).toBe(200);
    const result = (await done.json()) as Plan;
    expect(result).toMatchObject({ format: 'xlsx', created: 2 });
    const entries = await database.db.select({ payload: auditLog.payload }).from(auditLog).where(eq(auditLog.event, 'clue.create'));
    const batch = entries.map((e) => JSON.parse(e.payload) as { batchId?: string }).filter((p) => p.batchId === result.batchId);
    expect(batch).toHaveLength(2);
    const [formula] = await database.db.select({ title: clues.title }).from(clues).where(eq(clues.title, "=cmd|' /C calc'!A0"));
    expect(formula).toBeDefined();
    // The mapping used is remembered for the campaign's next import.
    const next = (await (await upload('编号,标题,内容,单位\nX-9,新线索,,hantai', 'commit=false')).json()) as Plan;
    expect(next.mapping).toMatchObject({ sourceRef: '编号', title: '标题', unit: '单位' });
    expect(await verifyAudit(database.db)).toMatchObject({ ok: true });
  });

  it('refuses a missing required column, an unreadable file, a wrong content type and a bad mapping clearly', async () => {
    const noUnit = (await (await upload('编号,标题\n1,x', 'commit=false')).json()) as Plan;
    expect(noUnit.issues[0]).toMatchObject({ row: 1, column: 'Unit' });
    expect((await upload('', 'commit=false')).status).toBe(400);
    expect((await upload('x', 'commit=false', 'text/plain')).status).toBe(415);
    expect((await upload('a,b', 'commit=false&mapping=notjson')).status).toBe(400);
    const lead = await signIn(app, 'viewer');
    const viewer = await app.request('/api/campaigns/1/imports?commit=true', { method: 'POST', headers: { cookie: lead.cookie, 'content-type': 'text/csv' }, body: [header, 'V-1,观察员导入,内容,汉台分局,,其他'].join('\n') });
    expect(viewer.status).toBe(403);
  });
});
