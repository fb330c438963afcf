import type { BrowserContext, Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { apiCall, apiSession, asUser, browserSuite, campaignOf, type WireBoard } from './browser-kit';

/**
 * An item taken out of a lead's units by someone else while the lead has a drawer form open on it, in Chromium: the
 * drawer says what happened, and what the lead typed stays to read and copy. Needs `npm run build`.
 */
const suite = browserSuite({ seed: { clues: 40, problems: 4 } });

/** The office's transfer of a clue to another unit, at the clue's version now. */
async function transfer(office: BrowserContext, clueId: number, unitId: string, reason: string): Promise<void> {
  const current = await apiCall<{ version: number }>(suite.server.url, office, 'GET', `/api/clues/${clueId}`);
  await apiCall(suite.server.url, office, 'POST', `/api/clues/${clueId}/transfer`, { version: current.version, unitId, reason });
}

/**
 * The lead's drawer open, live, on one of 汉台's verifying clues (`which` picks it: the files' tests share one
 * database, so each takes its own), and the office signed in beside the lead to take it away; the office's browser
 * closed after `work`.
 */
async function drawerOnHantaiClue(
  session: { context: BrowserContext; page: Page },
  which: (hantai: readonly { id: number }[]) => { id: number } | undefined,
  work: (opened: { clueId: number; drawer: Locator; office: BrowserContext }) => Promise<void>,
): Promise<void> {
  const { context, page } = session;
  const board = await apiCall<WireBoard>(suite.server.url, context, 'GET', `/api/campaigns/${campaignOf(page)}/board?kind=clue&state=verifying&limit=100`);
  const clue = which(board.columns[0]?.cards.filter((c) => c.unitId === 'hantai') ?? []);
  if (clue === undefined) throw new Error('the seed has no verifying clue of hantai');
  const office = await apiSession(suite, 'office');
  try {
    await page.goto(`${suite.server.url}/campaigns/${campaignOf(page)}/board?kind=clue&item=${clue.id}`);
    await page.locator('[data-testid=live-indicator][data-status=live]').waitFor();
    await work({ clueId: clue.id, drawer: page.getByTestId('detail-panel'), office: office.context });
  } finally {
    await office.context.close();
  }
}

describe("a drawer whose item someone else transfers out of the reader's units", () => {
  // Two users signed in and two transfers followed live: past the default 30 s on this shared machine, with another file running.
  test('says the item was transferred out of their units, and keeps what they typed, to copy; back in their units, the forms reopen with it', { timeout: 60_000 }, () =>
    asUser(suite, 'hantai.lead', async ({ context, page }) => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: suite.server.url });
      await drawerOnHantaiClue({ context, page }, (hantai) => hantai[0], async ({ clueId, drawer, office }) => {
        // A work note written, then a transfer begun: both typed, neither sent.
        const note = '6月14日走访被害人三名，\n其中两人确认曾向同一账户转账。';
        await drawer.getByTestId('action-note').click();
        await drawer.locator('[data-testid=note-form] textarea[name=text]').fill(note);
        await drawer.getByTestId('action-transfer').click();
        const transferForm = drawer.getByTestId('transfer-form');
        await transferForm.locator('select[name=unitId]').selectOption('nanzheng');
        await transferForm.locator('textarea[name=reason]').fill('主要嫌疑人落脚南郑');

        await transfer(office, clueId, 'chenggu', '户籍在城固');

        // Said plainly: transferred out of the lead's units by someone else, from the unit it was with; not "may have been".
        await drawer.getByTestId('detail-gone').waitFor({ timeout: 10_000 });
        expect(await drawer.getByTestId('detail-gone').textContent()).toContain(
          '此事项已被他人移交出您的单位（原属“汉台分局”），您已不能查看或办理。它现在所属的单位和此后的办理情况不在您的查看范围内。',
        );
        // What was typed, each text as it was, read-only.
        const unsent = drawer.getByTestId('unsent-text');
        expect(await unsent.locator('label').allTextContents()).toEqual(['进展记录', '移交 · 原因']);
        expect(await unsent.locator('textarea').evaluateAll((fields) => fields.map((f) => [(f as HTMLTextAreaElement).value, (f as HTMLTextAreaElement).readOnly]))).toEqual([
          [note, true],
          ['主要嫌疑人落脚南郑', true],
        ]);
        await unsent.first().getByTestId('unsent-copy').click();
        await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(note);

        // Not dropped: back in the lead's units, the drawer reads it again and opens it on the note as typed.
        await transfer(office, clueId, 'hantai', '退回汉台');
        await expect.poll(() => drawer.locator('[data-testid=note-form] textarea[name=text]').inputValue(), { timeout: 10_000 }).toBe(note);
        await drawer.getByTestId('action-transfer').click();
        expect(await transferForm.locator('textarea[name=reason]').inputValue()).toBe('主要嫌疑人落脚南郑');
      });
    }));

  test('says the same after a reload, from the unit kept beside what they typed, in both languages', { timeout: 60_000 }, () =>
    asUser(suite, 'hantai.lead', async ({ context, page }) => {
      // Another clue than the first test's.
      await drawerOnHantaiClue({ context, page }, (hantai) => hantai.at(-1), async ({ clueId, drawer, office }) => {
        const note = '嫌疑人已离开汉台，待核实去向。';
        await drawer.getByTestId('action-note').click();
        await drawer.locator('[data-testid=note-form] textarea[name=text]').fill(note);
        await transfer(office, clueId, 'chenggu', '户籍在城固');
        await drawer.getByTestId('item-left').waitFor({ timeout: 10_000 });

        // Reloaded, the drawer never read the item: the unit it was with is known all the same, not "may have been transferred".
        await page.reload();
        await drawer.getByTestId('detail-gone').waitFor();
        const said = await drawer.getByTestId('detail-gone').textContent();
        expect(said).toContain('此事项已被他人移交出您的单位（原属“汉台分局”），您已不能查看或办理。它现在所属的单位和此后的办理情况不在您的查看范围内。');
        expect(said).not.toContain('可能已移交');
        expect(await drawer.getByTestId('unsent-text').locator('textarea').inputValue()).toBe(note);
        await page.getByTestId('lang-toggle').click();
        await expect.poll(() => drawer.getByTestId('item-left').textContent()).toMatch(/^Someone else has transferred this item out of your units \(it was with Hantai/);
      });
    }));
});
