import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { campaigns } from '../../db/schema';
import { apiCall, artifacts, asUser, browserSuite, type TestDatabase } from './browser-kit';
import { concludeCampaign } from '../support/concluded-campaign';

/**
 * The battle map's phase timeline where the campaign stands past a window, in a real Chromium against the real server
 * (its clock 2026-06-15): the crackdown's window ended on 31 May and the office has not advanced it, every window over
 * by 10 June; then the campaign concluded on 13 June, three days after the consolidation's window. Needs `npm run build`.
 */

const windows = { survey: { start: '2026-01-01', end: '2026-03-31' }, crackdown: { start: '2026-03-01', end: '2026-05-31' }, consolidation: { start: '2026-06-01', end: '2026-06-10' } };

const suite = browserSuite({
  seed: { clues: 30, problems: 3 },
  prepare: async (database) => {
    const [campaign] = await database.db.select().from(campaigns).where(eq(campaigns.id, 1));
    if (campaign === undefined) throw new Error('no campaign in the test data');
    await database.db.update(campaigns).set({ config: { ...campaign.config, windows } }).where(eq(campaigns.id, 1));
  },
});

/** The horizontal extent of an element on the page. */
async function extentOf(page: Page, testId: string): Promise<{ left: number; right: number }> {
  const box = await page.getByTestId(testId).boundingBox();
  if (box === null) throw new Error(`${testId} is not drawn`);
  return { left: box.x, right: box.x + box.width };
}

async function openMap(page: Page): Promise<void> {
  await page.goto(`${page.url().replace(/\/board.*$/, '')}/battle-map`);
  await page.getByTestId('timeline').waitFor();
}

/** Concluded at `at`, the consolidation entered on its window's first day, as the advances write it. */
const conclude = (database: TestDatabase, at: string): Promise<void> => concludeCampaign(database, at, { consolidation: '2026-06-01T00:00:00.000Z' });

describe('the battle map’s timeline past a window', () => {
  test('runs the late crackdown on to today, marked as overrun, and draws today past the last window, in both languages', () =>
    asUser(suite, 'office', async ({ page }) => {
      await openMap(page);
      await expect.poll(() => page.getByTestId('today').textContent()).toBe('今天 6月15日');
      const bar = await extentOf(page, 'phase-crackdown');
      const overrun = await extentOf(page, 'overrun-crackdown');
      const today = await extentOf(page, 'today');
      // The hatched overrun starts where the window's bar ends and reaches today's line.
      expect(Math.abs(overrun.left - bar.right)).toBeLessThan(2);
      expect(Math.abs(overrun.right - (today.left + today.right) / 2)).toBeLessThan(3);
      expect(await page.getByTestId('overrun-crackdown').textContent()).toBe('超期');
      expect(await page.getByTestId('overrun-crackdown').getAttribute('title')).toBe('打击整治超期：窗口 5月31日 结束，延续至 6月15日');
      // Neither the survey, left inside its window, nor the consolidation, not entered, ran past theirs.
      expect(await page.locator('.phase-overrun').count()).toBe(1);
      await page.getByTestId('timeline').screenshot({ path: `${artifacts}/battle-map-timeline-late.png` });
      await page.getByTestId('lang-toggle').click();
      await expect.poll(() => page.getByTestId('today').textContent()).toBe('Today 15 Jun');
      expect(await page.getByTestId('overrun-crackdown').textContent()).toBe('Overrun');
      expect(await page.getByTestId('overrun-crackdown').getAttribute('title')).toBe('Crackdown overran: its window ended 31 May, it ran on to 15 Jun');
    }));

  test('stands a concluded campaign at its conclusion, the consolidation run on to it, not to today', () =>
    asUser(suite, 'office', async ({ context, page }) => {
      // A clue found before the conclusion: the map's answer, kept while the log is unchanged, is counted again.
      await apiCall(suite.server.url, context, 'POST', '/api/clues', { campaignId: 1, unitId: 'hantai', title: '结束前的线索', source: 'platform110' }, 201);
      await conclude(suite.database, '2026-06-13T08:00:00.000Z');
      await openMap(page);
      await expect.poll(() => page.getByTestId('today').textContent()).toBe('结束于 6月13日');
      const overrun = await extentOf(page, 'overrun-consolidation');
      const line = await extentOf(page, 'today');
      expect(Math.abs(overrun.right - (line.left + line.right) / 2)).toBeLessThan(3);
      expect(await page.getByTestId('overrun-consolidation').getAttribute('title')).toBe('巩固整治超期：窗口 6月10日 结束，延续至 6月13日');
      await page.getByTestId('timeline').screenshot({ path: `${artifacts}/battle-map-timeline-concluded.png` });
      await page.getByTestId('lang-toggle').click();
      await expect.poll(() => page.getByTestId('today').textContent()).toBe('Concluded 13 Jun');
    }));
});
