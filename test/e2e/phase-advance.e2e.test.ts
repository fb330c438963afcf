import { describe, expect, test } from 'vitest';
import type { CampaignSettings } from '../../api/contracts/campaign-admin';
import { apiCall, artifacts, asUser, browserSuite, campaignOf, signedIn } from './browser-kit';

/**
 * The office moves the campaign into its next phase from the board, in a
 * real Chromium against the real server (its clock at 2026-06-15, in the
 * crackdown). Needs `npm run build`.
 */

const suite = browserSuite({ seed: { clues: 30, problems: 3 } });

describe('advancing the phase from the board', () => {
  test('a criterion one item short says so as one in English ("1 item short of it", not "1 items")', () =>
    asUser(suite, 'office', async ({ page }) => {
      const campaignId = campaignOf(page);
      // The campaign as the board reads it, its window past and one item blocking its one criterion: the dialog is drawn from it alone.
      await page.route(`**/api/campaigns/${campaignId}`, async (route) => {
        const response = await route.fetch();
        const detail = (await response.json()) as { overdue: boolean; unmet: { criterion: unknown; description: { zh: string; en: string }; blocking: { count: number; sample: unknown[] } }[] };
        const unmet = [{ criterion: { kind: 'noCluesIn', states: ['found'] }, description: { zh: '没有处于“新发现”的线索', en: 'No clue left in Found' }, blocking: { count: 1, sample: [] } }];
        await route.fulfill({ response, json: { ...detail, overdue: true, unmet } });
      });
      await page.reload();
      await page.getByTestId('lang-toggle').click();
      await page.getByTestId('advance-button').click();
      await expect.poll(() => page.getByTestId('advance-unmet').locator('li').first().textContent()).toContain('No clue left in Found · 1 item short of it');
    }));

  test('the office sees what the phase has not met, is asked why, advances, and the phase left is frozen', () =>
    asUser(suite, 'office', async ({ context, page }) => {
      page.setDefaultTimeout(8000);
      const campaignId = campaignOf(page);
      // The crackdown asks that no clue be left unverified (the seed leaves some found), so the advance needs a reason.
      const path = `/api/campaigns/${campaignId}/settings`;
      const settings = await apiCall<CampaignSettings>(suite.server.url, context, 'GET', path);
      const exitCriteria = { ...settings.config.exitCriteria, crackdown: [{ kind: 'noCluesIn', states: ['found'] }] };
      await apiCall(suite.server.url, context, 'PATCH', path, { revision: settings.revision, exitCriteria });
      await page.reload();
      // Too early: the consolidation window opens on 1 September, so no advance is offered yet; the button says from when,
      // and leads to where the windows are set (a new campaign's board said nothing, while its creation page said to advance from it).
      await page.locator('[data-testid=column-found] [data-testid^=card-]').first().waitFor();
      const button = page.getByTestId('advance-button');
      expect(await button.count()).toBe(0);
      const later = page.getByTestId('advance-later');
      expect(await later.getAttribute('aria-disabled')).toBe('true');
      // Forced: Playwright takes aria-disabled for a control that cannot be clicked; a user's click reaches it, and it answers.
      await later.click({ force: true });
      const told = page.getByTestId('toast').filter({ hasText: '“巩固整治”阶段' });
      await expect.poll(() => told.locator('.toast-text').textContent()).toBe('“巩固整治”阶段 2026年9月1日 开始，届时可从此处推进；时间窗口可在配置页调整 调整时间窗口');
      expect(await told.getByTestId('toast-link').getAttribute('href')).toBe(`/campaigns/${campaignId}/settings`);
      expect(await page.getByTestId('advance-dialog').count()).toBe(0);
      await told.getByRole('button').click();
      const dialog = page.getByTestId('advance-dialog');

      // The office opens the consolidation window early (the crackdown ends on 10 June).
      const now = await apiCall<CampaignSettings>(suite.server.url, context, 'GET', path);
      const windows = { ...now.config.windows, crackdown: { ...now.config.windows.crackdown, end: '2026-06-10' }, consolidation: { ...now.config.windows.consolidation, start: '2026-06-11' } };
      await apiCall(suite.server.url, context, 'PATCH', path, { revision: now.revision, windows });
      await page.reload();
      // The crackdown's report open in another tab while the office advances: not ended yet, it says.
      const reportTab = await context.newPage();
      await reportTab.goto(`${suite.server.url}/campaigns/${campaignId}/reports?scope=phase&phase=crackdown`);
      await reportTab.getByTestId('frozen-pending').waitFor();
      await button.click();
      // Offered to the office only: a unit lead's board has no such button, the window open or not.
      const lead = await signedIn(suite.browser, suite.server.url, 'hantai.lead');
      try {
        await lead.page.getByTestId('phase').waitFor();
        expect(await lead.page.getByTestId('advance-button').count()).toBe(0);
        expect(await lead.page.getByTestId('advance-later').count()).toBe(0);
      } finally {
        await lead.context.close();
      }
      expect(await dialog.locator('h2').textContent()).toBe('推进到“巩固整治”');
      expect(await dialog.getByTestId('advance-unmet').locator('li').first().textContent()).toContain('新发现');
      // Each unmet criterion links to where its items are listed: the found clues, here.
      expect(await dialog.getByTestId('advance-blocking-link').first().textContent()).toBe('查看“新发现”的线索');
      expect(await dialog.getByTestId('advance-blocking-link').first().getAttribute('href')).toBe(`/campaigns/${campaignId}/lists/clues?state=found`);
      // Unmet criteria need a reason: asked at the field before anything is sent.
      await dialog.getByTestId('advance-submit').click();
      await expect.poll(() => dialog.getByTestId('error-reason').textContent()).toBe('必填');
      await dialog.locator('textarea[name=reason]').fill('按市局部署如期转入巩固整治阶段');
      // Followed to what holds the phase back and come back: the reason typed is still there (it was lost on the way).
      await dialog.getByTestId('advance-blocking-link').first().click();
      await page.waitForURL(/\/lists\/clues\?state=found/);
      await page.goBack();
      await button.click();
      expect(await dialog.locator('textarea[name=reason]').inputValue()).toBe('按市局部署如期转入巩固整治阶段');
      await page.screenshot({ path: `${artifacts}/advance-dialog-zh.png` });
      await dialog.getByTestId('advance-submit').click();
      await dialog.waitFor({ state: 'detached' });
      await page.getByTestId('toast').filter({ hasText: '已进入“巩固整治”；“打击整治”阶段报告已定稿' }).waitFor();
      await expect.poll(() => page.getByTestId('phase').textContent()).toContain('巩固整治');

      // The crackdown's report is frozen at the advance.
      const frozen = await apiCall<{ frozen: { hash: string } }>(suite.server.url, context, 'GET', `/api/campaigns/${campaignId}/reports/crackdown`);
      expect(frozen.frozen.hash).toMatch(/^[0-9a-f]{64}$/);
      // The message leads to that report, the office's next step: it opens on the crackdown, its frozen version beside it.
      const toReport = page.getByTestId('toast').getByTestId('toast-link');
      expect(await toReport.textContent()).toBe('查看“打击整治”阶段报告');
      await toReport.click();
      await page.waitForURL(/\/reports\?scope=phase&phase=crackdown$/);
      expect(await page.getByTestId('frozen-hash').getAttribute('title')).toBe(frozen.frozen.hash);
      await page.goBack();
      // The tab left open follows: the phase ended, its frozen version beside it, without a reload.
      await reportTab.getByTestId('frozen-hash').waitFor({ timeout: 15_000 });
      expect(await reportTab.getByTestId('frozen-pending').count()).toBe(0);
      await reportTab.close();

      // Concluding is the advance after which nothing moves: the dialog says so, with what stays open, and the board
      // offers no new item and no batch after it (both were offered, only for the server to refuse them).
      const last = await apiCall<CampaignSettings>(suite.server.url, context, 'GET', path);
      const ending = { ...last.config.windows, consolidation: { ...last.config.windows.consolidation, end: '2026-06-15' } };
      await apiCall(suite.server.url, context, 'PATCH', path, { revision: last.revision, windows: ending, exitCriteria: { ...last.config.exitCriteria, consolidation: [] } });
      await page.reload();
      // After the reload the board is read again: wait for it, or the count is taken of a page still loading.
      await page.getByTestId('create').waitFor();
      await button.click();
      // Said as what it is, on a button in the colour of what cannot be undone.
      expect(await dialog.locator('h2').textContent()).toBe('结束专项行动');
      expect(await dialog.getByTestId('advance-submit').textContent()).toBe('确认结束');
      expect(await dialog.getByTestId('advance-submit').getAttribute('class')).toContain('danger');
      const open = await apiCall<{ leftOpen: { clues: number; problems: number } | null }>(suite.server.url, context, 'GET', `/api/campaigns/${campaignId}`);
      expect(open.leftOpen?.clues).toBeGreaterThan(0);
      expect(await dialog.getByTestId('advance-concludes').textContent()).toBe(
        `专项行动结束后，不能再新建、流转或修改任何线索和问题，此操作不能撤销。 目前仍有 ${open.leftOpen?.clues} 条线索、${open.leftOpen?.problems} 个问题未办结，结束后将保持现状。`,
      );
      expect(await dialog.locator('.form-warning').first().textContent()).not.toContain('督办');
      await page.screenshot({ path: `${artifacts}/advance-conclude-zh.png` });
      await dialog.getByTestId('advance-submit').click();
      await dialog.waitFor({ state: 'detached' });
      await expect.poll(() => page.getByTestId('phase').textContent()).toContain('已结束');
      expect(await page.getByTestId('create').count()).toBe(0);
      expect(await page.getByTestId('select-cards').count()).toBe(0);
      // The import page says so before a file is chosen, instead of offering a drop the server refuses.
      await page.getByTestId('nav-import').click();
      await expect.poll(() => page.getByTestId('import-read-only').textContent()).toBe('专项行动已结束，不能再导入线索');
      expect(await page.locator('input[type=file]').count()).toBe(0);
      // The whole campaign's report runs to the conclusion, not "to now": nothing happens after it.
      await page.goto(`${suite.server.url}/campaigns/${campaignId}/reports`);
      const span = page.getByTestId('report-span');
      await span.waitFor();
      await expect.poll(() => span.textContent()).toMatch(/– 2026年6月15日 \d\d:\d\d/);
      expect(await span.textContent()).not.toContain('至今');
    }));
});

