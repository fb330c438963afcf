import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/**
 * The text of each page of a PDF Chromium printed (`page.pdf()`), in page
 * order, in the form {@link printedText} gives, read by Mozilla's pdf.js.
 * Where a page breaks is decided only when printing (a forced break does
 * nothing to the page laid out in print media), so a test of what a printed
 * page carries reads the PDF.
 */
export async function pdfPageTexts(pdf: Buffer): Promise<string[]> {
  const document = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, useSystemFonts: false }).promise;
  try {
    const pages: string[] = [];
    for (let number = 1; number <= document.numPages; number += 1) {
      const content = await (await document.getPage(number)).getTextContent();
      pages.push(printedText(content.items.map((item) => ('str' in item ? item.str : '')).join('')));
    }
    return pages;
  } finally {
    await document.destroy();
  }
}

/** The size of each page of a PDF, in points, in page order: landscape where the width is the greater. */
export async function pdfPageSizes(pdf: Buffer): Promise<{ width: number; height: number }[]> {
  const document = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, useSystemFonts: false }).promise;
  try {
    const sizes: { width: number; height: number }[] = [];
    for (let number = 1; number <= document.numPages; number += 1) {
      const [left = 0, bottom = 0, right = 0, top = 0] = (await document.getPage(number)).view;
      sizes.push({ width: right - left, height: top - bottom });
    }
    return sizes;
  } finally {
    await document.destroy();
  }
}

/**
 * A text as the page texts have it, for looking one up in them: without white
 * space (a PDF places words, it need not draw the spaces between them) and
 * with ligatures and full-width forms folded (NFKC: "ﬁ" is "fi", "（" is "(").
 */
export function printedText(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '');
}
