import { mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fileFailureOf, systemReasonOf } from './system-error';

const folder = mkdtempSync(join(tmpdir(), 'battlemap-system-error-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** What the system threw at `act`. */
async function thrownBy(act: () => unknown): Promise<unknown> {
  try {
    await act();
  } catch (error) {
    return error;
  }
  throw new Error('nothing was thrown');
}

describe('a file the system refused, said to the operator', () => {
  it('names the file and why in words, with the code, in both languages', async () => {
    const long = join(folder, 'x'.repeat(300));
    expect(fileFailureOf(await thrownBy(() => openSync(long, 'wx')))).toEqual({ zh: `${long}：文件名过长（ENAMETOOLONG）`, en: `${long}: the name is too long (ENAMETOOLONG)` });
    expect(fileFailureOf(await thrownBy(() => openSync(join(folder, 'missing.db'), 'r')))?.en).toBe(`${join(folder, 'missing.db')}: no such file or folder (ENOENT)`);
  });

  it('names both files of a copy, the system not saying which it refused', async () => {
    const file = join(folder, 'a-file');
    writeFileSync(file, 'x');
    expect(fileFailureOf(await thrownBy(() => copyFile(file, join(file, 'inside.db'))))?.en).toBe(`copying ${file} to ${join(file, 'inside.db')}: a part of the path is a file, not a folder (ENOTDIR)`);
  });

  it("says a code it has no words for as Node describes it, and is none for an error that is not the system's", async () => {
    const busy = Object.assign(new Error("ETXTBSY: text file is busy, open '/x'"), { code: 'ETXTBSY', syscall: 'open', path: '/x' });
    expect(systemReasonOf(busy)).toEqual({ zh: '系统错误：text file is busy（ETXTBSY）', en: 'text file is busy (ETXTBSY)' });
    expect(fileFailureOf(new TypeError('undefined is not a function'))).toBeNull();
    expect(fileFailureOf(Object.assign(new Error('SQLITE_BUSY'), { code: 'SQLITE_BUSY' }))).toBeNull();
  });
});
