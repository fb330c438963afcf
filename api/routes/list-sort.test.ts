import Papa from 'papaparse';
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, clues, problems, units, users } from '../../db/schema';
import { clueStates, problemStates } from '../../engine';
import { signIn, testApp, type Session } from '../../test/support/api-client';
import { testDatabase } from '../../test/support/test-database';
import { listPage as listPageSchema, type ListPage } from '../contracts/lists';

/*
 * The clue and problem lists sorted by a column (`sort=dueAt`, `sort=-dueAt`)
 * and opened at an offset. Each order is checked against one computed here
 * from the stored rows, not from the service's own column definitions.
 */

let database: Awaited<ReturnType<typeof testDatabase>>;
let office: Session;

beforeAll(async () => {
  database = await testDatabase({ clues: 200, problems: 30 });
  office = await signIn(testApp(database), 'office');
});
afterAll(() => database.drop());

async function page(list: string, query: string): Promise<ListPage> {
  const response = await office.get(`/api/campaigns/1/lists/${list}?${query}`);
  expect(response.status, await response.clone().text()).toBe(200);
  const body = (await response.json()) as ListPage;
  expect(listPageSchema.safeParse(body).success).toBe(true);
  return body;
}

/** Every item of a list under a query, page after page through the cursors; each page's items kept apart. */
async function walk(list: string, query: string, limit: number): Promise<ListPage['items'][]> {
  const pages: ListPage['items'][] = [];
  let cursor: string | null = null;
  do {
    const body: ListPage = await page(list, `${query}&limit=${limit}${cursor === null ? '' : `&cursor=${cursor}`}`);
    pages.push(body.items);
    cursor = body.next;
  } while (cursor !== null);
  return pages;
}

type Value = string | number | null;

/** The stored items of a kind with what each sortable column orders them by: null where the item has none. */
async function storedRows(kind: 'clue' | 'problem'): Promise<{ id: number; values: Record<string, Value[]> }[]> {
  const unitOrder = new Map((await database.db.select({ id: units.id, sortOrder: units.sortOrder }).from(units)).map((u) => [u.id, u.sortOrder]));
  const names = new Map((await database.db.select({ id: users.id, name: users.displayName }).from(users)).map((u) => [u.id, u.name]));
  const states: readonly string[] = kind === 'clue' ? clueStates : problemStates;
  const rows =
    kind === 'clue'
      ? (await database.db.select().from(clues)).map((r) => ({ ...r, caseNumber: r.context.caseNumber ?? null }))
      : (await database.db.select().from(problems)).map((r) => ({ ...r, caseNumber: null }));
  return rows.map((r) => ({
    id: r.id,
    values: {
      id: [],
      state: [states.indexOf(r.state)],
      unit: [unitOrder.get(r.unitId) ?? Number.MAX_SAFE_INTEGER, r.unitId],
      assignee: [r.assigneeId === null ? null : (names.get(r.assigneeId) ?? null)],
      caseNumber: [r.caseNumber],
      foundAt: [r.foundAt],
      dueAt: [r.dueAt],
    },
  }));
}

/** The ids in the order a sort asks for: items without the value last either way, ties by id in the sort's direction. */
function referenceOrder(rows: Awaited<ReturnType<typeof storedRows>>, column: string, descending: boolean): number[] {
  const sign = descending ? -1 : 1;
  const compare = (a: Value, b: Value) => (a === b ? 0 : a !== null && b !== null && a < b ? -1 : 1);
  return [...rows]
    .sort((a, b) => {
      const x = a.values[column] ?? [];
      const y = b.values[column] ?? [];
      const missing = Number(x.includes(null)) - Number(y.includes(null));
      if (missing !== 0) return missing;
      for (let i = 0; i < x.length; i += 1) {
        const order = compare(x[i] ?? null, y[i] ?? null);
        if (order !== 0) return sign * order;
      }
      return sign * (a.id - b.id);
    })
    .map((r) => r.id);
}

