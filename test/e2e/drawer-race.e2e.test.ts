import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { apiCall, asUser, browserSuite, campaignOf, signedIn, type WireBoard } from './browser-kit';

/**
 * Two users at the same item's drawer form at once, in Chromium: the one who sends second, on the item as their form
 * was opened, is refused and told what the first did, their form kept. Needs `npm run build`.
 */
const suite = browserSuite({ seed: { clues: 40, problems: 4 } });

/** The item's drawer with its transfer form open, to `unitId` for `reason`, on a board that follows changes live. */
async function transferTyped(page: Page, id: number, unitId: string, reason: string) {
  await page.goto(`${suite.server.url}/campaigns/${campaignOf(page)}/board?kind=clue&item=${id}`);
  await page.locator('[data-testid=live-indicator][data-status=live]').waitFor();
  const drawer = page.getByTestId('detail-panel');
  await drawer.getByTestId('action-transfer').click();
  const form = drawer.getByTestId('transfer-form');
  await form.locator('select[name=unitId]').selectOption(unitId);
  await form.locator('textarea[name=reason]').fill(reason);
  return { drawer, form };
}

describe('a drawer form sent after someone else changed its item', () => {
  test("a transfer sent second is refused, saying where the first sent the item, its form kept; sent again, it goes knowingly", () =>
    asUser(suite, 'hantai.lead', async ({ context, page }) => {
      const board = await apiCall<WireBoard>(suite.server.url, context, 'GET', `/api/campaigns/${campaignOf(page)}/board?kind=clue&state=verifying&limit=100`);
      const clue = board.columns[0]?.cards.find((c) => c.unitId === 'hantai');
      if (clue === undefined) throw new Error('the seed has no verifying clue of hantai');
      const office = await signedIn(suite.browser, suite.server.url, 'office');
      try {
        const lead = await transferTyped(page, clue.id, 'chenggu', '涉案人员户籍在城固');
        const theirs = await transferTyped(office.page, clue.id, 'mianxian', '资金流向勉县');

        await lead.form.getByTestId('action-submit').click();
        // The lead's transfer took the clue out of their units: their drawer closes.
        await lead.drawer.waitFor({ state: 'detached' });
        // The office's drawer shows it live, above its form as typed.
        await expect.poll(() => theirs.drawer.locator('.detail-fields dd').first().textContent(), { timeout: 10_000 }).toBe('城固县公安局');

        await theirs.form.getByTestId('action-submit').click();
        await expect
          .poll(() => theirs.drawer.locator('[data-testid=transfer-form] [role=alert]').allTextContents(), { timeout: 10_000 })
          .toEqual(['此事项刚被他人移交至“城固县公安局”，本次提交未执行。您填写的内容已保留：请按最新情况核对，仍需办理可再次提交。']);
        expect(await theirs.form.locator('select[name=unitId]').inputValue()).toBe('mianxian');
        expect(await theirs.form.locator('textarea[name=reason]').inputValue()).toBe('资金流向勉县');
        expect((await apiCall<{ unitId: string }>(suite.server.url, office.context, 'GET', `/api/clues/${clue.id}`)).unitId).toBe('chenggu');

        // Told, the office sends it again: it goes on from the lead's transfer.
        await theirs.form.getByTestId('action-submit').click();
        await theirs.form.waitFor({ state: 'detached' });
        expect((await apiCall<{ unitId: string }>(suite.server.url, office.context, 'GET', `/api/clues/${clue.id}`)).unitId).toBe('mianxian');
      } finally {
        await office.context.close();
      }
    }));

  test('a merge form left open while someone else merges its clue stays, as typed, though no button is left to open it', () =>
    asUser(suite, 'office', async ({ context, page }) => {
      const board = await apiCall<WireBoard>(suite.server.url, context, 'GET', `/api/campaigns/${campaignOf(page)}/board?kind=clue&state=verifying&limit=100`);
      const [clue, other, third] = board.columns[0]?.cards ?? [];
      if (clue === undefined || other === undefined || third === undefined) throw new Error('the seed has fewer than three verifying clues');
      await page.goto(`${suite.server.url}/campaigns/${campaignOf(page)}/board?kind=clue&item=${clue.id}`);
      await page.locator('[data-testid=live-indicator][data-status=live]').waitFor();
      const drawer = page.getByTestId('detail-panel');
      await drawer.getByTestId('action-merge').click();
      const form = drawer.getByTestId('merge-form');
      await form.locator('input[name=targetId]').fill(String(third.id));
      await form.locator('textarea[name=reason]').fill('同一批被害人');

      const current = await apiCall<{ version: number }>(suite.server.url, context, 'GET', `/api/clues/${clue.id}`);
      await apiCall(suite.server.url, context, 'POST', `/api/clues/${clue.id}/transitions`, { to: 'merged', version: current.version, payload: { targetId: other.id, reason: '同一收款账户' } });
      // The drawer follows the merge live; the form, which no button would now open, stays as typed.
      await drawer.getByTestId('action-merge').waitFor({ state: 'detached', timeout: 10_000 });
      expect(await form.locator('textarea[name=reason]').inputValue()).toBe('同一批被害人');
      expect(await form.locator('input[name=targetId]').inputValue()).toBe(String(third.id));
    }));
});
