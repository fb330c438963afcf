import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/client';
import { clues } from '../db/schema';
import { benchNow, createBenchDatabase } from './bench-data';
import { runPartProcess } from './processes';
import { fillOpenItems } from './sweep';

const folder = mkdtempSync(join(tmpdir(), 'battlemap-part-process-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** A small bench database, closed so that the part's process has it to itself. */
async function benchDatabase(name: string, fill?: number): Promise<string> {
  const url = `file:${join(folder, `${name}.db`)}`;
  const data = await createBenchDatabase({ url, clues: 60, problems: 6, quiet: true });
  if (fill !== undefined) await fillOpenItems(data.database, fill, benchNow, true);
  await data.database.close();
  return url;
}

describe('the parts of the bench timed in a process of their own', () => {
  it('sweep: the first sweep raises the overdue items of the filled database, the second nothing', async () => {
    const sweep = await runPartProcess('sweep', await benchDatabase('sweep', 3_000));
    expect(sweep.openItems).toBeGreaterThanOrEqual(3_000);
    // One in a hundred of the filled items is overdue, each raised once.
    expect(sweep.firstRaised).toBeGreaterThanOrEqual(29);
    expect(sweep.firstRaised).toBeLessThanOrEqual(sweep.dueItems);
    expect(sweep.secondRaised).toBe(0);
    // The untimed sweep before them finds nothing due yet: the first timed sweep still raises them all.
    expect(sweep.warmUpRaised).toBe(0);
    expect(sweep.firstMs).toBeGreaterThan(0);
  });

  it('report: each run reports every clue of the campaign', async () => {
    const report = await runPartProcess('report', await benchDatabase('report'), ['2']);
    expect(report.runs).toHaveLength(2);
    expect(report.cluesFound).toBe(60);
    expect(report.medianMs).toBeGreaterThan(0);
  });

  it('import: the CSV rows become clues in the database', async () => {
    const url = await benchDatabase('import');
    const result = await runPartProcess('import', url, ['120']);
    expect(result.created).toBe(120);
    const database = await openDatabase(url);
    try {
      expect(await database.db.$count(clues)).toBe(60 + 120);
    } finally {
      await database.close();
    }
  });

  it('fails with what the process printed when it cannot run', async () => {
    // A folder where the database should be: SQLite cannot open it.
    await expect(runPartProcess('report', `file:${folder}`)).rejects.toThrow(/the report part's process failed[\s\S]*SQLITE_CANTOPEN|unable to open/i);
  });
});
