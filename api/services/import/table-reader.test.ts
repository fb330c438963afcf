import { describe, expect, it } from 'vitest';
import { UnknownEncoding } from '../../../engine/intake/text-encoding';
import { maxImportRows, readTable, TooManyRows } from './read-table';
import { TableTooLarge, tableReaderIn } from './table-reader';

// The server's own reading thread, started from the sources as the server starts its built one.
const entry = new URL('../../read-table-worker.ts', import.meta.url);
const csv = (rows: number, cell = '汉台分局') => new TextEncoder().encode(['标题,承办单位', ...Array.from({ length: rows }, (_, i) => `线索${i},${cell}`)].join('\n'));

describe('an imported file read on a thread of its own', () => {
  const read = tableReaderIn(entry);

  it('is the table read on the server thread would be', async () => {
    const bytes = csv(3);
    expect(await read(bytes.slice())).toEqual(await readTable(bytes));
  });

  it('says where a quote is never closed, as on the server thread', async () => {
    const bytes = new TextEncoder().encode('标题,承办单位\n"线索甲,汉台分局\n线索乙,汉台分局');
    const table = await read(bytes.slice());
    expect(table).toEqual(await readTable(bytes));
    expect(table.unclosedQuotes).toEqual([{ row: 2, column: 0 }]);
  });

  it('refuses a file of more data rows than one import takes, saying how many it has', async () => {
    const refused = await read(csv(maxImportRows + 1)).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(TooManyRows);
    expect((refused as TooManyRows).rows).toBe(maxImportRows + 1);
    // One row fewer is read.
    expect((await read(csv(maxImportRows))).rows).toHaveLength(maxImportRows);
  });

  it('keeps a cell to one character more than the longest field takes, so the row check refuses it without carrying it whole', async () => {
    const table = await read(csv(1, '长'.repeat(1_000_000)));
    expect(table.rows[0]?.[1]).toHaveLength(20_001);
  });

  it('says a text encoding it cannot read is one, as on the server thread', async () => {
    await expect(read(new Uint8Array([0x81, 0x20, 0xff, 0xfe, 0x81, 0x0a, 0xff]))).rejects.toBeInstanceOf(UnknownEncoding);
  });

  it('gives up on a file that takes more memory than the thread may, and the next file is read', async () => {
    const small = tableReaderIn(entry, 64);
    expect((await small(csv(10))).rows).toHaveLength(10);
    await expect(small(csv(90_000, '很长的承办单位名称'.repeat(40)))).rejects.toBeInstanceOf(TableTooLarge);
    expect((await small(csv(10))).rows).toHaveLength(10);
  });
});
