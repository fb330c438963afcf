import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { apiCall, artifacts, asUser, browserSuite, campaignOf, type WireBoard } from './browser-kit';

/**
 * Typical cases (典型案例) in a real Chromium against the real server: a unit
 * lead chooses a solved clue from its drawer with the summary to publish, the
 * branch's report lists it with that summary, and withdrawing it takes it off.
 * Needs `npm run build`.
 */
const suite = browserSuite();

/** Whether a card's typical-case mark is whole and inside its card. */
const chipInside = (chip: Locator) =>
  chip.evaluate((el) => {
    const box = el.getBoundingClientRect();
    const card = el.closest('[data-card-id]')?.getBoundingClientRect();
    return card !== undefined && box.left >= card.left && box.right <= card.right && el.scrollWidth <= el.clientWidth;
  });

interface WireRegister {
  cases: { clueId: number; title: string; unitId: string }[];
}

/** The typical cases on the wall: those wholly in view, in order, and those neither wholly in nor wholly out of it (cut). */
const wallCases = (page: Page) =>
  page.locator('[data-testid=wall] [data-testid=bm-typical] ol').evaluate((list) => {
    const room = list.getBoundingClientRect();
    const placed = [...list.querySelectorAll('[data-testid=bm-typical-card]')].map((card) => ({ clue: Number(card.getAttribute('data-clue')), box: card.getBoundingClientRect() }));
    const inside = placed.filter(({ box }) => box.left >= room.left - 0.5 && box.right <= room.right + 0.5 && box.top >= room.top - 0.5 && box.bottom <= room.bottom + 0.5);
    const outside = placed.filter(({ box }) => box.left >= room.right || box.top >= room.bottom);
    return { shown: inside.map((c) => c.clue), cut: placed.filter((c) => !inside.includes(c) && !outside.includes(c)).map((c) => c.clue) };
  });

interface WireItem {
  version: number;
  state: string;
  context: { typical?: { summary: string } | null };
}

