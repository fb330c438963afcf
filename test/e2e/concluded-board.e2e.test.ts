import { and, eq } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import { clues } from '../../db/schema';
import { concludeCampaign } from '../support/concluded-campaign';
import { testNow } from '../support/test-database';
import { apiCall, asUser, browserSuite } from './browser-kit';

/**
 * A campaign concluded three weeks before the server's clock (2026-06-15), in a real Chromium against the real
 * server: its board and lists stand at the conclusion, as the wall does. Needs `npm run build`.
 */

const day = 86_400_000;
const concludedAt = new Date(testNow.getTime() - 21 * day);
/** The clue left in Found at the end: in it a day, due three days after the conclusion. */
let clueId = 0;

const suite = browserSuite({
  seed: { clues: 30, problems: 3 },
  prepare: async (database) => {
    const [found] = await database.db.select().from(clues).where(and(eq(clues.campaignId, 1), eq(clues.state, 'found'))).limit(1);
    if (found === undefined) throw new Error('no found clue in the test data');
    clueId = found.id;
    await database.db
      .update(clues)
      .set({ enteredAt: new Date(concludedAt.getTime() - day).toISOString(), dueAt: new Date(concludedAt.getTime() + 3 * day).toISOString() })
      .where(eq(clues.id, found.id));
    await concludeCampaign(database, concludedAt.toISOString());
  },
});

describe('the board and lists of a concluded campaign', () => {
  test('judge a card at the conclusion: no overdue badge for a deadline after it, its age counted to it, and the instant said in both languages', () =>
    asUser(suite, 'office', async ({ page }) => {
      const card = page.getByTestId(`card-${clueId}`);
      await card.waitFor();
      expect(await card.locator('.level-badge').count()).toBe(0);
      expect(await card.getByTestId('age').textContent()).toBe('1天');
      // 2026-05-25 02:00 UTC, 10:00 in Asia/Shanghai.
      expect(await page.getByTestId('deadlines-as-of').textContent()).toBe('时限截至 2026年5月25日 10:00');
      await page.getByTestId('lang-toggle').click();
      await expect.poll(() => page.getByTestId('deadlines-as-of').textContent()).toBe('Deadlines as of 25 May 2026, 10:00');
      expect(await card.getByTestId('age').textContent()).toBe('1d');

      await page.goto(`${page.url().replace(/\/board.*$/, '')}/lists/clues?q=${clueId}`);
      await expect.poll(() => page.getByTestId('deadlines-as-of').textContent()).toBe('Deadlines as of 25 May 2026, 10:00');
      await expect.poll(() => page.locator('.list-level').first().textContent()).toBe('On time');
    }));

  test("mark the phases' timeline at the conclusion, said as such, not as today", () =>
    asUser(suite, 'office', async ({ page }) => {
      await page.getByTestId('board').waitFor();
      await page.goto(`${page.url().replace(/\/board.*$/, '')}/battle-map`);
      await expect.poll(() => page.getByTestId('today').textContent()).toBe('结束于 5月25日');
      await page.getByTestId('lang-toggle').click();
      await expect.poll(() => page.getByTestId('today').textContent()).toBe('Concluded 25 May');
    }));

  test('show its settings as read, every field and button of them disabled and said why; a new campaign is still made from them', () =>
    asUser(suite, 'office', async ({ page }) => {
      await page.goto(`${suite.server.url}/campaigns/1/settings`);
      await page.getByTestId('settings-concluded').waitFor();
      expect(await page.getByTestId('settings-concluded').textContent()).toContain('该专项行动已结束，配置只可查看，不能再改');
      const fields = page.getByTestId('settings-fields');
      const controls = fields.locator('input, select, textarea, button');
      expect(await controls.count()).toBeGreaterThan(20);
      expect(await controls.evaluateAll((all) => all.filter((control) => !(control as HTMLInputElement).matches(':disabled')).length)).toBe(0);
      expect(await fields.getByTestId('save-targets').isDisabled()).toBe(true);
      // The way to a new campaign made from them is not the concluded one's to keep: it is there to follow.
      expect(await page.getByTestId('new-campaign-link').getAttribute('href')).toBe('/campaigns/new?copyFrom=1');
      expect(await page.getByTestId('new-campaign-link').isVisible()).toBe(true);
    }));

  test("name on the battle map the phase whose targets it shows, the last one, with the way to every phase's in the reports", () =>
    asUser(suite, 'office', async ({ context, page }) => {
      const detail = await apiCall<{ phaseEnteredAt: Record<string, string | undefined> }>(suite.server.url, context, 'GET', '/api/campaigns/1');
      const last = (['consolidation', 'crackdown', 'survey'] as const).find((phase) => detail.phaseEnteredAt[phase] !== undefined);
      await page.goto(`${suite.server.url}/campaigns/1/battle-map`);
      // It had read 已结束, the campaign's state, over the bars of its last phase.
      await expect.poll(() => page.getByTestId('bm-targets-phase').textContent()).toBe(last === 'consolidation' ? '巩固整治' : '打击整治');
      expect(await page.getByTestId('bm-targets-report').getAttribute('href')).toBe(`/campaigns/1/reports?phase=${last}`);
    }));
});
