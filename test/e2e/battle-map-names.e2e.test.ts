import { describe, expect, test } from 'vitest';
import type { CampaignDetail } from '../../api/contracts/campaign';
import { apiCall, apiSession, artifacts, asUser, browserSuite, campaignOf } from './browser-kit';

/**
 * What the battle map calls each unit, in a real Chromium against the real server and the seeded demo: the map's
 * areas by their names, each standing for its unit; the targets and the unit × category grid by the unit's name, as
 * the board, the lists and the reports give it. Needs `npm run build`.
 */
const suite = browserSuite();

describe('the battle map names units', () => {
  test('the targets and the grid by the unit’s name (汉台分局, not the map’s 汉台区); the map by its areas, each one’s tooltip naming its unit; in both languages', () =>
    asUser(suite, 'office', async ({ context, page }) => {
      const campaignId = campaignOf(page);
      const campaign = await apiCall<CampaignDetail>(suite.server.url, context, 'GET', `/api/campaigns/${campaignId}`);
      const nameOf = (id: string, lang: 'zh' | 'en') => {
        const unit = campaign.units.find((u) => u.id === id);
        return unit === undefined ? id : lang === 'zh' ? unit.nameZh : unit.nameEn;
      };
      await page.setViewportSize({ width: 1366, height: 768 });
      for (const lang of ['zh', 'en'] as const) {
        await page.evaluate((l) => localStorage.setItem('battlemap.lang', l), lang);
        await page.goto(`${suite.server.url}/campaigns/${campaignId}/battle-map`);
        await page.getByTestId('target-hantai-casesSolved').waitFor();
        await page.locator('[data-testid=county-map] .county-labels text').first().waitFor();

        // Targets are set per unit (汉台分局 in the settings), and were shown against 汉台区, 城固县 beside the board's 城固县公安局.
        const targets = await page.locator('[data-testid=targets] li.target').evaluateAll((rows) =>
          rows.map((row) => ({ unitId: /^target-(.+)-[^-]+$/.exec(row.getAttribute('data-testid') ?? '')?.[1] ?? '', name: row.querySelector('.target-name')?.textContent ?? '' })),
        );
        expect(targets.length, lang).toBeGreaterThan(5);
        expect(targets.map((t) => t.name), lang).toEqual(targets.map((t) => nameOf(t.unitId, lang)));

        // The grid's rows, detachments and county branches alike: 刑侦支队 over 汉台分局, not over 汉台区.
        const rows = await page.locator('[data-testid=unit-grid] [data-testid^=grid-report-unit-]').evaluateAll((links) =>
          links.map((link) => ({ unitId: (link.getAttribute('data-testid') ?? '').replace('grid-report-unit-', ''), name: link.textContent ?? '' })),
        );
        expect(rows.map((r) => r.unitId), lang).toEqual(expect.arrayContaining(['xingzhen', 'hantai', 'nanzheng', 'chenggu', 'yangxian']));
        expect(rows.map((r) => r.name), lang).toEqual(rows.map((r) => nameOf(r.unitId, lang)));
        if (lang === 'zh') expect(rows.map((r) => r.name)).toEqual(expect.arrayContaining(['刑侦支队', '汉台分局', '南郑分局', '城固县公安局']));
        else expect(rows.map((r) => r.name)).toEqual(expect.arrayContaining(['Criminal Investigation Detachment', 'Hantai Branch', 'Chenggu County Bureau']));

        // The map keeps its areas' names, all alike (汉台区 beside 城固县 and 洋县, where 汉台 stood), and says whose they are.
        const labels = await page.locator('[data-testid=county-map] .county-labels text tspan:first-child').allTextContents();
        if (lang === 'zh') {
          expect(labels).toEqual(expect.arrayContaining(['汉台区', '南郑区', '城固县', '洋县']));
          expect(labels).not.toContain('汉台');
        } else {
          expect(labels).toEqual(expect.arrayContaining(['Hantai', 'Nanzheng', 'Chenggu', 'Yangxian']));
        }
        const hantai = page.getByTestId('county-hantai');
        const tooltip = (await hantai.locator('title').textContent()) ?? '';
        expect(tooltip.split('\n')[0], lang).toBe(lang === 'zh' ? '汉台区 · 汉台分局' : 'Hantai Branch');
        expect(await hantai.getAttribute('aria-label'), lang).toMatch(lang === 'zh' ? /^汉台区 · 汉台分局：\d+$/ : /^Hantai Branch: \d+$/);
        await page.screenshot({ path: `${artifacts}/battle-map-names-${lang}-1366.png` });
        await page.locator('.bm-panel', { has: page.getByTestId('unit-grid') }).screenshot({ path: `${artifacts}/battle-map-grid-${lang}-1366.png` });
      }
      await page.evaluate(() => localStorage.setItem('battlemap.lang', 'zh'));
    }));

  test('a unit renamed to a long name is cut short on its county, whole in its tooltip, and no label lies on another on a phone, nor a month of the calendar on the next', async () => {
    const admin = await apiSession(suite, 'admin');
    const long = 'Chenggu County Economic Development Zone Sub-bureau';
    try {
      const before = await apiCall<{ nameEn: string }>(suite.server.url, admin.context, 'PATCH', '/api/admin/units/chenggu', { nameEn: long });
      expect(before.nameEn).toBe(long);
      await asUser(suite, 'office', async ({ page }) => {
        const campaignId = campaignOf(page);
        await page.setViewportSize({ width: 375, height: 800 });
        await page.evaluate(() => localStorage.setItem('battlemap.lang', 'en'));
        await page.goto(`${suite.server.url}/campaigns/${campaignId}/battle-map`);
        await page.locator('[data-testid=county-map] .county-labels text').first().waitFor();
        const chenggu = page.getByTestId('county-chenggu');
        expect(((await chenggu.locator('title').textContent()) ?? '').split('\n')[0]).toBe(long);
        // Its spread settled once the fonts are in: the labels' places are read after it.
        await page.waitForFunction(() => document.fonts.status === 'loaded');
        await page.waitForTimeout(300);
        const labels = await page.locator('[data-testid=county-map] .county-labels text').evaluateAll((texts) =>
          texts.map((text) => {
            const box = text.getBoundingClientRect();
            return { name: text.querySelector('tspan')?.textContent ?? '', left: box.left, right: box.right, top: box.top, bottom: box.bottom };
          }),
        );
        expect(labels.map((label) => label.name)).toContain('Chenggu County…');
        const overlapping = labels.flatMap((a, i) =>
          labels.slice(i + 1).filter((b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom).map((b) => `${a.name} / ${b.name}`),
        );
        expect(overlapping).toEqual([]);
        // The phase calendar's months, too: those named stand apart (10月11月12月 ran into one another).
        for (const lang of ['en', 'zh'] as const) {
          await page.evaluate((l) => localStorage.setItem('battlemap.lang', l), lang);
          await page.reload();
          await page.getByTestId('timeline').waitFor();
          const months = await page.locator('.timeline-month').evaluateAll((spans) =>
            spans.filter((span) => getComputedStyle(span).visibility !== 'hidden').map((span) => ({ text: span.textContent ?? '', ...span.getBoundingClientRect().toJSON() }) as { text: string; left: number; right: number }),
          );
          expect(months.length, lang).toBeGreaterThan(4);
          const touching = months.slice(1).filter((month, i) => month.left < (months[i]?.right ?? 0) + 2).map((month) => month.text);
          expect(touching, lang).toEqual([]);
        }
        await page.screenshot({ path: `${artifacts}/battle-map-long-name-en-375.png` });
        await page.evaluate(() => localStorage.setItem('battlemap.lang', 'zh'));
      });
    } finally {
      await apiCall(suite.server.url, admin.context, 'PATCH', '/api/admin/units/chenggu', { nameEn: 'Chenggu County Bureau' });
      await admin.context.close();
    }
  });

  test("a unit lead's map opens the boards of their own units only: another unit's county, tile, bar and cells show figures, no link to a board they would be refused", () =>
    asUser(suite, 'hantai.lead', async ({ page }) => {
      const campaignId = campaignOf(page);
      await page.setViewportSize({ width: 1366, height: 768 });
      await page.goto(`${suite.server.url}/campaigns/${campaignId}/battle-map`);
      await page.getByTestId('unit-grid').waitFor();
      await page.locator('[data-testid=county-map] .county-labels text').first().waitFor();
      expect(await page.locator('.bm-hint').textContent()).toContain('其他单位只显示数字');
      // Their own county is a button in the Tab order; a neighbour's is neither, and a click on it goes nowhere.
      expect([await page.getByTestId('county-hantai').getAttribute('role'), await page.getByTestId('county-hantai').getAttribute('tabindex')]).toEqual(['button', '0']);
      expect([await page.getByTestId('county-nanzheng').getAttribute('role'), await page.getByTestId('county-nanzheng').getAttribute('tabindex')]).toEqual([null, null]);
      await page.getByTestId('county-nanzheng').click({ force: true });
      await page.waitForTimeout(300);
      expect(new URL(page.url()).pathname).toBe(`/campaigns/${campaignId}/battle-map`);
      // A detachment's tile and target bar, and another unit's cells: figures, no buttons.
      expect(await page.getByTestId('tile-xingzhen').evaluate((tile) => tile.tagName)).toBe('DIV');
      expect(await page.locator('[data-testid^=target-nanzheng-]').first().getAttribute('class')).not.toContain('is-link');
      expect(await page.locator('[data-testid^=cell-nanzheng-] button').count()).toBe(0);
      // Their own unit's cells are buttons named by unit, category and figures, inside cells that stay the table's.
      const own = page.locator('[data-testid^=cell-hantai-] button').first();
      expect(await own.getAttribute('aria-label')).toMatch(/^汉台分局 · .+：在办 \d+ \/ \d+$/);
      expect(await page.locator('[data-testid=unit-grid] td[role=button]').count()).toBe(0);
      await own.click();
      await page.waitForURL(/\/board\?/);
      expect(new URL(page.url()).searchParams.get('unit')).toBe('hantai');
      await page.locator('[data-testid=board]:not(.is-loading)').waitFor();
      expect(await page.getByTestId('board-failed').count()).toBe(0);
    }));
});
