import { describe, expect, test } from 'vitest';
import { apiCall, artifacts, asUser, asUserOn, browserSuite, campaignOf, cardIds, type WireBoard } from './browser-kit';
import { demoPassword } from '../support/test-database';

/**
 * What a signed-in user sees where a page cannot be shown, in a real
 * Chromium: an address no page answers to, a campaign that is not there,
 * and a page whose reads failed, each with the way on instead of a blank
 * page or one stuck on "loading". Needs `npm run build`.
 */

const suite = browserSuite({ seed: { clues: 20, problems: 2 } });

/** The page's read of its campaign (not of the campaign's board, reports or settings), to make it fail. */
const campaignReadOf = (campaignId: number) => new RegExp(`/api/campaigns/${campaignId}$`);

describe('a page that cannot be shown', () => {
  test('an unknown address and a campaign that is not there say so, in either language, and lead back to the start page', () =>
    asUser(suite, 'office', async ({ page }) => {
      const campaignId = campaignOf(page);
      const trouble = page.getByTestId('page-trouble');

      await page.goto(`${suite.server.url}/no/such/page`);
      await expect.poll(() => trouble.locator('h1').textContent()).toBe('页面不存在');
      expect(await trouble.locator('p').textContent()).toContain('/no/such/page');

      // Each of a campaign's pages, for a campaign id no campaign has, or one that is not a number: said on the page, no error in the console.
      const logged: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error' && message.text().includes('could not be shown')) logged.push(message.text());
      });
      for (const path of ['/campaigns/999/board', '/campaigns/999/reports', '/campaigns/999/wall', '/campaigns/999/lists/clues', '/campaigns/999/battle-map', '/campaigns/abc/import', '/campaigns/abc/settings']) {
        await page.goto(`${suite.server.url}${path}`);
        await expect.poll(() => trouble.locator('h1').textContent(), { message: path }).toBe('专项行动不存在');
      }
      expect(logged).toEqual([]);
      await page.getByTestId('lang-toggle').click();
      await expect.poll(() => trouble.locator('h1').textContent()).toBe('No such campaign');
      await page.screenshot({ path: `${artifacts}/page-trouble-en.png` });

      // The way on: the start page, which opens the board of the campaign there is.
      await page.getByTestId('page-trouble-home').click();
      await page.waitForURL(new RegExp(`/campaigns/${campaignId}/board`));
      await page.locator('[data-testid=column-found] [data-testid^=card-]').first().waitFor();
      expect(await trouble.count()).toBe(0);

      // And the way out, as on every signed-in page.
      await page.goto(`${suite.server.url}/no/such/page`);
      await page.getByTestId('page-trouble').getByRole('heading').waitFor();
      await page.getByTestId('sign-out').click();
      await page.waitForURL(/\/login/);
    }));

  test('a session ended elsewhere: one sign-in returns to the page the user was on, filters and all', () =>
    asUserOn(suite, 'office', '/campaigns/1/lists/clues', async ({ context, page }) => {
      const listPath = '/campaigns/1/lists/clues';
      const state = page.locator('select[name=state]');
      await state.locator('option[value=verifying]').waitFor({ state: 'attached' });
      // Ended on the server (signed out in another tab, or by the administrator); the browser still holds the cookie.
      const cookies = await context.cookies(suite.server.url);
      const ended = await fetch(`${suite.server.url}/api/session`, { method: 'DELETE', headers: { cookie: cookies.map((c) => `${c.name}=${c.value}`).join('; '), origin: suite.server.url } });
      expect(ended.status).toBe(204);
      // The next change of filter: the list's reads are refused together, and the sign-in page is shown once.
      await state.selectOption('verifying');
      await page.waitForURL(/\/login/);
      await page.waitForTimeout(500);
      expect(new URL(page.url()).searchParams.get('next')).toBe(`${listPath}?state=verifying`);
      await page.locator('input[name=username]').fill('office');
      await page.locator('input[name=password]').fill(demoPassword);
      await page.locator('button[type=submit]').click();
      await page.waitForURL((url) => url.pathname === listPath);
      expect(new URL(page.url()).searchParams.get('state')).toBe('verifying');
    }));

  test('a move refused as the session ended says to sign in, and says it no more once the user has', () =>
    asUser(suite, 'office', async ({ context, page }) => {
      const board = await apiCall<WireBoard>(suite.server.url, context, 'GET', `/api/campaigns/${campaignOf(page)}/board?kind=clue&state=found&limit=100`);
      const found = board.columns[0]?.cards.find((c) => c.allowed.some((m) => m.to === 'verifying' && m.needs.length === 0));
      if (found === undefined) throw new Error('no found clue the office may move on at once');
      await page.locator(`[data-testid=card-${found.id}]`).waitFor();
      // Signed out in another tab: the browser still holds the cookie.
      const cookies = await context.cookies(suite.server.url);
      const ended = await fetch(`${suite.server.url}/api/session`, { method: 'DELETE', headers: { cookie: cookies.map((c) => `${c.name}=${c.value}`).join('; '), origin: suite.server.url } });
      expect(ended.status).toBe(204);
      await page.locator(`[data-testid=card-${found.id}]`).hover();
      await page.locator(`[data-testid=card-${found.id}] [data-testid=move-menu]`).click();
      await page.getByTestId('move-to-verifying').click();
      await page.waitForURL(/\/login/);
      const refused = page.getByTestId('toast').filter({ hasText: `#${found.id}` });
      await refused.waitFor();
      await page.locator('input[name=username]').fill('office');
      await page.locator('input[name=password]').fill(demoPassword);
      await page.locator('button[type=submit]').click();
      await page.locator(`[data-testid=card-${found.id}]`).waitFor();
      expect(await page.getByTestId('toast').allTextContents()).toEqual([]);
    }));

  test('a wall whose session ends goes to the sign-in at the next change, not on showing what it had', () =>
    asUserOn(suite, 'office', '/campaigns/1/wall', async ({ context, page }) => {
      const campaignId = campaignOf(page);
      await page.locator('[data-testid=wall-status]:not(.offline)').waitFor();
      // The session ends on the server (signed out elsewhere, the account disabled) while the wall's stream is open.
      const cookies = await context.cookies(suite.server.url);
      const ended = await fetch(`${suite.server.url}/api/session`, { method: 'DELETE', headers: { cookie: cookies.map((c) => `${c.name}=${c.value}`).join('; '), origin: suite.server.url } });
      expect(ended.status).toBe(204);
      // The next change someone else makes (past the stream's check interval) ends the stream instead of being sent to it.
      await page.waitForTimeout(5_500);
      const lead = await fetch(`${suite.server.url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json', origin: suite.server.url }, body: JSON.stringify({ username: 'hantai.lead', password: demoPassword }) });
      const leadCookie = (lead.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      const created = await fetch(`${suite.server.url}/api/clues`, {
        method: 'POST',
        headers: { cookie: leadCookie, 'content-type': 'application/json', origin: suite.server.url },
        body: JSON.stringify({ campaignId, unitId: 'hantai', title: '会话结束后的变更', source: 'other' }),
      });
      expect(created.status).toBe(201);
      await page.waitForURL(/\/login\?next=/, { timeout: 15_000 });
      expect(new URL(page.url()).searchParams.get('next')).toBe(`/campaigns/${campaignId}/wall`);
    }));

  test('a page whose read fails for a passing reason tries again by itself; one refused says why and tries again when asked', () =>
    asUser(suite, 'office', async ({ page }) => {
      const campaignId = campaignOf(page);
      const campaignRead = campaignReadOf(campaignId);
      const trouble = page.getByTestId('page-trouble');

      // The network fails for the campaign's own read (the server restarting, a proxy down): the report page cannot
      // start, says why, and once the server answers again shows itself with no one at the screen.
      await page.route(campaignRead, (route) => route.abort('connectionfailed'));
      await page.goto(`${suite.server.url}/campaigns/${campaignId}/reports`);
      await expect.poll(() => trouble.locator('h1').textContent()).toBe('页面无法显示');
      expect(await trouble.locator('p').textContent()).toMatch(/^无法连接服务器.*几秒后将自动重试。$/);
      await page.unroute(campaignRead);
      await page.getByTestId('report-document').waitFor({ timeout: 15_000 });
      expect(await trouble.count()).toBe(0);

      // A refusal the same read would meet again is not retried by itself: the user is told why and may try again.
      const refusal = { type: 'urn:battlemap:problem:forbidden', title: 'Forbidden', status: 403, code: 'forbidden', reason: { zh: '无权查看', en: 'Not yours to see' } };
      await page.route(campaignRead, (route) => route.fulfill({ status: 403, contentType: 'application/problem+json', body: JSON.stringify(refusal) }));
      await page.goto(`${suite.server.url}/campaigns/${campaignId}/lists/clues`);
      await expect.poll(() => trouble.locator('p').textContent()).toBe('无权查看');
      await page.unroute(campaignRead);
      await page.waitForTimeout(6000);
      expect(await trouble.count()).toBe(1);
      await page.getByTestId('page-trouble-retry').click();
      await page.locator('[data-testid=list-table] tbody tr').first().waitFor();
      expect(await trouble.count()).toBe(0);
    }));

  test('the board whose campaign fails to be read again (its settings changed) goes on with the one it shows', () =>
    asUser(suite, 'office', async ({ context, page }) => {
      const campaignId = campaignOf(page);
      const campaignRead = campaignReadOf(campaignId);
      const rename = async (nameZh: string) => {
        const { revision } = await apiCall<{ revision: number }>(suite.server.url, context, 'GET', `/api/campaigns/${campaignId}/settings`);
        await apiCall(suite.server.url, context, 'PATCH', `/api/campaigns/${campaignId}/settings`, { revision, nameZh });
      };
      const name = page.locator('.campaign-name');
      const before = await name.textContent();

      await page.route(campaignRead, (route) => route.abort('connectionfailed'));
      const failedRead = page.waitForRequest(campaignRead);
      await rename('改名后的专项行动');
      await failedRead;
      await page.waitForTimeout(500);
      expect(await page.getByTestId('page-trouble').count()).toBe(0);
      expect(await name.textContent()).toBe(before);
      expect(await page.locator('[data-testid=column-found] [data-testid^=card-]').count()).toBeGreaterThan(0);

      // Read again once the network is back: the new name shows.
      await page.unroute(campaignRead);
      await rename('再次改名的专项行动');
      await expect.poll(() => name.textContent()).toBe('再次改名的专项行动');
    }));
}, 60_000);

describe('a read that fails inside a page', () => {
  test('a board filter the server refuses is said in place of the columns, under the toolbar that clears it', () =>
    asUserOn(suite, 'office', '/campaigns/1/board?quiet=abc', async ({ page }) => {
      const failed = page.getByTestId('board-failed');
      await expect.poll(() => failed.textContent()).toBe('看板加载失败（进展）：应为数字');
      expect(await page.getByTestId('page-trouble').count()).toBe(0);
      await page.getByRole('button', { name: '清除筛选' }).click();
      await page.locator('[data-testid=column-found] [data-testid^=card-]').first().waitFor();
      expect(new URL(page.url()).searchParams.get('quiet')).toBeNull();
      expect(await failed.count()).toBe(0);
    }));

  test("a link to another unit's board or list, opened by a lead, says the unit is not theirs, by its name, rather than showing it empty", () =>
    asUserOn(suite, 'hantai.lead', '/campaigns/1/board?unit=xingzhen', async ({ page }) => {
      const campaign = `${suite.server.url}/campaigns/${campaignOf(page)}`;
      await expect.poll(() => page.getByTestId('board-failed').textContent()).toBe('看板加载失败（承办单位）：刑侦支队不在您可查看的范围内（您可查看本单位及下级单位的事项）');
      expect(await page.locator('select[name=unit]').evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.textContent)).toBe('刑侦支队');
      await page.goto(`${campaign}/lists/clues?unit=xingzhen`);
      await expect.poll(() => page.locator('.list-page [role=alert]').textContent()).toBe('清单加载失败（承办单位）：刑侦支队不在您可查看的范围内（您可查看本单位及下级单位的事项）');
      expect(await page.locator('select[name=unit]').evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.textContent)).toBe('刑侦支队');
    }));

  test("a kind of board there is none of is an address no page answers to, as an unknown list's; a view or a yes-or-no filter the board's controls could not have written is refused by name, not read as the default", () =>
    asUser(suite, 'office', async ({ page }) => {
      const boardReads: string[] = [];
      page.on('request', (request) => {
        if (/\/api\/campaigns\/\d+\/board\?/.test(request.url())) boardReads.push(request.url());
      });
      const failed = page.getByTestId('board-failed');
      // Said as the lists say `lists/clue`, not as code words in a Chinese sentence (应为以下之一：clue、problem).
      await page.goto(`${suite.server.url}/campaigns/${campaignOf(page)}/board?kind=problems`);
      const trouble = page.getByTestId('page-trouble');
      await expect.poll(() => trouble.locator('h1').textContent()).toBe('页面不存在');
      expect(await trouble.locator('p').textContent()).toBe(`地址“/campaigns/${campaignOf(page)}/board?kind=problems”没有对应的页面，链接可能有误或已过时。`);
      expect(await page.locator('[data-testid^=column-]').count()).toBe(0);
      // Nothing was asked of the server for the board it would have been read as.
      expect(boardReads).toEqual([]);
      await page.getByTestId('lang-toggle').click();
      await expect.poll(() => trouble.locator('h1').textContent()).toBe('No such page');
      await page.getByTestId('lang-toggle').click();
      await page.goto(`${suite.server.url}/campaigns/${campaignOf(page)}/board?kind=problem`);
      await page.locator('[data-testid^=column-] [data-testid^=card-]').first().waitFor();
      expect(await failed.count()).toBe(0);

      await page.goto(`${suite.server.url}/campaigns/${campaignOf(page)}/board?swimlane=units`);
      await expect.poll(() => failed.textContent()).toMatch(/^看板加载失败（分组）：/);
      // The select shows the lanes the address asks for, so choosing "不分组" is a change that clears it.
      const lanes = page.getByTestId('swimlane');
      expect(await lanes.evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.textContent)).toBe('units');
      await lanes.selectOption('none');
      await page.locator('[data-testid=column-found] [data-testid^=card-]').first().waitFor();
      expect(new URL(page.url()).searchParams.get('swimlane')).toBeNull();

      await page.goto(`${suite.server.url}/campaigns/${campaignOf(page)}/board?overdue=yes`);
      await expect.poll(() => failed.textContent()).toMatch(/^看板加载失败（只看超期）：/);
      await page.getByRole('button', { name: '清除筛选' }).click();
      await page.locator('[data-testid=column-found] [data-testid^=card-]').first().waitFor();
      expect(new URL(page.url()).searchParams.get('overdue')).toBeNull();
    }));

  test('a measure the battle map has none of is refused by name on the map and on the wall, not coloured as open clues', () =>
    asUser(suite, 'office', async ({ page }) => {
      const failed = page.getByTestId('bm-failed');
      const refusal = '作战图加载失败（着色指标）：应为 open（在办线索）、solveRate（破案率）或 overdue（超期线索）';
      // No measure is the map's own: open clues.
      await page.goto(`${suite.server.url}/campaigns/${campaignOf(page)}/battle-map`);
      await page.getByTestId('battle-map').waitFor();
      expect(await page.getByTestId('measure-open').getAttribute('aria-pressed')).toBe('true');
      expect(await failed.count()).toBe(0);
      await page.goto(`${suite.server.url}/campaigns/${campaignOf(page)}/battle-map?measure=overdu`);
      await expect.poll(() => failed.textContent()).toBe(refusal);
      expect(await page.getByTestId('battle-map').count()).toBe(0);
      // No button says it is the one shown, and none of the scales is drawn.
      expect(await page.locator('[data-testid^=measure-][aria-pressed=true]').count()).toBe(0);
      expect(await page.getByTestId('legend').count()).toBe(0);
      await page.getByTestId('measure-overdue').click();
      await page.getByTestId('battle-map').waitFor();
      expect(new URL(page.url()).searchParams.get('measure')).toBe('overdue');
      expect(await page.getByTestId('measure-overdue').getAttribute('aria-pressed')).toBe('true');
      expect(await failed.count()).toBe(0);

      // The wall, which has no buttons, says it in its place; its way back leads to the map as it is read without one.
      await page.goto(`${suite.server.url}/campaigns/${campaignOf(page)}/wall?measure=overdu`);
      await expect.poll(() => failed.textContent()).toBe(refusal);
      expect(await page.getByTestId('wall-figures').count()).toBe(0);
      for (const address of ['', '?measure=solveRate']) {
        await page.goto(`${suite.server.url}/campaigns/${campaignOf(page)}/wall${address}`);
        await page.getByTestId('wall-figures').waitFor();
        expect(await failed.count()).toBe(0);
      }
    }));

  test('a part of the page that fails to load while the server is away (stopped, restarting) leaves the page and what is typed in it, rather than reloading into the browser\'s error page', () =>
    asUser(suite, 'office', async ({ page }) => {
      const [id] = await cardIds(page, '[data-testid=column-verifying]');
      await page.locator(`[data-testid=card-${id}] .card-title`).click();
      const drawer = page.getByTestId('detail-panel');
      await drawer.getByTestId('action-edit').click();
      await drawer.locator('input[name=title]').fill('服务器重启时正在编辑的标题');
      const at = page.url();
      const loaded: string[] = [];
      page.on('framenavigated', (frame) => {
        if (frame === page.mainFrame()) loaded.push(frame.url());
      });
      // The server stops: nothing of it answers. A chunk the board reads while idle (the move dialog's) then fails, as here.
      const asked: string[] = [];
      await page.route('**/*', (route) => {
        asked.push(route.request().url());
        return route.abort('connectionrefused');
      });
      await page.evaluate(() => {
        const failed = new Event('vite:preloadError', { cancelable: true });
        window.dispatchEvent(Object.assign(failed, { payload: new Error('Failed to fetch dynamically imported module') }));
      });
      // Either the page reloads (it did: into Chromium's "This site can't be reached") or it asks the server first, which does not answer.
      await expect.poll(() => loaded.length > 0 || asked.length > 0).toBe(true);
      await page.waitForTimeout(500);
      expect(loaded).toEqual([]);
      expect(page.url()).toBe(at);
      expect(await drawer.locator('input[name=title]').inputValue()).toBe('服务器重启时正在编辑的标题');
    }));

  test("an item's drawer whose read fails says so in the drawer, the board kept, and reads again by itself", () =>
    asUser(suite, 'office', async ({ page }) => {
      const [id, other] = await cardIds(page, '[data-testid=column-found]');
      const itemRead = new RegExp(`/api/clues/${id}$`);
      await page.route(itemRead, (route) => route.abort('connectionfailed'));
      await page.goto(`${suite.server.url}/campaigns/${campaignOf(page)}/board?item=${id}`);
      await expect.poll(() => page.getByTestId('detail-failed').textContent()).toMatch(/^事项加载失败：无法连接服务器/);
      expect(await page.getByTestId('page-trouble').count()).toBe(0);
      expect(await page.locator('[data-testid=column-found] [data-testid^=card-]').count()).toBeGreaterThan(0);
      // The network back, the drawer reads the item again within seconds, with no one at the screen.
      await page.unroute(itemRead);
      await page.locator(`[data-testid=detail-panel] [data-item="${id}"]`).waitFor({ timeout: 15_000 });
      expect(await page.getByTestId('detail-failed').count()).toBe(0);

      // Another card opened whose read fails: its drawer says so, and does not show the item opened before under its number.
      const otherRead = new RegExp(`/api/clues/${other}$`);
      await page.route(otherRead, (route) => route.abort('connectionfailed'));
      await page.getByTestId(`card-${other}`).click();
      await expect.poll(() => page.getByTestId('detail-failed').textContent()).toMatch(/^事项加载失败/);
      expect(await page.locator('[data-testid=detail-panel] .card-id').textContent()).toBe(`#${other}`);
      expect(await page.locator(`[data-testid=detail-panel] [data-item="${id}"]`).count()).toBe(0);
    }));

  test("the inbox's tab whose read fails says so in its place, not the other tab's list under its name, and reads again by itself", () =>
    asUser(suite, 'office', async ({ page }) => {
      await page.getByTestId('inbox-button').click();
      const inbox = page.getByTestId('inbox');
      await inbox.getByTestId('inbox-list').waitFor();
      const unitRead = /\/api\/escalations\?.*view=unit/;
      await page.route(unitRead, (route) => route.abort('connectionfailed'));
      await inbox.getByTestId('inbox-tab-unit').click();
      await expect.poll(() => inbox.getByRole('alert').textContent()).toMatch(/^督办记录加载失败：无法连接服务器/);
      expect(await inbox.getByTestId('inbox-list').count()).toBe(0);
      expect(await page.getByTestId('page-trouble').count()).toBe(0);
      await page.unroute(unitRead);
      await inbox.getByTestId('inbox-list').waitFor({ timeout: 15_000 });
      expect(await inbox.getByRole('alert').count()).toBe(0);
    }));

  test("the report's typical cases or flow charts that fail to load are said in their place, the report kept", () =>
    asUser(suite, 'office', async ({ page }) => {
      const refused = /\/api\/campaigns\/\d+\/(typical-cases|flow)\?/;
      await page.route(refused, (route) => route.abort('connectionfailed'));
      await page.goto(`${suite.server.url}/campaigns/${campaignOf(page)}/reports`);
      await page.getByTestId('report-document').waitFor();
      await expect.poll(() => page.getByTestId('typical-failed').textContent()).toMatch(/^The typical cases could not be loaded: Cannot reach the server/);
      await expect.poll(() => page.getByTestId('flow-failed').textContent()).toMatch(/^The flow charts could not be loaded: Cannot reach the server/);
      expect(await page.getByTestId('page-trouble').count()).toBe(0);
    }, { locale: 'en-US' }));

  test('the wall keeps its figures while a read of them fails, says they are not up to date, and reads them again by itself', () =>
    asUserOn(suite, 'office', '/campaigns/1/wall', async ({ context, page }) => {
      const campaignId = campaignOf(page);
      const figures = page.getByTestId('wall-figures');
      await figures.waitFor();
      const status = page.getByTestId('wall-status');
      await expect.poll(() => status.getAttribute('class')).not.toContain('offline');
      const before = await figures.textContent();

      // A clue found while the figures cannot be read: the wall tries, fails, and keeps what it shows.
      const figuresRead = new RegExp(`/api/campaigns/${campaignId}/battle-map$`);
      await page.route(figuresRead, (route) => route.abort('connectionfailed'));
      const failedRead = page.waitForRequest(figuresRead);
      await apiCall(suite.server.url, context, 'POST', '/api/clues', { campaignId, unitId: 'hantai', title: '大屏读取失败时新增的线索', source: 'other' }, 201);
      await failedRead;
      await expect.poll(() => status.getAttribute('class')).toContain('offline');
      expect(await status.getAttribute('title')).toBe('数据未能更新，稍后自动重试');
      expect(await page.getByTestId('page-trouble').count()).toBe(0);
      expect(await figures.textContent()).toBe(before);

      // The network back: within seconds the new clue is counted, and the wall is live again.
      await page.unroute(figuresRead);
      await expect.poll(() => figures.textContent(), { timeout: 15_000 }).not.toBe(before);
      await expect.poll(() => status.getAttribute('class')).not.toContain('offline');
    }));
}, 60_000);
