import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fullDiskOf, pageLimitWorker } from '../support/full-disk';
import { apiCall, asUser, browserSuite, campaignOf, type WireBoard } from './browser-kit';

/**
 * What the page says of a write the server's full disk refused (507 disk_full), in Chromium: a board move and a
 * drawer's form each show the refusal's title, as any refusal's, the form kept as typed. Needs `npm run build`.
 */
const suite = browserSuite({ seed: { clues: 40, problems: 4, writeWorker: pageLimitWorker } });
let disk: Awaited<ReturnType<typeof fullDiskOf>>;
beforeAll(async () => {
  disk = await fullDiskOf(suite.database);
});
afterAll(() => disk.close());

const refused = '服务器磁盘已满，本次操作未保存，请联系管理员';
// Long enough that its row and its audit entry need pages of their own, wherever they go.
const long = '经核查，举报线索所涉情况查无实据。'.repeat(200);

describe("a write the server's full disk refused", () => {
  test("is told on the page in the 507's own words: a board move in its toast, a drawer's note beside its form, kept as typed", () =>
    asUser(suite, 'office', async ({ context, page }) => {
      const board = await apiCall<WireBoard>(suite.server.url, context, 'GET', `/api/campaigns/${campaignOf(page)}/board?kind=clue&state=verifying&limit=100`);
      const [clue, other] = board.columns[0]?.cards ?? [];
      if (clue === undefined || other === undefined) throw new Error('the seed has fewer than two verifying clues');
      await page.goto(`${suite.server.url}/campaigns/${campaignOf(page)}/board?kind=clue&item=${clue.id}`);
      const drawer = page.getByTestId('detail-panel');
      await drawer.getByTestId('history').waitFor();
      await disk.fill();
      try {
        await drawer.getByTestId('action-note').click();
        await drawer.locator('textarea[name=text]').fill(long);
        await drawer.getByTestId('note-form').getByTestId('action-submit').click();
        await expect.poll(() => drawer.locator('[data-testid=note-form] [role=alert]').allTextContents(), { timeout: 10_000 }).toEqual([refused]);
        expect(await drawer.locator('textarea[name=text]').inputValue()).toBe(long);

        const card = page.locator(`[data-testid=card-${other.id}]:not([data-dnd-placeholder])`);
        await card.focus();
        await page.keyboard.press('m');
        await card.getByTestId('move-to-unfounded').click();
        const dialog = page.getByTestId('move-dialog');
        await dialog.locator('textarea[name=conclusion]').fill(long);
        await dialog.getByTestId('move-submit').click();
        await expect.poll(() => page.getByTestId('toast').allTextContents(), { timeout: 10_000 }).toContainEqual(expect.stringContaining(`#${other.id} ${refused}`));
        expect((await apiCall<{ state: string; version: number }>(suite.server.url, context, 'GET', `/api/clues/${other.id}`)).state).toBe('verifying');
      } finally {
        await disk.free();
      }
    }));
});
