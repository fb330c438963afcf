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
});
