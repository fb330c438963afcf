import { chromium, type Browser, type BrowserServer } from 'playwright-core';

/** Chromium's features that are its own UI, not the page's: see {@link chromiumArgs}. */
const browserUi = ['WebUIOmniboxPopup', 'WebUIOmniboxFullPopup', 'WebUIOmniboxAimPopup', 'PreloadTopChromeWebUI'];

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
  `--disable-features=${browserUi.join(',')}`,
];

/**
 * What the browser tests add, for tabs kept from one test to the next (test/e2e/kept-sessions.ts); the benchmark's
 * first render, a user's first visit, runs without them.
 *
 * With `--process-per-site` the tabs of one context on one site share a renderer process: a test's tab opened in a
 * kept context loads the app in the process already running, about half a CPU second less than in a new process (1.1
 * against 1.6 for the board, Chromium 156). The spare renderer Chromium starts ahead of a navigation, for one to a new
 * site, is then started for nothing after nearly every navigation a test makes, and is turned off: board-work's 49
 * tests took 165 CPU seconds without it and 190 with it (222 before tabs were kept).
 */
const testRunArgs: readonly string[] = [...chromiumArgs.filter((arg) => !arg.startsWith('--disable-features=')), '--process-per-site', `--disable-features=${[...browserUi, 'SpareRendererForSitePerProcess'].join(',')}`];

/** Debian's Chromium (test/ensure-chromium.mjs installs it), or the one CHROMIUM_PATH names; Playwright downloads none. */
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** A headless Chromium ({@link executablePath}); with `forTests`, the switches of {@link testRunArgs} too. */
export function launchHeadlessChromium(options: { readonly forTests?: boolean } = {}): Promise<Browser> {
  return chromium.launch({ executablePath, args: [...(options.forTests === true ? testRunArgs : chromiumArgs)] });
}

/**
 * The browser tests' Chromium as a server their files connect to (see shared-chromium.ts), with the switches of
 * {@link testRunArgs}, in a fresh profile of its own as every launch has.
 */
export function launchChromiumServer(): Promise<BrowserServer> {
  return chromium.launchServer({ executablePath, args: [...testRunArgs], host: '127.0.0.1' });
}
