import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { apiCall, asUser, browserSuite, campaignOf } from './browser-kit';

/**
 * The browser tab's title names the page, its campaign and the app, in the
 * language of the page: every page was "Battlemap 作战图", so the tab strip,
 * the history and a screen reader (which reads the title first) could not
 * tell one from another. Needs `npm run build`.
 */
const suite = browserSuite();

/** The pages of a campaign and the others, by address, and the page name each title begins with. */
const pages = (campaignId: number) =>
  [
    { path: `/campaigns/${campaignId}/board`, zh: '看板', en: 'Board', campaign: true },
    { path: `/campaigns/${campaignId}/import`, zh: '导入线索', en: 'Import clues', campaign: true },
    { path: `/campaigns/${campaignId}/battle-map`, zh: '挂图作战', en: 'Battle map', campaign: true },
    { path: `/campaigns/${campaignId}/lists/clues`, zh: '线索清单', en: 'Clue list', campaign: true },
    { path: `/campaigns/${campaignId}/lists/problems`, zh: '问题清单', en: 'Problem list', campaign: true },
    { path: `/campaigns/${campaignId}/reports`, zh: '阶段报告', en: 'Reports', campaign: true },
    { path: `/campaigns/${campaignId}/wall`, zh: '大屏', en: 'Wall', campaign: true },
    { path: `/campaigns/${campaignId}/settings`, zh: '专项行动配置', en: 'Campaign settings', campaign: true },
    { path: '/campaigns/new', zh: '新建专项行动', en: 'New campaign', campaign: false },
    { path: '/admin/people', zh: '人员与单位管理', en: 'People and units', campaign: false },
    { path: '/account/password', zh: '修改密码', en: 'Change password', campaign: false },
  ] as const;

const titleOf = (page: Page) => page.title();

describe("each page's own title in the tab", () => {
  test('every page is titled page · campaign · app in Chinese, and in English once the language is switched, the switch retitling the page at once', () =>
    asUser(suite, 'office', async ({ context, page }) => {
      const campaignId = campaignOf(page);
      const campaign = await apiCall<{ nameZh: string; nameEn: string }>(suite.server.url, context, 'GET', `/api/campaigns/${campaignId}`);
      const expected = (entry: ReturnType<typeof pages>[number], lang: 'zh' | 'en') =>
        [entry[lang], ...(entry.campaign ? [lang === 'zh' ? campaign.nameZh : campaign.nameEn] : []), lang === 'zh' ? '作战图' : 'Battlemap'].join(' · ');

      for (const entry of pages(campaignId)) {
        await page.goto(`${suite.server.url}${entry.path}`);
        await expect.poll(() => titleOf(page), { message: entry.path }).toBe(expected(entry, 'zh'));
      }

      // The switch retitles the page shown, without a reload.
      await page.getByTestId('lang-toggle').click();
      await expect.poll(() => titleOf(page)).toBe('Change password · Battlemap');
      for (const entry of pages(campaignId)) {
        await page.goto(`${suite.server.url}${entry.path}`);
        await expect.poll(() => titleOf(page), { message: entry.path }).toBe(expected(entry, 'en'));
      }

      // Moving within the app (the lists' tabs) retitles too.
      await page.goto(`${suite.server.url}/campaigns/${campaignId}/lists/clues`);
      await page.getByTestId('list-tab-responsibility').click();
      await expect.poll(() => titleOf(page)).toBe(`Responsibility list · ${campaign.nameEn} · Battlemap`);
    }));

  test('an address no page answers, and a campaign that is not there, are titled by what the page says, in its language, the switch retitling them', () =>
    asUser(suite, 'office', async ({ page }) => {
      // Loaded directly, such a page kept index.html's "Battlemap 作战图" in either language.
      await page.goto(`${suite.server.url}/no-such-address`);
      await page.getByTestId('page-trouble').waitFor();
      await expect.poll(() => titleOf(page)).toBe('页面不存在 · 作战图');
      await page.getByTestId('lang-toggle').click();
      await expect.poll(() => titleOf(page)).toBe('No such page · Battlemap');
      await page.goto(`${suite.server.url}/campaigns/999999/board`);
      await page.getByTestId('page-trouble').waitFor();
      await expect.poll(() => titleOf(page)).toBe('No such campaign · Battlemap');
    }));

  test('the sign-in page is titled so, in the language of the browser, and a first visit logs no error on the way to it', async () => {
    for (const [locale, title] of [
      ['zh-CN', '登录 · 作战图'],
      ['en-GB', 'Sign in · Battlemap'],
    ] as const) {
      const context = await suite.browser.newContext({ locale });
      try {
        const page = await context.newPage();
        const errors: string[] = [];
        page.on('console', (message) => {
          if (message.type() === 'error') errors.push(message.text());
        });
        // The address a user is given: no one is signed in yet, which the app asks about, and is no error (it was a red 401).
        await page.goto(`${suite.server.url}/`);
        await page.waitForURL(/\/login/);
        await page.locator('input[name=username]').waitFor();
        await expect.poll(() => titleOf(page)).toBe(title);
        expect(errors, locale).toEqual([]);
      } finally {
        await context.close();
      }
    }
  });
});
