import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { targetMetricLabels } from '../../engine/campaign/campaign.labels';
import type { CampaignSettings } from '../../api/contracts/campaign-admin';
import { apiCall, artifacts, asUser, browserSuite, campaignOf } from './browser-kit';

/**
 * The battle map's targets panel (目标完成情况) with targets of several metrics for several units, in a real
 * Chromium against the real server, at the sizes of a command centre's screens: every metric and unit named in
 * full, readable without a hover. Needs `npm run build`.
 */
const suite = browserSuite();

const metrics = ['cluesFound', 'cluesVerified', 'casesSolved'] as const;
// Counties and detachments, among them the longest English names (Criminal Investigation, Anti-Fraud Centre).
const units = ['hantai', 'nanzheng', 'chenggu', 'wangan', 'xingzhen', 'fanzha'];

/** What the panel draws: each metric's heading and the rows under it, and every name, heading or unit, drawn cut or on more than one line. */
const panelAt = (page: Page) =>
  page.getByTestId('targets').evaluate((panel) => {
    const cut = (element: Element) => element.scrollWidth > element.clientWidth + 1 || element.scrollHeight > element.clientHeight + 1;
    const lines = (element: Element) => Math.round(element.getBoundingClientRect().height / parseFloat(getComputedStyle(element).lineHeight));
    const headings = [...panel.querySelectorAll<HTMLElement>('[data-testid=target-metric]')];
    // Names of units and of metrics, however drawn (a metric's beside each bar, before it had a heading).
    const names = [...panel.querySelectorAll<HTMLElement>('.target-name, .target-metric')];
    return {
      groups: headings.map((heading) => ({
        heading: heading.textContent,
        rows: [...(heading.nextElementSibling?.querySelectorAll<HTMLElement>('li') ?? [])].map((row) => row.dataset['testid']),
      })),
      unreadable: [...headings, ...names].filter((element) => cut(element) || lines(element) > 1).map((element) => element.textContent),
    };
  });

describe('the targets panel', () => {
  test('names every metric once, as a heading over its units, and every unit in full, at 1366×768, 1600×900 and 1920×1080 in both languages', () =>
    asUser(suite, 'office', async ({ context, page }) => {
      const campaignId = campaignOf(page);
      const settings = await apiCall<CampaignSettings>(suite.server.url, context, 'GET', `/api/campaigns/${campaignId}/settings`);
      const phase = settings.state;
      if (phase !== 'survey' && phase !== 'crackdown' && phase !== 'consolidation') throw new Error(`the demo is not in a phase: ${phase}`);
      const targets = metrics.flatMap((metric) => units.map((unitId, i) => ({ unitId, phase, metric, value: 10 + i })));
      await apiCall(suite.server.url, context, 'PATCH', `/api/campaigns/${campaignId}/settings`, {
        revision: settings.revision,
        targets: [...settings.config.targets.filter((t) => t.phase !== phase), ...targets],
      });
      for (const lang of ['zh', 'en'] as const) {
        await page.evaluate((l) => localStorage.setItem('battlemap.lang', l), lang);
        for (const [width, height] of [
          [1366, 768],
          [1600, 900],
          [1920, 1080],
        ] as const) {
          await page.setViewportSize({ width, height });
          await page.goto(`${suite.server.url}/campaigns/${campaignId}/battle-map`);
          await page.getByTestId(`target-${units[0]}-${metrics[0]}`).waitFor();
          const at = `${lang} ${width}×${height}`;
          const panel = await panelAt(page);
          expect(panel.unreadable, at).toEqual([]);
          expect(panel.groups, at).toEqual(metrics.map((metric) => ({ heading: targetMetricLabels[metric][lang], rows: units.map((unitId) => `target-${unitId}-${metric}`) })));
          if (width === 1366) await page.locator('.bm-panel', { has: page.getByTestId('targets') }).screenshot({ path: `${artifacts}/battle-map-targets-${lang}-1366.png` });
        }
      }
      await page.evaluate(() => localStorage.setItem('battlemap.lang', 'zh'));
    }));
});
