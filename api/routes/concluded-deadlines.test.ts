import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clues } from '../../db/schema';
import { signIn, testApp, type Session } from '../../test/support/api-client';
import { testDatabase, testNow } from '../../test/support/test-database';
import { concludeCampaign } from '../../test/support/concluded-campaign';
import type { Board, Card } from '../contracts/board';
import { listColumnLabels, type ListPage } from '../contracts/lists';
import { readTable } from '../services/import/read-table';

const day = 86_400_000;
/** The campaign concludes at the test's instant; the server is read three weeks later (a restart with BATTLEMAP_NOW, a year-end audit). */
const concludedAt = testNow.toISOString();
const later = new Date(testNow.getTime() + 21 * day);

let database: Awaited<ReturnType<typeof testDatabase>>;
/** Read at the later clock. */
let office: Session;
/** Read at the conclusion itself: what every screen should go on saying after it. */
let atConclusion: Session;
/** A clue left open at the conclusion, due three days after it: on time then, long overdue by the later clock. */
let clue: { id: number; enteredAt: string; dueAt: string };

beforeAll(async () => {
  database = await testDatabase({ clues: 80, problems: 5 });
  const [open] = await database.db.select().from(clues).where(and(eq(clues.campaignId, 1), eq(clues.state, 'verifying'))).limit(1);
  if (open === undefined) throw new Error('no verifying clue in the test data');
  clue = { id: open.id, enteredAt: new Date(testNow.getTime() - 2 * day).toISOString(), dueAt: new Date(testNow.getTime() + 3 * day).toISOString() };
  await database.db.update(clues).set({ enteredAt: clue.enteredAt, dueAt: clue.dueAt }).where(eq(clues.id, clue.id));
  await concludeCampaign(database, concludedAt);
  office = await signIn(testApp(database, later), 'office');
  atConclusion = await signIn(testApp(database), 'office');
});
afterAll(() => database.drop());

async function read<T>(session: Session, path: string): Promise<T> {
  const response = await session.get(path);
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as T;
}

const cardIn = (board: Board): Card | undefined => board.columns.flatMap((c) => c.cards).find((c) => c.id === clue.id);

