import { describe, expect, test } from 'vitest';
import { artifacts, browserSuite, campaignOf, signedIn } from './browser-kit';

/**
 * What a signed-in user sees where a page cannot be shown, in a real
 * Chromium: an address no page answers to, a campaign that is not there,
 * and a page whose reads failed, each with the way on instead of a blank
 * page or one stuck on "loading". Needs `npm run build`.
 */

const suite = browserSuite({ seed: { clues: 20, problems: 2 } });

describe('a page that cannot be shown', () => {
  test('an unknown address and a campaign that is not there say so, in either language, and lead back to the start page', async () => {
    const { context, page } = await signedIn(suite.browser, suite.server.url, 'office');
    try {
      const campaignId = campaignOf(page);
      const trouble = page.getByTestId('page-trouble');

      await page.goto(`${suite.server.url}/no/such/page`);
      await expect.poll(() => trouble.locator('h1').textContent()).toBe('页面不存在');
      expect(await trouble.locator('p').textContent()).toContain('/no/such/page');

      // Each of a campaign's pages, for a campaign id no campaign has, or one that is not a number.
      for (const path of ['/campaigns/999/board', '/campaigns/999/reports', '/campaigns/999/wall', '/campaigns/999/lists/clues', '/campaigns/999/battle-map', '/campaigns/abc/import', '/campaigns/abc/settings']) {
        await page.goto(`${suite.server.url}${path}`);
        await expect.poll(() => trouble.locator('h1').textContent(), { message: path }).toBe('专项行动不存在');
      }
      await page.getByTestId('lang-toggle').click();
      await expect.poll(() => trouble.locator('h1').textContent()).toBe('No such campaign');
      await page.screenshot({ path: `${artifacts}/page-trouble-en.png` });

      // The way on: the start page, which opens the board of the campaign there is.
      await page.getByTestId('page-trouble-home').click();
      await page.waitForURL(new RegExp(`/campaigns/${campaignId}/board`));
      await page.locator('[data-testid=column-found] [data-testid^=card-]').first().waitFor();
      expect(await trouble.count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  test('a page whose reads fail says why and shows itself once a retry succeeds', async () => {
    const { context, page } = await signedIn(suite.browser, suite.server.url, 'office');
    try {
      const campaignId = campaignOf(page);
      // The network fails for the campaign's own read (a cable pulled, a proxy down): the report page cannot start.
      const campaignRead = new RegExp(`/api/campaigns/${campaignId}$`);
      await page.route(campaignRead, (route) => route.abort('connectionfailed'));
      await page.goto(`${suite.server.url}/campaigns/${campaignId}/reports`);
      const trouble = page.getByTestId('page-trouble');
      await expect.poll(() => trouble.locator('h1').textContent()).toBe('页面无法显示');
      expect(await trouble.locator('p').textContent()).toContain('无法连接服务器');

      await page.unroute(campaignRead);
      await page.getByTestId('page-trouble-retry').click();
      await page.getByTestId('report-document').waitFor();
      expect(await trouble.count()).toBe(0);
    } finally {
      await context.close();
    }
  });
}, 60_000);
