import { describe, expect, it } from 'vitest';
import { notATable } from './not-a-table';

const bytesOf = (...bytes: number[]) => new Uint8Array([...bytes, 0x00, 0x01, 0x02]);

describe('a file sent to an import that is no table', () => {
  it('is named by its first bytes: an old or password-protected Excel workbook, a PDF, an image, a database', () => {
    expect(notATable(bytesOf(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1))?.zh).toMatch(/旧版 Excel 文件（\.xls）或设有密码的工作簿/);
    expect(notATable(new TextEncoder().encode('%PDF-1.7\n'))?.en).toMatch(/PDF/);
    expect(notATable(bytesOf(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a))?.zh).toMatch(/PNG/);
    expect(notATable(bytesOf(0xff, 0xd8, 0xff, 0xe0))?.zh).toMatch(/JPEG/);
    expect(notATable(new TextEncoder().encode('SQLite format 3\u0000'))?.en).toMatch(/SQLite database/);
  });

  it('is not a CSV, in any encoding, nor an .xlsx (a zip)', () => {
    expect(notATable(new TextEncoder().encode('来源编号,标题\nA-1,线索'))).toBeNull();
    expect(notATable(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]))).toBeNull();
    expect(notATable(bytesOf(0x50, 0x4b, 0x03, 0x04))).toBeNull();
    expect(notATable(new Uint8Array([0xd0]))).toBeNull();
  });
});
