import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { clueStateLabels } from '../../engine/clue/clue.labels';
import { apiCall, asUser, browserSuite, campaignOf, type WireBoard, type WireCard } from './browser-kit';

/**
 * A card's move menu worked with the keyboard, as WAI-ARIA's menu pattern
 * has it: one stop in the tab order, arrows and Home/End inside, Escape back
 * to the card, Enter or Space to move. Needs `npm run build`.
 */
const suite = browserSuite();

/** The lead's clues in one state, with the moves each offers them. */
async function cluesIn(page: Page, context: BrowserContext, state: string): Promise<WireCard[]> {
  const board = await apiCall<WireBoard>(suite.server.url, context, 'GET', `/api/campaigns/${campaignOf(page)}/board?kind=clue&state=${state}&limit=500`);
  return board.columns.flatMap((column) => column.cards);
}

/** A verifying clue the lead may move three ways (filed, unfounded, merged), shown alone on the board, its menu opened by M. */
async function openMenuOfVerifying(page: Page, context: BrowserContext): Promise<{ card: WireCard; moves: string[] }> {
  const card = (await cluesIn(page, context, 'verifying')).find((c) => c.allowed.length >= 3);
  if (card === undefined) throw new Error('the seed has no verifying clue the lead may move three ways');
  await page.goto(`${suite.server.url}/campaigns/${campaignOf(page)}/board?q=${card.id}`);
  await openMenu(page, card.id);
  return { card, moves: card.allowed.map((move) => `move-to-${move.to}`) };
}

const cardOf = (page: Page, id: number) => page.locator(`[data-testid=card-${id}]:not([data-dnd-placeholder])`);

/** Focus on the card, M, and the menu shown. */
async function openMenu(page: Page, id: number): Promise<void> {
  await cardOf(page, id).focus();
  await page.keyboard.press('m');
  await cardOf(page, id).getByRole('menu').waitFor();
}

const focusedTestId = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);

/** Each item of the open menu with its tab index: the one in the tab order has 0, the others -1. */
const tabIndexes = (page: Page, id: number) =>
  cardOf(page, id)
    .getByRole('menuitem')
    .evaluateAll((items) => items.map((item) => [item.getAttribute('data-testid'), (item as HTMLElement).tabIndex] as const));

