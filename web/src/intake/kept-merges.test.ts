import { describe, expect, it } from 'vitest';
import { keptMerges, mergesToSend, refusedForMerge } from './kept-merges';

const plan = (duplicates: { row: number; mergeInto: number[] }[]) => ({ duplicates: duplicates.map((d) => ({ ...d, clueIds: d.mergeInto, matched: [] })) });

describe('merge choices against a new check', () => {
  it('drops a merge into a clue the check no longer offers the row, and keeps the rest', () => {
    const chosen = new Map([
      [3, 280],
      [5, 17],
    ]);
    // #280 was merged into #292 meanwhile: row 3 is offered the survivor now.
    const kept = keptMerges(chosen, plan([{ row: 3, mergeInto: [292] }, { row: 5, mergeInto: [17, 18] }]));
    expect([...kept]).toEqual([[5, 17]]);
  });

  it('drops a merge for a row no longer a duplicate (the file remapped)', () => {
    expect(keptMerges(new Map([[4, 9]]), plan([])).size).toBe(0);
  });

  it('keeps the same choices when all still hold', () => {
    const chosen = new Map([[3, 280]]);
    expect(keptMerges(chosen, plan([{ row: 3, mergeInto: [280] }]))).toBe(chosen);
  });

  it('tells a refusal for a merge from one for the rows', () => {
    const reason = { zh: '', en: '' };
    expect(refusedForMerge({ issues: [{ row: 3, column: '', field: 'merge', reason }] })).toBe(true);
    expect(refusedForMerge({ issues: [{ row: 3, column: '标题', field: 'title', reason }] })).toBe(false);
  });

  it('sends "the earliest for every row" and the rows chosen otherwise when most rows merge into their earliest clue, each row else', () => {
    const duplicates = plan(Array.from({ length: 10_000 }, (_, i) => ({ row: i + 2, mergeInto: [100 + i, 20_000 + i] })));
    const all = new Map(duplicates.duplicates.map((d) => [d.row, d.mergeInto[0] ?? 0]));
    all.delete(5);
    all.set(7, 20_005);
    const sent = mergesToSend(all, duplicates);
    expect(sent.duplicates).toBe('merge');
    expect([...sent.merges]).toEqual([
      [5, null],
      [7, 20_005],
    ]);
    // Rows chosen one by one, or all of a file whose list fits, are sent as they are: the rule would follow a clue merged meanwhile.
    const few = new Map([[3, 101]]);
    expect(mergesToSend(few, duplicates)).toEqual({ duplicates: 'keep', merges: few });
    const small = plan([{ row: 2, mergeInto: [7] }]);
    expect(mergesToSend(new Map([[2, 7]]), small)).toEqual({ duplicates: 'keep', merges: new Map([[2, 7]]) });
  });

  it('sends "skip every duplicate row" and the rows chosen otherwise when most rows are skipped, however many rows', () => {
    const duplicates = plan(Array.from({ length: 10_000 }, (_, i) => ({ row: i + 2, mergeInto: [100 + i] })));
    const chosen = new Map<number, number | 'skip'>(duplicates.duplicates.map((d) => [d.row, 'skip']));
    chosen.delete(3);
    chosen.set(4, 102);
    const sent = mergesToSend(chosen, duplicates);
    expect(sent.duplicates).toBe('skip');
    expect([...sent.merges]).toEqual([
      [3, null],
      [4, 102],
    ]);
    expect(JSON.stringify(Object.fromEntries(sent.merges)).length).toBeLessThan(8000);
  });

  it('keeps a skip while its row is still a duplicate, whatever clues it is offered', () => {
    const kept = keptMerges(new Map<number, number | 'skip'>([[3, 'skip'], [4, 'skip']]), plan([{ row: 3, mergeInto: [] }]));
    expect([...kept]).toEqual([[3, 'skip']]);
  });
});
