import type { EventEmitter } from 'node:events';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { demoPassword } from '../support/test-database';

/** A user's signed-in context and its tab, kept from one test of a file to the next: see {@link keptSession}. */
interface Kept {
  readonly context: BrowserContext;
  page: Page;
}

const keptBy = new WeakMap<Browser, Map<string, Kept>>();

/** What a test may do to its context that later tests would inherit: a context so changed is closed after the test. */
const lastingInContext = [
  'addInitScript',
  'addCookies',
  'clearCookies',
  'exposeBinding',
  'exposeFunction',
  'grantPermissions',
  'route',
  'routeFromHAR',
  'routeWebSocket',
  'setExtraHTTPHeaders',
  'setGeolocation',
  'setHTTPCredentials',
  'setOffline',
  'setDefaultNavigationTimeout',
  'setDefaultTimeout',
] as const satisfies readonly (keyof BrowserContext)[];

/** The same of a tab; listeners added and left are found by counting them (waits add theirs and take them away). */
const lastingInPage = [
  'addInitScript',
  'addLocatorHandler',
  'emulateMedia',
  'exposeBinding',
  'exposeFunction',
  'route',
  'routeFromHAR',
  'routeWebSocket',
  'setExtraHTTPHeaders',
  'setDefaultNavigationTimeout',
  'setDefaultTimeout',
  'setViewportSize',
] as const satisfies readonly (keyof Page)[];

export interface KeptSession {
  readonly context: BrowserContext;
  readonly page: Page;
  /**
   * After the test: keeps its context and tab for the next test if the test passed and left nothing lasting in them
   * (other tabs it opened are closed); otherwise closes the tab, or the whole context.
   */
  release(passed: boolean): Promise<void>;
}

/**
 * A tab signed in as `username`, kept with its context for the tests of the file that sign in as the same user with
 * the same language and device. A new context and the first page in a new tab cost the most of a test on this
 * machine: about 2.1 CPU seconds against 0.8 for loading a page in a tab already open (measured in Chromium 156 on 2
 * cores), for 156 tests; the CPU, not the wait, is what bounds the test run.
 *
 * What the test starts with is what a fresh context gave it: the app unloaded (its last saves on leaving made) and
 * the site's local and session storage cleared (drafts, the stored language, opened side columns), then the session
 * checked, and signed in again if a test before ended it. The routes a test set on its tab, and the listeners it
 * left there, are taken away after it; a tab or context it changed otherwise in a way a later test would inherit (the
 * viewport, an init script, permissions, offline, a fake clock) is not kept, nor are those of a test that failed.
 */
export async function keptSession(browser: Browser, baseUrl: string, username: string, contextOptions: BrowserContextOptions): Promise<KeptSession> {
  let keptHere = keptBy.get(browser);
  if (keptHere === undefined) keptBy.set(browser, (keptHere = new Map()));
  const kept = keptHere;
  const key = JSON.stringify([username, contextOptions]);
  let entry = kept.get(key);
  if (entry === undefined) {
    const context = await browser.newContext(contextOptions);
    await signIn(context, baseUrl, username);
    entry = { context, page: await context.newPage() };
    kept.set(key, entry);
  } else {
    await leaveForHealth(entry.page, baseUrl);
    await entry.page.evaluate(() => {
      localStorage.clear();
      sessionStorage.clear();
    });
    const session = await entry.context.request.get(`${baseUrl}/api/session`);
    const signedInAs = session.ok() ? ((await session.json()) as { username?: string } | null)?.username : undefined;
    if (signedInAs !== username) await signIn(entry.context, baseUrl, username);
  }
  const { context, page } = entry;
  const contextChanged = watchLasting(context, lastingInContext);
  const pageChanged = watchLasting(page, lastingInPage);
  const listening = listenerCounts(page);
  const contextListening = listenerCounts(context);
  return {
    context,
    page,
    async release(passed) {
      const contextLeft = contextChanged().size > 0 || listenersAdded(context, contextListening).length > 0;
      const tabKept = passed && !contextLeft && !page.isClosed() && (await cleared(page, pageChanged(), listening));
      if (passed && !contextLeft) {
        await Promise.all(context.pages().filter((tab) => tab !== page || !tabKept).map((tab) => tab.close()));
        if (!tabKept) entry.page = await context.newPage();
        return;
      }
      kept.delete(key);
      await context.close();
    },
  };
}