describe('typical cases', () => {
  test('a unit lead chooses a solved clue with its summary, the branch’s report lists it, and a withdrawal takes it off', () =>
    asUser(suite, 'hantai.lead', async ({ context, page }) => {
      const campaignId = campaignOf(page);
      const solved = await apiCall<WireBoard>(suite.server.url, context, 'GET', `/api/campaigns/${campaignId}/board?kind=clue&state=solved&limit=500`);
      const candidates = await Promise.all((solved.columns[0]?.cards ?? []).map(async (c) => ({ id: c.id, item: await apiCall<WireItem>(suite.server.url, context, 'GET', `/api/clues/${c.id}`) })));
      const clue = candidates.find((c) => c.item.context.typical === undefined || c.item.context.typical === null);
      if (clue === undefined) throw new Error('hantai has no solved clue that is not a typical case yet');
      const { id } = clue;

      await page.goto(`${suite.server.url}/campaigns/${campaignId}/board?item=${id}`);
      const drawer = page.getByTestId('detail-panel');
      await drawer.getByTestId('history').waitFor();
      expect(await drawer.getByTestId('typical-badge').count()).toBe(0);
      await drawer.getByTestId('action-typical').click();
      // An empty summary is stopped on the page, by its field.
      await drawer.getByTestId('action-submit').click();
      await drawer.getByTestId('error-summary').filter({ hasText: '必填' }).waitFor();
      // And the keyboard is taken to it, not left on the button.
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('summary');
      const summary = `汉台分局破获一起网络“套路贷”案件（#${id}）\n抓获犯罪嫌疑人3名，提醒群众警惕“低息贷款”陷阱。`;
      await drawer.locator('textarea[name=summary]').fill(summary);
      // A stray Escape closes the form (the drawer stays), a second the drawer; opened again, the drawer brings the summary back as it was typed.
      await page.keyboard.press('Escape');
      await drawer.getByTestId('typical-form').waitFor({ state: 'detached' });
      expect(await drawer.count()).toBe(1);
      await page.keyboard.press('Escape');
      await drawer.waitFor({ state: 'detached' });
      await page.goto(`${suite.server.url}/campaigns/${campaignId}/board?item=${id}`);
      await drawer.getByTestId('typical-form').waitFor();
      expect(await drawer.locator('textarea[name=summary]').inputValue()).toBe(summary);
      await drawer.getByTestId('action-submit').click();
      await drawer.getByTestId('typical-form').waitFor({ state: 'detached' });
      await expect.poll(() => drawer.getByTestId('detail-typical').locator('.typical-summary').textContent(), { timeout: 10_000 }).toBe(summary);
      await drawer.getByTestId('typical-badge').waitFor();
      const newest = drawer.locator('[data-testid=history] .history-entry').first();
      await expect.poll(() => newest.locator('.history-event').textContent(), { timeout: 10_000 }).toBe('选为典型案例');
      expect(await newest.getByTestId('said-summary').textContent()).toContain(summary);
      expect(await drawer.getByTestId('action-typical').textContent()).toBe('修改案情简介');
      // Six actions now (note, edit, transfer, merge, revise, withdraw): they wrap inside the drawer rather than run past it.
      const overflowing = await drawer.evaluate((panel) => {
        const right = panel.getBoundingClientRect().right;
        return [...panel.querySelectorAll('.action-buttons button')].filter((b) => b.getBoundingClientRect().right > right).map((b) => b.textContent);
      });
      expect(overflowing).toEqual([]);
      // Its card on the board says so, the mark whole inside the card.
      const chip = page.locator(`[data-testid=column-solved] [data-testid=card-${id}] [data-testid=typical-chip]`);
      await expect.poll(() => chip.count(), { timeout: 10_000 }).toBe(1);
      expect(await chipInside(chip)).toBe(true);
      await page.screenshot({ path: `${artifacts}/typical-case-drawer-zh.png` });
      const stored = await apiCall<WireItem>(suite.server.url, context, 'GET', `/api/clues/${id}`);
      expect(stored).toMatchObject({ state: 'solved', version: clue.item.version + 1, context: { typical: { summary } } });

      // The branch's report for the whole campaign lists it, the summary whole, and its register downloads for the same scope.
      await page.goto(`${suite.server.url}/campaigns/${campaignId}/reports?scope=whole&unit=hantai`);
      const listed = page.locator(`[data-testid=typical-case][data-clue="${id}"]`);
      await listed.waitFor();
      expect(await listed.locator('.typical-text').textContent()).toBe(summary);
      expect(await page.getByTestId('typical-export-csv').getAttribute('href')).toContain('unit=hantai');
      await listed.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${artifacts}/typical-cases-report-zh.png` });
      // Another branch's report does not.
      await page.goto(`${suite.server.url}/campaigns/${campaignId}/reports?scope=whole&unit=nanzheng`);
      await page.getByTestId('typical-cases').waitFor();
      await expect.poll(() => page.locator('[data-testid=typical-case], [data-testid=typical-none]').count()).toBeGreaterThan(0);
      expect(await page.locator(`[data-testid=typical-case][data-clue="${id}"]`).count()).toBe(0);

      // In English.
      await page.evaluate(() => localStorage.setItem('battlemap.lang', 'en'));
      await page.goto(`${suite.server.url}/campaigns/${campaignId}/reports?scope=whole&unit=hantai`);
      await page.locator(`[data-testid=typical-case][data-clue="${id}"]`).waitFor();
      expect(await page.getByTestId('typical-cases').locator('h2').textContent()).toBe('Typical cases');
      // On the board in English, in a 1,000 px window (cards about 180 px wide), the mark still fits inside its card.
      await page.setViewportSize({ width: 1000, height: 800 });
      await page.goto(`${suite.server.url}/campaigns/${campaignId}/board`);
      const englishChip = page.locator(`[data-testid=column-solved] [data-testid=card-${id}] [data-testid=typical-chip]`);
      await englishChip.waitFor();
      expect(await englishChip.textContent()).toBe('Typical');
      expect(await chipInside(englishChip)).toBe(true);
      await page.setViewportSize({ width: 1600, height: 900 });
      await page.evaluate(() => localStorage.setItem('battlemap.lang', 'zh'));

      // Withdrawn with a reason: the drawer and the report no longer show it.
      await page.goto(`${suite.server.url}/campaigns/${campaignId}/board?item=${id}`);
      await drawer.getByTestId('typical-badge').waitFor();
      await drawer.getByTestId('action-untypical').click();
      await drawer.locator('textarea[name=reason]').fill('案件尚在审查起诉，暂不宣传');
      await drawer.getByTestId('action-submit').click();
      await drawer.getByTestId('untypical-form').waitFor({ state: 'detached' });
      await expect.poll(() => drawer.getByTestId('typical-badge').count(), { timeout: 10_000 }).toBe(0);
      await expect.poll(() => page.locator(`[data-testid=card-${id}] [data-testid=typical-chip]`).count(), { timeout: 10_000 }).toBe(0);
      expect(await drawer.getByTestId('action-typical').textContent()).toBe('选为典型案例');
      await page.goto(`${suite.server.url}/campaigns/${campaignId}/reports?scope=whole&unit=hantai`);
      await page.getByTestId('typical-cases').waitFor();
      await expect.poll(() => page.locator('[data-testid=typical-case], [data-testid=typical-none]').count()).toBeGreaterThan(0);
      expect(await page.locator(`[data-testid=typical-case][data-clue="${id}"]`).count()).toBe(0);
    }));

  test('an officer is not offered to choose a solved clue as a typical case, nor to withdraw one', () =>
    asUser(suite, 'hantai.officer', async ({ context, page }) => {
      const campaignId = campaignOf(page);
      const solved = await apiCall<WireBoard>(suite.server.url, context, 'GET', `/api/campaigns/${campaignId}/board?kind=clue&state=solved&limit=500`);
      const id = solved.columns[0]?.cards[0]?.id;
      if (id === undefined) throw new Error('hantai has no solved clue');
      await page.goto(`${suite.server.url}/campaigns/${campaignId}/board?item=${id}`);
      const drawer = page.getByTestId('detail-panel');
      await drawer.getByTestId('history').waitFor();
      expect(await drawer.getByTestId('action-typical').count()).toBe(0);
      expect(await drawer.getByTestId('action-untypical').count()).toBe(0);
    }));

  test("on a unit's reader's battle map, only the typical cases of their units open their clue; another unit's is read, not linked", () =>
    asUser(suite, 'hantai.officer', async ({ context, page }) => {
      const campaignId = campaignOf(page);
      const register = await apiCall<WireRegister>(suite.server.url, context, 'GET', `/api/campaigns/${campaignId}/typical-cases`);
      const me = await apiCall<{ unitScope: string[] }>(suite.server.url, context, 'GET', '/api/session');
      await page.goto(`${suite.server.url}/campaigns/${campaignId}/battle-map`);
      const cards = page.getByTestId('bm-typical-card');
      await cards.first().waitFor();
      const shown = await cards.evaluateAll((els) => els.map((el) => ({ clue: Number(el.getAttribute('data-clue')), linked: el.querySelector('h3 a') !== null })));
      const unitOf = new Map(register.cases.map((c) => [c.clueId, c.unitId]));
      expect(shown.map((card) => card.linked)).toEqual(shown.map((card) => me.unitScope.includes(unitOf.get(card.clue) ?? '')));
      // The demo's latest four are not all of one unit: both kinds are seen.
      expect(shown.some((card) => !card.linked)).toBe(true);
    }));

  test('the battle map and the wall show the latest typical cases, none cut off; a title opens its clue; one chosen elsewhere reaches the wall without a reload', () =>
    asUser(suite, 'office', async ({ context, page }) => {
      const campaignId = campaignOf(page);
      const register = await apiCall<WireRegister>(suite.server.url, context, 'GET', `/api/campaigns/${campaignId}/typical-cases`);
      // The demo's unit leads have chosen several by mid-June; the latest chosen come first.
      expect(register.cases.length).toBeGreaterThan(4);
      const latest = register.cases.map((c) => c.clueId).reverse();

      await page.goto(`${suite.server.url}/campaigns/${campaignId}/battle-map`);
      const cards = page.getByTestId('bm-typical-card');
      await expect.poll(() => cards.evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-clue'))))).toEqual(latest.slice(0, 4));
      expect(await page.getByTestId('bm-typical-total').textContent()).toBe(`共 ${register.cases.length} 例`);
      expect(await cards.first().locator('h3').textContent()).toContain(register.cases.at(-1)?.title);
      // Its tag and title read apart, as "典型案例：…", not run into one ("典型案例利用…").
      expect(await cards.first().locator('h3').textContent()).toBe(`典型案例：${register.cases.at(-1)?.title}`);
      await page.getByTestId('bm-typical').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${artifacts}/battle-map-typical-zh.png` });
      // A title opens the clue on the board.
      await cards.first().locator('h3 a').click();
      await page.waitForURL(new RegExp(`/campaigns/${campaignId}/board\\?kind=clue&item=${latest[0]}$`));
      await page.locator(`[data-testid=detail-panel] .detail-scroll[data-item="${latest[0]}"]`).waitFor();
      // The heading's link leads to the whole campaign's report, which lists them all.
      await page.goto(`${suite.server.url}/campaigns/${campaignId}/battle-map`);
      await page.getByTestId('bm-typical-all').click();
      await page.waitForURL(/\/reports\?/);
      await expect.poll(() => page.locator('[data-testid=typical-case]').count(), { timeout: 10_000 }).toBe(register.cases.length);

      // The wall at a screen's size: the cases it holds whole, and those cut.
      const wallAt = async (width: number, height: number) => {
        await page.setViewportSize({ width, height });
        await page.goto(`${suite.server.url}/campaigns/${campaignId}/wall`);
        await page.locator('[data-testid=wall] [data-testid=bm-typical-card]').first().waitFor({ state: 'attached' });
        return wallCases(page);
      };
      // The wall, at the 1600 × 900 it is drawn for: the latest that fit whole, the others out of sight, none cut.
      const onWall = await wallAt(1600, 900);
      expect(onWall.cut).toEqual([]);
      expect(onWall.shown.length).toBeGreaterThan(0);
      expect(onWall.shown).toEqual(latest.slice(0, onWall.shown.length));
      await page.screenshot({ path: `${artifacts}/wall-typical-zh.png` });
      // A 720-line projector and a 1366 × 768 laptop, in Chinese: the latest chosen still has room, whole.
      for (const [width, height] of [
        [1280, 720],
        [1366, 768],
      ] as const) {
        const placed = await wallAt(width, height);
        expect(placed.cut, `${width}×${height}`).toEqual([]);
        expect(placed.shown[0], `${width}×${height}`).toBe(latest[0]);
        expect(placed.shown, `${width}×${height}`).toEqual(latest.slice(0, placed.shown.length));
        if (width === 1280) await page.screenshot({ path: `${artifacts}/wall-typical-zh-720p.png` });
      }
      await wallAt(1600, 900);

      // Chosen by the office while the wall is open, a case comes first on it without a reload.
      const solved = await apiCall<WireBoard>(suite.server.url, context, 'GET', `/api/campaigns/${campaignId}/board?kind=clue&state=solved&limit=500`);
      const candidate = (solved.columns[0]?.cards ?? []).find((c) => !c.typical && !latest.includes(c.id));
      if (candidate === undefined) throw new Error('no solved clue that is not a typical case');
      await apiCall(suite.server.url, context, 'POST', `/api/clues/${candidate.id}/typical`, { version: candidate.version, summary: '网安支队破获一起网络敲诈勒索案件，挽回群众损失。' });
      await expect.poll(async () => (await wallCases(page)).shown[0], { timeout: 15_000 }).toBe(candidate.id);

      // In English, its detachments' names longer: on a 720-line projector and a 1366 × 768 laptop the latest chosen
      // still has room (each detachment's name on one line), and none is cut there or on a 1080p screen.
      await page.evaluate(() => localStorage.setItem('battlemap.lang', 'en'));
      for (const [width, height] of [
        [1280, 720],
        [1366, 768],
        [1920, 1080],
      ] as const) {
        await wallAt(width, height);
        await expect.poll(() => page.getByTestId('wall-figures').textContent()).toContain('Organised crime groups broken');
        const placed = await wallCases(page);
        expect(placed.cut, `${width}×${height}`).toEqual([]);
        expect(placed.shown[0], `${width}×${height}`).toBe(candidate.id);
        expect(placed.shown, `${width}×${height}`).toEqual([candidate.id, ...latest].slice(0, placed.shown.length));
        if (width === 1280) await page.screenshot({ path: `${artifacts}/wall-typical-en-720p.png` });
      }
      await page.evaluate(() => localStorage.setItem('battlemap.lang', 'zh'));
    }));
});
