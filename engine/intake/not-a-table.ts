import type { Label } from '../labels';

/**
 * Files sent to an import that are no CSV and no .xlsx, known by their first
 * bytes, and what to say of each: read as text, every one of them was said to
 * be in an unknown text encoding, which sent the user to change an encoding
 * when the file was an Excel 97–2003 workbook (still common in the bureaus),
 * a password-protected one (the same container), a scan, a PDF, or a
 * database.
 */
const signatures: readonly { readonly bytes: readonly number[]; readonly said: Label }[] = [
  {
    bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
    said: {
      zh: '这是旧版 Excel 文件（.xls）或设有密码的工作簿：请在 Excel 中取消密码，另存为 .xlsx 或 CSV 后导入',
      en: 'This is an old Excel file (.xls) or a password-protected workbook: remove the password and save it from Excel as .xlsx or CSV',
    },
  },
  { bytes: [0x25, 0x50, 0x44, 0x46], said: { zh: '这是 PDF 文件，不是表格：应为 CSV 或 .xlsx', en: 'This is a PDF, not a table: it should be CSV or .xlsx' } },
  { bytes: [0x89, 0x50, 0x4e, 0x47], said: { zh: '这是图片（PNG），不是表格：应为 CSV 或 .xlsx', en: 'This is an image (PNG), not a table: it should be CSV or .xlsx' } },
  { bytes: [0xff, 0xd8, 0xff], said: { zh: '这是图片（JPEG），不是表格：应为 CSV 或 .xlsx', en: 'This is an image (JPEG), not a table: it should be CSV or .xlsx' } },
  { bytes: [0x47, 0x49, 0x46, 0x38], said: { zh: '这是图片（GIF），不是表格：应为 CSV 或 .xlsx', en: 'This is an image (GIF), not a table: it should be CSV or .xlsx' } },
  {
    // "SQLite format 3": a database named by mistake on the command line, Battlemap's own or a backup of it.
    bytes: [...'SQLite format 3'].map((ch) => ch.charCodeAt(0)),
    said: {
      zh: '这是 SQLite 数据库文件（例如 Battlemap 的数据库或其备份），不是表格：应为 CSV 或 .xlsx',
      en: "This is a SQLite database (such as Battlemap's database or a backup of it), not a table: it should be CSV or .xlsx",
    },
  },
];

/** What to say of a file that is plainly no table, or null when it may be one (a CSV, an .xlsx, or something read and judged later). */
export function notATable(bytes: Uint8Array): Label | null {
  return signatures.find((s) => s.bytes.every((byte, i) => bytes[i] === byte))?.said ?? null;
}