/**
 * Takes back what a test left in its tab that the next test must not meet, when that can be done: its routes, and
 * the listeners it added for events no one else listens to. Answers whether the tab is as a new one would be.
 */
async function cleared(page: Page, called: ReadonlySet<string>, before: ReadonlyMap<string | symbol, number>): Promise<boolean> {
  const routes = new Set<string>(['route', 'routeFromHAR', 'routeWebSocket']);
  if ([...called].some((name) => !routes.has(name))) return false;
  const added = listenersAdded(page, before);
  // Playwright's own listeners (on close and crash) are there from the start: a test's added to those stay unknown.
  if (added.some((name) => (before.get(name) ?? 0) > 0)) return false;
  for (const name of added) if (typeof name === 'string') page.removeAllListeners(name);
  if (called.size > 0) await page.unrouteAll({ behavior: 'ignoreErrors' });
  return listenersAdded(page, before).length === 0;
}

/** Signs the context in through the session API, as the login form does; its cookie is the context's from then on. */
export async function signIn(context: BrowserContext, baseUrl: string, username: string): Promise<void> {
  const session = await context.request.post(`${baseUrl}/api/session`, { data: { username, password: demoPassword }, headers: { origin: baseUrl } });
  if (session.status() !== 200) throw new Error(`signing in as ${username} answered ${session.status()}: ${await session.text()}`);
}

/**
 * Notes any call of `names` on `target`, and any use of its fake clock (a page's is its context's, and once installed
 * it stays), until the answer is called, which says which were. The watching is done by properties of
 * the object itself, put back as they were after.
 */
function watchLasting<T extends Page | BrowserContext>(target: T, names: readonly (keyof T & string)[]): () => ReadonlySet<string> {
  const called = new Set<string>();
  const watched = [...names, 'clock'] as const;
  const before = new Map(watched.map((name) => [name, Object.getOwnPropertyDescriptor(target, name)]));
  for (const name of names) {
    const method = target[name] as (...args: unknown[]) => unknown;
    Object.defineProperty(target, name, {
      configurable: true,
      value: (...args: unknown[]) => {
        called.add(name);
        return method.apply(target, args);
      },
    });
  }
  const clock = target.clock;
  Object.defineProperty(target, 'clock', {
    configurable: true,
    get: () => {
      called.add('clock');
      return clock;
    },
  });
  return () => {
    for (const [name, descriptor] of before) {
      if (descriptor === undefined) Reflect.deleteProperty(target, name);
      else Object.defineProperty(target, name, descriptor);
    }
    return called;
  };
}

/** Playwright's pages and contexts are Node event emitters, though their types do not say so. */
const emitterOf = (target: Page | BrowserContext): EventEmitter => target as unknown as EventEmitter;

function listenerCounts(target: Page | BrowserContext): ReadonlyMap<string | symbol, number> {
  const emitter = emitterOf(target);
  return new Map(emitter.eventNames().map((name) => [name, emitter.listenerCount(name)]));
}

/** The events `target` has more listeners of than it had `before`. */
function listenersAdded(target: Page | BrowserContext, before: ReadonlyMap<string | symbol, number>): (string | symbol)[] {
  const emitter = emitterOf(target);
  return emitter.eventNames().filter((name) => emitter.listenerCount(name) > (before.get(name) ?? 0));
}

/**
 * Takes the kept tab off the app, to a page of no script, before the next test. The app may be loading itself anew
 * just then (a test before it let the server go away, and the page reloads once it answers again): that navigation
 * interrupts this one, which is then made again, once it is done.
 */
async function leaveForHealth(page: Page, baseUrl: string): Promise<void> {
  try {
    await page.goto(`${baseUrl}/api/health`);
  } catch (error) {
    if (!(error instanceof Error) || !error.message.includes('interrupted by another navigation')) throw error;
    await page.waitForLoadState('load');
    await page.goto(`${baseUrl}/api/health`);
  }
}
