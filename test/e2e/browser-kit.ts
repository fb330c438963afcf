import { and, eq, gt, isNull } from 'drizzle-orm';
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Download, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { clues, users } from '../../db/schema';
import { testDatabase, testNow } from '../support/test-database';
import { startTestServer, type TestServer } from '../support/test-server';
import { launchHeadlessChromium } from '../support/chromium';
import { keptSession, signIn } from './kept-sessions';

/** What the browser tests of test/e2e share: Chromium, sign-in through the login page, and API calls with a page's cookie. */
export const artifacts = resolve(import.meta.dirname, '../artifacts');
const webIndex = resolve(import.meta.dirname, '../../dist/web/index.html');

/**
 * The run's Chromium (test/support/shared-chromium.ts), connected to for the file; a Chromium of the file's own when
 * the run has none (a browser test file run outside the browser project).
 */
async function openChromium(): Promise<Browser> {
  if (!existsSync(webIndex)) throw new Error('dist/web is missing: run `npm run build` before the browser tests');
  mkdirSync(artifacts, { recursive: true });
  const endpoint = inject('chromiumEndpoint');
  return endpoint === undefined ? launchHeadlessChromium({ forTests: true }) : chromium.connect(endpoint);
}

/**
 * The bytes of a file the page downloaded. Read through Playwright's stream, not from `download.path()`: the
 * browser is the run's, connected to (openChromium), and Playwright gives no path of a remote browser's download.
 */
export async function downloadedBytes(download: Download): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export type TestDatabase = Awaited<ReturnType<typeof testDatabase>>;

/** What a browser test file works against: its own seeded database, a real server on it, and Chromium. */
export interface BrowserSuite {
  readonly database: TestDatabase;
  readonly server: TestServer;
  readonly browser: Browser;
}

/**
 * Registers a test file's setup and teardown: a fresh database (seeded as
 * asked; `prepare` runs on it before the server starts), the real server and
 * Chromium, closed again after the file. Its fields are there from the first test on.
 */
export function browserSuite(options: { seed?: Parameters<typeof testDatabase>[0]; prepare?: (database: TestDatabase) => Promise<unknown> } = {}): BrowserSuite {
  let ready: BrowserSuite | undefined;
  let database: TestDatabase | undefined;
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    database = await testDatabase(options.seed);
    await options.prepare?.(database);
    server = await startTestServer(database);
    browser = await openChromium();
    ready = { database, server, browser };
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    server?.app.stop();
    await database?.drop();
  });
  const get = (): BrowserSuite => {
    if (ready === undefined) throw new Error('the browser suite is not set up yet (used outside a test?)');
    return ready;
  };
  return {
    get database() {
      return get().database;
    },
    get server() {
      return get().server;
    },
    get browser() {
      return get().browser;
    },
  };
}

/** How a browser test signs in: the page asked for first, the browser's language, and the device (a 1600×900 screen unless said). */
export interface SignInOptions {
  path?: string;
  /**
   * A page of the app to start on rather than the board (`/campaigns/1/lists/clues`): the tab goes there and waits for
   * nothing more, the test waiting for what it reads. A test that left the board at once paid for it: a board's load
   * in a kept tab, about 0.8 CPU seconds, some fifty times a run.
   */
  start?: string;
  locale?: string;
  device?: BrowserContextOptions;
}

/**
 * A fresh browser context signed in as `username`, on the board, or on `path` when given. It signs in through the
 * session API, as the login form does, and opens the page with that session: the form itself is what the tests of
 * signing in use (page-trouble, first-start, people-admin), and through it every test paid a page of its own, about
 * two seconds of a loaded machine, some 250 times a run.
 */
export async function signedIn(browser: Browser, baseUrl: string, username: string, options: SignInOptions = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext(contextOptionsOf(options));
  try {
    await signIn(context, baseUrl, username);
    const page = await context.newPage();
    await openFirstPage(page, baseUrl, options);
    return { context, page };
  } catch (error) {
    await context.close();
    throw error;
  }
}

const contextOptionsOf = (options: SignInOptions): BrowserContextOptions => ({ viewport: { width: 1600, height: 900 }, ...options.device, locale: options.locale ?? 'zh-CN' });

