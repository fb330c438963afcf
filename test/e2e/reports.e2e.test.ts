import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { apiCall, artifacts, asUser, asUserOn, browserSuite, campaignOf, chineseDay, englishDay, signedIn as signedInAs, wrapsLine, downloadedBytes } from './browser-kit';
import { reportColumnLabels, reportFigureLabels } from '../../engine/report/report.labels';
import type { Flow } from '../../api/contracts/flow';
import { demoPassword } from '../support/test-database';

/**
 * The completion report, the battle map and the wall in a real Chromium
 * against the real server and the seeded demo campaign (mid-June 2026).
 * Needs `npm run build`.
 */

const suite = browserSuite();


/** Signed in as the campaign office; answers the campaign the app opened. */
async function signedIn(): Promise<{ context: BrowserContext; page: Page; campaignId: number }> {
  const { context, page } = await signedInAs(suite.browser, suite.server.url, 'office');
  const campaignId = campaignOf(page);
  return { context, page, campaignId };
}

/** Runs `test` signed in as the campaign office (in a tab kept between tests: see asUser), with the campaign the app opened. */
function asOffice(test: (session: { context: BrowserContext; page: Page; campaignId: number }) => Promise<void>): Promise<void> {
  return asUser(suite, 'office', ({ context, page }) => test({ context, page, campaignId: campaignOf(page) }));
}

/** asOffice, starting on the page `start` of the app rather than on the board (see asUserOn). */
function asOfficeOn(start: string, test: (session: { context: BrowserContext; page: Page; campaignId: number }) => Promise<void>): Promise<void> {
  return asUserOn(suite, 'office', start, ({ context, page }) => test({ context, page, campaignId: campaignOf(page) }));
}

/** A screenshot of a whole page that scrolls inside its main area: the window is made as tall as that area first. */
async function wholePage(page: Page, main: string, path: string): Promise<void> {
  const height = await page.getByTestId(main).evaluate((element) => element.scrollHeight + element.getBoundingClientRect().top);
  await page.setViewportSize({ width: 1600, height: Math.ceil(height) });
  await page.waitForTimeout(300); // the charts redraw at the new size
  await page.screenshot({ path });
  await page.setViewportSize({ width: 1600, height: 900 });
}

/** Opens the campaign's survey report and waits until the page is reading that phase. */
async function openSurveyReport(page: Page, campaignId: number): Promise<void> {
  await page.goto(`${suite.server.url}/campaigns/${campaignId}/reports?phase=survey`);
  await surveyReportShown(page);
}

/** Waits until the page opened on the survey report is reading that phase. */
const surveyReportShown = (page: Page) => page.locator('[data-testid=report-document][data-phase=survey]').waitFor();

/** The page as printed: the print style, in the page area of A4 landscape within its 10 mm margins, at 96 px an inch. */
async function asPrinted(page: Page): Promise<void> {
  await page.emulateMedia({ media: 'print' });
  await page.setViewportSize({ width: Math.floor((277 / 25.4) * 96), height: Math.floor((190 / 25.4) * 96) });
}

