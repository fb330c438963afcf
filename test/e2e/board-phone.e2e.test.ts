import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { artifacts, browserSuite, signedIn } from './browser-kit';
import { boardMessages } from '../../web/src/board/board-messages';
import { attachmentMessages } from '../../web/src/attachments/messages';
import { intakeMessages } from '../../web/src/intake/messages';

/**
 * What the board cuts in English and on a phone: a card's category and unit, the toolbar's rows, a card's date, the
 * upload box's words. In a real Chromium against the real server. Needs `npm run build`.
 */

const suite = browserSuite();

const laptop: BrowserContextOptions = { viewport: { width: 1366, height: 768 } };
const phone: BrowserContextOptions = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true };

/** A page signed in as `username` on `device`, in `language`, its board drawn. */
async function boardAs(username: string, device: BrowserContextOptions, language: 'zh' | 'en'): Promise<{ page: Page; close: () => Promise<void> }> {
  const { context, page } = await signedIn(suite.browser, suite.server.url, username, { device });
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

  test('on a phone the toolbar takes two rows, the search box the whole width; the other filters open from one button, named and keyed as before', async () => {
    for (const language of ['zh', 'en'] as const) {
      const { page, close } = await boardAs('hantai.lead', phone, language);
      try {
        const toolbar = page.getByRole('toolbar', { name: boardMessages.filters[language] });
        // Two rows of controls a finger's size (36–40 px each), not three or four (some 130 px and more).
        const height = (await toolbar.boundingBox())?.height ?? Infinity;
        expect(height).toBeLessThanOrEqual(100);
        const search = toolbar.locator('input[name=q]');
        const searchBox = await search.boundingBox();
        expect(searchBox?.width).toBeGreaterThan(300);
        // The filters less used are hidden until asked for, by a button that says whether they are open.
        const more = toolbar.getByTestId('filters-toggle');
        expect(await more.getAttribute('aria-expanded')).toBe('false');
        expect(await toolbar.locator('select[name=unit]').isVisible()).toBe(false);
        await more.focus();
        await page.keyboard.press('Enter');
        expect(await more.getAttribute('aria-expanded')).toBe('true');
        for (const control of ['select[name=swimlane]', 'select[name=unit]', 'select[name=category]', 'select[name=assignee]', 'input[name=overdue]', 'input[name=escalated]', 'input[name=asked]', 'select[name=quiet]']) {
          const box = await toolbar.locator(control).boundingBox();
          expect(box !== null && box.x >= 0 && box.x + box.width <= 390.5, control).toBe(true);
        }
        // Tab goes on from the button into the filters it opened.
        await page.keyboard.press('Tab');
        expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('swimlane');
        await page.screenshot({ path: `${artifacts}/board-phone-filters-${language}.png` });
        // A filter in force is counted on the button once the filters are closed again.
        await toolbar.locator('input[name=overdue]').check();
        await expect.poll(() => new URL(page.url()).searchParams.get('overdue')).toBe('true');
        await more.click();
        expect(await more.getAttribute('aria-expanded')).toBe('false');
        expect(await more.textContent()).toContain('1');
      } finally {
        await close();
      }
    }
  });

  test("on a phone the swimlanes show two columns to the screen, each lane's name a row above its cells, held in sight as the lanes scroll sideways", async () => {
    for (const language of ['zh', 'en'] as const) {
      const { page, close } = await boardAs('office', phone, language);
      try {
        await page.getByTestId('filters-toggle').click();
        await page.locator('select[name=swimlane]').selectOption('unit');
        await page.getByTestId('filters-toggle').click();
        await page.locator('[data-testid=lanes] .lane-label').first().waitFor();
        /** Where the first lane's name is, and the first cell beside or under it; the first two columns' heads. */
        const layout = () =>
          page.getByTestId('lanes').evaluate((lanes) => {
            const label = lanes.querySelector('.lane-label');
            const cell = label?.nextElementSibling;
            const heads = [...lanes.querySelectorAll('.lanes-head:not(.column-side)')].slice(0, 2).map((head) => head.getBoundingClientRect());
            const box = label?.getBoundingClientRect();
            return {
              label: box === undefined ? null : { left: Math.round(box.left), right: Math.round(box.right), bottom: box.bottom },
              cellTop: cell?.getBoundingClientRect().top ?? 0,
              heads: heads.map((head) => ({ left: Math.round(head.left), right: Math.round(head.right) })),
            };
          });
        const before = await layout();
        // A 160 px column of names left a column and a half beside it, the first column's cards cut at the screen's edge.
        expect(before.label !== null && before.label.left >= 0 && before.label.right <= 390 && before.label.bottom <= before.cellTop).toBe(true);
        expect(before.heads.length).toBe(2);
        for (const head of before.heads) expect(head.left >= 0 && head.right <= 390 && head.right - head.left >= 150, JSON.stringify(head)).toBe(true);
        await page.screenshot({ path: `${artifacts}/board-phone-lanes-${language}.png` });
        // Swiped on by two columns, the lane's name is still on screen at its left.
        await page.getByTestId('board').evaluate((board) => board.scrollBy({ left: 360 }));
        await page.waitForTimeout(600);
        const after = await layout();
        expect(after.heads[0]?.left ?? 0).toBeLessThan(0);
        expect(after.label !== null && after.label.left >= 0 && after.label.left <= 20 && after.label.right <= 390).toBe(true);
      } finally {
        await close();
      }
    }
  });

  test("on a phone the escalation inbox's tabs hold their words in both languages: two lines in a tab rather than hanging below the strip", async () => {
    for (const language of ['zh', 'en'] as const) {
      const { page, close } = await boardAs('hantai.lead', phone, language);
      try {
        await page.getByTestId('inbox-button').click();
        await page.getByTestId('inbox-tab-mine').locator('.tab-count').waitFor();
        const spilled = await page.locator('.inbox-tabs').evaluate((strip) => {
          const bottom = strip.getBoundingClientRect().bottom + 0.5;
          return [...strip.querySelectorAll<HTMLElement>('[role=tab]')]
            .filter((tab) => tab.scrollHeight > tab.clientHeight + 1 || tab.getBoundingClientRect().bottom > bottom || tab.getBoundingClientRect().right > window.innerWidth)
            .map((tab) => tab.textContent);
        });
        expect(spilled).toEqual([]);
        await page.screenshot({ path: `${artifacts}/board-phone-inbox-${language}.png` });
      } finally {
        await close();
      }
    }
  });

  test("on a phone a finger finds what it taps: the drawer's buttons and its ×, the toolbar's, and the filters' check boxes", async () => {
    const { page, close } = await boardAs('hantai.lead', phone, 'zh');
    try {
      /** The controls under `selector` smaller than `least` px either way, as "testid or text: width×height". */
      const small = (selector: string, least: number) =>
        page.locator(selector).evaluateAll(
          (controls, at) =>
            controls
              .filter((control) => control.getBoundingClientRect().width > 0)
              .filter((control) => control.getBoundingClientRect().height < at || control.getBoundingClientRect().width < at)
              .map((control) => `${control.getAttribute('data-testid') ?? control.textContent}: ${Math.round(control.getBoundingClientRect().width)}×${Math.round(control.getBoundingClientRect().height)}`),
          least,
        );
      expect(await small('.toolbar button', 36)).toEqual([]);
      await page.getByTestId('filters-toggle').click();
      expect(await small('.toolbar input[type=checkbox]', 20)).toEqual([]);
      await page.getByTestId('filters-toggle').click();
      // The drawer's buttons were 26 px high, its × 30 px.
      await page.locator('[data-testid=column-verifying] article[data-card-id]').first().click();
      await page.getByTestId('detail-panel').getByTestId('action-note').waitFor();
      expect(await small('[data-testid=detail-panel] button:not(.link):not(.tab-link)', 36)).toEqual([]);
      // The toolbar keeps to its two rows.
      await page.getByTestId('detail-panel').getByRole('button', { name: '关闭' }).click();
      expect((await page.getByRole('toolbar', { name: boardMessages.filters.zh }).boundingBox())?.height ?? Infinity).toBeLessThanOrEqual(100);
      // The lists: a heading's sort button was its 19 px line, a row's check box 20 px.
      await page.goto(`${suite.server.url}/campaigns/1/lists/clues`);
      await page.locator('[data-testid=list-table] tbody tr').first().waitFor();
      const short = (selector: string, least: number) => page.locator(selector).evaluateAll((controls, at) => controls.map((c) => c.getBoundingClientRect()).filter((box) => box.width > 0 && box.height < at).map((box) => `${Math.round(box.width)}×${Math.round(box.height)}`), least);
      expect(await page.locator('[data-testid=list-table] thead .list-sort').count()).toBeGreaterThan(3);
      expect(await short('[data-testid=list-table] thead .list-sort', 36)).toEqual([]);
      expect(await small('[data-testid=list-table] .col-select input', 24)).toEqual([]);
    } finally {
      await close();
    }
  });

  test("on a phone an officer's card shows its date whole, where the board rests, in both languages", async () => {
    for (const language of ['zh', 'en'] as const) {
      const { page, close } = await boardAs('hantai.officer', phone, language);
      try {
        const board = page.getByTestId('board');
        /** The dates on screen cut by the screen's edge or by their own box. */
        const cutDates = () =>
          page.locator('article[data-card-id] .due').evaluateAll((dates) =>
            dates.flatMap((due) => {
              const box = due.getBoundingClientRect();
              const seen = box.right > 0 && box.left < window.innerWidth;
              const whole = box.left >= -0.5 && box.right <= window.innerWidth + 0.5 && due.scrollWidth <= due.clientWidth + 1;
              return seen && !whole ? [due.textContent ?? ''] : [];
            }),
          );
        const wholeDates = () =>
          page.locator('article[data-card-id] .due').evaluateAll((dates) => dates.filter((due) => due.getBoundingClientRect().left >= 0 && due.getBoundingClientRect().right <= window.innerWidth).length);
        expect(await cutDates()).toEqual([]);
        expect(await wholeDates()).toBeGreaterThan(0);
        await page.screenshot({ path: `${artifacts}/board-phone-officer-${language}.png` });
        // Swiped a little, the board comes to rest at a column's start: no date is left cut there either.
        await board.evaluate((element) => element.scrollBy({ left: 120 }));
        await page.waitForTimeout(600);
        expect(await cutDates()).toEqual([]);
      } finally {
        await close();
      }
    }
  });

  test("on a phone the board opens at its first column holding cards, not on the empty ones before it; a laptop's at its start", async () => {
    /** The board's main columns as drawn: each one's count and where it starts on the screen; and how far the board is scrolled. */
    const drawn = (page: Page) =>
      page.getByTestId('board').evaluate((board) => ({
        scrolled: board.scrollLeft,
        columns: [...board.querySelectorAll<HTMLElement>(':scope > .column')].map((column) => ({
          state: column.getAttribute('data-testid'),
          count: Number((column.querySelector('.column-count')?.textContent ?? '').replace(/\D/g, '')),
          left: Math.round(column.getBoundingClientRect().left),
          right: Math.round(column.getBoundingClientRect().right),
        })),
      }));
    const { page, close } = await boardAs('hantai.officer', phone, 'zh');
    try {
      // Searched for one card of the third column (立案), by its number: the two before it empty.
      const filed = page.locator('[data-testid=board] > .column').nth(2).locator('article[data-card-id]').first();
      const id = await filed.getAttribute('data-card-id');
      await page.goto(`${page.url().split('?')[0]}?q=${id}`);
      await page.locator(`[data-testid=board]:not(.is-loading) article[data-card-id="${id}"]`).waitFor();
      await page.waitForTimeout(300);
      const { scrolled, columns } = await drawn(page);
      const first = columns.findIndex((column) => column.count > 0);
      expect(first, JSON.stringify(columns)).toBeGreaterThan(0);
      expect(scrolled).toBeGreaterThan(0);
      // At the screen's left, whole, the board resting at its start.
      expect(columns[first]?.left, JSON.stringify(columns)).toBeGreaterThanOrEqual(0);
      expect(columns[first]?.left, JSON.stringify(columns)).toBeLessThanOrEqual(24);
      expect(columns[first]?.right, JSON.stringify(columns)).toBeLessThanOrEqual(390);
      await page.screenshot({ path: `${artifacts}/board-phone-opens-at-work-zh.png` });
    } finally {
      await close();
    }
    const desk = await boardAs('hantai.officer', laptop, 'zh');
    try {
      expect((await drawn(desk.page)).scrolled).toBe(0);
    } finally {
      await desk.close();
    }
  });

  test('the upload boxes and the selecting bar say what a phone can do (tap, take a photo), not drag a file, paste or Shift-click; a computer still says drop and paste: an item’s files, the import page’s, the board’s selection', async () => {
    for (const language of ['zh', 'en'] as const) {
      for (const device of [phone, laptop]) {
        const { page, close } = await boardAs('hantai.officer', device, language);
        try {
          const card = page.locator('article[data-card-id]').first();
          await card.scrollIntoViewIfNeeded();
          await card.click();
          const drop = page.getByTestId('attachment-drop');
          await drop.waitFor();
          const text = (await drop.textContent()) ?? '';
          if (device === phone) {
            expect(text).toContain(attachmentMessages.tapTitle[language]);
            expect(text).toContain(attachmentMessages.tapHint[language]);
            expect(text).not.toContain('Ctrl+V');
            expect(text).not.toContain(attachmentMessages.dropTitle[language]);
            await drop.scrollIntoViewIfNeeded();
            await page.screenshot({ path: `${artifacts}/board-phone-upload-${language}.png` });
          } else {
            expect(text).toContain(attachmentMessages.dropTitle[language]);
            expect(text).toContain('Ctrl+V');
          }
          // The import page's file box, the same way.
          await page.goto(`${suite.server.url}/campaigns/1/import`);
          const file = page.getByTestId('drop-zone');
          await file.waitFor();
          await expect.poll(() => file.locator('strong').textContent()).toBe(device === phone ? intakeMessages.tapTitle[language] : intakeMessages.dropTitle[language]);
          // Selecting cards, the bar's hint says to tap on a phone, where there is no Shift to click with.
          await page.goto(`${suite.server.url}/campaigns/1/board`);
          await page.getByTestId('select-cards').click();
          await expect.poll(() => page.getByTestId('batch-bar').locator('.batch-hint').textContent()).toBe((device === phone ? boardMessages.selectingHintTouch : boardMessages.selectingHint)[language]);
        } finally {
          await close();
        }
      }
    }
  });
});