/** The page a signed-in test starts on: the board, or `path`, which starts there or on a board it leads to, or `start`. */
async function openFirstPage(page: Page, baseUrl: string, options: SignInOptions): Promise<void> {
  if (options.start !== undefined) {
    await page.goto(`${baseUrl}${options.start}`);
    return;
  }
  await page.goto(`${baseUrl}${options.path ?? '/'}`);
  await page.waitForURL(/\/campaigns\/\d+\/board/);
  await page.locator('[data-testid=board]:not(.is-loading)').waitFor();
}

/**
 * Runs `test` in a new tab signed in as `username`, on the board or on `path` (see signedIn), in a context kept
 * between the file's tests of the same user, language and device (see keptSession: what the test starts with is
 * what a fresh context gave it), closed after it whatever happened.
 */
export async function asUser(
  suite: BrowserSuite,
  username: string,
  test: (session: { context: BrowserContext; page: Page }) => Promise<void>,
  options: SignInOptions = {},
): Promise<void> {
  const session = await keptSession(suite.browser, suite.server.url, username, contextOptionsOf(options));
  let passed = false;
  try {
    await openFirstPage(session.page, suite.server.url, options);
    await test(session);
    passed = true;
  } finally {
    await session.release(passed);
  }
}

/** {@link asUser} starting on the page `start` of the app (see SignInOptions.start) rather than on the board. */
export function asUserOn(
  suite: BrowserSuite,
  username: string,
  start: string,
  test: (session: { context: BrowserContext; page: Page }) => Promise<void>,
  options: Omit<SignInOptions, 'start' | 'path'> = {},
): Promise<void> {
  return asUser(suite, username, test, { ...options, start });
}

/**
 * A browser context signed in as `username` with no page open, for what a test does as someone else through the API
 * (see apiCall); close its context after. A page would cost a renderer and a board's load, about 2 CPU seconds.
 */
export async function apiSession(suite: BrowserSuite, username: string): Promise<{ context: BrowserContext }> {
  const context = await suite.browser.newContext();
  try {
    await signIn(context, suite.server.url, username);
    return { context };
  } catch (error) {
    await context.close();
    throw error;
  }
}

/** A request to the API with a browser context's session cookie; throws unless the status is the expected one. */
export async function apiCall<T>(baseUrl: string, context: BrowserContext, method: string, path: string, body?: unknown, expected = 200): Promise<T> {
  const cookies = await context.cookies(baseUrl);
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { cookie: cookies.map((c) => `${c.name}=${c.value}`).join('; '), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (response.status !== expected) throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

/**
 * How much wider a search box's placeholder is than the room Chromium gives it, in px: 0 or less when it is read whole.
 * The room is the placeholder's own box inside the field (its user-agent shadow, read through the DevTools protocol),
 * not the field's width less its padding: a search field keeps room for its clear button, unseen while it is empty.
 */
export async function placeholderCut(input: Locator): Promise<number> {
  const textWidth = await input.evaluate((field: HTMLInputElement) => {
    const style = getComputedStyle(field);
    const context = document.createElement('canvas').getContext('2d');
    if (context === null) throw new Error('no 2d canvas');
    context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    return context.measureText(field.placeholder).width;
  });
  const page = input.page();
  const cdp = await page.context().newCDPSession(page);
  const marker = `measured-${Date.now()}`;
  await input.evaluate((field, mark) => field.setAttribute('data-placeholder-measured', mark), marker);
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: `[data-placeholder-measured="${marker}"]` });
    const { node } = await cdp.send('DOM.describeNode', { nodeId, depth: 2, pierce: true });
    const placeholder = node.shadowRoots?.flatMap((shadow) => shadow.children ?? []).find((child) => child.attributes?.includes('-webkit-input-placeholder'));
    if (placeholder === undefined) throw new Error('the field draws no placeholder (has it a value?)');
    const { model } = await cdp.send('DOM.getBoxModel', { backendNodeId: placeholder.backendNodeId });
    const [left = 0, , right = 0] = model.content;
    return Math.ceil(textWidth - (right - left));
  } finally {
    await input.evaluate((field) => field.removeAttribute('data-placeholder-measured'));
    await cdp.detach();
  }
}

/** Whether a toolbar's controls take more than one line: one on a second line starts below where another ends (spacers and hidden labels, empty boxes, aside). */
export const wrapsLine = (bar: Locator): Promise<boolean> =>
  bar.evaluate((element) => {
    const boxes = [...element.children].map((child) => child.getBoundingClientRect()).filter((box) => box.width > 0 && box.height > 0);
    return Math.max(...boxes.map((box) => box.top)) >= Math.min(...boxes.map((box) => box.bottom));
  });

