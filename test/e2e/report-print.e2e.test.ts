import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { artifacts, browserSuite, campaignOf, signedIn } from './browser-kit';
import { pdfPageSizes, pdfPageTexts, printedText } from './pdf-text';

/**
 * The report as it comes off the printer (Ctrl+P or "Print / save as PDF"),
 * read from the PDF Chromium prints: where its pages break is decided only
 * then, so the page laid out in print media cannot tell. Needs `npm run build`.
 */

const suite = browserSuite();

/** The office's report of the campaign at `query`, once its typical cases and its charts are in (they change the pages). */
async function openReport(query: string): Promise<{ page: Page; close: () => Promise<void> }> {
  const { context, page } = await signedIn(suite.browser, suite.server.url, 'office');
  await page.goto(`${suite.server.url}/campaigns/${campaignOf(page)}/reports?${query}`);
  await page.getByTestId('by-unit-work').waitFor();
  await page.locator('[data-testid=typical-count], [data-testid=typical-none]').first().waitFor();
  await page.locator('[data-testid=flow-charts] .chart-host svg').first().waitFor();
  return { page, close: () => context.close() };
}

/** The page printed to A4 as the print stylesheet asks; the PDF is kept beside the other artifacts. */
async function printedPages(page: Page, name: string): Promise<string[]> {
  return pdfPageTexts(await page.pdf({ path: `${artifacts}/${name}.pdf`, preferCSSPageSize: true, printBackground: true }));
}

/** A table's caption, its row of column headings and its first row, as the screen shows them. */
async function tableStart(page: Page, testId: string): Promise<{ caption: string; headings: string; firstRow: string }> {
  const table = page.getByTestId(testId);
  return {
    caption: printedText((await table.locator('caption').textContent()) ?? ''),
    headings: printedText((await table.locator('thead tr').textContent()) ?? ''),
    firstRow: printedText((await table.locator('tbody tr').first().textContent()) ?? ''),
  };
}

describe('the report, printed', () => {
  test('the by-unit table follows the headline figures on page 1, its caption, headings and first unit there, in Chinese and in English; what the figures mean is printed, no control is', async () => {
    // The whole campaign has no frozen report to compare: the tables come right after the headline figures.
    const { page, close } = await openReport('scope=whole');
    try {
      for (const language of ['zh', 'en'] as const) {
        if (language === 'en') {
          await page.getByTestId('lang-toggle').click();
          await page.getByTestId('headline-casesSolved').filter({ hasText: 'Criminal cases solved' }).waitFor();
        }
        const headline = printedText((await page.getByTestId('headline').locator('h2').textContent()) ?? '');
        const start = await tableStart(page, 'by-unit-work');
        const definitions = await Promise.all(['by-unit-work-note', 'clues-found-note'].map(async (id) => printedText(await page.getByTestId(id).innerText())));
        const controls = await Promise.all(['campaign-nav', 'print', 'export-csv', 'typical-export-csv'].map(async (id) => printedText(await page.getByTestId(id).innerText())));
        const pages = await printedPages(page, `report-print-whole-${language}`);
        const first = pages[0] ?? '';
        // Before, a page break forced before each section left page 1 the heading and the headline figures, the rest blank.
        expect(first).toContain(headline);
        expect(first.indexOf(start.caption)).toBeGreaterThan(first.indexOf(headline));
        expect(first).toContain(start.headings);
        expect(first).toContain(start.firstRow);
        // What the figures mean is printed with them, as footnotes.
        for (const definition of definitions) {
          expect(definition).not.toBe('');
          expect(pages.some((text) => text.includes(definition)), definition).toBe(true);
        }
        // The top bar, the toolbar's buttons and the typical cases' export links are the screen's, not the paper's.
        for (const control of controls) {
          expect(control).not.toBe('');
          expect(pages.filter((text) => text.includes(control))).toEqual([]);
        }
      }
    } finally {
      await close();
    }
  });

  test("a phase's report: the by-unit table starts on the page where the frozen comparison ends, not on a page of its own", async () => {
    const { page, close } = await openReport('phase=survey');
    try {
      await page.getByTestId('frozen-verdict').waitFor();
      const lastFrozenRow = printedText((await page.getByTestId('frozen').locator('tbody tr').last().textContent()) ?? '');
      const start = await tableStart(page, 'by-unit-work');
      const pdf = await page.pdf({ path: `${artifacts}/report-print-survey-zh.pdf`, preferCSSPageSize: true, printBackground: true });
      const pages = await pdfPageTexts(pdf);
      // A4 landscape, every page of it.
      expect((await pdfPageSizes(pdf)).every((size) => size.width > size.height)).toBe(true);
      const frozenEnds = pages.findIndex((text) => text.includes(lastFrozenRow));
      expect(frozenEnds).toBeGreaterThanOrEqual(0);
      expect(pages[frozenEnds]).toContain(start.headings);
      expect(pages[frozenEnds]).toContain(start.firstRow);
    } finally {
      await close();
    }
  });

  test("a page with no print rule of its own prints portrait: the report's landscape (its stylesheet loaded on every page) is the report's alone", async () => {
    const { context, page } = await signedIn(suite.browser, suite.server.url, 'office');
    try {
      const sizes = await pdfPageSizes(await page.pdf({ preferCSSPageSize: true }));
      expect(sizes.length).toBeGreaterThan(0);
      expect(sizes.every((size) => size.height > size.width)).toBe(true);
    } finally {
      await context.close();
    }
  });
});
