import { describe, expect, test } from 'vitest';
import { answerConfirm, apiCall, asUser, browserSuite } from './browser-kit';
import { demoPassword } from '../support/test-database';

/**
 * What the administrator's people forms say before a change leaves someone
 * out of reach: a user moved away from the items they hold, a unit moved away
 * from its leads or from the officer holding its items, a unit retired while
 * the new-user form still had it chosen.
 * Needs `npm run build`.
 */

const suite = browserSuite({ seed: { clues: 80, problems: 6 } });

/** A session cookie of a demo user, for the API calls that set a test up. */
async function cookieOf(username: string): Promise<string> {
  const response = await fetch(`${suite.server.url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: demoPassword }) });
  expect(response.status).toBe(200);
  return (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

async function send(cookie: string, method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${suite.server.url}${path}`, { method, headers: { cookie, 'content-type': 'application/json' }, ...(body !== undefined && { body: JSON.stringify(body) }) });
}

type Account = { id: number; username: string; unitId: string; openItems: number };

describe('people forms that would leave someone out of reach', () => {
  test('moving a user who holds open items to another county asks first, naming how many and what becomes of them; confirmed, they go back to the unit', () =>
    asUser(suite, 'admin', async ({ context, page }) => {
      const office = await cookieOf('office');
      const accounts = await apiCall<Account[]>(suite.server.url, context, 'GET', '/api/admin/users');
      const officer = accounts.find((a) => a.username === 'hantai.officer');
      if (officer === undefined) throw new Error('no hantai.officer');
      // Two more of hantai's open clues for the officer, as a lead assigns them.
      const board = (await (await send(office, 'GET', '/api/campaigns/1/board?kind=clue&unit=hantai')).json()) as { columns: { state: string; cards: { id: number; version: number; assigneeId: number | null }[] }[] };
      const free = board.columns.filter((c) => ['found', 'verifying', 'filed'].includes(c.state)).flatMap((c) => c.cards).filter((c) => c.assigneeId !== officer.id);
      for (const card of free.slice(0, 2)) expect((await send(office, 'PATCH', `/api/clues/${card.id}`, { version: card.version, assigneeId: officer.id })).status).toBe(200);
      const held = (await apiCall<Account[]>(suite.server.url, context, 'GET', '/api/admin/users')).find((a) => a.id === officer.id)?.openItems ?? 0;
      expect(held).toBeGreaterThanOrEqual(2);

      await page.getByTestId('nav-people').click();
      const row = page.locator('tr[data-username="hantai.officer"]');
      await row.locator('[data-action=edit]').click();
      const editing = page.locator('tr.is-editing');
      await editing.locator('select').nth(1).selectOption('chenggu');
      // Dismissed, nothing is saved: the row stays open as it was, with nothing marked to correct (No was an answer, not a mistake).
      await editing.getByRole('button', { name: '保存' }).click();
      const asked = await answerConfirm(page, false);
      expect(asked).toContain(`仍承办 ${held} 项在办事项，改为城固县公安局后将无法打开或办理`);
      expect(asked).toContain('退回所在单位');
      expect(await editing.count()).toBe(1);
      expect(await editing.locator('.field-message').allTextContents()).toEqual(expect.not.arrayContaining([expect.stringContaining('仍承办')]));
      expect(await page.getByText('有 1 处填写有误').count()).toBe(0);
      expect((await apiCall<Account[]>(suite.server.url, context, 'GET', '/api/admin/users')).find((a) => a.id === officer.id)).toMatchObject({ unitId: 'hantai', openItems: held });

      await editing.getByRole('button', { name: '保存' }).click();
      await answerConfirm(page, true);
      await editing.waitFor({ state: 'detached' });
      await page.getByTestId('toast').filter({ hasText: `已保存；${held} 项在办事项已退回所在单位，待重新分派` }).waitFor();
      expect(await row.textContent()).toContain('城固县公安局');
      expect(await row.getByTestId('open-items').count()).toBe(0);
    }));

  test('moving a unit to another county says before saving, and after, which leads it loses', () =>
    asUser(suite, 'admin', async ({ context, page }) => {
      const accounts = await apiCall<Account[]>(suite.server.url, context, 'GET', '/api/admin/users');
      const lead = accounts.find((a) => a.username === 'hantai.lead');
      if (lead === undefined) throw new Error('no hantai.lead');
      await apiCall(suite.server.url, context, 'POST', '/api/admin/units', { id: 'beiguan', parentId: 'hantai', kind: 'station', nameZh: '北关派出所', nameEn: 'Beiguan Station', leadIds: [lead.id] }, 201);

      await page.getByTestId('nav-people').click();
      await page.locator('[data-tab=units]').click();
      await page.locator('tr[data-unit=beiguan]').click();
      const form = page.getByTestId('unit-form');
      expect(await form.getByTestId('leads-lost').count()).toBe(0);
      await form.locator('select').nth(1).selectOption('nanzheng');
      await expect.poll(() => form.getByTestId('leads-lost').textContent()).toContain('汉台分局负责人（北关派出所）');
      await form.locator('button[type=submit]').click();
      const asked = await answerConfirm(page, true);
      expect(asked).toContain('移到南郑分局之下后');
      expect(asked).toContain('汉台分局负责人（北关派出所）');
      await page.getByTestId('toast').filter({ hasText: '已保存；以下单位负责人已被移除：汉台分局负责人（北关派出所）' }).waitFor();
      const units = await apiCall<{ id: string; parentId: string; leadIds: number[] }[]>(suite.server.url, context, 'GET', '/api/admin/units');
      expect(units.find((u) => u.id === 'beiguan')).toMatchObject({ parentId: 'nanzheng', leadIds: [] });
    }));

  test('moving a unit that takes open items out of their officer\'s reach asks first with how many; No keeps it where it was, Yes moves it and hands the items back unassigned', () =>
    asUser(suite, 'admin', async ({ context, page }) => {
      const office = await cookieOf('office');
      // A station under 汉台 with two clues held by its officer, since moved up to 汉台: they reach them only through 汉台.
      await apiCall(suite.server.url, context, 'POST', '/api/admin/units', { id: 'nanguan', parentId: 'hantai', kind: 'station', nameZh: '南关派出所', nameEn: 'Nanguan Station' }, 201);
      const officer = await apiCall<Account>(suite.server.url, context, 'POST', '/api/admin/users', { username: 'nanguan.officer', displayName: '南关民警', role: 'officer', unitId: 'nanguan', password: 'nanguan-initial-pw' }, 201);
      const clueIds: number[] = [];
      for (const title of ['南关派出所的线索一', '南关派出所的线索二']) {
        const created = await send(office, 'POST', '/api/clues', { campaignId: 1, unitId: 'nanguan', title, source: 'other' });
        expect(created.status).toBe(201);
        const clue = (await created.json()) as { id: number; version: number };
        const assigned = await send(office, 'PATCH', `/api/clues/${clue.id}`, { version: clue.version, assigneeId: officer.id });
        expect(assigned.status, await assigned.clone().text()).toBe(200);
        clueIds.push(clue.id);
      }
      await apiCall(suite.server.url, context, 'PATCH', `/api/admin/users/${officer.id}`, { unitId: 'hantai' });
      const assignees = async () => Promise.all(clueIds.map(async (id) => ((await (await send(office, 'GET', `/api/clues/${id}`)).json()) as { assigneeId: number | null }).assigneeId));
      const parentOf = async () => (await apiCall<{ id: string; parentId: string }[]>(suite.server.url, context, 'GET', '/api/admin/units')).find((u) => u.id === 'nanguan')?.parentId;

      await page.getByTestId('nav-people').click();
      await page.locator('[data-tab=units]').click();
      await page.locator('tr[data-unit=nanguan]').click();
      const form = page.getByTestId('unit-form');
      expect(await form.getByTestId('targets-follow').count()).toBe(0);
      await form.locator('select').nth(1).selectOption('nanzheng');
      // Its work then counts toward its new parent's targets, the ended phases' as frozen: said before it is saved.
      expect(await form.getByTestId('targets-follow').textContent()).toBe('移到南郑分局之下后，本单位在进行中阶段的工作计入南郑分局的单位目标完成数；已结束阶段的目标完成情况以定稿为准，不受影响。');
      // Dismissed, nothing is saved: the unit stays under 汉台, its clues held, and the form marks nothing (No was an answer, not a mistake).
      await form.locator('button[type=submit]').click();
      const asked = await answerConfirm(page, false);
      expect(asked).toContain('移到南郑分局之下后，有人承办的 2 项在办事项将超出其承办人的单位范围');
      expect(asked).toContain('退回所在单位');
      expect(await form.locator('.form-error').count()).toBe(0);
      expect((await form.locator('.field-message').allTextContents()).join('')).toBe('');
      expect(await page.getByText('处填写有误').count()).toBe(0);
      expect(await form.locator('select').nth(1).inputValue()).toBe('nanzheng');
      expect(await parentOf()).toBe('hantai');
      expect(await assignees()).toEqual([officer.id, officer.id]);

      await form.locator('button[type=submit]').click();
      await answerConfirm(page, true);
      await page.getByTestId('toast').filter({ hasText: '已保存；2 项在办事项已退回所在单位，待重新分派' }).waitFor();
      expect(await parentOf()).toBe('nanzheng');
      expect(await assignees()).toEqual([null, null]);
    }));

  test("a unit retired after a user was created in it leaves the new-user form's choice, which asks again in the page's language", () =>
    asUser(suite, 'admin', async ({ context, page }) => {
      await apiCall(suite.server.url, context, 'POST', '/api/admin/units', { id: 'xiguan', parentId: 'hantai', kind: 'station', nameZh: '西关派出所', nameEn: 'Xiguan Station' }, 201);
      // A user created in the station; the station retired; the form no longer has it chosen, nor offers it.
      await page.getByTestId('nav-people').click();
      const newUser = page.getByTestId('new-user-form');
      await newUser.locator('input[name=username]').fill('xiguan.officer');
      await newUser.locator('input[name=displayName]').fill('西关民警');
      await newUser.locator('select').nth(1).selectOption('xiguan');
      await newUser.locator('input[name=password]').fill('xiguan-initial-pw');
      await newUser.locator('button[type=submit]').click();
      await page.locator('tr[data-username="xiguan.officer"]').waitFor();
      expect(await newUser.locator('select').nth(1).inputValue()).toBe('xiguan');
      await page.locator('[data-tab=units]').click();
      await page.locator('tr[data-unit=xiguan]').click();
      await page.getByTestId('unit-form').locator('[data-action=retire]').click();
      await answerConfirm(page, true);
      await expect.poll(() => page.locator('tr[data-unit=xiguan]').textContent()).toContain('已撤销');
      await page.locator('[data-tab=users]').click();
      const unitSelect = newUser.locator('select').nth(1);
      await expect.poll(() => unitSelect.inputValue()).toBe('');
      expect(await unitSelect.locator('option:checked').textContent()).toBe('请选择单位');
      expect(await unitSelect.locator('option[value=xiguan]').count()).toBe(0);
      // Sent without a unit, the form says to choose one, in the page's words.
      await newUser.locator('input[name=username]').fill('xiguan.two');
      await newUser.locator('input[name=displayName]').fill('西关二');
      await newUser.locator('input[name=password]').fill('xiguan-two-initial');
      await newUser.locator('button[type=submit]').click();
      await expect.poll(() => newUser.locator('.field-message').allTextContents()).toContain('请选择单位');

      // In English: the prompt, and the retired unit of the account in it named in English and marked as retired.
      await page.getByTestId('lang-toggle').click();
      await expect.poll(() => unitSelect.locator('option:checked').textContent()).toBe('Choose a unit');
      await page.locator('tr[data-username="xiguan.officer"] [data-action=edit]').click();
      expect(await page.locator('tr.is-editing select').nth(1).locator('option:checked').textContent()).toBe('Xiguan Station (Retired)');
    }));

  test("the report lists a station under its county, indented, and names a retired unit as such in its unit filter", () =>
    asUser(suite, 'office', async ({ page }) => {
      // The tests above put 南关派出所 (two clues) under 南郑 and retired 西关派出所.
      await page.goto(`${suite.server.url}/campaigns/1/reports?scope=whole`);
      const rows = page.getByTestId('by-unit-work').locator('tbody tr');
      await rows.first().waitFor();
      const keys = await rows.evaluateAll((all) => all.map((row) => row.getAttribute('data-key')));
      expect(keys.indexOf('nanguan')).toBe(keys.indexOf('nanzheng') + 1);
      const depth = (key: string) => page.getByTestId('by-unit-work').locator(`tr[data-key="${key}"] th`).getAttribute('data-depth');
      expect(Number(await depth('nanguan'))).toBe(Number(await depth('nanzheng')) + 1);
      expect(await page.getByTestId('report-unit').locator('option[value=xiguan]').textContent()).toMatch(/西关派出所（已撤销）$/);
    }));
});