describe("a card's move menu under the keyboard", () => {
  test('only the focused item is in the tab order; it starts on the first, arrows move it round the ends, Home and End to either end', () =>
    asUser(suite, 'hantai.lead', async ({ context, page }) => {
      const { card, moves } = await openMenuOfVerifying(page, context);
      const focusIsOn = async (testId: string | undefined, after: string) => {
        await expect.poll(() => focusedTestId(page), { message: after }).toBe(testId);
        expect(await tabIndexes(page, card.id), after).toEqual(moves.map((move) => [move, move === testId ? 0 : -1]));
      };
      const [first, second, last] = [moves[0], moves[1], moves.at(-1)];
      await focusIsOn(first, 'opened');
      await page.keyboard.press('ArrowDown');
      await focusIsOn(second, 'ArrowDown');
      await page.keyboard.press('End');
      await focusIsOn(last, 'End');
      await page.keyboard.press('ArrowDown');
      await focusIsOn(first, 'ArrowDown from the last');
      await page.keyboard.press('ArrowUp');
      await focusIsOn(last, 'ArrowUp from the first');
      await page.keyboard.press('Home');
      await focusIsOn(first, 'Home');
    }));

  test('a letter typed goes to the next move whose name starts with it', () =>
    asUser(suite, 'hantai.lead', async ({ context, page }) => {
      await page.getByTestId('lang-toggle').click();
      const { card, moves } = await openMenuOfVerifying(page, context);
      const merged = moves.indexOf('move-to-merged');
      expect(merged, moves.join()).toBeGreaterThan(0);
      expect(clueStateLabels.merged.en.startsWith('M')).toBe(true);
      await page.keyboard.press('M');
      await expect.poll(() => focusedTestId(page)).toBe('move-to-merged');
      expect(await cardOf(page, card.id).getByRole('menu').count()).toBe(1);
    }));

  test('Escape closes the menu back onto the card; Tab leaves it closed for the next card, Shift+Tab for its button', () =>
    asUser(suite, 'hantai.lead', async ({ context, page }) => {
      const { card } = await openMenuOfVerifying(page, context);
      const menu = cardOf(page, card.id).getByRole('menu');
      const button = cardOf(page, card.id).getByTestId('move-menu');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Escape');
      await expect.poll(() => menu.count()).toBe(0);
      await expect.poll(() => focusedTestId(page)).toBe(`card-${card.id}`);
      expect(await button.getAttribute('aria-expanded')).toBe('false');

      // One Tab from the menu's first item leaves the menu (not for its second item), which closes.
      await openMenu(page, card.id);
      await page.keyboard.press('Tab');
      await expect.poll(() => menu.count()).toBe(0);
      expect(await page.evaluate(() => document.activeElement?.closest('[role=menu]') === null)).toBe(true);

      // Shift+Tab goes back to the menu's button, the menu closed.
      await openMenu(page, card.id);
      await page.keyboard.press('Shift+Tab');
      await expect.poll(() => menu.count()).toBe(0);
      expect(await focusedTestId(page)).toBe('move-menu');
      expect(await button.getAttribute('aria-expanded')).toBe('false');
    }));

  test('Enter or Space makes the move the focus is on: through its dialog when it needs details, at once when not', () =>
    asUser(suite, 'hantai.lead', async ({ context, page }) => {
      const dialog = page.getByTestId('move-dialog');
      const target = () => dialog.locator('.move-path .state-pill').last().textContent();
      const { card } = await openMenuOfVerifying(page, context);
      await page.keyboard.press('End');
      await page.keyboard.press('Enter');
      await dialog.waitFor();
      expect(await target()).toBe(clueStateLabels.merged.zh);
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      await expect.poll(() => focusedTestId(page)).toBe(`card-${card.id}`);

      await openMenu(page, card.id);
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press(' ');
      await dialog.waitFor();
      expect(await target()).toBe(clueStateLabels[card.allowed[1]?.to as keyof typeof clueStateLabels].zh);
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });

      // A found clue someone is assigned: to verifying needs nothing more, and Enter sends it.
      const found = (await cluesIn(page, context, 'found')).find((c) => c.allowed.some((move) => move.to === 'verifying' && move.needs.length === 0));
      if (found === undefined) throw new Error('the seed has no assigned found clue');
      await page.goto(`${suite.server.url}/campaigns/${campaignOf(page)}/board?q=${found.id}`);
      await openMenu(page, found.id);
      // The first of its moves (a found clue's are verifying, then merged).
      expect(found.allowed[0]?.to).toBe('verifying');
      await page.keyboard.press('End');
      await page.keyboard.press('Home');
      await page.keyboard.press('Enter');
      await page.locator(`[data-testid=column-verifying] [data-testid=card-${found.id}]:not(.is-pending)`).waitFor();
      expect((await apiCall<{ state: string }>(suite.server.url, context, 'GET', `/api/clues/${found.id}`)).state).toBe('verifying');
      await expect.poll(() => focusedTestId(page)).toBe(`card-${found.id}`);
    }));

  test("a dialog whose code cannot be fetched (the server down) is said in a toast and the board stays; asked for again, it opens", () =>
    asUser(suite, 'hantai.lead', async ({ context, page }) => {
      // The dialogs' and the drawer's scripts refused, the board's own served: as when the server went down before the
      // board fetched them (a second after it painted). The whole board had given way to 页面无法显示.
      let down = true;
      // The page's own address too, which the page asks before it takes a failed script for a new build to reload for:
      // refused to the end, as an answer to a check made late (on a busy machine, after the scripts are back) reloaded
      // the page under the menu the test then opened.
      await page.route(
        (url) => /^\/assets\/(move-dialog|create-dialog|detail-panel)-[^/]*\.js$/.test(url.pathname) || url.pathname === '/',
        (route) => (down || new URL(route.request().url()).pathname === '/' ? route.abort('internetdisconnected') : route.continue()),
      );
      const dialog = page.getByTestId('move-dialog');
      const { card } = await openMenuOfVerifying(page, context);
      await page.keyboard.press('End');
      await page.keyboard.press('Enter');
      await page.getByTestId('toast').filter({ hasText: '无法连接服务器，未能打开' }).waitFor();
      expect(await page.getByTestId('page-trouble-retry').count()).toBe(0);
      expect(await dialog.count()).toBe(0);
      expect(await cardOf(page, card.id).isVisible()).toBe(true);
      // The drawer as well: said (the toast closed first, as a second saying the same replaces it), and closed.
      const notOpened = page.getByTestId('toast').filter({ hasText: '无法连接服务器，未能打开' });
      await notOpened.getByRole('button', { name: '关闭' }).click();
      await notOpened.waitFor({ state: 'detached' });
      await cardOf(page, card.id).click();
      await notOpened.waitFor();
      await expect.poll(() => new URL(page.url()).searchParams.get('item')).toBeNull();
      expect(await page.getByTestId('page-trouble-retry').count()).toBe(0);
      down = false;
      await openMenu(page, card.id);
      await page.keyboard.press('End');
      await page.keyboard.press('Enter');
      await dialog.waitFor();
      expect(await dialog.locator('.move-path .state-pill').last().textContent()).toBe(clueStateLabels.merged.zh);
    }));
});

