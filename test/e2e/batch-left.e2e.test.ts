import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import type { ListPage } from '../../api/contracts/lists';
import type { Card } from '../../web/src/api/client';
import { confirmFrom } from '../../web/src/batch/batch-plan';
import { apiCall, apiSession, artifacts, browserSuite, campaignOf, drag, signedIn } from './browser-kit';

/**
 * A batch that changes some items and leaves others (someone else changed one meanwhile): the result offers to send
 * again those left, with all that was typed; closed, they stay selected and the same change opened again for them
 * starts from what was typed. On the board and on a list, in a real Chromium. Needs `npm run build`.
 */

const suite = browserSuite();
const reason = '专案组需补充调取银行流水，延期至行动结束';

/** Starts selecting on the board and ticks the cards, wherever in their columns they are, the bar counting them. */
async function tickCards(page: Page, cards: readonly Card[]): Promise<void> {
  await page.getByTestId('select-cards').click();
  for (const card of cards) {
    const shown = page.locator(`[data-testid=card-${card.id}]`);
    await shown.scrollIntoViewIfNeeded();
    await shown.click();
  }
  await expect.poll(() => page.getByTestId('batch-selected').getAttribute('data-n')).toBe(String(cards.length));
}

describe('the items a batch left', () => {
  test('on the board: the card left stays ticked, the one changed not, and extending it again starts from the day and reason typed', async () => {
    const office = await apiSession(suite, 'office');
    const { context, page } = await signedIn(suite.browser, suite.server.url, 'hantai.lead');
    try {
      const campaignId = campaignOf(page);
      const { endsOn } = await apiCall<{ endsOn: string }>(suite.server.url, context, 'GET', `/api/campaigns/${campaignId}`);
      const board = await apiCall<{ columns: { cards: Card[] }[] }>(suite.server.url, context, 'GET', `/api/campaigns/${campaignId}/board?kind=clue&state=verifying&limit=500`);
      const [done, left] = (board.columns[0]?.cards ?? []).filter((card) => card.changes.includes('clue.extend') && card.dueAt !== null && card.dueAt < endsOn);
      if (done === undefined || left === undefined) throw new Error('the seed gives Hantai fewer than two verifying clues its lead may extend');
      const cardOf = (card: Card) => page.locator(`[data-testid=column-verifying] [data-testid=card-${card.id}]`);

      await page.getByTestId('select-cards').click();
      await cardOf(done).click();
      await cardOf(left).click();
      await expect.poll(() => page.getByTestId('batch-selected').getAttribute('data-n')).toBe('2');
      await page.getByTestId('batch-extend').click();
      const dialog = page.getByTestId('batch-dialog');
      await dialog.locator('input[name=until]').fill(endsOn);
      await dialog.locator('textarea[name=reason]').fill(reason);

      // Meanwhile the office edits one of them: its version is no longer the one the lead selected.
      await apiCall(suite.server.url, office.context, 'PATCH', `/api/clues/${left.id}`, { version: left.version, description: '专项办补充：举报人已提供截图' });
      await dialog.getByTestId('batch-submit').click();
      await dialog.getByTestId('batch-result').waitFor();
      expect(await dialog.getByTestId('batch-changed').getAttribute('data-n')).toBe('1');
      expect(await dialog.getByTestId('batch-refused').getAttribute('data-n')).toBe('1');
      expect(await dialog.getByTestId(`batch-refused-clue-${left.id}`).textContent()).toContain('该事项已被他人修改');
      expect(await dialog.getByTestId('batch-retry').textContent()).toBe('重试未完成的 1 项');
      expect(await dialog.getByTestId('batch-left').textContent()).toContain('关闭后，未完成的 1 项仍保持选中');
      await dialog.screenshot({ path: `${artifacts}/board-batch-left-zh.png` });

      // Closed: the card extended is done and unticked; the one left is still ticked, alone.
      await dialog.getByTestId('batch-close').click();
      await dialog.waitFor({ state: 'detached' });
      await expect.poll(() => page.getByTestId('batch-selected').getAttribute('data-n')).toBe('1');
      expect(await cardOf(left).getAttribute('aria-checked')).toBe('true');
      expect(await cardOf(done).getAttribute('aria-checked')).toBe('false');

      // The same change opened again for it: the day and the reason are there, and it says where they came from.
      await page.getByTestId('batch-extend').click();
      await dialog.getByTestId('batch-restored').waitFor();
      expect(await dialog.getByTestId('batch-count').textContent()).toContain('将处理 1 项');
      expect(await dialog.locator('textarea[name=reason]').inputValue()).toBe(reason);
      expect(await dialog.locator('input[name=until]').inputValue()).toBe(endsOn);
      await dialog.screenshot({ path: `${artifacts}/board-batch-restored-zh.png` });

      // Cancel throws it away: opened again, the change starts from nothing.
      await dialog.getByRole('button', { name: '取消' }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.getByTestId('batch-extend').click();
      expect(await dialog.locator('textarea[name=reason]').inputValue()).toBe('');
      expect(await dialog.getByTestId('batch-restored').count()).toBe(0);
    } finally {
      await context.close();
      await office.context.close();
    }
  });

  test('on a list: "retry the one left" sends it again with the same day and reason, at its version now; then nothing is left ticked', async () => {
    const { context, page } = await signedIn(suite.browser, suite.server.url, 'office');
    try {
      const campaign = await apiCall<{ endsOn: string; units: { id: string }[] }>(suite.server.url, context, 'GET', '/api/campaigns/1');
      // A small set of clues of one unit in one state, each of which the office may extend.
      let chosen: { filter: string; items: ListPage['items'] } | undefined;
      for (const state of ['filed', 'solved', 'verifying']) {
        for (const { id: unit } of campaign.units) {
          const list = await apiCall<ListPage>(suite.server.url, context, 'GET', `/api/campaigns/1/lists/clues?state=${state}&unit=${unit}&limit=500`);
          const items = list.items.filter((item) => item.changes.includes('clue.extend') && item.dueAt !== null && item.dueAt < campaign.endsOn);
          if (chosen === undefined && items.length >= 2 && items.length === list.items.length && list.items.length < confirmFrom) chosen = { filter: `state=${state}&unit=${unit}`, items };
        }
      }
      if (chosen === undefined) throw new Error('the seed has no small set of clues the office may extend');
      const { filter, items } = chosen;
      const [stale] = items;
      if (stale === undefined) throw new Error('unreachable');

      await page.goto(`${suite.server.url}/campaigns/1/lists/clues?${filter}`);
      await page.locator('[data-testid=list-table] tbody tr').first().waitFor();
      await page.getByTestId('select-page').check();
      await expect.poll(() => page.getByTestId('batch-selected').getAttribute('data-n')).toBe(String(items.length));
      await page.getByTestId('batch-extend').click();
      const dialog = page.getByTestId('batch-dialog');
      await dialog.locator('input[name=until]').fill(campaign.endsOn);
      await dialog.locator('textarea[name=reason]').fill(reason);
      const edited = await apiCall<{ version: number }>(suite.server.url, context, 'PATCH', `/api/clues/${stale.id}`, { version: stale.version, description: '另一窗口补充的情况' });
      await dialog.getByTestId('batch-submit').click();
      await dialog.getByTestId('batch-result').waitFor();
      expect(await dialog.getByTestId('batch-changed').getAttribute('data-n')).toBe(String(items.length - 1));
      expect(await dialog.getByTestId(`batch-refused-clue-${stale.id}`).textContent()).toContain('该事项已被他人修改');

      // The retry is said to change it as it stands now, over the other's change, before it is pressed.
      expect(await dialog.getByTestId('batch-stale').textContent()).toContain('重试将对其最新状态执行本次操作');
      // Sent again as it stands now: extended with what was typed, and the result counts every item changed.
      await dialog.getByTestId('batch-retry').click();
      await expect.poll(() => dialog.getByTestId('batch-changed').getAttribute('data-n')).toBe(String(items.length));
      expect(await dialog.getByTestId('batch-changed').textContent()).toContain('全部处理完成');
      expect(await dialog.getByTestId('batch-refused').count()).toBe(0);
      expect(await dialog.getByTestId('batch-retry').count()).toBe(0);
      const now = await apiCall<{ version: number }>(suite.server.url, context, 'GET', `/api/clues/${stale.id}`);
      expect(now.version).toBe(edited.version + 1);
      const history = await apiCall<{ event: string; payload: { reason?: string } }[]>(suite.server.url, context, 'GET', `/api/clues/${stale.id}/history`);
      expect(history.at(-1)).toMatchObject({ event: 'clue.extend', payload: { reason } });

      // Nothing left: closed, nothing stays ticked.
      await dialog.getByTestId('batch-close').click();
      await dialog.waitFor({ state: 'detached' });
      await page.getByTestId('batch-bar').waitFor({ state: 'detached' });

      // Done with, what was typed is not kept: the same change for the item retried starts from nothing.
      await page.getByTestId(`select-clue-${stale.id}`).check();
      await page.getByTestId('batch-extend').click();
      await dialog.waitFor();
      expect(await dialog.getByTestId('batch-restored').count()).toBe(0);
      expect(await dialog.locator('textarea[name=reason]').inputValue()).toBe('');
    } finally {
      await context.close();
    }
  });

  test('a retry the server refuses only for the reason typed goes back to the form with the reason kept and marked; corrected, it changes those left', async () => {
    const { context, page } = await signedIn(suite.browser, suite.server.url, 'office');
    try {
      const campaign = await apiCall<{ endsOn: string; units: { id: string }[] }>(suite.server.url, context, 'GET', '/api/campaigns/1');
      // A small set of clues of one unit in one state, each of which the office may extend (not those the test above extended).
      let chosen: { filter: string; items: ListPage['items'] } | undefined;
      for (const state of ['verifying', 'solved', 'filed']) {
        for (const { id: unit } of [...campaign.units].reverse()) {
          const list = await apiCall<ListPage>(suite.server.url, context, 'GET', `/api/campaigns/1/lists/clues?state=${state}&unit=${unit}&limit=500`);
          const items = list.items.filter((item) => item.changes.includes('clue.extend') && item.dueAt !== null && item.dueAt < campaign.endsOn);
          if (chosen === undefined && items.length >= 2 && items.length === list.items.length && list.items.length < confirmFrom) chosen = { filter: `state=${state}&unit=${unit}`, items };
        }
      }
      if (chosen === undefined) throw new Error('the seed has no small set of clues the office may extend');
      const { filter, items } = chosen;
      const [stale] = items;
      if (stale === undefined) throw new Error('unreachable');
      const versions = async () => {
        const now = await apiCall<ListPage>(suite.server.url, context, 'GET', `/api/campaigns/1/lists/clues?${filter}&limit=500`);
        return items.map((item) => now.items.find((row) => row.id === item.id)?.version);
      };

      await page.goto(`${suite.server.url}/campaigns/1/lists/clues?${filter}`);
      await page.locator('[data-testid=list-table] tbody tr').first().waitFor();
      await page.getByTestId('select-page').check();
      await expect.poll(() => page.getByTestId('batch-selected').getAttribute('data-n')).toBe(String(items.length));
      await page.getByTestId('batch-extend').click();
      const dialog = page.getByTestId('batch-dialog');
      const box = dialog.locator('textarea[name=reason]');
      await dialog.locator('input[name=until]').fill(campaign.endsOn);
      // A reason of invisible characters only passes the page; meanwhile someone else changes one of the items.
      await box.fill('\u200b\u200b');
      const edited = await apiCall<{ version: number }>(suite.server.url, context, 'PATCH', `/api/clues/${stale.id}`, { version: stale.version, description: '另一窗口补充的情况' });

      // Not every item refused for the reason (one for its version): the result says each, and offers to send them again.
      await dialog.getByTestId('batch-submit').click();
      await dialog.getByTestId('batch-result').waitFor();
      expect(await dialog.getByTestId(`batch-refused-clue-${stale.id}`).textContent()).toContain('该事项已被他人修改');
      expect(await dialog.getByTestId('batch-retry').textContent()).toBe(`重试未完成的 ${items.length} 项`);

      // The retry, the stale one at its version now, is refused for the reason alone: back to the form, the reason
      // still there and marked with the server's words, to be corrected; nothing changed.
      await dialog.getByTestId('batch-retry').click();
      await expect.poll(() => dialog.getByTestId('batch-problem').textContent()).toBe('重试未作任何更改（此前已处理的事项不受影响）：请按标出的字段修改后再提交。');
      expect(await dialog.getByTestId('batch-result').count()).toBe(0);
      expect(await box.inputValue()).toBe('\u200b\u200b');
      expect(await box.getAttribute('aria-invalid')).toBe('true');
      expect(await dialog.getByTestId('error-reason').textContent()).toBe('不能只有看不见的字符');
      expect(await dialog.getByTestId('batch-count').textContent()).toContain(`将处理 ${items.length} 项`);
      expect(await versions()).toEqual(items.map((item) => (item.id === stale.id ? edited.version : item.version)));
      await dialog.screenshot({ path: `${artifacts}/batch-retry-reason-refused-zh.png` });

      // Corrected and applied: every item left is extended with it, the stale one as it stands now.
      await box.fill(reason);
      await dialog.getByTestId('batch-submit').click();
      await expect.poll(() => dialog.getByTestId('batch-changed').getAttribute('data-n')).toBe(String(items.length));
      expect(await dialog.getByTestId('batch-changed').textContent()).toContain('全部处理完成');
      expect(await versions()).toEqual(items.map((item) => (item.id === stale.id ? edited.version : item.version) + 1));
      const history = await apiCall<{ event: string; payload: { reason?: string } }[]>(suite.server.url, context, 'GET', `/api/clues/${stale.id}/history`);
      expect(history.at(-1)).toMatchObject({ event: 'clue.extend', payload: { reason } });
      await dialog.getByTestId('batch-close').click();
      await page.getByTestId('batch-bar').waitFor({ state: 'detached' });
    } finally {
      await context.close();
    }
  });

  test('an item transferred out of reach meanwhile is said no longer in sight, as its drawer says, with no link that could only fail', async () => {
    const office = await apiSession(suite, 'office');
    const { context, page } = await signedIn(suite.browser, suite.server.url, 'hantai.lead');
    try {
      const campaignId = campaignOf(page);
      const board = await apiCall<{ columns: { cards: Card[] }[] }>(suite.server.url, context, 'GET', `/api/campaigns/${campaignId}/board?kind=clue&state=found&limit=500`);
      const chosen = (board.columns[0]?.cards ?? []).slice(0, 8).filter((card) => card.changes.includes('clue.transfer')).slice(0, 3);
      const [gone] = chosen;
      if (gone === undefined || chosen.length < 3) throw new Error('the seed shows Hantai’s lead fewer than three found clues they may transfer');

      await page.getByTestId('select-cards').click();
      for (const card of chosen) await page.locator(`[data-testid=column-found] [data-testid=card-${card.id}]`).click();
      await expect.poll(() => page.getByTestId('batch-selected').getAttribute('data-n')).toBe('3');
      await page.getByTestId('batch-transfer').click();
      const dialog = page.getByTestId('batch-dialog');
      await dialog.locator('select[name=unitId]').selectOption('nanzheng');
      await dialog.locator('textarea[name=reason]').fill('案发地在南郑，移交属地');

      // Meanwhile the office transfers one of them to Chenggu: out of the lead's units.
      await apiCall(suite.server.url, office.context, 'POST', `/api/clues/${gone.id}/transfer`, { version: gone.version, unitId: 'chenggu', reason: '属地' });
      await dialog.getByTestId('batch-submit').click();
      await dialog.getByTestId('batch-result').waitFor();
      expect(await dialog.getByTestId('batch-changed').getAttribute('data-n')).toBe('2');
      const refused = dialog.getByTestId(`batch-refused-clue-${gone.id}`);
      expect(await refused.textContent()).toBe(`#${gone.id} ${gone.title}该事项已不在您可查看的范围内：可能已移交给其他单位，或编号有误。`);
      expect(await refused.locator('a').count()).toBe(0);
      // Nothing left to send again: the server would refuse it again.
      expect(await dialog.getByTestId('batch-retry').count()).toBe(0);
      await dialog.screenshot({ path: `${artifacts}/board-batch-gone-zh.png` });
    } finally {
      await context.close();
      await office.context.close();
    }
  });

  test('found clues of two units moved to verifying at once: an assignee asked for each unit, of its own people, each clue given its own unit\'s; the count says only those sent', async () => {
    const { context, page } = await signedIn(suite.browser, suite.server.url, 'office');
    try {
      const campaignId = campaignOf(page);
      const read = (state: string) => apiCall<{ columns: { cards: Card[] }[] }>(suite.server.url, context, 'GET', `/api/campaigns/${campaignId}/board?kind=clue&state=${state}`);
      const found = ((await read('found')).columns[0]?.cards ?? []).filter((card) => card.assigneeId === null && card.allowed.some((move) => move.to === 'verifying'));
      const units = [...new Set(found.map((card) => card.unitId))].slice(0, 2);
      const [first, second] = units.map((unit) => found.find((card) => card.unitId === unit));
      const filed = ((await read('filed')).columns[0]?.cards ?? []).find((card) => card.allowed.length > 0);
      if (first === undefined || second === undefined || filed === undefined) throw new Error('the seed has no unassigned found clues in two units, or no filed clue the office may move');

      await tickCards(page, [first, second, filed]);
      await page.getByTestId('batch-move').selectOption('verifying');
      const dialog = page.getByTestId('batch-dialog');
      await dialog.waitFor();
      // Two will be sent; the filed clue, which cannot go to verifying, is said apart (it read "将处理 3 项").
      expect(await dialog.getByTestId('batch-count').textContent()).toBe('将处理 2 项。');
      expect(await dialog.getByTestId('batch-skipped').locator('p').textContent()).toBe('另有 1 项不能移至“核查中”，不会提交，完成后仍保持选中：');
      expect(await dialog.getByTestId(`batch-skipped-clue-${filed.id}`).textContent()).toBe(`#${filed.id} ${filed.title}`);
      // One assignee for each unit, named with it, offering that unit's people only (one person named for both was
      // refused for the other unit's clue: an assignee must be of the clue's unit).
      expect(await dialog.locator('select[name=assigneeId]').count()).toBe(0);
      const chosen = new Map<number, number>();
      for (const card of [first, second]) {
        const select = dialog.locator(`select[name="assigneeId@${card.unitId}"]`);
        await select.locator('option:not([value=""])').first().waitFor({ state: 'attached' });
        const offered = await select.locator('option:not([value=""])').evaluateAll((options) => options.map((option) => Number((option as HTMLOptionElement).value)));
        const people = await apiCall<{ id: number; unitId: string }[]>(suite.server.url, context, 'GET', `/api/users?unit=${card.unitId}`);
        expect(offered.every((id) => people.some((person) => person.id === id && person.unitId === card.unitId))).toBe(true);
        const [person] = offered;
        if (person === undefined) throw new Error(`no one to assign in ${card.unitId}`);
        await select.selectOption(String(person));
        chosen.set(card.id, person);
      }
      await dialog.screenshot({ path: `${artifacts}/board-batch-by-unit-zh.png` });
      await dialog.getByTestId('batch-submit').click();
      await expect.poll(() => dialog.getByTestId('batch-changed').getAttribute('data-n')).toBe('2');
      expect(await dialog.getByTestId('batch-refused').count()).toBe(0);
      for (const card of [first, second]) {
        const item = await apiCall<{ state: string; assigneeId: number | null }>(suite.server.url, context, 'GET', `/api/clues/${card.id}`);
        expect(item).toMatchObject({ state: 'verifying', assigneeId: chosen.get(card.id) });
      }
    } finally {
      await context.close();
    }
  });
  test('ticked cards dropped on a column only some may enter: the dialog says how many may not go there, naming the column and each card, and those stay ticked after the batch', async () => {
    const { context, page } = await signedIn(suite.browser, suite.server.url, 'office');
    try {
      const campaignId = campaignOf(page);
      const read = (state: string) => apiCall<{ columns: { cards: Card[] }[] }>(suite.server.url, context, 'GET', `/api/campaigns/${campaignId}/board?kind=clue&state=${state}`);
      // Found clues with an assignee go to verifying with nothing to ask; a filed clue may not go back there.
      const [first, second] = ((await read('found')).columns[0]?.cards ?? []).filter((card) => card.allowed.some((move) => move.to === 'verifying' && move.needs.length === 0));
      const filed = ((await read('filed')).columns[0]?.cards ?? []).find((card) => card.allowed.length > 0 && !card.allowed.some((move) => move.to === 'verifying'));
      if (first === undefined || second === undefined || filed === undefined) throw new Error('the seed has no two assigned found clues, or no filed clue the office may move');

      await tickCards(page, [first, second, filed]);
      const firstCard = page.locator(`[data-testid=column-found] [data-testid=card-${first.id}]`);
      await firstCard.scrollIntoViewIfNeeded();
      await drag(page, firstCard, page.getByTestId('column-verifying'));
      const dialog = page.getByTestId('batch-dialog');
      await dialog.waitFor();
      expect(await dialog.getByTestId('batch-count').textContent()).toBe('将处理 2 项。');
      const skipped = dialog.getByTestId('batch-skipped');
      expect(await skipped.locator('p').textContent()).toBe('另有 1 项不能移至“核查中”，不会提交，完成后仍保持选中：');
      expect(await skipped.locator('li').allTextContents()).toEqual([`#${filed.id} ${filed.title}`]);
      await dialog.screenshot({ path: `${artifacts}/board-batch-drop-skipped-zh.png` });
      await dialog.getByTestId('batch-submit').click();
      await expect.poll(() => dialog.getByTestId('batch-changed').getAttribute('data-n')).toBe('2');
      await dialog.getByTestId('batch-close').click();
      await dialog.waitFor({ state: 'detached' });
      // The filed clue, which went nowhere, is still ticked, for another change; the two moved are not.
      await expect.poll(() => page.getByTestId('batch-selected').getAttribute('data-n')).toBe('1');
      expect(await page.locator(`[data-testid=card-${filed.id}]`).getAttribute('aria-checked')).toBe('true');
      expect(await page.locator('[data-testid^=card-].is-selected').evaluateAll((cards) => cards.map((card) => card.getAttribute('data-card-id')))).toEqual([String(filed.id)]);
    } finally {
      await context.close();
    }
  });
});
