import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { apiCall, artifacts, asUser, browserSuite, campaignOf } from './browser-kit';

/**
 * The wall (大屏) laid out for the screen it is on, in a real Chromium against
 * the real server: on a wall screen its typical cases as many as fit, each
 * whole; on a phone its sections stacked, readable and in reach.
 * Needs `npm run build`.
 */
const suite = browserSuite();

interface WireRegister {
  cases: { clueId: number }[];
}

/** The wall of a campaign at a screen's size, its figures and typical cases read. */
async function wallAt(page: Page, campaignId: number, width: number, height: number): Promise<void> {
  await page.setViewportSize({ width, height });
  await page.goto(`${suite.server.url}/campaigns/${campaignId}/wall`);
  await page.locator('[data-testid=wall] [data-testid=bm-typical-card]').first().waitFor({ state: 'attached' });
  await expect.poll(() => page.getByTestId('wall-figures').textContent()).not.toContain('—');
}

/**
 * The typical cases as the wall shows them: those wholly in its list and on the screen, in order; those partly in
 * it (cut); those shown with their title or summary clipped or ellipsized; and whether the first case left off
 * would have had room below the last one shown.
 */
const wallCases = (page: Page) =>
  page.locator('[data-testid=wall] [data-testid=bm-typical] ol').evaluate((list) => {
    const room = list.getBoundingClientRect();
    const cards = [...list.querySelectorAll<HTMLElement>('[data-testid=bm-typical-card]')];
    const inView = (box: DOMRect) => box.left >= -0.5 && box.top >= -0.5 && box.right <= window.innerWidth + 0.5 && box.bottom <= window.innerHeight + 0.5;
    const inRoom = (box: DOMRect) => box.left >= room.left - 0.5 && box.right <= room.right + 0.5 && box.top >= room.top - 0.5 && box.bottom <= room.bottom + 0.5;
    const outOfRoom = (box: DOMRect) => box.left >= room.right || box.top >= room.bottom;
    const clippedIn = (card: HTMLElement) =>
      [card, ...card.querySelectorAll<HTMLElement>('.tp-title, .tp-summary')].some((part) => part.scrollHeight > part.clientHeight + 1 || part.scrollWidth > part.clientWidth + 1);
    const shown = cards.filter((card) => inRoom(card.getBoundingClientRect()) && inView(card.getBoundingClientRect()));
    const next = cards[shown.length];
    const lastBottom = shown.at(-1)?.getBoundingClientRect().bottom ?? room.top;
    return {
      shown: shown.map((card) => Number(card.dataset['clue'])),
      cut: cards.filter((card) => !shown.includes(card) && !outOfRoom(card.getBoundingClientRect())).map((card) => Number(card.dataset['clue'])),
      clipped: shown.filter(clippedIn).map((card) => card.querySelector('.tp-title')?.textContent),
      roomForNext: next !== undefined && room.bottom - lastBottom >= next.getBoundingClientRect().height + parseFloat(getComputedStyle(next).marginTop),
    };
  });

/** The lines the money frozen's key figure label is drawn in, as the characters fall on them. */
const moneyLabelLines = (page: Page) =>
  page
    .locator('.wall-figure-label')
    .last()
    .evaluate((label) => {
      const range = document.createRange();
      const lines: { top: number; text: string }[] = [];
      const walker = document.createTreeWalker(label, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
        for (let i = 0; i < (node.textContent ?? '').length; i++) {
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const top = Math.round(range.getBoundingClientRect().top);
          const line = lines.find((l) => Math.abs(l.top - top) < 4);
          if (line === undefined) lines.push({ top, text: node.textContent?.[i] ?? '' });
          else line.text += node.textContent?.[i] ?? '';
        }
      }
      return lines.map((l) => l.text.trim());
    });

/**
 * The wall's names and labels drawn cut short, an ellipsis at their end or their last lines clamped away: their text
 * runs past their box (hidden lines lie under it, an ellipsized line past its right edge). A font's ascent and
 * descent may stand a little over a line's box without hiding anything.
 */