async function api<T>(context: BrowserContext, path: string, body?: unknown): Promise<T> {
  const cookies = await context.cookies(suite.server.url);
  const cookie = cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const response = await fetch(`${suite.server.url}${path}`, body === undefined ? { headers: { cookie } } : { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (response.status !== 200 && response.status !== 201) throw new Error(`${body === undefined ? 'GET' : 'POST'} ${path} answered ${response.status}`);
  return (await response.json()) as T;
}

/** Clicks the export link and answers the downloaded file's name and its rows as text. */
async function downloadCsv(page: Page): Promise<{ name: string; header: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
  const text = (await downloadedBytes(download)).toString('utf8').replace(/^\uFEFF/, '');
  return { name: download.suggestedFilename(), header: text.split(/\r?\n/)[0] ?? '' };
}

describe('reports, battle map and wall in Chromium', () => {
  test('the survey report shows the API’s figures and exports CSV in the chosen language', async () => {
    await asOfficeOn('/campaigns/1/reports?phase=survey', async ({ context, page, campaignId }) => {
      const live = await api<{ total: { figures: Record<string, number> }; span: { to: string } }>(context, `/api/campaigns/${campaignId}/report?phase=survey`);
      const solved = live.total.figures.casesSolved;
      expect(solved).toBeGreaterThan(0);

      await surveyReportShown(page);
      // One h1, the report's own: the top bar's campaign name was another, alike.
      expect(await page.locator('h1').allTextContents()).toEqual([expect.stringContaining('汉中市')]);
      expect(await page.locator('.report-heading h1').count()).toBe(1);
      // A phase left in March holds its figures as of its end, not as of today (Beijing time, eight hours ahead of UTC).
      const ended = new Date(Date.parse(live.span.to) + 8 * 3_600_000).toISOString();
      expect(await page.getByTestId('report-span').textContent()).toContain(`数据截至 ${chineseDay(ended)} ${ended.slice(11, 16)}`);
      expect(await page.getByTestId('headline-casesSolved').getAttribute('data-value')).toBe(String(solved));
      await expect.poll(() => page.getByTestId('by-unit-work-total-casesSolved').textContent()).toBe(new Intl.NumberFormat('zh-CN').format(solved ?? 0));
      // The table's column is the engine's heading; the card is worded as the releases word it.
      await page.getByTestId('by-unit-work').locator('th', { hasText: reportFigureLabels.casesSolved.zh }).waitFor();
      await page.getByTestId('headline-casesSolved').filter({ hasText: '破获刑事案件' }).waitFor();
      // The charts were drawn (ECharts, SVG renderer).
      await page.locator('[data-testid=chart-units] svg').waitFor();
      await page.locator('[data-testid=chart-steps] svg').waitFor();
      // A phase's solve rate counts cases filed earlier and solved now, so it can pass 100%: the page says so under the table.
      expect(await page.getByTestId('by-unit-work-note').textContent()).toContain('破案率可能超过 100%');
      // Clues found are counted when entered, which a late import makes differ from the board's phase filter: said too.
      expect(await page.getByTestId('clues-found-note').textContent()).toContain('按录入系统的时间统计');
      await wholePage(page, 'report', `${artifacts}/report-zh.png`);

      const zh = await downloadCsv(page);
      expect(zh.name).toMatch(/survey.*\.csv$/);
      expect(zh.header.startsWith(reportColumnLabels.scope.zh)).toBe(true);
      expect(zh.header).toContain(reportFigureLabels.casesSolved.zh);
      // The page's tables and the file name each figure alike: every heading of the tables is a column of the CSV.
      const headings = await page.locator('[data-testid=by-unit] thead th:not(.col-scope)').allTextContents();
      const columns = zh.header.split(',');
      expect(headings.length).toBeGreaterThan(20);
      expect(headings.filter((heading) => !columns.includes(heading))).toEqual([]);

      await page.getByTestId('lang-toggle').click();
      await page.getByTestId('headline-casesSolved').filter({ hasText: 'Criminal cases solved' }).waitFor();
      await page.getByTestId('by-unit-work').locator('th', { hasText: reportFigureLabels.casesSolved.en }).waitFor();
      await wholePage(page, 'report', `${artifacts}/report-en.png`);

      const en = await downloadCsv(page);
      expect(en.header.startsWith(reportColumnLabels.scope.en)).toBe(true);
      expect(en.header).toContain(reportFigureLabels.casesSolved.en);
      expect(en.header).not.toContain(reportFigureLabels.casesSolved.zh);
    });
  });

  test("a phase's report says how each unit did against its targets: missed once the phase has ended, still to go while it runs, in both languages", async () => {
    await asOfficeOn('/campaigns/1/reports?phase=survey', async ({ context, page, campaignId }) => {
      type Target = { unitId: string; metric: string; target: number; actual: number };
      const survey = await api<{ targets: Target[] }>(context, `/api/campaigns/${campaignId}/report?phase=survey`);
      const missed = survey.targets.filter((t) => t.actual < t.target);
      expect(survey.targets.length).toBeGreaterThan(0);
      await surveyReportShown(page);
      const section = page.getByTestId('report-targets');
      await section.getByRole('heading', { name: '阶段目标完成情况' }).waitFor();
      // The survey has ended: its tally and each row say met or missed, as the API counts them.
      expect(await section.getByTestId('targets-tally').textContent()).toBe(`共 ${survey.targets.length} 项目标：达标 ${survey.targets.length - missed.length} 项，未达标 ${missed.length} 项。`);
      for (const target of survey.targets) {
        const row = section.getByTestId(`report-target-${target.unitId}-${target.metric}`);
        expect(await row.getAttribute('data-met')).toBe(String(target.actual >= target.target));
        expect(await row.locator('.target-result').textContent()).toBe(target.actual >= target.target ? '达标' : `未达标（差 ${target.target - target.actual}）`);
      }
      expect(await section.getByTestId('report-target-hantai-cluesVerified').locator('th').textContent()).toBe('汉台分局');
      // As its frozen record has them, and said so: a unit moved since does not change them.
      expect(await section.getByTestId('targets-frozen-note').textContent()).toMatch(/^本阶段已结束：目标与完成数为定稿时（2026年3月31日 \d{2}:\d{2}）所记/);

      // The crackdown is under way on the test's day: what is not met yet is still to go.
      const crackdown = await api<{ targets: Target[] }>(context, `/api/campaigns/${campaignId}/report?phase=crackdown`);
      const toGo = crackdown.targets.find((t) => t.actual < t.target);
      expect(toGo).toBeDefined();
      await page.getByRole('combobox', { name: '阶段' }).selectOption('crackdown');
      await page.locator('[data-testid=report-document][data-phase=crackdown]').waitFor();
      expect(await section.getByTestId('targets-tally').textContent()).toContain('（阶段进行中）');
      expect(await section.getByTestId('targets-frozen-note').count()).toBe(0);
      expect(await section.getByTestId(`report-target-${toGo?.unitId}-${toGo?.metric}`).locator('.target-result').textContent()).toBe(`尚差 ${(toGo?.target ?? 0) - (toGo?.actual ?? 0)}`);

      await page.getByTestId('lang-toggle').click();
      await section.getByRole('heading', { name: 'Targets for the phase' }).waitFor();
      expect(await section.getByTestId(`report-target-${toGo?.unitId}-${toGo?.metric}`).locator('.target-result').textContent()).toBe(`${(toGo?.target ?? 0) - (toGo?.actual ?? 0)} to go`);
      expect(await section.getByTestId('report-target-hantai-casesSolved').locator('td').first().textContent()).toBe('Cases solved');
      await page.getByTestId('lang-toggle').click();

      // A detachment has no target of its own: its report says so, and shows the office where targets are set.
      await page.getByTestId('report-unit').selectOption('xingzhen');
      await section.getByTestId('targets-none').waitFor();
      expect(await section.getByTestId('targets-none').textContent()).toContain('本单位本阶段未设定目标。');
      expect(await section.getByTestId('targets-none').locator('a').getAttribute('href')).toBe(`/campaigns/${campaignId}/settings#ca-targets`);
      // Nor for an ended phase, whose targets are frozen with its report: nowhere to set them.
      await page.getByRole('combobox', { name: '阶段' }).selectOption('survey');
      await page.locator('[data-testid=report-document][data-phase=survey]').waitFor();
      await section.getByTestId('targets-none').waitFor();
      expect(await section.getByTestId('targets-none').locator('a').count()).toBe(0);
      await page.getByRole('combobox', { name: '阶段' }).selectOption('crackdown');
      await page.locator('[data-testid=report-document][data-phase=crackdown]').waitFor();
      // A category's report has none: a target counts every category.
      await page.getByTestId('report-unit').selectOption('');
      await page.getByTestId('report-category').selectOption({ index: 1 });
      await page.getByTestId('report-heading-category').waitFor();
      await expect.poll(() => section.count()).toBe(0);

      // The link to the settings brings their targets into view (a few screens down; followed within the app, the page stayed at its top).
      await page.getByTestId('report-category').selectOption('');
      await page.getByTestId('report-unit').selectOption('xingzhen');
      await section.getByTestId('targets-none').locator('a').click();
      await page.waitForURL(/\/settings#ca-targets$/);
      await expect
        .poll(() => page.locator('#ca-targets').evaluate((heading) => heading.getBoundingClientRect().top >= 0 && heading.getBoundingClientRect().top < window.innerHeight / 2))
        .toBe(true);
    });
  });

  test("a branch's own report and a category's: chosen from the lists, their figures the API's for that scope, the export named for it, the frozen comparison left to the whole campaign", async () => {
    await asOfficeOn('/campaigns/1/reports?phase=survey', async ({ context, page, campaignId }) => {
      const scoped = await api<{ unit: string | null; total: { figures: Record<string, number> } }>(context, `/api/campaigns/${campaignId}/report?phase=survey&unit=hantai`);
      const whole = await api<{ total: { figures: Record<string, number> } }>(context, `/api/campaigns/${campaignId}/report?phase=survey`);
      const found = scoped.total.figures.cluesFound ?? 0;
      expect(found).toBeGreaterThan(0);
      expect(found).toBeLessThan(whole.total.figures.cluesFound ?? 0);

      await page.getByTestId('frozen-verdict').waitFor();
      await page.getByTestId('report-unit').selectOption('hantai');
      await page.getByTestId('report-heading-unit').filter({ hasText: '汉台分局' }).waitFor();
      await page.waitForURL(/unit=hantai/);
      await expect.poll(() => page.getByTestId('headline-cluesFound').getAttribute('data-value')).toBe(String(found));
      // The branch's figures as a release words them: what it did not do (a zero) left out.
      const lead = await page.locator('.report-lead').textContent();
      expect(lead).toMatch(/^摸排核查阶段，汉台分局(共|尚无战果记录)/);
      expect(lead).not.toMatch(/[^\d.,]0(个|起|人|支|元)/);
      // Only the branch's own row; the frozen report is the campaign's and is not compared with a unit's.
      expect(await page.locator('[data-testid=by-unit-work] tbody tr').allTextContents()).toEqual([expect.stringContaining('汉台分局')]);
      expect(await page.getByTestId('frozen').count()).toBe(0);
      await page.getByTestId('unit-frozen-note').waitFor();
      // Every category in use has its row, one in which the branch did nothing as zeros, as the export has them.
      const detail = await api<{ categories: { id: number; nameZh: string; retired: boolean }[] }>(context, `/api/campaigns/${campaignId}`);
      const categoryNames = await page.locator('[data-testid=by-category-work] tbody tr th').allTextContents();
      expect(categoryNames.filter((name) => name !== '未分类')).toEqual(detail.categories.filter((c) => !c.retired).map((c) => c.nameZh));
      // The flow charts are the branch's too: its clues in each state, day by day, as the API counts them.
      const flow = await api<{ days: { open: number }[] }>(context, `/api/campaigns/${campaignId}/flow?phase=survey&unit=hantai`);
      const wholeFlow = await api<{ days: { open: number }[] }>(context, `/api/campaigns/${campaignId}/flow?phase=survey`);
      expect(flow.days.at(-1)?.open).toBeLessThan(wholeFlow.days.at(-1)?.open ?? 0);
      const charts = page.locator('[data-testid=flow-charts][data-unit=hantai]');
      await charts.waitFor();
      expect(await charts.getAttribute('data-open-today')).toBe(String(flow.days.at(-1)?.open));
      await wholePage(page, 'report', `${artifacts}/report-unit-zh.png`);
      const file = await downloadCsv(page);
      expect(file.name).toMatch(/-hantai-survey-.*\.csv$/);

      // Within the branch, one category: the anti-fraud offensive's figures there.
      const fraud = await api<{ total: { figures: Record<string, number> } }>(context, `/api/campaigns/${campaignId}/report?phase=survey&unit=hantai&category=8`);
      await page.getByTestId('report-category').selectOption('8');
      await page.getByTestId('report-heading-category').filter({ hasText: '电信网络诈骗' }).waitFor();
      await expect.poll(() => page.getByTestId('headline-cluesFound').getAttribute('data-value')).toBe(String(fraud.total.figures.cluesFound));
      expect(await page.locator('.report-lead').textContent()).toMatch(/^摸排核查阶段，汉台分局“电信网络诈骗”类(共|尚无战果记录)/);
      expect(await page.locator('[data-testid=by-category-work] tbody tr').allTextContents()).toEqual([expect.stringContaining('电信网络诈骗')]);
      await page.screenshot({ path: `${artifacts}/report-unit-category-zh.png` });

      // The items with no category (未分类), offered as the lists offer them: the API's figures for category=none, the
      // flow charts and the export of the same scope.
      const uncategorised = await api<{ total: { figures: Record<string, number> } }>(context, `/api/campaigns/${campaignId}/report?phase=survey&unit=hantai&category=none`);
      await page.getByTestId('report-category').selectOption('none');
      await page.waitForURL(/category=none/);
      await page.getByTestId('report-heading-category').filter({ hasText: '未分类' }).waitFor();
      await expect.poll(() => page.getByTestId('headline-cluesFound').getAttribute('data-value')).toBe(String(uncategorised.total.figures.cluesFound));
      expect(await page.locator('.report-lead').textContent()).toMatch(/^摸排核查阶段，汉台分局未分类线索(共|尚无战果记录)/);
      await page.locator('[data-testid=flow-charts][data-category=none]').waitFor();
      expect((await downloadCsv(page)).name).toMatch(/-hantai-uncategorised-survey-.*\.csv$/);
      await page.getByTestId('report-category').selectOption('');
      await page.waitForURL((url) => !url.search.includes('category='));

      // A reload keeps the unit (it is in the address); back to every unit, the comparison returns.
      await page.reload();
      await page.getByTestId('report-heading-unit').waitFor();
      expect(await page.getByTestId('report-unit').inputValue()).toBe('hantai');
      await page.getByTestId('report-unit').selectOption('');
      await page.getByTestId('frozen-verdict').waitFor();
      // The whole campaign's report may draw its comparison before the branch's heading is gone: waited for, not read once.
      await expect.poll(() => page.getByTestId('report-heading-unit').count()).toBe(0);
      await expect.poll(() => page.getByTestId('headline-cluesFound').getAttribute('data-value')).toBe(String(whole.total.figures.cluesFound));
    });
  });

  test('a unit lead’s report page opens on their own unit, the whole campaign one choice away and kept on reload; the office’s on the whole campaign', async () => {
    const { context, page } = await signedInAs(suite.browser, suite.server.url, 'hantai.lead');
    try {
      await page.goto(`${suite.server.url}/campaigns/${campaignOf(page)}/reports`);
      await page.getByTestId('report-document').waitFor();
      await expect.poll(() => page.getByTestId('report-heading-unit').textContent()).toContain('汉台分局');
      expect(await page.getByTestId('report-unit').inputValue()).toBe('hantai');
      // The branch's report of the phase under way is provisional, as the whole campaign's says of itself.
      expect(await page.getByTestId('frozen-pending').textContent()).toContain('该阶段尚未结束');
      await page.getByTestId('report-unit').selectOption('');
      await expect.poll(() => page.getByTestId('report-heading-unit').count()).toBe(0);
      expect(new URL(page.url()).searchParams.get('unit')).toBe('*');
      await page.reload();
      await page.getByTestId('report-document').waitFor();
      expect(await page.getByTestId('report-unit').inputValue()).toBe('');
      expect(await page.getByTestId('report-heading-unit').count()).toBe(0);
      await page.getByTestId('report-unit').selectOption('hantai');
      await expect.poll(() => page.getByTestId('report-heading-unit').count()).toBe(1);
      // On a 1280 × 800 laptop, in English, the scope, the unit, the category, "as of" and the three exports keep one line.
      await page.getByTestId('lang-toggle').click();
      await expect.poll(() => page.getByTestId('report-heading-unit').textContent()).toContain('Hantai');
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.screenshot({ path: `${artifacts}/report-toolbar-en-1280.png`, clip: { x: 0, y: 0, width: 1280, height: 200 } });
      await expect.poll(() => wrapsLine(page.getByTestId('report-toolbar'))).toBe(false);
    } finally {
      await context.close();
    }
    const office = await signedInAs(suite.browser, suite.server.url, 'office');
    try {
      await office.page.goto(`${suite.server.url}/campaigns/${campaignOf(office.page)}/reports`);
      await office.page.getByTestId('report-document').waitFor();
      expect(await office.page.getByTestId('report-unit').inputValue()).toBe('');
      expect(await office.page.getByTestId('report-heading-unit').count()).toBe(0);
    } finally {
      await office.context.close();
    }
  });

  test('printed on A4 landscape, the charts drawn for a wide screen scale into the page, drawn again or not', async () => {
    await asOffice(async ({ context, page, campaignId }) => {
      // A print lays its pages out without the charts being told their new size (as a headless PDF does): here no
      // size is ever reported to them, so what fits the page is the drawing scaling into its box.
      await page.addInitScript(() => {
        window.ResizeObserver = class {
          observe(): void {}
          unobserve(): void {}
          disconnect(): void {}
        };
      });
      await page.setViewportSize({ width: 1600, height: 900 });
      await openSurveyReport(page, campaignId);
      await page.locator('[data-testid=flow-charts] .chart-host svg').first().waitFor();
      const rightmost = () =>
        page.evaluate(() => {
          const svgs = [...document.querySelectorAll('.chart-host svg')];
          return { charts: svgs.length, right: Math.max(...svgs.map((svg) => svg.getBoundingClientRect().right)), page: document.documentElement.clientWidth };
        });
      expect((await rightmost()).charts).toBeGreaterThanOrEqual(3);
      // Before, the charts kept the width they were drawn at for the screen: they ran off the page, axes cut at "2026-12-1…".
      await asPrinted(page);
      await expect.poll(async () => {
        const { right, page: width } = await rightmost();
        return right <= width + 0.5;
      }).toBe(true);
      await page.screenshot({ path: `${artifacts}/report-print-charts.png`, fullPage: true });
    });
  });

  test("printed on A4 landscape, every figure of the tables stays on one line and every table fits the page, with sums as large as a province's, in Chinese and in English", async () => {
    await asOfficeOn('/campaigns/1/reports?phase=survey', async ({ context, page, campaignId }) => {
      await surveyReportShown(page);
      await page.getByTestId('by-category-outcomes').waitFor();
      await asPrinted(page);
      for (const language of ['zh', 'en'] as const) {
        if (language === 'en') {
          await page.emulateMedia({ media: 'screen' });
          await page.getByTestId('lang-toggle').click();
          await page.getByTestId('by-unit-work').locator('th', { hasText: reportFigureLabels.casesSolved.en }).waitFor();
          await page.emulateMedia({ media: 'print' });
        }
        // The demo's sums are a small city's: each cell is given the width of a province's year (2.1 billion yuan, 12,345 people).
        const checked = await page.evaluate(() => {
          const lines = (cell: Element) => {
            const range = document.createRange();
            range.selectNodeContents(cell);
            return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
          };
          const split: string[] = [];
          const overflowing: string[] = [];
          const tables = [...document.querySelectorAll('table.report-table')];
          for (const table of tables) {
            const heads = [...table.querySelectorAll('thead th')].map((th) => th.textContent ?? '');
            for (const row of table.querySelectorAll('tbody tr, tfoot tr')) {
              [...row.children].forEach((cell, i) => {
                if (i > 0) cell.textContent = /元|yuan/.test(heads[i] ?? '') ? '2,101,000,000' : '12,345';
              });
            }
          }
          const page = document.documentElement.clientWidth;
          for (const table of tables) {
            if (table.getBoundingClientRect().right > page + 0.5) overflowing.push(table.closest('[data-testid]')?.getAttribute('data-testid') ?? '?');
            for (const cell of table.querySelectorAll('td')) if (lines(cell) > 1) split.push(cell.textContent ?? '');
          }
          return { tables: tables.length, cells: document.querySelectorAll('table.report-table td').length, split, overflowing };
        });
        expect(checked.tables).toBeGreaterThanOrEqual(6);
        expect(checked.cells).toBeGreaterThan(300);
        expect(checked.split).toEqual([]);
        expect(checked.overflowing).toEqual([]);
        await page.screenshot({ path: `${artifacts}/report-print-${language}.png`, fullPage: true });
      }
    });
  });

  test("a solve rate past 100% is marked for the note under its table, which says how it is counted; the steps from clue to prosecution are counts, not a funnel that grows; each unit's filed and solved bars are both seen", async () => {
    await asOfficeOn('/campaigns/1/reports?phase=crackdown', async ({ context, page, campaignId }) => {
      type Row = { figures: Record<string, number>; solveRate: number | null };
      const live = await api<{ byUnit: Record<string, Row> }>(context, `/api/campaigns/${campaignId}/report?phase=crackdown`);
      const past = Object.entries(live.byUnit).find(([, row]) => (row.solveRate ?? 0) > 1);
      const atMost = Object.entries(live.byUnit).find(([, row]) => row.solveRate !== null && row.solveRate <= 1);
      if (past === undefined || atMost === undefined) throw new Error('the demo crackdown has a unit that solved more cases than it filed, and one that did not');
      await page.locator('[data-testid=report-document][data-phase=crackdown]').waitFor();
      const table = page.getByTestId('by-unit-work');
      // The heading says how the rate is counted, where it is read.
      await table.locator('thead th', { hasText: '破案率（破案÷立案）' }).waitFor();
      const rate = (unit: string) => table.locator(`tbody tr[data-key="${unit}"] td[data-column=solveRate]`);
      const pct = (value: number) => new Intl.NumberFormat('zh-CN', { style: 'percent', maximumFractionDigits: 1 }).format(value);
      // Shown as counted, not capped, and marked for the note; a rate of 100% or less is not.
      expect(await rate(past[0]).textContent()).toBe(`${pct(past[1].solveRate ?? 0)}*`);
      expect(await rate(past[0]).getAttribute('aria-describedby')).toBe('by-unit-work-note');
      expect(await rate(atMost[0]).textContent()).toBe(pct(atMost[1].solveRate ?? 0));
      // The note directly under the table, not screens further down; on paper too.
      const next = await page.getByRole('region', { name: '分单位统计 · 线索办理' }).evaluate((box) => box.nextElementSibling?.getAttribute('data-testid'));
      expect(next).toBe('by-unit-work-note');
      expect(await page.getByTestId('by-unit-work-note').textContent()).toMatch(/^\* 破案率 = 统计区间内破案数 ÷ 同期立案数。区间内破获的案件也包括此前立案的案件.*可能超过 100%/);
      await page.getByTestId('by-category-work-note').waitFor();

      // The steps are the period's counts, no share of the clues found past 100%, and the chart says what they count.
      const steps = page.getByTestId('chart-steps');
      await steps.locator('svg').waitFor();
      expect(await steps.getAttribute('aria-label')).toMatch(/^发现线索 [\d,]+、核查线索 [\d,]+、立案 [\d,]+、破案 [\d,]+、移送起诉案件 [\d,]+$/);
      expect(await steps.locator('svg').textContent()).not.toContain('%');
      expect(await page.getByTestId('chart-steps-note').textContent()).toContain('不是同一批线索的逐级转化');

      // Each unit's cases filed and solved side by side: before, the filed bar was drawn behind the solved one and
      // hidden whole where a unit solved as many as it filed or more.
      const bars = await page.getByTestId('chart-units').evaluate((host) => {
        // The legend's swatches stand above the plot (its grid starts 28 px down): not bars.
        const plotTop = host.getBoundingClientRect().top + 26;
        const boxes = (fill: string) =>
          [...host.querySelectorAll('path')]
            .filter((path) => path.getAttribute('fill')?.toLowerCase() === fill)
            .map((path) => path.getBoundingClientRect())
            .filter((box) => box.width > 0.5 && box.height > 0.5 && box.top >= plotTop)
            .map((box) => ({ top: box.top, bottom: box.bottom }));
        return { filed: boxes('#8aa9e6'), solved: boxes('#1f5fd1') };
      });
      const withFiled = Object.values(live.byUnit).filter((row) => (row.figures.casesFiled ?? 0) > 0).length;
      expect(bars.filed.length).toBe(withFiled);
      expect(bars.solved.length).toBeGreaterThan(0);
      const overlapping = bars.filed.filter((f) => bars.solved.some((s) => s.top < f.bottom - 0.5 && f.top < s.bottom - 0.5));
      expect(overlapping).toEqual([]);
      await page.getByTestId('chart-units').screenshot({ path: `${artifacts}/report-units-side-by-side.png` });
    });
  });

  test("a frozen phase's period is said as the days it ran, the instants in its title; the comparison says a figure that agrees as such", async () => {
    await asOfficeOn('/campaigns/1/reports?phase=survey', async ({ context, page, campaignId }) => {
      const survey = await api<{ span: { from: string; to: string } }>(context, `/api/campaigns/${campaignId}/reports/survey`);
      const beijing = (at: string) => new Date(Date.parse(at) + 8 * 3_600_000).toISOString();
      await surveyReportShown(page);
      const period = page.getByTestId('report-span-period');
      // Before: "2026年1月1日 07:30 – 2026年3月31日 17:00", read as a window set to the minute.
      expect(await period.textContent()).toBe(`${chineseDay(beijing(survey.span.from))} – ${chineseDay(beijing(new Date(Date.parse(survey.span.to) - 1).toISOString()))}`);
      expect(await period.getAttribute('title')).toBe(
        `${chineseDay(beijing(survey.span.from))} ${beijing(survey.span.from).slice(11, 16)} – ${chineseDay(beijing(survey.span.to))} ${beijing(survey.span.to).slice(11, 16)}`,
      );
      await page.getByTestId('frozen-verdict').waitFor();
      const differences = await page.locator('[data-testid=frozen] table tbody tr td:last-child').allTextContents();
      expect(differences.length).toBeGreaterThan(20);
      // Before, blank where nothing differs: read as a figure missing.
      expect(differences.filter((text) => text.trim() === '')).toEqual([]);
      expect(differences).toContain('一致');
      await page.getByTestId('lang-toggle').click();
      await expect.poll(() => page.locator('[data-testid=frozen] table tbody tr td:last-child').first().textContent()).toMatch(/^(Same|[+-−].*|Live only|Frozen only)$/);
      expect(await period.textContent()).toMatch(/^\d{1,2} \w{3,4} \d{4} – \d{1,2} \w{3,4} \d{4}$/);
    });
  });

  test('the frozen comparison says a value only one side has as such, not ≠ as though two figures differed', async () => {
    await asOffice(async ({ context, page, campaignId }) => {
      // A survey frozen before any case was filed or solved in it has neither a solve rate nor a median: the live one has both.
      await page.route(`**/api/campaigns/${campaignId}/reports/survey`, async (route) => {
        const response = await route.fetch();
        const frozen = (await response.json()) as { total: { solveRate: number | null; medianDaysToSolve: number | null } };
        await route.fulfill({ response, json: { ...frozen, total: { ...frozen.total, solveRate: null, medianDaysToSolve: null } } });
      });
      await openSurveyReport(page, campaignId);
      await page.getByTestId('frozen-verdict').waitFor();
      const lineOf = (label: string) => page.locator('[data-testid=frozen] table tbody tr').filter({ has: page.locator('th', { hasText: label }) });
      const live = await api<{ total: { solveRate: number | null } }>(context, `/api/campaigns/${campaignId}/report?phase=survey&format=json`);
      expect(live.total.solveRate).not.toBeNull();
      expect(await lineOf(reportColumnLabels.solveRate.zh).locator('td').allTextContents()).toEqual(['—', expect.stringMatching(/%$/), '仅实时']);
      await page.getByTestId('lang-toggle').click();
      await expect.poll(() => lineOf(reportColumnLabels.solveRate.en).locator('td').last().textContent()).toBe('Live only');
      expect(await page.locator('[data-testid=frozen] table tbody').textContent()).not.toContain('≠');
    });
  });

  test('the frozen comparison stays with its phase: the whole campaign and a date range show none, and a range covers the dates its inputs show', async () => {
    await asOfficeOn('/campaigns/1/reports?phase=survey', async ({ context, page, campaignId }) => {
      await surveyReportShown(page);
      await page.getByTestId('frozen-verdict').waitFor();
      expect(await page.getByTestId('frozen-verdict').getAttribute('class')).toContain('rp-chip-ok');
      // The survey was advanced with criteria unmet: beside its frozen stamp, who advanced it, what was unmet, and why.
      type Advance = { actorName: string | null; unmet: { description: { zh: string } }[] | null; reason: string | null };
      const advance = (await api<{ frozen?: { advance: Advance | null } }>(context, `/api/campaigns/${campaignId}/reports/survey`)).frozen?.advance;
      if (advance?.reason === null || advance?.reason === undefined || advance.actorName === null) throw new Error('the demo survey was advanced with a reason, by the office');
      expect(await page.getByTestId('advance-by').textContent()).toBe(advance.actorName);
      expect(await page.getByTestId('advance-reason').textContent()).toBe(advance.reason);
      expect(await page.locator('[data-testid=advance-unmet] li').allTextContents()).toEqual((advance.unmet ?? []).map((u) => expect.stringContaining(u.description.zh)));
      expect(advance.unmet?.length).toBeGreaterThan(0);

      await page.getByTestId('scope-whole').click();
      await page.locator('[data-testid=report-document][data-phase=""]').waitFor();
      await page.getByTestId('by-unit').waitFor();
      expect(await page.getByTestId('frozen').count()).toBe(0);
      const campaign = await api<{ startsOn: string; endsOn: string }>(context, `/api/campaigns/${campaignId}`);
      // The whole campaign's charts span its year, not the current phase's window beneath a table of the whole year.
      await page.locator(`[data-testid=flow-charts][data-window="${campaign.startsOn}/${campaign.endsOn}"]`).waitFor();
      expect(await page.locator('figure:has([data-testid=chart-flow]) figcaption').textContent()).toContain(chineseDay(campaign.startsOn));

      await page.getByTestId('scope-range').click();
      expect(await page.locator('input[name=from]').inputValue()).toBe(campaign.startsOn);
      // The range's end day is included, and said as the day chosen: the span runs to its 24:00 (the next day's
      // 00:00, which the heading wrote, a day the user had not chosen).
      expect(await page.locator('input[name=to]').inputValue()).toBe(campaign.endsOn);
      await expect
        .poll(() => page.getByTestId('report-span').textContent())
        .toContain(`${chineseDay(campaign.startsOn)} 00:00 – ${chineseDay(campaign.endsOn)} 24:00`);
      expect(await page.getByTestId('frozen').count()).toBe(0);

      // A last day before the first is said at 止 as the input's error; the report shown stays, and no report is asked for.
      await page.locator('input[name=from]').fill('2026-06-10');
      await expect.poll(() => page.getByTestId('report-span').textContent()).toContain(chineseDay('2026-06-10'));
      const asked: string[] = [];
      page.on('request', (request) => {
        if (/^\/api\/campaigns\/\d+\/report$/.test(new URL(request.url()).pathname)) asked.push(request.url());
      });
      await page.locator('input[name=to]').fill('2026-05-01');
      await expect.poll(() => page.getByTestId('error-to').textContent()).toBe('“止”不能早于“起”');
      expect(await page.locator('input[name=to]').getAttribute('aria-invalid')).toBe('true');
      expect(await page.getByTestId('report-failed').count()).toBe(0);
      expect(await page.getByTestId('report-span').textContent()).toContain(chineseDay('2026-06-10'));
      expect(await page.getByTestId('export-csv').getAttribute('href')).toBeNull();
      await page.screenshot({ path: `${artifacts}/report-range-reversed.png` });
      expect(asked).toEqual([]);
      // A range wholly before the campaign is said so too, rather than read as a report of zeros (which could be printed
      // or exported as one); nothing is asked for it either.
      await page.locator('input[name=to]').fill('2025-02-01');
      await page.locator('input[name=from]').fill('2025-01-01');
      await expect.poll(() => page.getByTestId('error-to').textContent()).toBe(`所选期间不在专项行动期间（${chineseDay(campaign.startsOn)} – ${chineseDay(campaign.endsOn)}）内，没有可统计的数据`);
      expect(await page.locator('input[name=from]').getAttribute('aria-invalid')).toBe('true');
      expect(await page.getByTestId('export-csv').getAttribute('href')).toBeNull();
      expect(await page.getByTestId('print').isDisabled()).toBe(true);
      expect(asked).toEqual([]);
      // Put right, the error goes and the range's report is read.
      await page.locator('input[name=from]').fill('2026-06-10');
      await page.locator('input[name=to]').fill('2026-06-12');
      await expect.poll(() => page.getByTestId('report-span').textContent()).toContain(chineseDay('2026-06-12'));
      expect(await page.getByTestId('error-to').count()).toBe(0);
      // A range's charts span its own days, not the current phase's window.
      await page.locator('[data-testid=flow-charts][data-window="2026-06-10/2026-06-12"]').waitFor();
      expect(await page.getByTestId('flow-charts').getAttribute('data-phase')).toBe('');
      // Asked "as of" a moment in it, they run to that moment, as the table counts, marked as such rather than as today.
      await page.locator('input[name=asOf]').fill('2026-06-11T12:00');
      await page.locator('[data-testid=flow-charts][data-as-of="2026-06-11T04:00:00.000Z"]').waitFor();
      await page.locator('input[name=asOf]').fill('');
      await page.locator('[data-testid=flow-charts][data-as-of=""]').waitFor();

      // Back to the phase: its comparison returns.
      await page.getByTestId('scope-phase').click();
      await page.locator('[data-testid=report-document][data-phase=survey]').waitFor();
      await page.getByTestId('frozen-verdict').waitFor();
    });
  });

  test('a phase or a scope the report has not is a page not found, in either language, with the way back; a known phase still shows its report', async () => {
    const address = '/campaigns/1/reports?scope=phase&phase=nosuch';
    await asOfficeOn(address, async ({ context, page, campaignId }) => {
      const trouble = page.getByTestId('page-trouble');
      await expect.poll(() => trouble.locator('h1').textContent()).toBe('页面不存在');
      // The notice names the address as typed: the part that names no report is in its query.
      expect(await trouble.locator('p').textContent()).toContain(address);
      // No report, no picker showing a phase it does not offer, and nothing read for it.
      expect(await page.getByTestId('report').count()).toBe(0);
      expect(await page.locator('select[name=phase]').count()).toBe(0);
      expect(`${new URL(page.url()).pathname}${new URL(page.url()).search}`).toBe(address);
      await page.getByTestId('lang-toggle').click();
      await expect.poll(() => trouble.locator('h1').textContent()).toBe('No such page');
      expect(await trouble.locator('p').textContent()).toContain(`Nothing is at ${address}`);
      await page.getByTestId('lang-toggle').click();
      await expect.poll(() => trouble.locator('h1').textContent()).toBe('页面不存在');

      // A phase named without its scope, and a scope the report has not, likewise.
      await page.goto(`${suite.server.url}/campaigns/${campaignId}/reports?phase=autumn`);
      await expect.poll(() => trouble.locator('h1').textContent()).toBe('页面不存在');
      await page.goto(`${suite.server.url}/campaigns/${campaignId}/reports?scope=month`);
      await expect.poll(() => trouble.locator('h1').textContent()).toBe('页面不存在');
      expect(await page.getByTestId('report').count()).toBe(0);

      // The way back: the start page; and a known phase's address still shows its report, the picker on it.
      await page.getByTestId('page-trouble-home').click();
      await page.waitForURL(/\/campaigns\/\d+\/board/);
      await page.goto(`${suite.server.url}/campaigns/${campaignId}/reports?scope=phase&phase=survey`);
      await page.locator('[data-testid=report-document][data-phase=survey]').waitFor();
      expect(await page.locator('select[name=phase]').inputValue()).toBe('survey');
      expect(await page.locator('select[name=phase] option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value))).toEqual(['survey', 'crackdown', 'consolidation']);
      expect(await trouble.count()).toBe(0);
    });
  });

  test('a filter the controls could not have written is refused by name, shown in its control, and left by choosing another value', async () => {
    await asOfficeOn('/campaigns/1/reports?category=abc', async ({ context, page, campaignId }) => {
      const failed = page.getByTestId('report-failed');
      await expect.poll(() => failed.textContent()).toBe('报告加载失败（类别）：应为数字，或 none（无）');
      expect(await page.getByTestId('report-document').count()).toBe(0);
      // The category select shows what the address says, not a category it is not reading; nothing is there to export or print.
      expect(await page.getByTestId('report-category').inputValue()).toBe('abc');
      expect(await page.getByTestId('export-csv').getAttribute('href')).toBeNull();
      expect(await page.getByTestId('export-xlsx').getAttribute('aria-disabled')).toBe('true');
      expect(await page.getByTestId('print').isDisabled()).toBe(true);
      await page.getByTestId('report-category').selectOption('');
      await page.getByTestId('report-document').waitFor();

      await page.goto(`${suite.server.url}/campaigns/${campaignId}/reports?scope=range&from=2026-02-30`);
      await expect.poll(() => failed.textContent()).toBe('报告加载失败（起始日期）：不是有效的日期');
      // What the server refuses is named the same way.
      await page.goto(`${suite.server.url}/campaigns/${campaignId}/reports?unit=atlantis`);
      await expect.poll(() => failed.textContent()).toBe('报告加载失败（承办单位）：没有这个单位');
      expect(await page.getByTestId('export-csv').getAttribute('href')).toBeNull();
      expect(await page.getByTestId('print').isDisabled()).toBe(true);
      // A report read again gives them back.
      await page.getByTestId('report-unit').selectOption('hantai');
      await page.getByTestId('report-document').waitFor();
      expect(await page.getByTestId('export-csv').getAttribute('href')).toContain('unit=hantai');
      expect(await page.getByTestId('print').isDisabled()).toBe(false);
    });
  });

  test("each chart is an image named by what it shows, its numbers in a table a week a row; the tables' scroll boxes are named and scroll by the keyboard; in both languages", async () => {
    await asOffice(async ({ context, page, campaignId }) => {
      const flow = await api<Flow>(context, `/api/campaigns/${campaignId}/flow?phase=survey`);
      const report = await api<{ byUnit: Record<string, unknown> }>(context, `/api/campaigns/${campaignId}/report?phase=survey`);
      const last = flow.days.at(-1);
      if (last === undefined) throw new Error('the survey has no days of flow');
      // The survey was left for the crackdown: charted over the days it ran, to the advance, as its frozen report counts it.
      expect(flow.phaseEndedAt).not.toBeNull();
      const zh = (n: number) => new Intl.NumberFormat('zh-CN').format(n);
      await page.setViewportSize({ width: 900, height: 900 });
      await openSurveyReport(page, campaignId);
      const flowChart = page.locator('[data-testid=flow-charts][data-phase=survey] [data-testid=chart-flow]');
      await flowChart.locator('svg').waitFor();

      // Read as drawn, the chart was its tick labels ("0 10 20 … 2026-09-01 … 今天"): now one image, named by its figures.
      const flowName = `截至 ${chineseDay(last.date)}，共 ${zh(Object.values(last.counts).reduce((a, b) => a + b, 0))} 条线索：新发现 ${zh(last.counts.found ?? 0)}、核查中 ${zh(last.counts.verifying ?? 0)}`;
      // Nothing under it: not the dates, the counts of the axis and the legend, one after another.
      await expect.poll(() => flowChart.ariaSnapshot()).toMatch(new RegExp(`^- img "${flowName}[^\n]*"$`));
      await page.getByRole('img', { name: new RegExp(`^在办线索：阶段开始时 ${zh(flow.openAtStart)} 条，${chineseDay(last.date)} 为 ${zh(last.open)} 条`) }).waitFor();
      await page.getByRole('img', { name: /^破案最多的单位：.+破案 [\d,]+ 起（立案 [\d,]+ 起）/ }).waitFor();
      await page.getByRole('img', { name: /^发现线索 [\d,]+、核查线索 [\d,]+、立案 [\d,]+/ }).waitFor();

      // The numbers by week under a toggle: a campaign's year of days is some 53 rows, not 365.
      await page.getByTestId('chart-flow-data').locator('summary').click();
      const flowTable = page.getByRole('table', { name: `累积流图：各状态线索数（摸排核查阶段实际起止：${chineseDay(flow.window.start)} 至 ${chineseDay(flow.window.end)}）` });
      const weeks = Math.ceil(flow.days.length / 7) + ((flow.days.length - 1) % 7 === 0 ? 0 : 1);
      await expect.poll(() => flowTable.locator('tbody tr').count()).toBe(weeks);
      expect(await flowTable.locator('thead th').allTextContents()).toEqual(['日期', '新发现', '核查中', '已立案侦查', '已破案', '已移送起诉', '查否', '已并案']);
      expect(await flowTable.locator('tbody tr').last().locator('th, td').allTextContents()).toEqual([chineseDay(last.date), ...['found', 'verifying', 'filed', 'solved', 'prosecuted', 'unfounded', 'merged'].map((state) => zh(last.counts[state as keyof typeof last.counts] ?? 0))]);
      await page.getByTestId('chart-burndown-data').locator('summary').click();
      const burndownRow = page.getByRole('table', { name: `燃尽图：在办线索（摸排核查阶段实际起止：${chineseDay(flow.window.start)} 至 ${chineseDay(flow.window.end)}）` }).locator('tbody tr').last();
      expect(await burndownRow.locator('th, td').allTextContents()).toEqual([chineseDay(last.date), zh(last.open), expect.any(String)]);
      await page.getByTestId('chart-units-data').locator('summary').click();
      await expect.poll(() => page.getByRole('table', { name: '各单位破案排名' }).locator('tbody tr').count()).toBe(Object.keys(report.byUnit).length);

      // The by-category table, wider than the window, scrolls in a box the keyboard can reach and scroll.
      const box = page.getByRole('region', { name: '分类别统计 · 线索办理' });
      expect(await box.evaluate((element) => element.scrollWidth > element.clientWidth)).toBe(true);
      await box.focus();
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => box.evaluate((element) => element.scrollLeft)).toBeGreaterThan(0);

      await page.getByTestId('lang-toggle').click();
      await page.getByRole('img', { name: new RegExp(`^As of ${englishDay(last.date)}, [\\d,]+ clues: Found [\\d,]+, Verifying`) }).waitFor();
      await page.getByRole('table', { name: `Cumulative flow: clues in each state (the Survey phase as it ran, ${englishDay(flow.window.start)} to ${englishDay(flow.window.end)})` }).waitFor();
      await page.getByRole('img', { name: /^Most cases solved: / }).waitFor();
      await page.getByRole('region', { name: 'By crime category · Clues and cases' }).waitFor();
    });
  });

  test("a phase under way past its window's end is charted on to today, as its tables count, the window's end marked, in both languages", async () => {
    const { context, page, campaignId } = await signedIn();
    const settingsPath = `/api/campaigns/${campaignId}/settings`;
    type Settings = { revision: number; config: { windows: Record<string, { start: string; end: string }> } };
    const settings = await api<Settings>(context, settingsPath);
    const windows = settings.config.windows;
    // The crackdown's window ended on 10 June and the office has not advanced it: today is the 15th.
    const shortened = await apiCall<Settings>(suite.server.url, context, 'PATCH', settingsPath, { revision: settings.revision, windows: { ...windows, crackdown: { start: '2026-03-01', end: '2026-06-10' } } });
    try {
      const flow = await api<Flow>(context, `/api/campaigns/${campaignId}/flow?phase=crackdown`);
      expect(flow.windowEndedOn).toBe('2026-06-10');
      const last = flow.days.at(-1);
      if (last === undefined) throw new Error('the crackdown has no days of flow');
      expect(last.date).toBe('2026-06-15');

      await page.goto(`${suite.server.url}/campaigns/${campaignId}/reports?phase=crackdown`);
      const charts = page.locator('[data-testid=flow-charts][data-phase=crackdown]');
      await charts.waitFor();
      expect(await charts.getAttribute('data-window')).toBe('2026-03-01/2026-06-15');
      expect(await charts.getAttribute('data-window-ended')).toBe('2026-06-10');
      // Both charts mark where the window ended, and today after it.
      for (const chart of ['chart-flow', 'chart-burndown']) {
        await page.locator(`[data-testid=${chart}] svg text`, { hasText: '计划截止' }).waitFor();
        await page.locator(`[data-testid=${chart}] svg text`, { hasText: '今天' }).waitFor();
      }
      // Its text alternative ends with what the chart shows: the open clues above the ideal line, long at none.
      await page.getByRole('img', { name: new RegExp(`窗口 2026年3月1日 至 2026年6月10日 已结束，该阶段尚未推进，统计至 2026年6月15日；在办比理想进度多 ${new Intl.NumberFormat('zh-CN').format(last.open)} 条，进度落后$`) }).waitFor();
      await page.getByTestId('chart-burndown-data').locator('summary').click();
      const burndownTable = page.getByRole('table', { name: '燃尽图：在办线索与阶段窗口（打击整治阶段窗口 2026年3月1日 至 2026年6月10日，已结束未推进，统计至 2026年6月15日）' });
      // The last row is today's, its open clues the flow's, the ideal long at none.
      expect(await burndownTable.locator('tbody tr').last().locator('th, td').allTextContents()).toEqual([chineseDay(last.date), new Intl.NumberFormat('zh-CN').format(last.open), '0']);
      await charts.evaluate((element) => element.scrollIntoView());
      await page.screenshot({ path: `${artifacts}/report-window-ended-zh.png` });

      await page.getByTestId('lang-toggle').click();
      for (const chart of ['chart-flow', 'chart-burndown']) await page.locator(`[data-testid=${chart}] svg text`, { hasText: 'Window ended' }).waitFor();
      await page.getByRole('table', { name: 'Burndown: open clues against the Crackdown window (1 Mar 2026 to 10 Jun 2026, ended but not yet advanced: counted to 15 Jun 2026)' }).waitFor();
      await page.getByRole('img', { name: new RegExp(`the window ran 1 Mar 2026 to 10 Jun 2026 and has ended, the phase not yet advanced: counted to 15 Jun 2026; ${new Intl.NumberFormat('en').format(last.open)} more open than the ideal line: behind it$`) }).waitFor();
      await page.screenshot({ path: `${artifacts}/report-window-ended-en.png` });
    } finally {
      await apiCall(suite.server.url, context, 'PATCH', settingsPath, { revision: shortened.revision, windows });
      await context.close();
    }
  });

  test('the report and the battle map, opened directly, scroll by the keyboard at once (they scroll inside their main part)', async () => {
    await asOffice(async ({ context, page, campaignId }) => {
      await page.setViewportSize({ width: 1366, height: 768 });
      const scrolled = (selector: string) => page.locator(selector).evaluate((main) => main.scrollTop);
      await openSurveyReport(page, campaignId);
      await page.keyboard.press('PageDown');
      await expect.poll(() => scrolled('main.report-page')).toBeGreaterThan(0);
      await page.goto(`${suite.server.url}/campaigns/${campaignId}/battle-map`);
      await page.getByTestId('unit-grid').waitFor();
      await page.keyboard.press('End');
      await expect.poll(() => scrolled('main.bm-page')).toBeGreaterThan(0);
    });
  });

  test('the battle map draws the eleven counties; a county opens the board filtered to its unit, a unit or category name in the grid its report', async () => {
    await asOfficeOn('/campaigns/1/battle-map', async ({ context, page, campaignId }) => {
      const counties = page.locator('[data-testid=county-map] path.county');
      await counties.first().waitFor();
      expect(await counties.count()).toBe(11);
      await page.getByTestId('tile-wangan').waitFor();

      // On the map a county goes by its area's name, all alike (汉台 stood beside 城固县 and 洋县); its target's bar and
      // its grid row by its unit's (see battle-map-names.e2e).
      const labels = page.locator('[data-testid=county-map] .county-labels text tspan:first-child');
      await expect.poll(() => labels.allTextContents()).toEqual(expect.arrayContaining(['汉台区', '南郑区', '城固县', '洋县']));
      expect(await labels.allTextContents()).not.toContain('汉台');
      // In English, by the unit's name without its kind, as before: the map's areas are named in Chinese only.
      await page.getByTestId('lang-toggle').click();
      await expect.poll(() => labels.allTextContents()).toEqual(expect.arrayContaining(['Hantai', 'Chenggu']));
      await page.getByTestId('lang-toggle').click();
      await expect.poll(() => labels.allTextContents()).toEqual(expect.arrayContaining(['汉台区', '南郑区']));
      await page.getByTestId('phase-crackdown').waitFor();
      await page.getByTestId('unit-grid').waitFor();
      // The crackdown sets every county a target of cases solved: named once, above the bars, in full.
      await page.getByTestId('target-hantai-casesSolved').waitFor();
      expect(await page.getByTestId('target-metric').textContent()).toBe('破案');
      expect(await page.locator('[data-testid=targets] .target-metric').count()).toBe(0);
      await wholePage(page, 'battle-map', `${artifacts}/battle-map-zh.png`);

      // From the keyboard too: a county takes the focus, and Enter opens its board.
      await page.getByTestId('county-hantai').focus();
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('county-hantai');
      // Outlined above its neighbours, its whole edge (drawn under them, it showed dark on one side only), and drawn last.
      const ring = page.getByTestId('county-ring');
      expect(await ring.getAttribute('d')).toBe(await page.getByTestId('county-hantai').getAttribute('d'));
      expect(await page.locator('[data-testid=county-map] > path').last().getAttribute('data-testid')).toBe('county-ring');
      await page.locator('[data-testid=county-map]').screenshot({ path: `${artifacts}/battle-map-focus-zh.png` });
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/campaigns\/\d+\/board\?/);
      const url = new URL(page.url());
      expect(url.pathname).toBe(`/campaigns/${campaignId}/board`);
      expect(url.searchParams.get('unit')).toBe('hantai');

      // A grid cell opens the board filtered to its unit and category.
      await page.goBack();
      await page.getByTestId('cell-chenggu-2').click();
      await page.waitForURL(/category=2/);
      const cell = new URL(page.url());
      expect(cell.searchParams.get('unit')).toBe('chenggu');
      expect(cell.searchParams.get('category')).toBe('2');

      // A unit's name in the grid opens its report, a category's name the category's: of the whole campaign, as the
      // grid counts every clue (the current phase's report told a unit far fewer found than the grid beside it).
      await page.goBack();
      await page.getByTestId('grid-report-unit-chenggu').click();
      await page.getByTestId('report-heading-unit').filter({ hasText: '城固县公安局' }).waitFor();
      expect(await page.getByTestId('scope-whole').getAttribute('aria-pressed')).toBe('true');
      await page.goBack();
      await page.getByTestId('grid-report-category-8').click();
      await page.getByTestId('report-heading-category').filter({ hasText: '电信网络诈骗' }).waitFor();
      expect(await page.getByTestId('report-category').inputValue()).toBe('8');
      expect(await page.getByTestId('scope-whole').getAttribute('aria-pressed')).toBe('true');

      // On a 1366 × 768 laptop in English the long hint gives way (two lines) rather than sending "Wall mode" below the bar.
      await page.goBack();
      await page.locator('[data-testid=county-map] path.county').first().waitFor();
      await page.getByTestId('lang-toggle').click();
      await page.setViewportSize({ width: 1366, height: 768 });
      await expect.poll(() => page.locator('.bm-hint').textContent()).toContain('Click a county');
      expect(await wrapsLine(page.locator('.bm-toolbar'))).toBe(false);
    });
  });

  test("a phase on the battle map opens the board of the items found in it, said in the toolbar, which takes it off", async () => {
    const { context, page, campaignId } = await signedIn();
    type Counts = { columns: { state: string; side: boolean; count: number }[] };
    // The main columns' counts, as their headers show them (the side columns, collapsed, show theirs otherwise).
    const counts = (board: Counts) => Object.fromEntries(board.columns.filter((c) => !c.side).map((c) => [c.state, c.count]));
    const shownCounts = async () =>
      Object.fromEntries(
        await page.locator('[data-testid^=count-]').evaluateAll((spans) => spans.map((span) => [span.getAttribute('data-testid')?.slice('count-'.length) ?? '', Number(span.textContent?.replace(/\D/g, ''))])),
      );
    try {
      const survey = counts(await api<Counts>(context, `/api/campaigns/${campaignId}/board?kind=clue&phase=survey&limit=1`));
      const whole = counts(await api<Counts>(context, `/api/campaigns/${campaignId}/board?kind=clue&limit=1`));
      // The demo found clues in both phases it has entered: the filter leaves some out.
      expect(survey).not.toEqual(whole);

      await page.goto(`${suite.server.url}/campaigns/${campaignId}/battle-map`);
      await page.getByTestId('phase-survey').click();
      await page.waitForURL(/\/board\?phase=survey$/);
      const chip = page.getByTestId('phase-filter');
      await expect.poll(() => chip.textContent()).toBe('发现阶段：摸排核查×取消这项筛选');
      await expect.poll(shownCounts).toEqual(survey);

      await chip.click();
      await expect.poll(() => new URL(page.url()).searchParams.get('phase')).toBeNull();
      await expect.poll(shownCounts).toEqual(whole);
      expect(await chip.count()).toBe(0);

      // A phase there is none of, from an old link: refused by name, shown as the address has it, and cleared.
      await page.goto(`${suite.server.url}/campaigns/${campaignId}/board?phase=autumn`);
      await expect.poll(() => page.getByTestId('board-failed').textContent()).toMatch(/^看板加载失败（发现阶段）：/);
      expect(await chip.textContent()).toBe('发现阶段：autumn×取消这项筛选');
      await page.getByRole('button', { name: '清除筛选' }).click();
      await expect.poll(shownCounts).toEqual(whole);
    } finally {
      await context.close();
    }
  });

  test('the wall shows the map, the key figures and the timeline', async () => {
    await asOfficeOn('/campaigns/1/wall', async ({ context, page, campaignId }) => {
      await page.locator('[data-testid=wall] [data-testid=county-map] path.county').first().waitFor();
      expect(await page.locator('[data-testid=wall] path.county').count()).toBe(11);
      await page.getByTestId('wall-figures').waitFor();
      await page.locator('[data-testid=wall] [data-testid=timeline] [data-testid=today]').waitFor();
      // The wall is read only: nothing on it opens the board.
      expect(await page.locator('[data-testid=wall] path.county[role=button]').count()).toBe(0);
      await page.screenshot({ path: `${artifacts}/wall.png` });

      // Live: a clue found elsewhere shows on the wall without a reload.
      const before = await page.getByTestId('wall-figures').textContent();
      await api(context, '/api/clues', { campaignId, unitId: 'hantai', title: '大屏实时刷新测试线索', source: 'other' });
      await expect.poll(() => page.getByTestId('wall-figures').textContent(), { timeout: 15_000 }).not.toBe(before);

      // A change of the campaign itself (renamed here; advanced, its phase) shows too: the wall read it only once.
      const settingsPath = `${suite.server.url}/api/campaigns/${campaignId}/settings`;
      const cookie = (await context.cookies(suite.server.url)).map((c) => `${c.name}=${c.value}`).join('; ');
      const rename = async (nameZh: string) => {
        const { revision } = await api<{ revision: number }>(context, `/api/campaigns/${campaignId}/settings`);
        const answer = await fetch(settingsPath, { method: 'PATCH', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify({ revision, nameZh }) });
        expect(answer.status).toBe(200);
      };
      const { nameZh } = await api<{ nameZh: string }>(context, `/api/campaigns/${campaignId}/settings`);
      await rename(`${nameZh}（大屏）`);
      await expect.poll(() => page.locator('.wall-title').textContent(), { timeout: 15_000 }).toBe(`${nameZh}（大屏）`);
      await rename(nameZh);

      // A screen left on the wall, or opened from a bookmark, has its way back to the battle map.
      await page.getByTestId('wall-leave').click();
      await page.waitForURL(new RegExp(`/campaigns/${campaignId}/battle-map$`));
      await page.locator('[data-testid=county-map] path.county[role=button]').first().waitFor();
    });
  });

  test('the wall fits its screen in English, from a 720p projector to a 4K television: nothing runs past its tile or over the timeline', async () => {
    await asOffice(async ({ context, page, campaignId }) => {
      await page.evaluate(() => localStorage.setItem('battlemap.lang', 'en'));
      const valueHeights = new Map<number, number>();
      for (const [width, height] of [
        [1280, 720],
        [1600, 900],
        [1920, 1080],
        [3840, 2160],
      ] as const) {
        await page.setViewportSize({ width, height });
        await page.goto(`${suite.server.url}/campaigns/${campaignId}/wall`);
        await expect.poll(() => page.getByTestId('wall-figures').textContent()).toContain('Organised crime groups broken');
        await expect.poll(() => page.getByTestId('wall-figures').textContent()).not.toContain('—');
        // The map's outline comes in a request of its own and may be drawn after the figures: measured once it is.
        await expect.poll(() => page.locator('[data-testid=wall] .county-labels text').count()).toBe(11);
        const layout = await page.getByTestId('wall').evaluate((wall) => {
          const box = (selector: string) => {
            const found = wall.querySelector(selector);
            if (found === null) throw new Error(`no ${selector}`);
            return found.getBoundingClientRect();
          };
          const side = box('.wall-side');
          const tiles = [...wall.querySelectorAll('.wall-figure, .wall-side .unit-tile')];
          return {
            sideBottom: side.bottom,
            timelineTop: box('.wall-timeline').top,
            // A tile reaching past the side panel, or content wider than its tile (clipped or spilling).
            outside: tiles.filter((t) => t.getBoundingClientRect().right > side.right + 0.5 || t.getBoundingClientRect().left < side.left - 0.5).map((t) => t.textContent),
            overflowing: tiles.filter((t) => t.scrollWidth > t.clientWidth + 1).map((t) => t.textContent),
            // Every tile in view without scrolling the side.
            hidden: tiles.filter((t) => t.getBoundingClientRect().bottom > side.bottom + 0.5).map((t) => t.textContent),
          };
        });
        expect(layout.sideBottom, `${width}×${height}`).toBeLessThanOrEqual(layout.timelineTop);
        expect(layout.outside, `${width}×${height}`).toEqual([]);
        expect(layout.overflowing, `${width}×${height}`).toEqual([]);
        expect(layout.hidden, `${width}×${height}`).toEqual([]);
        // Each county's name and figure stand apart from its neighbours' (南郑's seat lies beside 汉台).
        const labels = await page.locator('[data-testid=wall] .county-labels text').evaluateAll((texts) =>
          texts.map((text) => {
            const box = text.getBoundingClientRect();
            return { name: text.textContent ?? '', left: box.left, right: box.right, top: box.top, bottom: box.bottom };
          }),
        );
        expect(labels).toHaveLength(11);
        const overlapping = labels.flatMap((a, i) =>
          labels.slice(i + 1).filter((b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom).map((b) => `${a.name} / ${b.name}`),
        );
        expect(overlapping, `${width}×${height}`).toEqual([]);
        if (width === 1280) await page.screenshot({ path: `${artifacts}/wall-en-720p.png` });
        valueHeights.set(width, (await page.locator('.wall-figure-value').first().boundingBox())?.height ?? 0);
      }
      // Read from across the room: a 4K screen draws the figures 2.4 times as large as the 1600 × 900 design does.
      expect((valueHeights.get(3840) ?? 0) / (valueHeights.get(1600) ?? 1)).toBeGreaterThan(2.2);

      // In Chinese too, every key figure is one line of the same height (the money's unit "万元" is in its label, not wrapped under its value).
      await page.evaluate(() => localStorage.setItem('battlemap.lang', 'zh'));
      for (const [width, height] of [
        [1366, 768],
        [1920, 1080],
      ] as const) {
        await page.setViewportSize({ width, height });
        await page.goto(`${suite.server.url}/campaigns/${campaignId}/wall`);
        await expect.poll(() => page.getByTestId('wall-figures').textContent()).toContain('冻结涉案资金（万元）');
        await expect.poll(() => page.getByTestId('wall-figures').textContent()).not.toContain('—');
        const heights = await page.locator('.wall-figure-value').evaluateAll((values) => values.map((v) => Math.round(v.getBoundingClientRect().height)));
        expect(new Set(heights).size, `${width}×${height}: ${heights.join(', ')}`).toBe(1);
      }
    });
  });

  test('a wall display signs in from the login form for 30 days, onto the wall; an account that can change things is told why', async () => {
    const context = await suite.browser.newContext({ viewport: { width: 1600, height: 900 }, locale: 'zh-CN' });
    try {
      const page = await context.newPage();
      const signInAsDisplay = async (username: string) => {
        await page.goto(`${suite.server.url}/login`);
        await page.locator('input[name=username]').fill(username);
        await page.locator('input[name=password]').fill(demoPassword);
        await page.locator('input[name=display]').check();
        await page.locator('button[type=submit]').click();
      };
      await signInAsDisplay('office');
      await expect.poll(() => page.getByRole('alert').textContent()).toContain('只有只读账号');
      expect(page.url()).toMatch(/\/login/);
      // Refused, the password is there to type again, in focus: the disabled button had left the focus on the page.
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('password');
      // Sent back from a wall, the sign-in is the wall's again, ticked.
      await page.goto(`${suite.server.url}/login?next=${encodeURIComponent('/campaigns/1/wall')}`);
      expect(await page.locator('input[name=display]').isChecked()).toBe(true);
      await page.goto(`${suite.server.url}/login?next=${encodeURIComponent('/campaigns/1/board')}`);
      expect(await page.locator('input[name=display]').isChecked()).toBe(false);
      expect((await context.cookies(suite.server.url)).some((c) => c.name === 'battlemap_session')).toBe(false);

      await signInAsDisplay('viewer');
      // The screen it is for: the campaign's wall, not its board.
      await page.waitForURL(/\/campaigns\/\d+\/wall$/);
      await page.getByTestId('wall-figures').waitFor();
      const session = (await context.cookies(suite.server.url)).find((c) => c.name === 'battlemap_session');
      const days = ((session?.expires ?? 0) * 1000 - Date.now()) / 86_400_000;
      expect(days).toBeGreaterThan(29.9);
      expect(days).toBeLessThan(30.1);
    } finally {
      await context.close();
    }
  });

  test('the wall keeps up with a campaign whose changes never pause', async () => {
    await asOfficeOn('/campaigns/1/wall', async ({ context, page, campaignId }) => {
      await page.getByTestId('wall-figures').waitFor();
      await expect.poll(() => page.getByTestId('wall-figures').textContent()).not.toContain('—');
      const before = await page.getByTestId('wall-figures').textContent();
      // A clue found every 0.6 s, never a pause of 1.5 s: the wall must redraw while they keep coming.
      let redrawnWhileBusy = false;
      const started = Date.now();
      while (Date.now() - started < 25_000) {
        await api(context, '/api/clues', { campaignId, unitId: 'hantai', title: '大屏持续变化测试线索', source: 'other' });
        if ((await page.getByTestId('wall-figures').textContent()) !== before) {
          redrawnWhileBusy = true;
          break;
        }
        await page.waitForTimeout(600);
      }
      expect(redrawnWhileBusy).toBe(true);
    });
  });
});
