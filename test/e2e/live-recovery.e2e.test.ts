import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { userNamed } from '../support/demo-users';
import { demoPassword } from '../support/test-database';
import { asUser, browserSuite, campaignOf, cardIds, signedIn, type WireBoard } from './browser-kit';

/**
 * An open page that stays right when what is around it changes without a
 * reload: the user moved to another unit by the administrator (their board,
 * filters and New dialog follow their new reach), and the network lost and
 * back (the changes that arrived meanwhile are shown, and the indicator says
 * live again).
 * Needs `npm run build`.
 */
const suite = browserSuite();

/** A session cookie of a demo user, signed in now (with what they may see now). */
async function cookieOf(username: string): Promise<string> {
  const response = await fetch(`${suite.server.url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: demoPassword }) });
  expect(response.status).toBe(200);
  return (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

async function send<T>(cookie: string, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${suite.server.url}${path}`, { method, headers: { cookie, 'content-type': 'application/json' }, ...(body !== undefined && { body: JSON.stringify(body) }) });
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

/** Each column's count as the board on the page shows it, by state. */
async function countsShown(page: Page, states: readonly string[]): Promise<Record<string, string>> {
  const shown: Record<string, string> = {};
  // A collapsed side column shows its count on the strip that opens it.
  for (const state of states) shown[state] = ((await page.locator(`[data-testid=count-${state}], [data-testid=toggle-${state}] .column-count`).first().textContent()) ?? '').trim();
  return shown;
}

const countsOf = (board: WireBoard): Record<string, string> => Object.fromEntries(board.columns.map((c) => [c.state, String(c.count)]));

describe('an open page after the user’s reach changes and after the network returns', () => {
  test('a user moved to another unit sees, without a reload, only the new unit’s cards, counts and filter, is told once, and New offers the new unit', async () => {
    const officer = await userNamed(suite.database.db, 'yangxian.officer');
    const { context, page } = await signedIn(suite.browser, suite.server.url, 'yangxian.officer');
    try {
      const campaignId = campaignOf(page);
      // Filtered to their unit: a filter the move leaves outside what they may see.
      await page.goto(`${suite.server.url}/campaigns/${campaignId}/board?unit=yangxian`);
      await page.locator('[data-testid=board]:not(.is-loading)').waitFor();
      await page.locator('[data-testid=live-indicator][data-status=live]').waitFor();
      await page.evaluate(() => Object.assign(window, { notReloaded: true }));

      await send(await cookieOf('admin'), 'PATCH', `/api/admin/users/${officer.id}`, { unitId: 'xixiang', releaseHeldItems: true });
      // What the officer sees now, as a fresh session of theirs reads it.
      const now = await send<WireBoard>(await cookieOf('yangxian.officer'), 'GET', `/api/campaigns/${campaignId}/board?kind=clue&limit=500`);
      const theirs = new Set(now.columns.flatMap((c) => c.cards.map((card) => card.id)));
      expect(now.columns.every((c) => c.cards.every((card) => card.unitId === 'xixiang'))).toBe(true);
      expect(theirs.size).toBeGreaterThan(0);
      const states = now.columns.map((c) => c.state);

      // The server ends the stream as the change is saved (not at its heartbeat, 25 s on), and the page opened it again.
      await expect.poll(() => countsShown(page, states)).toEqual(countsOf(now));
      await expect.poll(() => new URL(page.url()).searchParams.get('unit')).toBeNull();
      const onScreen = await cardIds(page);
      expect(onScreen.length).toBeGreaterThan(0);
      expect(onScreen.filter((id) => !theirs.has(id))).toEqual([]);
      await page.getByTestId('toast').filter({ hasText: '您的单位或角色已变更，页面已按新的权限刷新' }).waitFor();
      await page.waitForTimeout(3000);
      expect(await page.getByTestId('toast').filter({ hasText: '您的单位或角色已变更' }).count()).toBe(1);
      expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);

      await page.getByTestId('create').click();
      const units = page.getByTestId('create-dialog').locator('select[name=unitId] option:not([value=""])');
      await expect.poll(() => units.allTextContents()).toEqual(['西乡县公安局']);
    } finally {
      await context.close();
    }
  });

  test('a change made while the network was down shows once it is back, and the indicator says live again', () =>
    asUser(suite, 'office', async ({ context, page }) => {
      const campaignId = campaignOf(page);
      await page.goto(`${suite.server.url}/campaigns/${campaignId}/board?unit=nanzheng`);
      await page.locator('[data-testid=board]:not(.is-loading)').waitFor();
      await page.locator('[data-testid=live-indicator][data-status=live]').waitFor();
      const lead = await cookieOf('nanzheng.lead');
      const verifying = await send<WireBoard>(lead, 'GET', `/api/campaigns/${campaignId}/board?kind=clue&unit=nanzheng&state=verifying&limit=500`);
      const clue = verifying.columns[0]?.cards.find((c) => c.allowed.some((m) => m.to === 'filed'));
      if (clue === undefined) throw new Error('no verifying clue of 南郑 the lead may file');
      await page.locator(`[data-testid=column-verifying] [data-testid=card-${clue.id}]`).waitFor();

      await context.setOffline(true);
      await page.locator('[data-testid=live-indicator][data-status=offline]').waitFor();
      await send(lead, 'POST', `/api/clues/${clue.id}/transitions`, { to: 'filed', version: clue.version, payload: { caseNumber: `NZ-${clue.id}`, conclusion: '经核查属实' } });
      const after = await send<WireBoard>(lead, 'GET', `/api/campaigns/${campaignId}/board?kind=clue&unit=nanzheng&limit=500`);
      // The change arrives over the stream still open while the network is down, and the column reads it asks for fail.
      await page.waitForTimeout(3000);
      await context.setOffline(false);

      await page.locator(`[data-testid=column-filed] [data-testid=card-${clue.id}]`).waitFor({ timeout: 20_000 });
      expect(await page.locator(`[data-testid=column-verifying] [data-testid=card-${clue.id}]`).count()).toBe(0);
      await expect.poll(() => countsShown(page, ['verifying', 'filed'])).toEqual({ verifying: String(after.columns.find((c) => c.state === 'verifying')?.count), filed: String(after.columns.find((c) => c.state === 'filed')?.count) });
      await page.locator('[data-testid=live-indicator][data-status=live]').waitFor({ timeout: 20_000 });
    }));
});