const cutNames = (page: Page) =>
  page.getByTestId('wall').evaluate((wall) => {
    const names = [...wall.querySelectorAll<HTMLElement>('.wall-head .brand, .wall-title, .wall-phase, .wall-scope, .wall-status, .wall-figure-label, .unit-tile .tile-name')];
    const range = document.createRange();
    return names
      .filter((name) => {
        range.selectNodeContents(name);
        const text = range.getBoundingClientRect();
        const box = name.getBoundingClientRect();
        const slack = parseFloat(getComputedStyle(name).fontSize) * 0.3;
        return name.scrollWidth > name.clientWidth + 1 || text.left < box.left - 1 || text.right > box.right + 1 || text.bottom > box.bottom + slack;
      })
      .map((name) => name.textContent);
  });

describe('the wall on its screen', () => {
  test("the campaign's name and every label whole, on a 4:3 projector, a 720p one and a 1080p screen, in English and Chinese, the figures' scope said, the wall one screen with no scrollbar", () =>
    asUser(suite, 'viewer', async ({ context, page }) => {
      const campaignId = campaignOf(page);
      const campaign = await apiCall<{ nameZh: string; nameEn: string }>(suite.server.url, context, 'GET', `/api/campaigns/${campaignId}`);
      for (const lang of ['en', 'zh'] as const) {
        await page.evaluate((l) => localStorage.setItem('battlemap.lang', l), lang);
        for (const [width, height] of [
          [1024, 768],
          [1280, 720],
          [1920, 1080],
        ] as const) {
          await wallAt(page, campaignId, width, height);
          await expect.poll(() => page.locator('[data-testid=wall] .unit-tile').count()).toBeGreaterThan(0);
          const at = `${lang} ${width}×${height}`;
          await page.screenshot({ path: `${artifacts}/wall-names-${lang}-${width}x${height}.png` });
          // "Hanzhong campaign again…", "Mafia-type and criminal groups…" and "Criminal Investig…" at 720p, before; at 1024 × 768 the name left some 100 px, "Hanzho…".
          expect(await cutNames(page), at).toEqual([]);
          // The key figures are the whole campaign's, not the phase's whose name stands in the head: each says which it is.
          expect(await page.getByTestId('wall-scope').textContent(), at).toContain(lang === 'en' ? 'Whole campaign (all phases)' : '全程（各阶段合计）');
          expect(await page.getByTestId('wall-phase').textContent(), at).toMatch(lang === 'en' ? /^Current phase\s*Crackdown$/ : /^当前阶段\s*打击整治$/);
          const title = await page.locator('.wall-title').evaluate((element) => ({ text: element.textContent, size: parseFloat(getComputedStyle(element).fontSize) }));
          expect(title.text, at).toBe(lang === 'en' ? campaign.nameEn : campaign.nameZh);
          // Whole by taking a second line, not by shrinking past what a room away can read.
          expect(title.size, at).toBeGreaterThanOrEqual(18);
          // One screen: the page does not scroll, nor does either of the wall's panels.
          const scrolls = await page.evaluate(() =>
            [document.documentElement, ...document.querySelectorAll<HTMLElement>('.wall-map, .wall-side')]
              .filter((element) => element.scrollWidth > element.clientWidth + 1 || element.scrollHeight > element.clientHeight + 1)
              .map((element) => element.className),
          );
          expect(scrolls, at).toEqual([]);
          // Today's line passes behind the phases' bars: drawn over them, it crossed the current phase's dates
          // ("9月1日 – 12月31日") and, early in a phase, its 当前 chip. It is seen above and below them, its label beneath.
          const overBar = await page.evaluate(() => {
            const line = document.querySelector('[data-testid=wall] [data-testid=today]');
            const bar = document.querySelector('[data-testid=wall] .phase-bar.is-current');
            if (line === null || bar === null) return 'no line or no current phase';
            const x = line.getBoundingClientRect().left + 1;
            const box = bar.getBoundingClientRect();
            return document.elementFromPoint(x, box.top + box.height / 2)?.closest('[data-testid=today]') === null ? null : 'the line is drawn over the bar';
          });
          expect(overBar, at).toBeNull();
        }
      }
      await page.evaluate(() => localStorage.setItem('battlemap.lang', 'zh'));
    }));

  test("the solve rate's note takes at most two lines of a 4:3 projector, in English and Chinese, whole and large enough to read", () =>
    asUser(suite, 'viewer', async ({ page }) => {
      const campaignId = campaignOf(page);
      await page.setViewportSize({ width: 1024, height: 768 });
      for (const lang of ['en', 'zh'] as const) {
        await page.evaluate((l) => localStorage.setItem('battlemap.lang', l), lang);
        await page.goto(`${suite.server.url}/campaigns/${campaignId}/wall?measure=solveRate`);
        const note = page.getByTestId('wall').getByTestId('solve-rate-hint');
        await expect.poll(() => note.textContent()).toMatch(lang === 'en' ? /solve rate = .+ \(merged \w+ not counted\), all phases$/ : /^各单位破案率 = .+（已并案的不计），全程.*合计$/);
        await page.locator('[data-testid=wall] .county').first().waitFor();
        await page.screenshot({ path: `${artifacts}/wall-solve-rate-note-${lang}-1024x768.png` });
        const shown = await note.evaluate((element) => {
          const range = document.createRange();
          range.selectNodeContents(element);
          const box = element.getBoundingClientRect();
          return {
            // Beside the heading and the scale it took four lines, and the map lost as much height.
            lines: new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size,
            size: parseFloat(getComputedStyle(element).fontSize),
            hidden: element.scrollWidth > element.clientWidth + 1 || element.scrollHeight > element.clientHeight + 1 || box.right > window.innerWidth,
          };
        });
        expect(shown.lines, lang).toBeLessThanOrEqual(2);
        expect(shown.size, lang).toBeGreaterThanOrEqual(12);
        expect(shown.hidden, lang).toBe(false);
      }
      await page.evaluate(() => localStorage.setItem('battlemap.lang', 'zh'));
    }));

  test("on a 4:3 projector, as on a 1080p screen, no county's label runs over another's and the map's heading is whole on its line, in English and Chinese", () =>
    asUser(suite, 'viewer', async ({ page }) => {
      const campaignId = campaignOf(page);
      for (const lang of ['en', 'zh'] as const) {
        await page.evaluate((l) => localStorage.setItem('battlemap.lang', l), lang);
        for (const [width, height] of [
          [1024, 768],
          [1920, 1080],
        ] as const) {
          const at = `${lang} ${width}×${height}`;
          await wallAt(page, campaignId, width, height);
          const texts = page.locator('[data-testid=wall] .county-labels text');
          await expect.poll(() => texts.count(), { message: at }).toBe(11);
          await page.screenshot({ path: `${artifacts}/wall-map-labels-${lang}-${width}x${height}.png` });
          // "Hantai 8" ran over "Chenggu 6" at 1024 × 768 in English: the map is a third as wide there, its labels no smaller on the screen.
          const labels = await texts.evaluateAll((all: SVGTextElement[]) =>
            all.map((text) => {
              const box = text.getBoundingClientRect();
              return { name: text.textContent ?? '', left: box.left, right: box.right, top: box.top, bottom: box.bottom, size: parseFloat(getComputedStyle(text).fontSize) * (box.width / text.getBBox().width) };
            }),
          );
          const overlapping = labels.flatMap((a, i) =>
            labels.slice(i + 1).filter((b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom).map((b) => `${a.name} / ${b.name}`),
          );
          expect(overlapping, at).toEqual([]);
          // Apart by being readable still: a name no smaller on the screen than 10 px.
          expect(Math.min(...labels.map((label) => label.size)), at).toBeGreaterThanOrEqual(10);
          // The map's heading on one line ("County branches •" over "Open clues" before), its scale beside it or under it.
          const heading = await page.locator('[data-testid=wall] .wall-section-head h2').evaluate((h2) => {
            const range = document.createRange();
            range.selectNodeContents(h2);
            return { text: h2.textContent ?? '', lines: new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size };
          });
          expect(heading.lines, `${at}: ${heading.text}`).toBe(1);
        }
      }
      await page.evaluate(() => localStorage.setItem('battlemap.lang', 'zh'));
    }));

  test('a wall screen shows as many typical cases as fit, each whole, the newest first, from a 4:3 projector or a 720p one to a 4K television', () =>
    asUser(suite, 'viewer', async ({ context, page }) => {
      const campaignId = campaignOf(page);
      const register = await apiCall<WireRegister>(suite.server.url, context, 'GET', `/api/campaigns/${campaignId}/typical-cases`);
      const latest = register.cases.map((c) => c.clueId).reverse();
      expect(latest.length).toBeGreaterThan(4);
      for (const lang of ['zh', 'en'] as const) {
        await page.evaluate((l) => localStorage.setItem('battlemap.lang', l), lang);
        for (const [width, height] of [
          [1024, 768],
          [1280, 720],
          [1280, 1024],
          [1366, 768],
          [1600, 900],
          [1920, 1080],
          [3840, 2160],
        ] as const) {
          await wallAt(page, campaignId, width, height);
          const at = `${lang} ${width}×${height}`;
          if (width === 1280) await page.screenshot({ path: `${artifacts}/wall-cases-${lang}-720p.png` });
          const placed = await wallCases(page);
          // The demo's latest case, its summary three lines or four, has room whole on every screen.
          expect(placed.shown.length, at).toBeGreaterThan(0);
          expect(placed.shown, at).toEqual(latest.slice(0, placed.shown.length));
          expect(placed.clipped, at).toEqual([]);
          expect(placed.cut, at).toEqual([]);
          // As many as fit: the next would not have.
          expect(placed.roomForNext, at).toBe(false);
          // A Chinese label wraps between its words, if at all: "冻结涉案资金 / （万元）", never "冻结涉案资 / 金（万元）".
          if (lang === 'zh') expect([['冻结涉案资金（万元）'], ['冻结涉案资金', '（万元）']], at).toContainEqual(await moneyLabelLines(page));
        }
      }
      await page.evaluate(() => localStorage.setItem('battlemap.lang', 'zh'));
    }),
    // Fourteen screens, each loaded afresh: on a slow machine running two files at once it took past the default 30 s.
    120_000,
  );

  test('with no room for the newest case whole (a long summary, an English wall of 1280 × 800), it is shown all the same, its title whole and its summary cut to the lines there is room for; with a title of several lines, the title cut and the summary left out; revised shorter, whole again', () =>
    asUser(suite, 'office', async ({ context, page }) => {
      const campaignId = campaignOf(page);
      const solved = await apiCall<{ columns: { cards: { id: number; version: number; title: string; typical?: boolean }[] }[] }>(suite.server.url, context, 'GET', `/api/campaigns/${campaignId}/board?kind=clue&state=solved&limit=500`);
      const candidate = (solved.columns[0]?.cards ?? []).find((c) => c.typical !== true);
      if (candidate === undefined) throw new Error('no solved clue that is not a typical case');
      const summary = `${'汉台分局网安大队会同刑侦大队循线追踪，历时两个月，摸清以境外网站为依托、以敲诈勒索为目的的犯罪团伙组织架构和资金链条，'.repeat(4)}一举抓获犯罪嫌疑人12名。`;
      const chosen = await apiCall<{ version: number }>(suite.server.url, context, 'POST', `/api/clues/${candidate.id}/typical`, { version: candidate.version, summary });
      let version = chosen.version;
      try {
        for (const [lang, width, height] of [
          ['en', 1280, 800],
          ['en', 1280, 720],
          ['zh', 1280, 720],
        ] as const) {
          await page.evaluate((l) => localStorage.setItem('battlemap.lang', l), lang);
          await wallAt(page, campaignId, width, height);
          const at = `${lang} ${width}×${height}`;
          const card = page.locator(`[data-testid=wall] [data-testid=bm-typical-card][data-clue="${candidate.id}"]`);
          await expect.poll(() => card.evaluate((element) => element.classList.contains('is-squeezed')), { message: at }).toBe(true);
          const placed = await wallCases(page);
          expect(placed.shown, at).toEqual([candidate.id]);
          expect(placed.cut, at).toEqual([]);
          const drawn = await card.evaluate((element) => {
            const title = element.querySelector<HTMLElement>('.tp-title');
            const text = element.querySelector<HTMLElement>('.tp-summary');
            const lineHeight = parseFloat(getComputedStyle(text ?? element).lineHeight);
            return { titleWhole: title !== null && title.scrollHeight <= title.clientHeight + 1, lines: Math.round((text?.clientHeight ?? 0) / lineHeight), cut: (text?.scrollHeight ?? 0) > (text?.clientHeight ?? 0) + 1 };
          });
          expect(drawn.titleWhole, at).toBe(true);
          expect(drawn.lines, at).toBeGreaterThanOrEqual(2);
          expect(drawn.cut, at).toBe(true);
          if (width === 1280 && height === 800) await page.screenshot({ path: `${artifacts}/wall-squeezed-en-1280x800.png` });
        }
        // Its title edited to one of three lines and more (the drawer's 编辑): with no room for a line of summary, the summary
        // is left out and the title cut to the lines there is room for; the wall had shown no case at all.
        await page.evaluate(() => localStorage.setItem('battlemap.lang', 'en'));
        await wallAt(page, campaignId, 1280, 720);
        const longTitle = '利用境外社交平台和虚拟货币结算渠道组织实施跨省跨境网络敲诈勒索、非法讨债、暴力威胁并散布他人隐私视频的恶势力犯罪集团系列案件'.repeat(2);
        const retitled = await apiCall<{ version: number; title: string }>(suite.server.url, context, 'PATCH', `/api/clues/${candidate.id}`, { version, title: longTitle });
        version = retitled.version;
        const retitledCard = page.locator(`[data-testid=wall] [data-testid=bm-typical-card][data-clue="${candidate.id}"]`);
        await expect.poll(() => retitledCard.evaluate((element) => element.classList.contains('is-title-squeezed'))).toBe(true);
        expect((await wallCases(page)).shown).toEqual([candidate.id]);
        const named = await retitledCard.evaluate((element) => {
          const title = element.querySelector<HTMLElement>('.tp-title');
          const summary = element.querySelector<HTMLElement>('.tp-summary');
          return { cut: title !== null && title.scrollHeight > title.clientHeight + 1, lines: title === null ? 0 : Math.round(title.clientHeight / parseFloat(getComputedStyle(title).lineHeight)), summaryShown: summary !== null && summary.offsetHeight > 0 };
        });
        expect(named).toEqual({ cut: true, lines: expect.any(Number), summaryShown: false });
        expect(named.lines).toBeGreaterThanOrEqual(2);
        await page.screenshot({ path: `${artifacts}/wall-title-squeezed-en-1280x720.png` });
        version = (await apiCall<{ version: number }>(suite.server.url, context, 'PATCH', `/api/clues/${candidate.id}`, { version, title: candidate.title })).version;

        // Its summary revised to a few lines while the wall is open (the wall follows the register live): it has its room whole again.
        const revised = await apiCall<{ version: number }>(suite.server.url, context, 'POST', `/api/clues/${candidate.id}/typical`, { version, summary: '网安支队循线追踪，一举抓获犯罪嫌疑人12名。' });
        version = revised.version;
        const card = page.locator(`[data-testid=wall] [data-testid=bm-typical-card][data-clue="${candidate.id}"]`);
        await card.locator('.tp-summary', { hasText: '一举抓获犯罪嫌疑人12名' }).waitFor();
        await expect.poll(() => card.evaluate((element) => element.classList.contains('is-squeezed'))).toBe(false);
        const whole = await wallCases(page);
        expect(whole.shown[0]).toBe(candidate.id);
        expect(whole.clipped).toEqual([]);
        expect(whole.cut).toEqual([]);
      } finally {
        await apiCall(suite.server.url, context, 'POST', `/api/clues/${candidate.id}/typical/withdraw`, { version, reason: '测试结束，撤回' });
        await page.evaluate(() => localStorage.setItem('battlemap.lang', 'zh'));
      }
    }),
    60_000,
  );

  test('on a phone the wall stacks: its headings, figures and typical cases readable, nothing past the right edge, every button in reach', () =>
    asUser(suite, 'viewer', async ({ context, page }) => {
      const campaignId = campaignOf(page);
      const register = await apiCall<WireRegister>(suite.server.url, context, 'GET', `/api/campaigns/${campaignId}/typical-cases`);
      const latest = register.cases.map((c) => c.clueId).reverse();
      await wallAt(page, campaignId, 390, 844);
      await expect.poll(() => page.locator('[data-testid=wall] .county-labels text').count()).toBe(11);
      const layout = await page.getByTestId('wall').evaluate((wall) => {
        const edge = document.documentElement.clientWidth;
        const heading = wall.querySelector('.wall-section-head h2');
        const map = wall.querySelector('[data-testid=county-map]')?.getBoundingClientRect();
        return {
          pageWidth: document.documentElement.scrollWidth,
          edge,
          // Anything drawn past either edge of the screen (a phase's text clipped inside its bar is not drawn there).
          outside: [...wall.querySelectorAll('*')]
            .filter((element) => element.closest('.phase-bar') === null)
            .filter((element) => {
              const box = element.getBoundingClientRect();
              return box.width > 0 && (box.right > edge + 0.5 || box.left < -0.5);
            })
            .map((element) => `${element.tagName}.${element.getAttribute('class') ?? ''} ${element.textContent?.slice(0, 20) ?? ''}`),
          // The map's heading on one line, not a character a line.
          headingLines: heading === null ? 0 : heading.getBoundingClientRect().height / parseFloat(getComputedStyle(heading).fontSize),
          mapWidth: map?.width ?? 0,
          // Each key figure's number drawn whole in a tile wide enough to read.
          figures: [...wall.querySelectorAll<HTMLElement>('.wall-figure')].map((tile) => {
            const value = tile.querySelector<HTMLElement>('.wall-figure-value');
            return {
              width: Math.round(tile.getBoundingClientRect().width),
              valueSize: value === null ? 0 : parseFloat(getComputedStyle(value).fontSize),
              whole: value !== null && value.textContent !== '' && tile.scrollWidth <= tile.clientWidth + 1 && tile.scrollHeight <= tile.clientHeight + 1,
            };
          }),
        };
      });
      expect(layout.pageWidth).toBeLessThanOrEqual(layout.edge);
      expect(layout.outside).toEqual([]);
      expect(layout.headingLines).toBeLessThan(2);
      expect(layout.mapWidth).toBeGreaterThan(layout.edge * 0.75);
      expect(layout.figures).toHaveLength(9);
      for (const figure of layout.figures) {
        expect(figure.width).toBeGreaterThan(120);
        expect(figure.valueSize).toBeGreaterThan(20);
        expect(figure.whole).toBe(true);
      }
      // Every typical case the wall shows, one under another, whole, the newest first; nothing hidden off to the side.
      const cases = await page.locator('[data-testid=wall] [data-testid=bm-typical-card]').evaluateAll((cards) =>
        cards.map((card) => ({
          clue: Number(card.getAttribute('data-clue')),
          whole: [card, ...card.querySelectorAll('.tp-title, .tp-summary')].every((part) => part.scrollHeight <= part.clientHeight + 1 && part.scrollWidth <= part.clientWidth + 1),
        })),
      );
      expect(cases.map((c) => c.clue)).toEqual(latest.slice(0, 6));
      expect(cases.filter((c) => !c.whole)).toEqual([]);
      expect(await moneyLabelLines(page)).toEqual(['冻结涉案资金', '（万元）']);
      await page.screenshot({ path: `${artifacts}/wall-phone-zh.png` });

      // The header's buttons are in reach: the language toggle works, and the way back leads to the battle map.
      await page.getByTestId('wall').getByTestId('lang-toggle').click();
      await expect.poll(() => page.getByTestId('wall-figures').textContent()).toContain('Organised crime groups broken');
      await page.getByRole('button', { name: 'Full screen' }).click({ trial: true });
      await page.getByTestId('wall-leave').click();
      await page.waitForURL(new RegExp(`/campaigns/${campaignId}/battle-map$`));
      await page.evaluate(() => localStorage.setItem('battlemap.lang', 'zh'));
    }));
  test('on a laptop no page scrolls the window: each scrolls its own part under the top bar, which stays', () =>
    asUser(suite, 'office', async ({ page }) => {
      await page.setViewportSize({ width: 1366, height: 768 });
      const campaign = `${suite.server.url}/campaigns/${campaignOf(page)}`;
      for (const [path, ready] of [
        ['board', '[data-testid=board] article[data-card-id]'],
        ['reports', '[data-testid=report] .report-charts .chart-host svg'],
        ['settings', '[data-testid=section-criteria]'],
        ['lists/clues', '[data-testid=list-page] tbody tr'],
        ['battle-map', '[data-testid=battle-map] .county-labels text'],
        ['import', '[data-testid=import-page]'],
      ] as const) {
        await page.goto(`${campaign}/${path}`);
        await page.locator(ready).first().waitFor();
        // The report's and the settings' hidden captions, placed against the window, reached 5,000 px below it.
        await page.waitForTimeout(300);
        const room = await page.evaluate(() => ({ below: document.documentElement.scrollHeight - innerHeight, beside: document.documentElement.scrollWidth - innerWidth }));
        expect(room, path).toEqual({ below: 0, beside: 0 });
      }
    }));
  test("on a phone the battle map, the report and the lists scroll as one page: the top bar and toolbars go up with it, not held over a third of the screen; the report's charts one a row", () =>
    asUser(suite, 'office', async ({ page }) => {
      await page.setViewportSize({ width: 390, height: 844 });
      const campaign = `${suite.server.url}/campaigns/${campaignOf(page)}`;
      for (const [path, ready] of [
        ['battle-map', '[data-testid=battle-map] .county-labels text'],
        ['reports', '[data-testid=report] .report-charts .chart-host svg'],
        ['lists/clues', '[data-testid=list-page] tbody tr'],
      ] as const) {
        await page.goto(`${campaign}/${path}`);
        await page.locator(ready).first().waitFor();
        await page.evaluate(() => window.scrollTo(0, 600));
        const after = await page.evaluate(() => ({
          scrolled: window.scrollY,
          topBarBottom: document.querySelector('.top-bar')?.getBoundingClientRect().bottom ?? 0,
          pageWidth: document.documentElement.scrollWidth,
        }));
        expect([after.scrolled, after.pageWidth], path).toEqual([600, 390]);
        expect(after.topBarBottom, path).toBeLessThanOrEqual(0);
      }
      // The report's charts stand one under another, each the width of the page's column (two to a row, some 170 px each, their labels fell on one another).
      await page.goto(`${campaign}/reports`);
      // The flow charts come from a read of their own, after the report's: wait for them too, or only the report's two are counted.
      await page.locator('[data-testid=flow-charts] .chart-host svg').first().waitFor();
      const charts = await page.locator('.report-chart').evaluateAll((figures) => figures.map((figure) => Math.round(figure.getBoundingClientRect().left)));
      expect(charts.length).toBeGreaterThanOrEqual(4);
      expect(new Set(charts).size).toBe(1);
      // The steps from clue to prosecution keep their names apart in English, each word a line in its narrow band (at a
      // fixed 96 px they ran into one "Clues foundClues verifiedCases filed…"); the typical cases' exports go under
      // their heading rather than past the screen's edge.
      await page.getByTestId('lang-toggle').click();
      const steps = page.locator('[data-testid=chart-steps] svg');
      await expect.poll(() => steps.evaluate((svg) => svg.textContent ?? '')).toContain('prosecution');
      const overlapping = await steps.evaluate((svg) => {
        const words = new Set(['Clues', 'found', 'verified', 'Cases', 'filed', 'solved', 'sent', 'for', 'prosecution']);
        const boxes = [...svg.querySelectorAll('text')].filter((text) => [...(text.textContent ?? '').split(/\s+/)].some((word) => words.has(word))).map((text) => ({ text: text.textContent ?? '', box: text.getBoundingClientRect() }));
        // A name's own lines share its band's centre; two names' lines must not meet.
        const centre = (box: DOMRect) => (box.left + box.right) / 2;
        return boxes.flatMap((a, i) => boxes.slice(i + 1).filter((b) => Math.abs(centre(a.box) - centre(b.box)) > 2 && Math.min(a.box.right, b.box.right) - Math.max(a.box.left, b.box.left) > 1 && Math.min(a.box.bottom, b.box.bottom) - Math.max(a.box.top, b.box.top) > 1).map((b) => `${a.text} × ${b.text}`));
      });
      expect(overlapping).toEqual([]);
      const exports = await page.locator('[data-testid=typical-export-csv], [data-testid=typical-export-xlsx]').evaluateAll((links) => links.map((link) => Math.round(link.getBoundingClientRect().right)));
      expect(exports.filter((right) => right > 390)).toEqual([]);
      await page.getByTestId('lang-toggle').click();
    }));
  test("on a phone a report table wider than its card fades at its right edge until scrolled to its end, which it then shows whole; on a laptop none fades", () =>
    asUser(suite, 'office', async ({ page }) => {
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(`${suite.server.url}/campaigns/${campaignOf(page)}/reports`);
      const wide = page.locator('[data-testid=report] .report-table-wrap').first();
      await wide.locator('tbody tr').first().waitFor();
      expect(await wide.evaluate((box) => box.scrollWidth > box.clientWidth + 40)).toBe(true);
      await expect.poll(() => wide.getAttribute('data-more')).toBe('');
      expect(await wide.evaluate((box) => getComputedStyle(box).maskImage)).toContain('linear-gradient');
      // Not on paper: printed, the table is whole, and its last column is not to be faded.
      await page.emulateMedia({ media: 'print' });
      expect(await wide.evaluate((box) => getComputedStyle(box).maskImage)).toBe('none');
      await page.emulateMedia({ media: 'screen' });
      await wide.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${artifacts}/report-table-phone-zh.png` });
      await wide.evaluate((box) => box.scrollTo({ left: box.scrollWidth }));
      await expect.poll(() => wide.getAttribute('data-more')).toBeNull();
      expect(await wide.evaluate((box) => getComputedStyle(box).maskImage)).toBe('none');
      await wide.evaluate((box) => box.scrollTo({ left: 0 }));
      await expect.poll(() => wide.getAttribute('data-more')).toBe('');
      // A laptop's screen holds the tables whole: nothing to fade.
      await page.setViewportSize({ width: 1600, height: 900 });
      await expect.poll(() => page.locator('[data-testid=report] [data-more]').count()).toBe(0);
    }));
  test('a campaign without a map has every unit as a tile in the map’s panel, all of them on a 720p wall and a 4:3 projector with nothing scrolled', () =>
    asUser(suite, 'office', async ({ context, page }) => {
      const created = await apiCall<{ id: number }>(suite.server.url, context, 'POST', '/api/campaigns', { code: 'wall-no-map-2027', nameZh: '无地图专项', nameEn: 'Campaign without a map', startsOn: '2027-01-01', endsOn: '2027-12-31' }, 201);
      const { units } = await apiCall<{ units: { unitId: string }[] }>(suite.server.url, context, 'GET', `/api/campaigns/${created.id}/battle-map`);
      expect(units.length).toBeGreaterThan(10);
      for (const [width, height] of [
        [1280, 720],
        [1024, 768],
      ] as const) {
        const at = `${width}×${height}`;
        await page.setViewportSize({ width, height });
        await page.goto(`${suite.server.url}/campaigns/${created.id}/wall`);
        const tiles = page.locator('[data-testid=wall] .wall-map .unit-tile');
        await expect.poll(() => tiles.count(), { message: at }).toBe(units.length);
        // The panel names them all; it was headed 县区分局 over an empty map, the tiles run below the side panel's foot.
        expect(await page.locator('.wall-map h2').first().textContent(), at).toMatch(/^各单位 · /);
        expect(await page.locator('[data-testid=wall] .wall-side .unit-tile').count(), at).toBe(0);
        await page.screenshot({ path: `${artifacts}/wall-no-map-${width}x${height}.png` });
        const notShown = await tiles.evaluateAll((all) =>
          all.filter((tile) => {
            const box = tile.getBoundingClientRect();
            return box.bottom > window.innerHeight + 0.5 || box.right > window.innerWidth + 0.5;
          }).length,
        );
        expect(notShown, at).toBe(0);
        const scrolls = await page.evaluate(() =>
          [document.documentElement, ...document.querySelectorAll<HTMLElement>('.wall-map, .wall-side')]
            .filter((element) => element.scrollHeight > element.clientHeight + 1)
            .map((element) => element.className),
        );
        expect(scrolls, at).toEqual([]);
      }
    }));
});
