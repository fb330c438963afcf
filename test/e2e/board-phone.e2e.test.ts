import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { artifacts, browserSuite } from './browser-kit';
import { demoPassword } from '../support/test-database';

/**
 * What the board cuts in English and on a phone: a card's category and unit, the toolbar's rows, a card's date, the
 * upload box's words. In a real Chromium against the real server. Needs `npm run build`.
 */

const suite = browserSuite();

const laptop: BrowserContextOptions = { viewport: { width: 1366, height: 768 } };

/** A page signed in as `username` on `device`, in `language`, its board drawn. */
async function boardAs(username: string, device: BrowserContextOptions, language: 'zh' | 'en'): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await suite.browser.newContext({ ...device, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(`${suite.server.url}/`);
  await page.locator('input[name=username]').fill(username);
  await page.locator('input[name=password]').fill(demoPassword);
  await page.locator('button[type=submit]').click();
  await page.waitForURL(/\/campaigns\/\d+\/board/);
  await page.locator('[data-testid=board]:not(.is-loading) article[data-card-id]').first().waitFor();
  if (language === 'en') {
    await page.getByTestId('lang-toggle').click();
    await page.getByTestId('kind-clue').filter({ hasText: 'Clues' }).waitFor();
  }
  return { page, close: () => context.close() };
}

/** Every card's chip cut to an ellipsis or past the card's edge, as "#12 Online…". */
function cutChips(page: Page): Promise<string[]> {
  return page.locator('article[data-card-id]').evaluateAll((cards) =>
    cards.flatMap((card) => {
      const edge = card.getBoundingClientRect().right + 0.5;
      return [...card.querySelectorAll<HTMLElement>('.card-meta .chip')]
        .filter((chip) => chip.scrollWidth > chip.clientWidth + 1 || chip.getBoundingClientRect().right > edge)
        .map((chip) => `#${card.getAttribute('data-card-id')} ${chip.textContent}`);
    }),
  );
}

describe('the board in English and on a phone', () => {
  test("a card's unit and category are read whole, in English and in Chinese; a Chinese card whose chips fit one line keeps one", async () => {
    for (const language of ['en', 'zh'] as const) {
      const { page, close } = await boardAs('office', laptop, language);
      try {
        expect(await page.locator('article[data-card-id] .chip-category').count()).toBeGreaterThan(10);
        expect(await cutChips(page)).toEqual([]);
        // Chips that fit side by side stay on one line: the card is no taller than it was for them.
        const taller = await page.locator('article[data-card-id] .card-meta').evaluateAll((metas) =>
          metas.flatMap((meta) => {
            const chips = [...meta.querySelectorAll<HTMLElement>('.chip')];
            const natural = chips.map((chip) => {
              const width = chip.style.width;
              chip.style.width = 'max-content';
              const taken = chip.getBoundingClientRect().width;
              chip.style.width = width;
              return taken;
            });
            const fits = natural.reduce((sum, width) => sum + width, 0) + 4 * (chips.length - 1) <= meta.clientWidth;
            const oneLine = meta.getBoundingClientRect().height <= (chips[0]?.getBoundingClientRect().height ?? 0) + 0.5;
            return fits && !oneLine ? [meta.textContent ?? ''] : [];
          }),
        );
        expect(taller).toEqual([]);
        await page.screenshot({ path: `${artifacts}/board-chips-1366-${language}.png` });
      } finally {
        await close();
      }
    }
  });

});