describe('an advance whose answer the network lost', () => {
  const retried = browserSuite({ seed: { clues: 30, problems: 3 } });

  test('sent again from the same dialog, once the board shows the phase it entered, is not taken as the next advance', () =>
    asUser(retried, 'office', async ({ context, page }) => {
      page.setDefaultTimeout(15_000);
      const campaignId = campaignOf(page);
      const path = `/api/campaigns/${campaignId}/settings`;
      // The consolidation window opened early, as above; concluding has no window, so a second advance would end the campaign.
      const settings = await apiCall<CampaignSettings>(retried.server.url, context, 'GET', path);
      const windows = { ...settings.config.windows, crackdown: { ...settings.config.windows.crackdown, end: '2026-06-10' }, consolidation: { ...settings.config.windows.consolidation, start: '2026-06-11' } };
      await apiCall(retried.server.url, context, 'PATCH', path, { revision: settings.revision, windows });
      await page.reload();
      let sent = 0;
      await page.route('**/api/campaigns/*/advance', async (route) => {
        if (++sent > 1) return route.continue();
        // The server advances; its answer never reaches the browser.
        expect((await route.fetch()).status()).toBe(200);
        await route.abort('internetdisconnected');
      });
      await page.getByTestId('advance-button').click();
      const dialog = page.getByTestId('advance-dialog');
      await dialog.getByTestId('advance-submit').waitFor();
      // Asked for while a criterion is unmet; a reason typed goes with the retry too, as concluding would ask for one.
      if ((await dialog.locator('textarea[name=reason]').count()) > 0) await dialog.locator('textarea[name=reason]').fill('按市局部署转入巩固整治阶段');
      await dialog.getByTestId('advance-submit').click();
      await expect.poll(() => dialog.textContent()).toContain('无法连接服务器');
      // The board learns of the advance behind the dialog (its live stream), and the office, seeing no answer, confirms again.
      await expect.poll(() => page.getByTestId('phase').textContent()).toContain('巩固整治');
      // The dialog now lists what the consolidation has not met, and asks why: the office says so and confirms. That went as
      // the consolidation's advance, and concluded the campaign, for good.
      await dialog.locator('textarea[name=reason]').fill('按市局部署转入巩固整治阶段');
      await dialog.getByTestId('advance-submit').click();
      await dialog.waitFor({ state: 'detached' });
      expect(sent).toBe(2);
      expect((await apiCall<{ state: string }>(retried.server.url, context, 'GET', `/api/campaigns/${campaignId}`)).state).toBe('consolidation');
      // Said as the advance it was, from the phase the dialog was opened in.
      await page.getByTestId('toast').filter({ hasText: '已进入“巩固整治”；“打击整治”阶段报告已定稿' }).waitFor();
    }));
});