/**
 * The day of an ISO date or date-time (its first ten characters, already in the campaign's zone) as the Chinese UI
 * writes every date: "2026-06-05" is "2026年6月5日". Spelt out by hand, so that the pages are checked against the
 * format a reader sees, not against the UI's own formatting.
 */
export function chineseDay(iso: string): string {
  const [year, month, day] = iso.slice(0, 10).split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

const englishMonths = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec'];

/** The same day as the English UI writes it (British English, as its Intl locale): "2026-06-05" is "5 Jun 2026". */
export function englishDay(iso: string): string {
  const [year, month, day] = iso.slice(0, 10).split('-').map(Number);
  return `${day} ${englishMonths[(month ?? 1) - 1]} ${year}`;
}

/**
 * The number a badge shows, 0 while there is none, read in one step. Counting it and then reading its text raced the
 * badge going away between the two, and the read then waited out Playwright's 30 s for it to come back.
 */
export const shownNumber = (badge: Locator): Promise<number> => badge.evaluateAll((found) => Number(found[0]?.textContent ?? 0));

export const campaignOf = (page: Page): number => Number(/\/campaigns\/(\d+)\//.exec(page.url())?.[1]);

/** The ids of the cards on screen (not the inert clones a drag leaves behind). */
export async function cardIds(page: Page, scope = '[data-testid=board]'): Promise<number[]> {
  const ids = await page.locator(`${scope} [data-testid^=card-]:not([data-dnd-placeholder])`).evaluateAll((els) => els.map((el) => el.getAttribute('data-testid') ?? ''));
  return ids.map((id) => Number(id.slice('card-'.length))).filter((id) => Number.isInteger(id));
}

export interface WireCard {
  id: number;
  version: number;
  state: string;
  title: string;
  unitId: string;
  assigneeId: number | null;
  typical: boolean;
  attachmentCount: number;
  dueAt: string | null;
  allowed: { to: string; event: string; needs: string[] }[];
}
export interface WireBoard {
  columns: { state: string; count: number; unitsOver: number; cards: WireCard[] }[];
  lanes: { key: string; counts: Record<string, number>; held: Record<string, number>; over: string[] }[];
}

/**
 * A verifying clue of hantai.officer's due after the test's now: one they may work and ask more time for. With
 * `withoutRequest`, one no request for more time waits on.
 */
export async function officersClueDueLater(database: TestDatabase, options: { withoutRequest?: boolean } = {}): Promise<{ id: number; dueAt: string | null }> {
  const [own] = await database.db
    .select({ id: clues.id, dueAt: clues.dueAt })
    .from(clues)
    .innerJoin(users, eq(users.id, clues.assigneeId))
    .where(and(eq(users.username, 'hantai.officer'), eq(clues.state, 'verifying'), gt(clues.dueAt, testNow.toISOString()), options.withoutRequest === true ? isNull(clues.extensionAskedUntil) : undefined))
    .limit(1);
  if (own === undefined) throw new Error('no clue of the officer due after today');
  return own;
}

/** A real mouse drag: press on the card, move in steps past the activation distance, release over the column. */
export async function drag(page: Page, card: Locator, column: Locator): Promise<void> {
  const from = await card.boundingBox();
  const to = await column.boundingBox();
  if (from === null || to === null) throw new Error('card or column not on screen');
  const start = { x: from.x + from.width / 2, y: from.y + from.height * 0.6 };
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x + 8, start.y + 8, { steps: 4 });
  await page.mouse.move(to.x + to.width / 2, to.y + Math.min(200, to.height / 2), { steps: 20 });
  await page.mouse.move(to.x + to.width / 2 + 2, to.y + Math.min(200, to.height / 2) + 2, { steps: 2 });
  await page.mouse.up();
}

/**
 * Answers the app's confirmation (ui/confirm-dialog.tsx) once it is asked: its confirm button or Cancel. Resolves to
 * its question, after the dialog has gone.
 */
export async function answerConfirm(page: Page, yes: boolean): Promise<string> {
  const dialog = page.getByTestId('confirm-dialog');
  await dialog.waitFor();
  const question = (await dialog.locator('.confirm-dialog-text').textContent()) ?? '';
  await dialog.locator(`[data-answer=${yes ? 'yes' : 'no'}]`).click();
  await dialog.waitFor({ state: 'detached' });
  return question;
}