describe("someone else's change to a card while the keyboard is on it", () => {
  test('redraws the card, not the keyboard’s place: the open menu keeps its item, the focused card and a drawer’s button their focus; a move away closes the menu onto its column, said politely', () =>
    asUser(suite, 'hantai.lead', async ({ context, page }) => {
      const [card, neighbour] = (await cluesIn(page, context, 'verifying')).filter((c) => c.allowed.some((move) => move.to === 'unfounded')).slice(0, 2);
      if (card === undefined || neighbour === undefined) throw new Error('the seed has no two verifying clues the lead may dismiss');
      await page.goto(`${suite.server.url}/campaigns/${campaignOf(page)}/board?kind=clue`);
      await page.locator('[data-testid=live-indicator][data-status=live]').waitFor();
      // Someone else's changes, made through the API (with this session: the board goes by what the change stream says).
      const versions = new Map([card, neighbour].map((c) => [c.id, c.version]));
      const retitle = async (id: number, title: string) => {
        const edited = await apiCall<{ version: number }>(suite.server.url, context, 'PATCH', `/api/clues/${id}`, { version: versions.get(id), title });
        versions.set(id, edited.version);
        await expect.poll(() => cardOf(page, id).locator('.card-title').textContent(), { timeout: 10_000 }).toBe(title);
      };
      const second = `move-to-${card.allowed[1]?.to}`;
      await openMenu(page, card.id);
      await page.keyboard.press('ArrowDown');
      await expect.poll(() => focusedTestId(page)).toBe(second);

      await retitle(neighbour.id, '他人改过的相邻卡片');
      expect(await focusedTestId(page), 'a change to the card beside it').toBe(second);
      await retitle(card.id, '他人改过的这张卡片');
      expect(await cardOf(page, card.id).getByRole('menu').count(), 'a change to its own card').toBe(1);
      expect(await focusedTestId(page), 'a change to its own card').toBe(second);

      // The menu closed, the card itself keeps the focus, on the same element, through a change that moves it down its
      // column: given more time than any other card there, it sorts last.
      await page.keyboard.press('Escape');
      await expect.poll(() => focusedTestId(page)).toBe(`card-${card.id}`);
      await cardOf(page, card.id).evaluate((element) => element.setAttribute('data-before', ''));
      const due = cardOf(page, card.id).locator('.due');
      const dueBefore = await due.textContent();
      const latest = (await cluesIn(page, context, 'verifying')).flatMap((c) => c.dueAt ?? []).sort().at(-1);
      if (latest === undefined) throw new Error('no verifying clue has a deadline');
      const until = new Date(Date.parse(latest) + 86_400_000).toISOString().slice(0, 10);
      const extended = await apiCall<{ version: number }>(suite.server.url, context, 'POST', `/api/clues/${card.id}/extend`, { version: versions.get(card.id), until, reason: '等待鉴定结论' });
      versions.set(card.id, extended.version);
      await expect.poll(() => due.textContent(), { timeout: 10_000 }).not.toBe(dueBefore);
      expect(await page.locator('[data-testid=column-verifying] [data-card-id]').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-card-id')).at(-1))).toBe(String(card.id));
      expect(await focusedTestId(page)).toBe(`card-${card.id}`);
      expect(await cardOf(page, card.id).getAttribute('data-before')).toBe('');

      // Dismissed meanwhile (查否, a side column shown collapsed): the menu goes with the card, the focus to that column's toggle.
      await openMenu(page, card.id);
      await apiCall(suite.server.url, context, 'POST', `/api/clues/${card.id}/transitions`, { to: 'unfounded', version: versions.get(card.id), payload: { conclusion: '经核查，举报内容与事实不符。' } });
      await cardOf(page, card.id).waitFor({ state: 'detached', timeout: 10_000 });
      await expect.poll(() => focusedTestId(page)).toBe('toggle-unfounded');
      await expect.poll(() => page.getByTestId('announcer').textContent()).toBe(`#${card.id} 刚被他人移至“${clueStateLabels.unfounded.zh}”，移动菜单已关闭`);

      // In the drawer, a move's button keeps the focus as the item is read again.
      await cardOf(page, neighbour.id).focus();
      await page.keyboard.press('Enter');
      await page.getByTestId('detail-panel').getByTestId('detail-move-unfounded').focus();
      await retitle(neighbour.id, '他人再次改过的相邻卡片');
      await expect.poll(() => page.getByTestId('detail-panel').locator('.detail-title').textContent(), { timeout: 10_000 }).toBe('他人再次改过的相邻卡片');
      expect(await focusedTestId(page)).toBe('detail-move-unfounded');
    }));

  test('a reset of the change stream (too much changed to be sent change by change) re-reads the board, and the focus follows its card to the column it went to, said politely', () =>
    asUser(suite, 'hantai.lead', async ({ context, page }) => {
      const card = (await cluesIn(page, context, 'verifying')).find((c) => c.allowed.some((move) => move.to === 'filed'));
      if (card === undefined) throw new Error('the seed has no verifying clue the lead may file');
      // The stream cut from the start, so that the move below is not sent change by change.
      await page.route('**/api/events**', (route) => route.abort());
      await page.goto(`${suite.server.url}/campaigns/${campaignOf(page)}/board?kind=clue`);
      await cardOf(page, card.id).focus();
      const caseNumber = `汉公(刑)立字[2026]${String(card.id).padStart(4, '0')}号`;
      await apiCall(suite.server.url, context, 'POST', `/api/clues/${card.id}/transitions`, { to: 'filed', version: card.version, payload: { caseNumber, conclusion: '经核查属实' } });
      // The stream, opened again, says only that the board is too far behind to catch up.
      await page.unroute('**/api/events**');
      await page.route('**/api/events**', (route) => route.fulfill({ status: 200, contentType: 'text/event-stream', body: 'event: reset\nid: 1\ndata: {"seq":1}\n\n' }));
      await page.locator('[data-testid=column-filed]').locator(`[data-testid=card-${card.id}]`).waitFor({ timeout: 15_000 });
      await expect.poll(() => focusedTestId(page)).toBe(`card-${card.id}`);
      await expect.poll(() => page.getByTestId('announcer').textContent()).toBe(`#${card.id} 刚被他人移至“${clueStateLabels.filed.zh}”`);
      await page.unroute('**/api/events**');
    }));
});
