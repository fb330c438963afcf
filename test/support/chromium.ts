import { chromium, type Browser, type BrowserServer } from 'playwright-core';

/** Chromium's features that are its own UI, not the page's: see {@link chromiumArgs}. */
const browserUi = ['WebUIOmniboxPopup', 'WebUIOmniboxFullPopup', 'WebUIOmniboxAimPopup', 'PreloadTopChromeWebUI'];

/**
 * The features Playwright turns off in every Chromium it launches (playwright-core 1.65's chromiumSwitches), carried in
 * ours: Chromium reads one `--disable-features` switch, the last, so a list of our own replaced Playwright's, and with
 * it back on came the network time query to clients2.google.com, optimization hints, the search engine's preconnect
 * and HTTP navigations upgraded to HTTPS. chromium.e2e.test.ts checks against a Chromium launched with Playwright's
 * defaults alone that none of them is on again, when Playwright's list changes too.
 */
const playwrightsOff = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'msForceBrowserSignIn',
  'msEdgeUpdateLaunchServicesPreferredVersion',
];

/** `--disable-features` with Playwright's list and the given features. */
const featuresOff = (features: readonly string[]): string => `--disable-features=${[...playwrightsOff, ...features].join(',')}`;

/**
 * The switches every headless Chromium of the tests and the benchmarks runs with: no sandbox, GPU or QUIC, and nothing
 * that reaches out (first-run, background networking, component updates, sync).
 *
 * Every name but 127.0.0.1 resolves to nothing, in Chromium itself: what Debian's build still asks for at start (an
 * extension update check, the accounts list) fails there rather than as a DNS query that leaves the machine. The tests
 * and the benchmarks open only the server they started, on 127.0.0.1.
 *
 * The features turned off are the browser's own UI, not the page's: this Chromium's headless mode is the whole browser,
 * and each new window (one per browser context, so one per test's sign-in) loaded the omnibox's popup as a page of its
 * own in a renderer of its own, about 2 s of CPU no test looks at. On two cores, with two test files at a time, it took
 * close to half of what the browser tests used (traced in Chromium 156: a "WebUI Top Renderer" loading
 * chrome://omnibox-popup.top-chrome; without it a sign-in with two pages read fell from 5.2 to about 3 CPU seconds).
 * With them, those Playwright turns off ({@link playwrightsOff}).
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
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
  featuresOff(browserUi),
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
export const testRunArgs: readonly string[] = [...chromiumArgs.filter((arg) => !arg.startsWith('--disable-features=')), '--process-per-site', featuresOff([...browserUi, 'SpareRendererForSitePerProcess'])];

/** Debian's Chromium (test/ensure-chromium.mjs installs it), or the one CHROMIUM_PATH names; Playwright downloads none. */
export const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

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