const sorts = {
  clues: ['id', 'state', 'unit', 'assignee', 'caseNumber', 'foundAt', 'dueAt'],
  problems: ['id', 'state', 'unit', 'assignee', 'foundAt', 'dueAt'],
} as const;

async function refusal(query: string, list = 'clues'): Promise<{ field: string; message: { zh: string; en: string } }[]> {
  const response = await office.get(`/api/campaigns/1/lists/${list}?${query}`);
  expect(response.status, query).toBe(400);
  expect(response.headers.get('content-type')).toContain('application/problem+json');
  return ((await response.json()) as { fields: { field: string; message: { zh: string; en: string } }[] }).fields;
}

describe('a list sorted by a column', () => {
  for (const [list, kind] of [
    ['clues', 'clue'],
    ['problems', 'problem'],
  ] as const) {
    it(`gives the ${list} in each column's order both ways, as the stored rows sort, and pages through it once`, async () => {
      const rows = await storedRows(kind);
      for (const column of sorts[list]) {
        for (const descending of [false, true]) {
          const sort = `${descending ? '-' : ''}${column}`;
          const expected = referenceOrder(rows, column, descending);
          const whole = (await walk(list, `sort=${sort}`, 500)).flat();
          expect(whole.map((i) => i.id), sort).toEqual(expected);
          // Small pages: every item once, in the same order, whatever page boundary falls inside a run of equal values.
          const paged = await walk(list, `sort=${sort}`, 13);
          expect(paged.flat().map((i) => i.id), `${sort} by 13`).toEqual(expected);
          expect(paged.length).toBe(Math.ceil(expected.length / 13));
        }
      }
    });
  }

  it('puts the items without the value last in both directions', async () => {
    for (const column of ['dueAt', 'assignee', 'caseNumber'] as const) {
      const valueOf = (i: ListPage['items'][number]) => (column === 'assignee' ? i.assigneeName : i[column]);
      for (const sort of [column, `-${column}`]) {
        const items = (await walk('clues', `sort=${sort}`, 500)).flat();
        const firstMissing = items.findIndex((i) => valueOf(i) === null);
        // The seed has clues with and without each of them.
        expect(firstMissing, sort).toBeGreaterThan(0);
        expect(items.slice(firstMissing).every((i) => valueOf(i) === null), sort).toBe(true);
      }
    }
  });

  it('keeps the order as the sort was asked: the state by the workflow, not alphabetically', async () => {
    const states = [...new Set((await walk('clues', 'sort=state', 500)).flat().map((i) => i.state))];
    expect(states).toEqual(clueStates.filter((s) => states.includes(s)));
    expect(states).not.toEqual([...states].sort());
  });

  it('opens the page at an offset that the cursors reach, on every list', async () => {
    for (const [list, query] of [
      ['clues', 'sort=-dueAt'],
      ['clues', 'sort=assignee'],
      ['clues', 'state=filed'],
      ['problems', 'sort=unit'],
      ['responsibility', ''],
      ['responsibility', 'overdue=false'],
    ] as const) {
      const pages = await walk(list, query, 20);
      expect(pages.length, query).toBeGreaterThan(1);
      for (const [k, items] of pages.entries()) {
        const opened = await page(list, `${query}&limit=20&offset=${k * 20}`);
        expect(opened.items.map((i) => `${i.kind}${i.id}`), `${list} ${query} page ${k + 1}`).toEqual(items.map((i) => `${i.kind}${i.id}`));
        // And goes on from there as the walk does.
        expect(opened.next === null, `${list} ${query} page ${k + 1}`).toBe(k === pages.length - 1);
      }
      const past = await page(list, `${query}&limit=20&offset=${pages.length * 20}`);
      expect(past.items).toEqual([]);
      expect(past.total).toBe(pages.flat().length);
    }
  });

  it('refuses a foreign cursor, a sort the list has not, a sort of the responsibility list and an offset with a cursor, each by field, and changes nothing', async () => {
    const [audited] = await database.db.select({ n: count() }).from(auditLog);
    const byDue = (await page('clues', 'sort=dueAt&limit=5')).next;
    const byAssignee = (await page('clues', 'sort=assignee&limit=5')).next;
    const newest = (await page('clues', 'limit=5')).next;
    const responsibility = (await page('responsibility', 'limit=5')).next;
    if (byDue === null || byAssignee === null || newest === null || responsibility === null) throw new Error('a list of one page');
    for (const [query, list, field] of [
      [`sort=-dueAt&cursor=${byDue}`, 'clues', 'query.cursor'],
      [`sort=dueAt&cursor=${byAssignee}`, 'clues', 'query.cursor'],
      [`sort=dueAt&cursor=${newest}`, 'clues', 'query.cursor'],
      [`cursor=${byDue}`, 'clues', 'query.cursor'],
      [`cursor=${responsibility}`, 'clues', 'query.cursor'],
      [`cursor=${newest}`, 'responsibility', 'query.cursor'],
      ['sort=title', 'clues', 'query.sort'],
      ['sort=caseNumber', 'problems', 'query.sort'],
      ['sort=--id', 'clues', 'query.sort'],
      ['sort=due_at', 'clues', 'query.sort'],
      ['sort=dueAt', 'responsibility', 'query.sort'],
      ['sort=dueAt&format=csv', 'responsibility', 'query.sort'],
      ['sort=level&format=xlsx', 'clues', 'query.sort'],
      [`offset=50&cursor=${newest}`, 'clues', 'query.offset'],
      [`offset=0&cursor=${responsibility}`, 'responsibility', 'query.offset'],
      ['offset=-1', 'clues', 'query.offset'],
      ['offset=1000001', 'clues', 'query.offset'],
      ['offset=two', 'problems', 'query.offset'],
    ] as const) {
      const fields = await refusal(query, list);
      expect(fields.map((f) => f.field), `${list} ${query}`).toEqual([field]);
      expect(fields[0]?.message.zh, query).not.toBe('');
      expect(fields[0]?.message.en, query).not.toBe('');
    }
    // The responsibility list says why it keeps its order.
    expect((await refusal('sort=dueAt', 'responsibility'))[0]?.message).toEqual({
      zh: '责任清单按单位、承办人、办理时限分组排列，不能按列排序',
      en: 'The responsibility list keeps its order by unit, person and most urgent first; it cannot be sorted by a column',
    });
    // A cursor for the sort it was made for still works after all that, and nothing was written.
    expect((await page('clues', `sort=dueAt&limit=5&cursor=${byDue}`)).items).toHaveLength(5);
    const [after] = await database.db.select({ n: count() }).from(auditLog);
    expect(after?.n).toBe(audited?.n);
  });

  it('exports a sorted list to CSV in the order of its pages', async () => {
    const stored = await storedRows('clue');
    for (const sort of ['-dueAt', 'assignee', 'state', '-unit', 'caseNumber']) {
      const pages = (await walk('clues', `sort=${sort}`, 37)).flat();
      expect(pages.map((i) => i.id), sort).toEqual(referenceOrder(stored, sort.replace('-', ''), sort.startsWith('-')));
      const csv = await office.get(`/api/campaigns/1/lists/clues?sort=${sort}&format=csv&lang=en`);
      expect(csv.status).toBe(200);
      const rows = Papa.parse<string[]>((await csv.text()).replace(/^\uFEFF/, '')).data.filter((r) => r.length > 1);
      expect(rows.slice(1).map((r) => Number(r[0])), sort).toEqual(pages.map((i) => i.id));
    }
    const problemsCsv = Papa.parse<string[]>((await (await office.get('/api/campaigns/1/lists/problems?sort=-foundAt&format=csv')).text()).replace(/^\uFEFF/, '')).data;
    const problemPages = (await walk('problems', 'sort=-foundAt', 500)).flat();
    expect(problemsCsv.slice(1).filter((r) => r.length > 1).map((r) => Number(r[0]))).toEqual(problemPages.map((i) => i.id));
  });
});
