import { describe, expect, it } from 'vitest';
import { ApiError } from '../errors';
import { fileNameOf, mediaTypeOf } from './attachments';

describe('the name a file is stored under', () => {
  it('is its last path part, as Windows or a browser may send it, without control characters', () => {
    expect(fileNameOf('C:\\Users\\警官\\Desktop\\转账截图.png')).toBe('转账截图.png');
    expect(fileNameOf('/home/jg/笔录 (1).docx')).toBe('笔录 (1).docx');
    expect(fileNameOf('  报告\u0000\r\n.pdf  ')).toBe('报告.pdf');
  });

  it('is shown as it is: no mark that reorders or hides text (a right-to-left override showed a program as "exe.png")', () => {
    expect(fileNameOf('\u202Egnp.exe')).toBe('gnp.exe');
    expect(fileNameOf('转账\u200b截图\u2066.png\u2069')).toBe('转账截图.png');
    expect(fileNameOf('\ufeff笔录.docx')).toBe('笔录.docx');
    // Arabic or Hebrew letters are names like any other.
    expect(fileNameOf('تقرير.pdf')).toBe('تقرير.pdf');
    expect(() => fileNameOf('\u202E\u200b')).toThrow(ApiError);
  });

  it('is refused when nothing is left, or it is longer than 255 characters (counted as people count them, not in UTF-16 units)', () => {
    for (const sent of ['', '   ', 'C:\\证据\\', '..', '.', '\u0007']) expect(() => fileNameOf(sent), JSON.stringify(sent)).toThrow(ApiError);
    expect(fileNameOf(`${'案'.repeat(251)}.txt`)).toHaveLength(255);
    expect(() => fileNameOf(`${'案'.repeat(252)}.txt`)).toThrow(ApiError);
    // An emoji is one character, two UTF-16 units.
    expect(fileNameOf(`${'😀'.repeat(251)}.txt`)).toHaveLength(251 * 2 + 4);
  });
});

describe('the type a file is stored with', () => {
  it('is the type sent without its parameters, in lower case; none or a malformed one is octet-stream', () => {
    expect(mediaTypeOf('Image/PNG')).toBe('image/png');
    expect(mediaTypeOf('text/csv; charset=gb18030')).toBe('text/csv');
    expect(mediaTypeOf('application/vnd.openxmlformats-officedocument.wordprocessingml.document')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    for (const sent of [undefined, '', 'png', 'text/', '/plain', 'text/html<script>', `a/${'b'.repeat(300)}`]) expect(mediaTypeOf(sent), String(sent)).toBe('application/octet-stream');
  });
});
