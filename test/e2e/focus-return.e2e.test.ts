import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { sweepDeadlines } from '../../api/services/deadline-sweep';
import { testNow } from '../support/test-database';
import { apiCall, asUser, asUserOn, browserSuite, campaignOf, officersClueDueLater, type TestDatabase } from './browser-kit';

/**
 * Where the keyboard is once a dialog, the inbox or a drawer's form has done
 * its work: on what opened it, or in the drawer, never the page's body (a
 * keyboard user then started again from the top of the page). Needs
 * `npm run build`.
 */
const suite = browserSuite({
  prepare: async (database: TestDatabase) => {
    await sweepDeadlines(database, testNow);
  },
});

/** What has the focus: its test id, or the nearest test id around it, or the tag of the body. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const active = document.activeElement;
    if (active === null || active === document.body) return 'body';
    return active.getAttribute('data-testid') ?? active.closest('[data-testid]')?.getAttribute('data-testid') ?? active.tagName;
  });

describe('the focus after a dialog, the inbox or a form', () => {
  test('the create dialog and the inbox give it back to the button that opened them', () =>
    asUser(suite, 'hantai.lead', async ({ page }) => {
      await page.getByTestId('board').waitFor();
      await page.getByTestId('create').focus();
      await page.keyboard.press('Enter');
      await page.getByTestId('create-dialog').waitFor();
      await page.keyboard.press('Escape');
      await expect.poll(() => focused(page)).toBe('create');

      await page.getByTestId('inbox-button').focus();
      await page.keyboard.press('Enter');
      await page.getByTestId('inbox').waitFor();
      await page.keyboard.press('Escape');
      await expect.poll(() => focused(page)).toBe('inbox-button');
    }));

  test("a link of the top bar followed by the keyboard leaves the focus at the new page's main part, where the next Tab goes on", () =>
    asUser(suite, 'hantai.lead', async ({ page }) => {
      await page.getByTestId('board').waitFor();
      for (const [name, ready] of [
        ['三个清单', '[data-testid=list-table]'],
        // The report drawn, not only its frame: while it loads, its main part holds nothing to Tab to.
        ['阶段报告', '[data-testid=report-document]'],
        // With a card drawn: the board's Tab stop among its cards is where the next Tab goes.
        ['看板', '[data-testid=board] article[data-card-id]'],
      ] as const) {
        await page.getByTestId('campaign-nav').getByRole('link', { name }).focus();
        await page.keyboard.press('Enter');
        await page.locator(ready).first().waitFor();
        await expect.poll(() => page.evaluate(() => document.activeElement?.tagName), { message: name }).toBe('MAIN');
        await page.keyboard.press('Tab');
        expect(await page.evaluate(() => document.activeElement?.closest('main') !== null), name).toBe(true);
      }
    }));

  test("a side column's Expand or Collapse pressed from the keyboard leaves the focus on the toggle that takes its place, with lanes or without; one opened by the address or by Back takes none", () =>
    asUser(suite, 'office', async ({ page }) => {
      const toggled = (state: string) =>
        page.evaluate((id) => {
          const active = document.activeElement;
          return active?.getAttribute('data-testid') === id ? active.getAttribute('aria-expanded') : 'elsewhere';
        }, `toggle-${state}`);
      for (const [path, state, key] of [
        ['board?kind=clue', 'unfounded', 'Enter'],
        ['board?kind=clue', 'merged', 'Space'],
        ['board?kind=clue&swimlane=unit', 'unfounded', 'Space'],
      ] as const) {
        const where = `${path} ${state} ${key}`;
        await page.goto(`${suite.server.url}/campaigns/${campaignOf(page)}/${path}`);
        await page.locator('[data-testid=board]:not(.is-loading)').waitFor();
        const toggle = page.locator(`[data-testid=toggle-${state}]`);
        await toggle.focus();
        await page.keyboard.press(key);
        await expect.poll(() => toggled(state), { message: where }).toBe('true');
        // Focus kept, the keyboard goes on from there: pressed again, the column closes and its Expand has it.
        await page.keyboard.press(key);
        await expect.poll(() => toggled(state), { message: where }).toBe('false');
      }

      // Opened by the address, or again by Back, a side column leaves the focus where it was.
      await page.goto(`${suite.server.url}/campaigns/${campaignOf(page)}/board?kind=clue&side=unfounded`);
      await page.locator('[data-testid=column-unfounded] [data-testid=toggle-unfounded][aria-expanded=true]').waitFor();
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName)).not.toBe('toggle-unfounded');
      await page.getByTestId('toggle-unfounded').focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => toggled('unfounded')).toBe('false');
      const search = page.getByRole('toolbar').locator('input[name=q]');
      await search.focus();
      await page.goBack();
      await page.locator('[data-testid=toggle-unfounded][aria-expanded=true]').waitFor();
      expect(await search.evaluate((input) => input === document.activeElement)).toBe(true);
    }));

  test("a filter's Clear leaves the focus in the search box beside it, on the board and on a list", () =>
    asUser(suite, 'hantai.lead', async ({ page }) => {
      const inSearch = () => page.evaluate(() => document.activeElement instanceof HTMLInputElement && document.activeElement.name === 'q');
      for (const path of ['board?kind=clue&quiet=7', 'lists/clues?quiet=7']) {
        await page.goto(`${suite.server.url}/campaigns/${campaignOf(page)}/${path}`);
        const clear = page.getByRole('button', { name: '清除筛选' });
        await expect.poll(() => clear.isEnabled()).toBe(true);
        await clear.focus();
        await page.keyboard.press('Enter');
        await expect.poll(() => clear.isDisabled()).toBe(true);
        await expect.poll(inSearch).toBe(true);
      }
    }));

  test("a board's batch, once done, leaves the focus on the bar's Clear (its move select is disabled with nothing ticked)", () =>
    asUserOn(suite, 'hantai.lead', '/campaigns/1/board?kind=clue', async ({ page }) => {
      await page.getByTestId('board').waitFor();
      await page.getByTestId('select-cards').click();
      await page.locator('[data-testid=column-found] article[data-card-id]').first().click();
      await expect.poll(() => page.getByTestId('batch-selected').getAttribute('data-n')).toBe('1');
      const move = page.getByTestId('batch-move');
      await move.focus();
      await move.selectOption('verifying');
      const dialog = page.getByTestId('batch-dialog');
      await dialog.waitFor();
      const assignee = dialog.locator('select[name=assigneeId]');
      if ((await assignee.count()) > 0) {
        await assignee.locator('option:not([value=""])').first().waitFor({ state: 'attached' });
        await assignee.selectOption((await assignee.locator('option:not([value=""])').first().getAttribute('value')) ?? '');
      }
      await dialog.getByTestId('batch-submit').click();
      await expect.poll(() => dialog.getByTestId('batch-changed').getAttribute('data-n')).toBe('1');
      await dialog.getByTestId('batch-close').focus();
      await page.keyboard.press('Enter');
      await dialog.waitFor({ state: 'detached' });
      await expect.poll(() => focused(page)).toBe('batch-clear');
    }));

  test("a request for more time sent from the drawer leaves the focus in the drawer, as the item is read again", async () => {
    const own = await officersClueDueLater(suite.database);
    await asUserOn(suite, 'hantai.officer', `/campaigns/1/board?kind=clue&item=${own.id}`, async ({ page }) => {
      const drawer = page.getByTestId('detail-panel');
      await drawer.getByTestId('action-ask').click();
      const form = drawer.getByTestId('ask-form');
      await form.getByTestId('extend-30').click();
      await form.locator('textarea[name=reason]').fill('等待鉴定结论');
      await form.getByTestId('action-submit').focus();
      await page.keyboard.press('Enter');
      await drawer.getByTestId('extension-request').waitFor();
      await expect.poll(() => page.evaluate(() => document.querySelector('[data-testid=detail-panel]')?.contains(document.activeElement) === true)).toBe(true);
    });
  });

  test("a work note sent from the keyboard gives the focus back to 写进展记录, as the item is read again and the drawer drawn anew", async () => {
    const own = await officersClueDueLater(suite.database);
    await asUserOn(suite, 'hantai.officer', `/campaigns/1/board?kind=clue&item=${own.id}`, async ({ page }) => {
      const drawer = page.getByTestId('detail-panel');
      await drawer.getByTestId('action-note').focus();
      await page.keyboard.press('Enter');
      const text = drawer.locator('form.action-form textarea').first();
      await expect.poll(() => text.evaluate((area) => area === document.activeElement)).toBe(true);
      await page.keyboard.type('已调取通话记录，待比对');
      await drawer.locator('form.action-form').getByTestId('action-submit').focus();
      await page.keyboard.press('Enter');
      await drawer.locator('form.action-form').waitFor({ state: 'detached' });
      await expect.poll(() => drawer.getByTestId('history').textContent()).toContain('已调取通话记录，待比对');
      // Not the drawer as a whole, from whose top the keyboard had to Tab through everything again.
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('action-note');
    });
  });

  test("a unit deleted by its own button, confirmed from the keyboard: the focus is on the units tab's panel, and Tab goes on in it", () =>
    asUser(suite, 'admin', async ({ context, page }) => {
      await apiCall(suite.server.url, context, 'POST', '/api/admin/units', { id: 'xiguan', parentId: 'hantai', kind: 'station', nameZh: '西关派出所', nameEn: 'Xiguan Station' }, 201);
      await page.getByTestId('nav-people').click();
      await page.locator('[data-tab=units]').click();
      await page.locator('tr[data-unit=xiguan]').click();
      const remove = page.getByTestId('unit-form').getByRole('button', { name: '删除', exact: true });
      await remove.focus();
      await page.keyboard.press('Enter');
      await page.getByTestId('confirm-dialog').waitFor();
      // Cancel has the focus; the confirm button is the next.
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await page.locator('tr[data-unit=xiguan]').waitFor({ state: 'detached' });
      // The tab's panel, named by its tab: its heading is for screen readers alone, too small to show a focus ring.
      await expect
        .poll(() => page.evaluate(() => `${document.activeElement?.getAttribute('role')} ${document.getElementById(document.activeElement?.getAttribute('aria-labelledby') ?? '')?.textContent}`))
        .toBe('tabpanel 单位');
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.closest('[role=tabpanel]') !== null)).toBe(true);
    }));
});
