import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchHeadlessChromium } from '../test/support/chromium';

const webIndex = resolve(import.meta.dirname, '../dist/web/index.html');
/** How long a new window is left to settle before the measured navigation (see below). */
const settleMs = 1_000;

export type WebBench = { readonly ms: number; readonly cards: number; readonly runs: readonly number[] } | { readonly ms: null; readonly reason: string };

/**
 * First render of the board in headless Chromium: signed in (the session
 * cookie set from an API login, as a session cookie because the server's
 * clock is frozen in the past), then navigation to the board, measured in
 * the page from the start of navigation until the frame after the first
 * cards are in the DOM has been painted. Median of `runs` fresh pages.
 */
export async function benchWebFirstRender(url: string, cookie: string, runs: number): Promise<WebBench> {
  if (!existsSync(webIndex)) return { ms: null, reason: 'dist/web missing: run `npm run build` first' };
  const [name, ...rest] = cookie.split('=');
  if (name === undefined || rest.length === 0) return { ms: null, reason: 'no session cookie from login' };
  const browser = await launchHeadlessChromium();
  try {
    const times: number[] = [];
    let cards = 0;
    // One unmeasured run warms the server's and the disk's caches.
    for (let r = 0; r < runs + 1; r++) {
      const context = await browser.newContext({ viewport: { width: 1600, height: 900 } });
      await context.addCookies([{ name, value: rest.join('='), url }]);
      const page = await context.newPage();
      try {
        // A new context opens a new window, which starts processes of its own (less since the omnibox's
        // popup page is off: see chromiumArgs); on two cores that overlaps the page load measured next.
        // A user's window is already open when they go to the board, so the window settles first.
        await page.goto('about:blank');
        await page.waitForTimeout(settleMs);
        await page.addInitScript(() => {
          // In the page: when the first cards enter the DOM, note the time after the next frame is painted.
          const seen = window as unknown as { __firstCardsPainted?: number };
          const observer = new MutationObserver(() => {
            if (document.querySelector('[data-testid^="card-"]') === null) return;
            observer.disconnect();
            requestAnimationFrame(() => setTimeout(() => (seen.__firstCardsPainted = performance.now()), 0));
          });
          observer.observe(document, { childList: true, subtree: true });
        });
        await page.goto(`${url}/campaigns/1/board`, { waitUntil: 'commit' });
        await page.waitForFunction(() => (window as unknown as { __firstCardsPainted?: number }).__firstCardsPainted !== undefined, undefined, { timeout: 30_000 });
        const painted = await page.evaluate(() => (window as unknown as { __firstCardsPainted?: number }).__firstCardsPainted ?? Number.NaN);
        cards = await page.locator('[data-testid^="card-"]').count();
        if (r > 0) times.push(painted);
      } catch (error) {
        const text = await page.locator('body').innerText().catch(() => '');
        return { ms: null, reason: `no card appeared: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}; page shows: ${text.slice(0, 120).replace(/\s+/g, ' ')}` };
      } finally {
        await context.close();
      }
    }
    times.sort((a, b) => a - b);
    return { ms: times[Math.floor(times.length / 2)] ?? Number.NaN, cards, runs: times };
  } finally {
    await browser.close();
  }
}
