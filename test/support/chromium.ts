import { chromium, type Browser } from 'playwright-core';

/**
 * The switches every headless Chromium of the tests and the benchmarks runs with: no sandbox, GPU or QUIC, and nothing
 * that reaches out (first-run, background networking, component updates, sync).
 *
 * The features turned off are the browser's own UI, not the page's: this Chromium's headless mode is the whole browser,
 * and each new window (one per browser context, so one per test's sign-in) loaded the omnibox's popup as a page of its
 * own in a renderer of its own, about 2 s of CPU no test looks at. On two cores, with two test files at a time, it took
 * close to half of what the browser tests used (traced in Chromium 156: a "WebUI Top Renderer" loading
 * chrome://omnibox-popup.top-chrome; without it a sign-in with two pages read fell from 5.2 to about 3 CPU seconds).
 */
export const chromiumArgs: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxFullPopup,WebUIOmniboxAimPopup,PreloadTopChromeWebUI',
];

/** Debian's Chromium (test/ensure-chromium.mjs installs it), or the one CHROMIUM_PATH names; Playwright downloads none. */
export function launchHeadlessChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: [...chromiumArgs] });
}
