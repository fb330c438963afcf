/**
 * The text of a CSV file as Chinese office software saves it, read the same
 * way by the server (clue imports) and the browser (the accounts' CSV pasted
 * from a file): pure, no Node or DOM beyond TextDecoder.
 */

/**
 * Control characters other than tab and line ends mean a binary file, whatever
 * decodes; and a NUL kept in a title would cut it short when read back.
 */
const binaryControls = /[\u0000-\u0008\u000E-\u001F]/;

/** A file whose text encoding is none Battlemap reads: refused rather than imported as mojibake. */
export class UnknownEncoding extends Error {}

/**
 * Text of a CSV as Chinese office software writes it: UTF-16 when it starts
 * with that byte order mark (Excel's "Unicode text", tab-separated), UTF-8
 * (with or without a byte order mark) when the bytes are valid UTF-8, else
 * GB18030 (a superset of GBK and GB2312) when they are valid GB18030.
 * Anything else (Big5 or Shift-JIS bytes that are not valid GB18030, a
 * binary file) is refused.
 */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: 'utf8' | 'gb18030' | 'utf16' } {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    const text = new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(bytes);
    if (binaryControls.test(text)) throw new UnknownEncoding('control characters in UTF-16 text');
    return { text, encoding: 'utf16' };
  }
  const attempts = [
    ['utf-8', 'utf8'],
    ['gb18030', 'gb18030'],
  ] as const;
  for (const [label, encoding] of attempts) {
    try {
      const text = new TextDecoder(label, { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
      if (binaryControls.test(text)) break;
      return { text, encoding };
    } catch {
      // Not this encoding: try the next.
    }
  }
  throw new UnknownEncoding('unknown text encoding');
}

/** Half of a UTF-16 surrogate pair without its other half. */
const loneSurrogates = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text with each lone surrogate replaced by U+FFFD, as a decoder replaces
 * bytes it cannot read. A workbook's XML may spell one (`&#xD800;`), and
 * SQLite would store it as bytes that are not UTF-8, which the database
 * client cannot read back.
 */
export function wellFormed(text: string): string {
  return text.replace(loneSurrogates, '\uFFFD');
}
