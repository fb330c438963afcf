import { describe, expect, test } from 'vitest';
import { concludeCampaign } from '../support/concluded-campaign';
import { testNow } from '../support/test-database';
import { artifacts, asUserOn, browserSuite } from './browser-kit';

/**
 * The whole-campaign and date-range charts of a campaign concluded three weeks before the server's clock (2026-06-15),
 * in a real Chromium against the real server: they end at the conclusion and say so, not today. Needs `npm run build`.
 */

const concludedAt = new Date(testNow.getTime() - 21 * 86_400_000).toISOString();

const suite = browserSuite({
  seed: { clues: 30, problems: 3 },
  prepare: (database) => concludeCampaign(database, concludedAt),
});

describe('a concluded campaign’s report charts', () => {
  test('run the whole campaign and a range past the conclusion to it, marked and said in both languages, with no today', () =>
    asUserOn(suite, 'office', '/campaigns/1/reports?scope=whole', async ({ page }) => {
      const charts = page.locator(`[data-testid=flow-charts][data-concluded="${concludedAt}"]`);
      await charts.waitFor();
      expect(await charts.getAttribute('data-window')).toBe('2026-01-01/2026-05-25');
      for (const chart of ['chart-flow', 'chart-burndown']) {
        await page.locator(`[data-testid=${chart}] svg text`, { hasText: '专项行动结束' }).waitFor();
        expect(await page.locator(`[data-testid=${chart}] svg text`, { hasText: '今天' }).count()).toBe(0);
      }
      expect(await page.locator('figure:has([data-testid=chart-flow]) figcaption').textContent()).toBe('累积流图：各状态线索数（2026年1月1日 至 2026年5月25日，专项行动已于 2026年5月25日 结束）');
      await page.locator('figure:has([data-testid=chart-flow])').screenshot({ path: `${artifacts}/report-concluded-flow.png` });

      await page.getByTestId('lang-toggle').click();
      await expect.poll(() => page.locator('figure:has([data-testid=chart-burndown]) figcaption').textContent()).toBe('Burndown: open clues, 1 Jan 2026 to 25 May 2026 (the campaign concluded on 25 May 2026)');
      await page.locator('[data-testid=chart-burndown] svg text', { hasText: 'Campaign concluded' }).waitFor();

      // A range running past the conclusion is cut at it.
      await page.getByTestId('scope-range').click();
      await page.locator('input[name=from]').fill('2026-05-01');
      await page.locator('input[name=to]').fill('2026-06-12');
      await page.locator(`[data-testid=flow-charts][data-window="2026-05-01/2026-05-25"][data-concluded="${concludedAt}"]`).waitFor();
      await page.locator('[data-testid=chart-flow] svg text', { hasText: 'Campaign concluded' }).waitFor();
    }));
});
