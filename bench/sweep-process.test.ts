import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { benchNow, createBenchDatabase } from './bench-data';
import { runNodeScript } from './processes';
import { fillOpenItems, type SweepBench } from './sweep';

const folder = mkdtempSync(join(tmpdir(), 'battlemap-sweep-process-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('the sweep bench in a process of its own', () => {
  it("sweeps the filled database there and answers the bench's figures: the first sweep raises the overdue items, the second nothing", async () => {
    const url = `file:${join(folder, 'sweep.db')}`;
    const data = await createBenchDatabase({ url, clues: 60, problems: 6, quiet: true });
    await fillOpenItems(data.database, 3_000, benchNow, true);
    await data.database.close();

    const sweep = (await runNodeScript(resolve(import.meta.dirname, 'sweep-process.ts'), [url, benchNow.toISOString()])) as SweepBench;

    expect(sweep.openItems).toBeGreaterThanOrEqual(3_000);
    // One in a hundred of the filled items is overdue, each raised once.
    expect(sweep.firstRaised).toBeGreaterThanOrEqual(29);
    expect(sweep.firstRaised).toBeLessThanOrEqual(sweep.dueItems);
    expect(sweep.secondRaised).toBe(0);
    expect(sweep.firstMs).toBeGreaterThan(0);
  });

  it('fails with what the script printed when it cannot run', async () => {
    await expect(runNodeScript(resolve(import.meta.dirname, 'sweep-process.ts'), [])).rejects.toThrow(/usage: sweep-process/);
  });
});