describe('a concluded campaign read after its conclusion', () => {
  it('has the board judge its deadlines and ages at the conclusion, and say so', async () => {
    const board = await read<Board>(office, '/api/campaigns/1/board?state=verifying&limit=200');
    expect(board.asOf).toBe(concludedAt);
    expect(board.now).toBe(later.toISOString());
    // On time at the end, and two days in its state: the age the board shows counts to asOf.
    expect(cardIn(board)?.level).toBe(0);
    expect(cardIn(board)?.enteredAt).toBe(clue.enteredAt);
    expect(Date.parse(board.asOf) - Date.parse(clue.enteredAt)).toBe(2 * day);
    // The overdue filter finds it among the items on time, not the overdue ones.
    expect(cardIn(await read<Board>(office, '/api/campaigns/1/board?state=verifying&overdue=true&limit=200'))).toBeUndefined();
    expect(cardIn(await read<Board>(office, '/api/campaigns/1/board?state=verifying&overdue=false&limit=200'))).toBeDefined();
  });

  it('has the item’s own detail say it was not overdue', async () => {
    const detail = await read<Card>(office, `/api/clues/${clue.id}`);
    expect(detail.level).toBe(0);
  });

  it('has the lists and their export judge it at the conclusion, each group counting what was overdue then', async () => {
    const page = await read<ListPage>(office, `/api/campaigns/1/lists/clues?q=${clue.id}`);
    expect(page.asOf).toBe(concludedAt);
    expect(page.items.find((i) => i.id === clue.id)?.level).toBe(0);
    const overdue = await read<ListPage>(office, '/api/campaigns/1/lists/clues?overdue=true&limit=500');
    expect(overdue.items.map((i) => i.id)).not.toContain(clue.id);
    expect(overdue.total).toBe((await read<ListPage>(atConclusion, '/api/campaigns/1/lists/clues?overdue=true&limit=500')).total);

    const groups = (await read<ListPage>(office, '/api/campaigns/1/lists/responsibility')).groups;
    expect(groups).toEqual((await read<ListPage>(atConclusion, '/api/campaigns/1/lists/responsibility')).groups);

    const rows = Papa.parse<string[]>(await (await office.get(`/api/campaigns/1/lists/clues?q=${clue.id}&format=csv&lang=zh`)).text()).data;
    const level = rows[0]?.indexOf(listColumnLabels.level.zh) ?? -1;
    expect(level).toBeGreaterThan(-1);
    expect(rows.find((r) => Number(r[0]) === clue.id)?.[level]).toBe('正常');
  });

  it('has the CSV export say the instant in its name, exported on the later day and judged at the conclusion, the file itself still a plain table', async () => {
    const csv = await office.get('/api/campaigns/1/lists/clues?format=csv&lang=zh');
    expect(csv.headers.get('content-disposition')).toMatch(/filename="hz-\d{4}-clues-2026-07-06-asof-2026-06-15\.csv"/);
    const rows = Papa.parse<string[]>(await csv.text()).data;
    // The header first, as a re-import and a spreadsheet take it: no line of prose above it.
    expect(rows[0]?.slice(0, 3)).toEqual([listColumnLabels.id.zh, listColumnLabels.title.zh, listColumnLabels.state.zh]);
    // Read at the conclusion itself, the same: its deadlines are judged there too.
    expect((await atConclusion.get('/api/campaigns/1/lists/responsibility?format=csv')).headers.get('content-disposition')).toMatch(
      /filename="hz-\d{4}-responsibility-2026-06-15-asof-2026-06-15\.csv"/,
    );
  });

  it('has the XLSX export say it on a sheet of its own and in the printed header, in the chosen language, the table left where it was', async () => {
    const file = await office.get('/api/campaigns/1/lists/responsibility?format=xlsx&lang=zh');
    expect(file.headers.get('content-disposition')).toMatch(/filename="hz-\d{4}-responsibility-2026-07-06-asof-2026-06-15\.xlsx"/);
    const workbook = new ExcelJS.Workbook();
    const bytes = new Uint8Array(await file.arrayBuffer());
    // What an import of the file reads: the table's header, not the note.
    expect((await readTable(bytes)).headers.slice(0, 2)).toEqual([listColumnLabels.unit.zh, listColumnLabels.assignee.zh]);
    await workbook.xlsx.load(bytes.slice().buffer);
    const [table, about] = workbook.worksheets;
    // The table is the first sheet, headed on its first row, as a live campaign's: it filters and imports as before.
    expect((table?.getRow(1).values as unknown[]).slice(1, 3)).toEqual([listColumnLabels.unit.zh, listColumnLabels.assignee.zh]);
    expect(table?.headerFooter.oddHeader).toContain('时限截至 2026-06-15 10:00（北京时间）');
    expect(about?.name).toBe('说明');
    const lines = about?.getColumn(1).values.filter((v): v is string => typeof v === 'string');
    expect(lines).toEqual([
      '时限截至 2026-06-15 10:00（北京时间）',
      '专项行动已结束：时限状态和超期均按结束时计算，此后不再变化',
      '导出时间 2026-07-06 10:00（北京时间）',
    ]);

    const english = new ExcelJS.Workbook();
    await english.xlsx.load(await (await office.get('/api/campaigns/1/lists/clues?format=xlsx&lang=en')).arrayBuffer());
    expect(english.worksheets[0]?.headerFooter.oddHeader).toContain('Deadlines as of 2026-06-15 10:00 (Asia/Shanghai)');
    expect(english.worksheets[1]?.name).toBe('About');
    expect(english.worksheets[1]?.getColumn(1).values.filter((v) => typeof v === 'string')).toEqual([
      'Deadlines as of 2026-06-15 10:00 (Asia/Shanghai)',
      'The campaign has concluded: deadline status and overdue are as they stood at its end, and change no more',
      'Exported 2026-07-06 10:00 (Asia/Shanghai)',
    ]);
  });
});
