import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { hashPassword } from '../../api/auth/password';
import { createFirstAdmin } from '../../api/services/people/first-start';
import { users } from '../../db/schema';
import { demoPassword, testNow } from '../support/test-database';
import { artifacts, browserSuite } from './browser-kit';

/**
 * A new installation in a real Chromium: no demo, the administrator and one
 * office account (as the administrator would have made it), and no campaign
 * yet. The office makes the first campaign from the web, then a second, and
 * goes between them. Needs `npm run build`.
 */
const suite = browserSuite({
  seed: { seed: false },
  prepare: async (database) => {
    await createFirstAdmin(database, demoPassword, testNow);
    const passwordHash = await hashPassword(demoPassword);
    await database.write((tx) =>
      tx.insert(users).values({ username: 'zhuanxiangban', displayName: '专项办值班员', role: 'office', unitId: 'office', passwordHash, mustChangePassword: false, createdAt: testNow.toISOString() }),
    );
  },
});

async function signIn(username: string): Promise<Page> {
  const context = await suite.browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(`${suite.server.url}/`);
  await page.locator('input[name=username]').fill(username);
  await page.locator('input[name=password]').fill(demoPassword);
  await page.locator('button[type=submit]').click();
  return page;
}

describe('the first day of a new installation', () => {
  test('the office is sent to make the first campaign, makes it from the web, then a second, and goes between them on the same page', async () => {
    const admin = await signIn('admin');
    // The administrator begins with people and units.
    await admin.waitForURL(/\/admin\/people/);
    // With no campaign yet there is no board to go back to: no link that would lead back to this page.
    await admin.getByTestId('bulk-panel').or(admin.locator('.people-page')).first().waitFor();
    await admin.waitForTimeout(300);
    expect(await admin.getByRole('link', { name: '返回看板' }).count()).toBe(0);
    await admin.context().close();

    const page = await signIn('zhuanxiangban');
    try {
      page.setDefaultTimeout(8000);
      await page.waitForURL(/\/campaigns\/new$/);
      await page.getByTestId('new-campaign-page').waitFor();
      // The top bar is there: sign-out and language, before any campaign exists.
      await page.getByTestId('user').waitFor();
      await page.screenshot({ path: `${artifacts}/first-campaign-zh.png` });

      // A refusal names its field and keeps what was typed.
      await page.getByTestId('new-nameZh').fill('汉中市打击整治网络违法犯罪专项行动');
      await page.getByTestId('new-nameEn').fill('Hanzhong campaign');
      await page.getByTestId('new-code').fill('bad code!');
      await page.getByTestId('create-campaign').click();
      await page.locator('[data-testid=new-code][aria-invalid=true]').waitFor();
      expect(await page.getByTestId('new-nameZh').inputValue()).toBe('汉中市打击整治网络违法犯罪专项行动');

      await page.getByTestId('new-code').fill('hz-2027');
      await page.getByTestId('create-campaign').click();
      await page.waitForURL(/\/campaigns\/\d+\/settings$/);
      await page.getByTestId('section-general').waitFor();
      const first = Number(/\/campaigns\/(\d+)\//.exec(page.url())?.[1]);

      // The campaign menu marks this one and offers a new one; a second campaign, this one's configuration copied, from its settings.
      await page.getByTestId('campaign-switch').locator('summary').click();
      await page.locator(`[data-testid=switch-to-${first}][aria-current=page]`).waitFor();
      expect(await page.getByTestId('switch-new-campaign').getAttribute('href')).toBe('/campaigns/new');
      await page.getByTestId('campaign-switch').locator('summary').click();
      await page.getByTestId('new-campaign-link').click();
      await page.waitForURL(/\/campaigns\/new\?copyFrom=\d+$/);
      await expect.poll(() => page.getByTestId('new-copyFrom').inputValue()).toBe(String(first));
      await page.getByTestId('new-code').fill('fanzha-100');
      await page.getByTestId('new-nameZh').fill('反诈百日攻坚');
      // Named in Chinese only: the English name is optional, the Chinese one standing in for it.
      expect(await page.getByTestId('new-nameEn').getAttribute('placeholder')).toBe('选填，留空则用中文名称');
      await page.getByTestId('create-campaign').click();
      await page.waitForURL((url) => /\/campaigns\/\d+\/settings$/.test(url.pathname) && !url.pathname.startsWith(`/campaigns/${first}/`));
      const second = Number(/\/campaigns\/(\d+)\//.exec(page.url())?.[1]);
      expect(second).not.toBe(first);
      await page.getByTestId('section-general').waitFor();
      expect(await page.getByTestId('input-nameEn').inputValue()).toBe('');
      expect(await page.getByTestId('input-nameZh').inputValue()).toBe('反诈百日攻坚');

      // Back to the first campaign on the same page, on a phone (the menu opens from the list of the campaign's pages, under
      // ☰, and must not be cut off by it); Escape closes the menu. The start page then opens the campaign shown last, not the newest.
      await page.setViewportSize({ width: 390, height: 844 });
      const menu = page.getByTestId('campaign-switch');
      await page.getByTestId('campaign-pages-toggle').click();
      await menu.locator('summary').click();
      await page.getByTestId(`switch-to-${first}`).waitFor();
      await page.keyboard.press('Escape');
      await expect.poll(() => menu.evaluate((details) => (details as HTMLDetailsElement).open)).toBe(false);
      await page.getByTestId('campaign-pages-toggle').click();
      await menu.locator('summary').click();
      await page.screenshot({ path: `${artifacts}/campaign-menu-390-zh.png` });
      await page.getByTestId(`switch-to-${first}`).click();
      await page.waitForURL(new RegExp(`/campaigns/${first}/settings$`));
      await page.setViewportSize({ width: 1366, height: 768 });
      await page.goto(`${suite.server.url}/`);
      await page.waitForURL(new RegExp(`/campaigns/${first}/board`));

      // Made in June, the campaign's survey window (its default, in spring) is over: the advance says so before anything is sent.
      // While planned, the top bar and the dialog say when the survey opens, not the whole campaign's span as planning's own.
      expect(await page.locator('.phase-window').textContent()).toMatch(/^摸排核查 2026年\d{1,2}月\d{1,2}日 开始$/);
      await page.getByTestId('advance-button').click();
      const dialog = page.getByTestId('advance-dialog');
      expect(await dialog.locator('.modal-header p').textContent()).toMatch(/^当前阶段：筹备（摸排核查 2026年\d{1,2}月\d{1,2}日 开始）$/);
      expect(await dialog.getByTestId('advance-window-ended').textContent()).toMatch(/“摸排核查”阶段的时间窗口已于 2026年[3-5]月\d{1,2}日 结束/);
      expect(await dialog.getByTestId('advance-submit').isDisabled()).toBe(true);
      // From planning no report is frozen, and the dialog does not say one is.
      expect(await dialog.locator('.form-warning').count()).toBe(0);
      await dialog.getByRole('link').click();
      await page.waitForURL(new RegExp(`/campaigns/${first}/settings$`));
    } finally {
      await page.context().close();
    }
  });
});
