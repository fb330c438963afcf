import type { BrowserContext, BrowserContextOptions, Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { artifacts, browserSuite, campaignOf, drag, placeholderCut, signedIn, wrapsLine } from './browser-kit';
import { clueStateLabels } from '../../engine/clue/clue.labels';
import { messages } from '../../web/src/i18n/messages';
import { boardMessages } from '../../web/src/board/board-messages';
import { selectable } from '../../web/src/batch/batch-plan';
import type { Card } from '../../web/src/api/client';
import { demoPassword } from '../support/test-database';

/**
 * The board in a real Chromium against the real server and a seeded
 * database: drag and drop with the mouse, the server's verdict, the dialog,
 * persistence across a reload, and the English UI. Needs `npm run build`.
 */

const suite = browserSuite();


async function signedInPage(username: string, device: BrowserContextOptions = { viewport: { width: 1600, height: 900 } }): Promise<{ context: BrowserContext; page: Page }> {
  const session = await signedIn(suite.browser, suite.server.url, username, { device });
  await session.page.locator('[data-testid=column-found] [data-testid^=card-]').first().waitFor();
  return session;
}

/** How much wider the toolbar's search placeholder is than its box's room (see placeholderCut). */
const toolbarPlaceholderCut = (page: Page): Promise<number> => placeholderCut(page.locator('.toolbar input[name=q]'));

/** A move from the keyboard: M on the focused card, then the target state in its menu. */
async function moveFromMenu(page: Page, card: Locator, to: string): Promise<void> {
  await card.focus();
  await page.keyboard.press('m');
  await page.getByTestId(`move-to-${to}`).focus();
  await page.keyboard.press('Enter');
}

/** Presses on a card and carries it over a column without letting go: `drop` releases it there. */
async function startDrag(page: Page, card: Locator, column: Locator): Promise<{ drop: () => Promise<void> }> {
  const from = await card.boundingBox();
  const to = await column.boundingBox();
  if (from === null || to === null) throw new Error('card or column not on screen');
  await page.mouse.move(from.x + from.width / 2, from.y + from.height * 0.6);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 8, from.y + from.height * 0.6 + 8, { steps: 4 });
  await page.mouse.move(to.x + to.width / 2, to.y + Math.min(200, to.height / 2), { steps: 20 });
  await page.locator('[data-testid=board].is-dragging').waitFor();
  return { drop: () => page.mouse.up() };
}

/** Records in the page every change the server streams to it (`window.seenChanges`), from the next load on. */
async function recordChanges(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: { subjectId: number; version: number }[] = [];
    Object.assign(window, { seenChanges: seen });
    const Original = window.EventSource;
    window.EventSource = class extends Original {
      constructor(url: string | URL, init?: EventSourceInit) {
        super(url, init);
        this.addEventListener('change', (event) => seen.push(JSON.parse((event as MessageEvent<string>).data) as { subjectId: number; version: number }));
      }
    };
  });
}

type BoardCardWire = { id: number; version: number; unitId: string; allowed: { to: string; needs: string[] }[] };

/** A found clue the office can start verifying at once (it has an assignee). */
async function assignedFoundClue(context: BrowserContext, campaignId: number, skip: readonly number[] = []): Promise<BoardCardWire> {
  const board = (await api(context, `/api/campaigns/${campaignId}/board?kind=clue&state=found&limit=500`)) as { columns: { cards: BoardCardWire[] }[] };
  const found = board.columns[0]?.cards.find((c) => !skip.includes(c.id) && c.allowed.some((m) => m.to === 'verifying' && m.needs.length === 0));
  if (found === undefined) throw new Error('the seed has no assigned found clue');
  return found;
}

/** Another user's session cookie, from the login API. */
async function otherUser(username: string): Promise<string> {
  const response = await fetch(`${suite.server.url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: demoPassword }) });
  if (response.status !== 200) throw new Error(`login as ${username} answered ${response.status}`);
  return (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

/** A GET of the API with the browser context's session cookie. */
async function api(context: BrowserContext, path: string): Promise<unknown> {
  const cookies = await context.cookies(suite.server.url);
  const response = await fetch(`${suite.server.url}${path}`, { headers: { cookie: cookies.map((c) => `${c.name}=${c.value}`).join('; ') } });
  if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}`);
  return response.json();
}

async function cardIdIn(page: Page, state: string, index: number): Promise<number> {
  const testId = await page.locator(`[data-testid=column-${state}] [data-testid^=card-]`).nth(index).getAttribute('data-testid');
  const id = Number(testId?.slice('card-'.length));
  if (!Number.isInteger(id)) throw new Error(`no card ${index} in ${state}`);
  return id;
}

describe('the board in Chromium', () => {
  test('office drags a clue from found to verifying; it stays there after a reload and on the server', async () => {
    const { context, page } = await signedInPage('office');
    try {
      const campaignId = campaignOf(page);
      // A found clue with no assignee, so the move needs one and the dialog must ask for it.
      const board = (await api(context, `/api/campaigns/${campaignId}/board?kind=clue&state=found&limit=500`)) as { columns: { cards: { id: number; allowed: { to: string; needs: string[] }[] }[] }[] };
      const candidate = board.columns[0]?.cards.find((c) => c.allowed.some((m) => m.to === 'verifying' && m.needs.includes('assigneeId')));
      if (candidate === undefined) throw new Error('the seed has no unassigned found clue');
      const id = candidate.id;
      await page.locator('input[name=q]').fill(String(id));
      await page.waitForURL(new RegExp(`q=${id}`));
      await page.locator('[data-testid=board]:not(.is-loading)').waitFor();
      const card = page.locator(`[data-testid=column-found] [data-testid=card-${id}]`);
      await card.waitFor();
      await drag(page, card, page.getByTestId('column-verifying'));

      const dialog = page.getByTestId('move-dialog');
      await dialog.waitFor();
      // While the dialog is open the card waits in the column it was dropped on.
      await page.locator(`[data-testid=column-verifying] [data-testid=card-${id}]`).waitFor();
      // Submitting without an assignee is caught before the server is asked.
      await dialog.getByTestId('move-submit').click();
      await dialog.getByTestId('error-assigneeId').filter({ hasText: /\S/ }).waitFor();
      const assignee = dialog.locator('select[name=assigneeId]');
      await assignee.locator('option:not([value=""])').first().waitFor({ state: 'attached' });
      const value = await assignee.locator('option:not([value=""])').first().getAttribute('value');
      await assignee.selectOption(value ?? '');
      await page.screenshot({ path: `${artifacts}/move-dialog.png` });
      await dialog.getByTestId('move-submit').click();
      await dialog.waitFor({ state: 'detached' });
      const moved = page.locator(`[data-testid=column-verifying] [data-testid=card-${id}]:not(.is-pending)`);
      await moved.waitFor();
      await page.screenshot({ path: `${artifacts}/board-after-move.png` });

      // The server has it, asked with the page's own session cookie.
      const item = (await api(context, `/api/clues/${id}`)) as { state: string; assigneeId: number | null };
      expect(item.state).toBe('verifying');
      expect(item.assigneeId).toBe(Number(value));

      // After a reload (the search is in the URL) the board reads it back from the server.
      expect(page.url()).toContain(`q=${id}`);
      await page.reload();
      await page.locator(`[data-testid=column-verifying] [data-testid=card-${id}]`).waitFor();
      expect(await page.locator(`[data-testid=column-found] [data-testid=card-${id}]`).count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  test('a drop the server refuses (found → solved) returns the card and shows the reason', async () => {
    const { context, page } = await signedInPage('office');
    try {
      const id = await cardIdIn(page, 'found', 1);
      // While carried, the columns the card cannot go to are dimmed, those it can are marked.
      const carried = await startDrag(page, page.getByTestId(`card-${id}`), page.getByTestId('column-solved'));
      expect(await page.getByTestId('column-solved').getAttribute('class')).toContain('drop-dimmed');
      expect(await page.getByTestId('column-verifying').getAttribute('class')).toContain('drop-allowed');
      // A screen reader hears the drag in Chinese and in the board's words, not dnd-kit's English ids.
      const spoken = page.getByTestId('drag-announcer');
      // A card is a button (or, selecting, a checkbox), never a toggle button: nothing stamps aria-pressed on it.
      expect(await page.getByTestId(`card-${id}`).getAttribute('aria-pressed')).toBeNull();
      await expect.poll(() => spoken.textContent()).toBe(`卡片 #${id} 在“已破案”列上方`);
      await carried.drop();
      await expect.poll(() => spoken.textContent()).toBe(`卡片 #${id} 在“已破案”列上松开`);
      // The reason names the card, both columns and where it can go next.
      const toast = page.getByTestId('toast').filter({ hasText: `#${id} 不能从“新发现”直接移到“已破案”；下一步可以是“核查中”、“已并案”` });
      await toast.waitFor();
      await page.locator(`[data-testid=column-found] [data-testid=card-${id}]`).waitFor();
      expect(await page.locator(`[data-testid=column-solved] [data-testid=card-${id}]`).count()).toBe(0);
      expect(await page.getByTestId('move-dialog').count()).toBe(0);
      await page.screenshot({ path: `${artifacts}/board-refused.png` });

      // On a laptop's screen the reason stays while the next move's dialog opens: it must not cover that dialog's buttons.
      // The Chinese search box reads whole on a 1280 px laptop too (it showed "搜索编号、标题、案号或"), and at 1366 px.
      await page.setViewportSize({ width: 1280, height: 800 });
      expect(await toolbarPlaceholderCut(page)).toBeLessThanOrEqual(0);
      await page.setViewportSize({ width: 1366, height: 768 });
      expect(await toolbarPlaceholderCut(page)).toBeLessThanOrEqual(0);
      const filed = await cardIdIn(page, 'filed', 0);
      await page.locator(`[data-testid=card-${filed}]`).hover();
      await page.locator(`[data-testid=card-${filed}] [data-testid=move-menu]`).click();
      await page.getByTestId('move-to-solved').click();
      await page.getByTestId('move-dialog').waitFor();
      await toast.waitFor();
      const covered = await page.evaluate(() => {
        const shown = document.querySelector('[data-testid=toast]')?.getBoundingClientRect();
        if (shown === undefined) return null;
        return [...document.querySelectorAll('[data-testid=move-dialog] button')].some((button) => {
          const box = button.getBoundingClientRect();
          return box.left < shown.right && shown.left < box.right && box.top < shown.bottom && shown.top < box.bottom;
        });
      });
      expect(covered).toBe(false);
      await page.keyboard.press('Escape');
    } finally {
      await context.close();
    }
  });

  test('a card someone else moves while this user drags it ends where the server has it, with a note, and the drop sends nothing', async () => {
    const { context, page } = await signedInPage('office');
    try {
      await recordChanges(page);
      const campaignId = campaignOf(page);
      const clue = await assignedFoundClue(context, campaignId);
      const moves: unknown[] = [];
      page.on('request', (request) => {
        if (request.method() === 'POST' && request.url().endsWith(`/api/clues/${clue.id}/transitions`)) moves.push(request.postDataJSON());
      });
      await page.goto(`${suite.server.url}/campaigns/${campaignId}/board?q=${clue.id}`);
      await page.locator('[data-testid=live-indicator][data-status=live]').waitFor();
      const card = page.locator(`[data-testid=column-found] [data-testid=card-${clue.id}]:not([data-dnd-placeholder])`);
      await card.waitFor();

      // This user carries the card towards "filed"; meanwhile the unit's lead starts verifying it.
      const held = await startDrag(page, card, page.getByTestId('column-filed'));
      const lead = await otherUser(`${clue.unitId}.lead`);
      const answer = await fetch(`${suite.server.url}/api/clues/${clue.id}/transitions`, {
        method: 'POST',
        headers: { cookie: lead, 'content-type': 'application/json' },
        body: JSON.stringify({ to: 'verifying', version: clue.version }),
      });
      expect(answer.status).toBe(200);
      // The change has reached this page while the card is still in the user's hand.
      await page.waitForFunction((id) => (window as unknown as { seenChanges: { subjectId: number }[] }).seenChanges.some((c) => c.subjectId === id), clue.id);
      await held.drop();

      await page.getByTestId('toast').filter({ hasText: messages.overtaken.zh }).waitFor();
      await page.locator(`[data-testid=column-verifying] [data-testid=card-${clue.id}]:not([data-dnd-placeholder]):not(.is-pending)`).waitFor();
      expect(await page.locator(`[data-testid=column-found] [data-testid=card-${clue.id}], [data-testid=column-filed] [data-testid=card-${clue.id}]`).count()).toBe(0);
      expect(await page.getByTestId('move-dialog').count()).toBe(0);
      await expect.poll(() => page.getByTestId('announcer').textContent()).toContain(messages.overtaken.zh);
      expect(moves).toEqual([]);
      const item = (await api(context, `/api/clues/${clue.id}`)) as { state: string; version: number };
      expect(item).toMatchObject({ state: 'verifying', version: clue.version + 1 });
    } finally {
      await context.close();
    }
  });

  test('two quick moves of one card: the second waits for the first answer, goes with its version, and the card ends where the server has it', async () => {
    const { context, page } = await signedInPage('office');
    try {
      const campaignId = campaignOf(page);
      const clue = await assignedFoundClue(context, campaignId);
      // The first answer is held back until the second move has been made: a slow network, made certain.
      const sent: { to: string; version: number }[] = [];
      let answerFirst: () => void = () => undefined;
      const firstHeld = new Promise<void>((resolve) => (answerFirst = resolve));
      await page.route(`**/api/clues/${clue.id}/transitions`, async (route) => {
        sent.push(route.request().postDataJSON() as { to: string; version: number });
        if (sent.length === 1) await firstHeld;
        await route.continue();
      });
      await page.goto(`${suite.server.url}/campaigns/${campaignId}/board?q=${clue.id}`);
      const card = page.locator(`[data-testid=card-${clue.id}]:not([data-dnd-placeholder])`);
      await page.locator(`[data-testid=column-found] [data-testid=card-${clue.id}]`).waitFor();

      // First move from the keyboard.
      await moveFromMenu(page, card, 'verifying');
      const pending = page.locator(`[data-testid=column-verifying] [data-testid=card-${clue.id}].is-pending:not([data-dnd-placeholder])`);
      await pending.waitFor();
      await expect.poll(() => sent.length).toBe(1);

      // Second move before the first answer: dragged on to "unfounded". It is not sent yet.
      await drag(page, pending, page.getByTestId('column-unfounded'));
      await expect.poll(() => page.getByTestId('announcer').textContent()).toContain(boardMessages.moveQueued.zh);
      expect(sent.length).toBe(1);

      answerFirst();
      // Verifying → unfounded needs a conclusion: the dialog asks for it once the first move is confirmed.
      const dialog = page.getByTestId('move-dialog');
      await dialog.waitFor();
      await dialog.locator('[name=conclusion]').fill('经核查，举报所涉账号为正常经营，不构成违法犯罪。');
      await dialog.getByTestId('move-submit').click();
      await dialog.waitFor({ state: 'detached' });

      expect(sent).toEqual([
        { to: 'verifying', version: clue.version },
        { to: 'unfounded', version: clue.version + 1, payload: { conclusion: '经核查，举报所涉账号为正常经营，不构成违法犯罪。' } },
      ]);
      const item = (await api(context, `/api/clues/${clue.id}`)) as { state: string; version: number };
      expect(item).toMatchObject({ state: 'unfounded', version: clue.version + 2 });
      await page.getByTestId('toggle-unfounded').click();
      await page.locator(`[data-testid=column-unfounded] [data-testid=card-${clue.id}]:not(.is-pending)`).waitFor();
      expect(await page.locator(`[data-testid=column-found] [data-testid=card-${clue.id}], [data-testid=column-verifying] [data-testid=card-${clue.id}]`).count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  test('a conclusion typed into the move dialog and closed by Escape is there when the same move is made again; Cancel throws it away', async () => {
    const { context, page } = await signedInPage('office');
    try {
      const campaignId = campaignOf(page);
      const board = (await api(context, `/api/campaigns/${campaignId}/board?kind=clue&state=verifying&limit=500`)) as { columns: { cards: BoardCardWire[] }[] };
      const clue = board.columns[0]?.cards.find((c) => c.allowed.some((m) => m.to === 'unfounded'));
      if (clue === undefined) throw new Error('the seed has no verifying clue the office may dismiss');
      await page.goto(`${suite.server.url}/campaigns/${campaignId}/board?q=${clue.id}`);
      const card = page.locator(`[data-testid=column-verifying] [data-testid=card-${clue.id}]:not([data-dnd-placeholder]):not(.is-pending)`);
      const dialog = page.getByTestId('move-dialog');
      const conclusion = dialog.locator('[name=conclusion]');
      const openMove = async () => {
        await moveFromMenu(page, card, 'unfounded');
        await dialog.waitFor();
      };
      const text = '经核查，举报所称账号系正常经营的商户，\n未发现敲诈勒索情节。';
      await card.waitFor();
      // The menu names the move beside its state only where the two differ: 查否 once, not "查否 查否"; 立案侦查 beside 已立案侦查.
      await card.focus();
      await page.keyboard.press('m');
      expect(await page.getByTestId('move-to-unfounded').textContent()).toBe('查否');
      expect(await page.getByTestId('move-to-filed').textContent()).toBe('已立案侦查立案侦查');
      await page.keyboard.press('Escape');
      await openMove();
      await conclusion.fill(text);
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      await openMove();
      expect(await conclusion.inputValue()).toBe(text);
      await dialog.getByTestId('draft-restored').waitFor();
      await dialog.getByRole('button', { name: '取消' }).click();
      await dialog.waitFor({ state: 'detached' });
      await openMove();
      expect(await conclusion.inputValue()).toBe('');
      expect(await dialog.getByTestId('draft-restored').count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  test('a move whose answer the network lost, made again, is answered as the first was and stored once', async () => {
    const { context, page } = await signedInPage('office');
    try {
      const campaignId = campaignOf(page);
      const clue = await assignedFoundClue(context, campaignId);
      // The connection drops with the first answer on its way: the server has moved the card, the browser hears
      // nothing, and the live stream is down too, so the board cannot learn it either.
      await page.route('**/api/events**', (route) => route.abort('internetdisconnected'));
      const keys: (string | undefined)[] = [];
      await page.route(`**/api/clues/${clue.id}/transitions`, async (route) => {
        keys.push(route.request().headers()['idempotency-key']);
        if (keys.length > 1) return route.continue();
        const answered = await route.fetch();
        expect(answered.status()).toBe(200);
        await route.abort('internetdisconnected');
      });
      await page.goto(`${suite.server.url}/campaigns/${campaignId}/board?q=${clue.id}`);
      const inFound = page.locator(`[data-testid=column-found] [data-testid=card-${clue.id}]:not([data-dnd-placeholder]):not(.is-pending)`);
      const moveToVerifying = () => moveFromMenu(page, inFound, 'verifying');
      await inFound.waitFor();
      await moveToVerifying();
      // The board says the move failed and shows the card where it last knew it to be.
      await expect.poll(() => keys.length).toBe(1);
      await inFound.waitFor();

      // The user tries again: the same request, with the same key; the server answers it from the first move.
      await moveToVerifying();
      await page.locator(`[data-testid=column-verifying] [data-testid=card-${clue.id}]:not(.is-pending):not([data-dnd-placeholder])`).waitFor();
      expect(keys).toHaveLength(2);
      // 128 random bits, as a version 4 UUID made from getRandomValues (randomUUID exists only on https or localhost).
      expect(keys[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(keys[1]).toBe(keys[0]);
      const history = (await api(context, `/api/clues/${clue.id}/history`)) as { event: string }[];
      expect(history.filter((entry) => entry.event === 'clue.verify')).toHaveLength(1);
      expect(await api(context, `/api/clues/${clue.id}`)).toMatchObject({ state: 'verifying', version: clue.version + 1 });
    } finally {
      await context.close();
    }
  });

  test("a drawer's edit or extension whose answer the network lost is told it was saved, sent again with its key, not refused or taken for someone else's change", async () => {
    const { context, page } = await signedInPage('office');
    try {
      const campaignId = campaignOf(page);
      const [editedId, extendedId] = [await cardIdIn(page, 'verifying', 0), await cardIdIn(page, 'verifying', 1)];
      /** Lets the first request of `method` to `path` reach the server, then drops its answer; records each one's key. */
      const loseFirstAnswer = async (method: string, path: string): Promise<(string | undefined)[]> => {
        const keys: (string | undefined)[] = [];
        await page.route(`**${path}`, async (route) => {
          if (route.request().method() !== method) return route.continue();
          keys.push(route.request().headers()['idempotency-key']);
          if (keys.length > 1) return route.continue();
          const answered = await route.fetch();
          expect(answered.status()).toBe(200);
          await route.abort('internetdisconnected');
        });
        return keys;
      };
      const drawer = page.getByTestId('detail-panel');
      const open = async (id: number) => {
        await page.locator(`[data-testid=card-${id}] .card-title`).click();
        await drawer.locator(`[data-item="${id}"] [data-testid=detail-actions]`).waitFor();
      };
      // Whether the drawer ever said someone else changed the item (the edit form's message, from its first words).
      await page.evaluate(() => {
        const seen = { othersChanged: false };
        Object.assign(window, { seen });
        new MutationObserver(() => {
          if (document.querySelector('[data-testid=detail-panel]')?.textContent?.includes('此事项刚被他人修改')) seen.othersChanged = true;
        }).observe(document.body, { subtree: true, childList: true, characterData: true });
      });

      // The edit: the live stream brings the saved title back before anyone knows whose it is. The form asks the server
      // again with the same key, is answered as the first time, and closes as saved.
      const editKeys = await loseFirstAnswer('PATCH', `/api/clues/${editedId}`);
      await open(editedId);
      await drawer.getByTestId('action-edit').click();
      const title = '网络中断后仍只保存一次的修改';
      await drawer.locator('input[name=title]').fill(title);
      await drawer.getByTestId('action-submit').click();
      await page.getByTestId('toast').filter({ hasText: '已保存' }).waitFor();
      await drawer.getByTestId('edit-form').waitFor({ state: 'detached' });
      expect(editKeys).toHaveLength(2);
      expect(editKeys[1]).toBe(editKeys[0]);
      expect(await page.evaluate(() => (window as unknown as { seen: { othersChanged: boolean } }).seen.othersChanged)).toBe(false);
      const edits = ((await api(context, `/api/clues/${editedId}/history`)) as { event: string }[]).filter((entry) => entry.event === 'clue.edit');
      expect(edits).toHaveLength(1);
      await expect.poll(() => page.locator(`[data-testid=card-${editedId}] .card-title`).textContent()).toBe(title);

      // The extension, with the live stream down as well: the board cannot learn of it, the form says the request
      // failed, and the user sends it again. The same request with the same key: extended once, not refused as
      // asking for a day no later than the one it has now.
      await page.route('**/api/events**', (route) => route.abort('internetdisconnected'));
      await page.goto(`${suite.server.url}/campaigns/${campaignId}/board?q=${extendedId}`);
      await page.locator(`[data-testid=card-${extendedId}]`).waitFor();
      const extendKeys = await loseFirstAnswer('POST', `/api/clues/${extendedId}/extend`);
      await open(extendedId);
      await drawer.getByTestId('action-extend').click();
      const form = drawer.getByTestId('extend-form');
      await form.getByTestId('extend-15').click();
      await form.locator('textarea[name=reason]').fill('需调取银行流水');
      await form.getByTestId('action-submit').click();
      await expect.poll(() => extendKeys.length).toBe(1);
      await form.locator('[role=alert]').first().waitFor();
      await form.getByTestId('action-submit').click();
      await page.getByTestId('toast').filter({ hasText: '已延期' }).waitFor();
      await form.waitFor({ state: 'detached' });
      expect(extendKeys).toHaveLength(2);
      expect(extendKeys[1]).toBe(extendKeys[0]);
      const extensions = ((await api(context, `/api/clues/${extendedId}/history`)) as { event: string }[]).filter((entry) => entry.event === 'clue.extend');
      expect(extensions).toHaveLength(1);
    } finally {
      await context.close();
    }
  });

  test('a card the reader may not move looks so (no grab cursor), and a try to drag it says why, in a toast screen readers hear, without opening it; a click still opens it', async () => {
    const tryToDrag = async (page: Page, card: Locator) => {
      const box = await card.boundingBox();
      if (box === null) throw new Error('card not on screen');
      await page.mouse.move(box.x + box.width / 2, box.y + 10);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width / 2 + 60, box.y + 40, { steps: 6 });
      await page.mouse.up();
    };
    const cursor = (card: Locator) => card.evaluate((element) => getComputedStyle(element).cursor);
    const toast = (page: Page) => page.locator('.toasts[aria-live=polite] [data-testid=toast][role=status] .toast-text');
    const viewer = await signedInPage('viewer');
    try {
      const { page } = viewer;
      const card = page.locator('[data-testid=column-found] [data-testid^=card-]').first();
      expect(await cursor(card)).toBe('pointer');
      await tryToDrag(page, card);
      await expect.poll(() => toast(page).allTextContents()).toEqual(['您的账号只能查看，不能移动卡片']);
      // The drag that went nowhere was no click: the card's details stay closed.
      await page.waitForTimeout(300);
      expect(new URL(page.url()).searchParams.get('item')).toBeNull();
      await card.click();
      await expect.poll(() => new URL(page.url()).searchParams.get('item')).toBe((await card.getAttribute('data-testid'))?.slice('card-'.length));
    } finally {
      await viewer.context.close();
    }
    // The office may move cards, but not one sent for prosecution: it says the card is closed, by its state.
    const office = await signedInPage('office');
    try {
      const { page } = office;
      const prosecuted = page.locator('[data-testid=column-prosecuted] [data-testid^=card-]').first();
      await prosecuted.waitFor();
      expect(await cursor(prosecuted)).toBe('pointer');
      expect(await cursor(page.locator('[data-testid=column-found] [data-testid^=card-].is-movable').first())).toBe('grab');
      const id = await prosecuted.getAttribute('data-testid');
      await tryToDrag(page, prosecuted);
      await expect.poll(() => toast(page).allTextContents()).toEqual(['“已移送起诉”的线索已办结，不能再移动']);
      expect(await page.locator(`[data-testid=column-prosecuted] [data-testid=${id}]`).count()).toBe(1);
      expect(new URL(page.url()).searchParams.get('item')).toBeNull();
    } finally {
      await office.context.close();
    }
  });

  test('a case already sent for prosecution says no 无期限 ("indefinite") on its card or in its drawer, in either language; an open card keeps its deadline', async () => {
    const { context, page } = await signedInPage('office');
    try {
      const prosecuted = page.locator('[data-testid=column-prosecuted] [data-testid^=card-]');
      await prosecuted.first().waitFor();
      expect(await page.getByTestId('column-prosecuted').locator('.due').allTextContents()).toEqual([]);
      expect(await page.locator('[data-testid=column-found] [data-testid^=card-] .due').first().textContent()).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日$/);
      await prosecuted.first().click();
      const due = page.locator('.detail-fields dt:text-is("期限") + dd');
      await expect.poll(() => due.textContent()).toBe('已办结');
      await page.getByTestId('lang-toggle').click();
      await expect.poll(() => page.locator('.detail-fields dt:text-is("Due") + dd').textContent()).toBe('Closed');
      expect(await page.getByTestId('column-prosecuted').locator('.due').allTextContents()).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test("the phase's dates beside the campaign's name show whole or not at all, never cut to a wrong-looking date", async () => {
    const { context, page } = await signedInPage('office');
    try {
      const dates = page.getByTestId('phase-window');
      // Whole: the text fits its box; else the box says it is cut, and its text is not shown.
      const state = () =>
        dates.evaluate((box) => ({ fits: box.scrollWidth <= box.clientWidth + 1, cut: box.classList.contains('cut'), shown: getComputedStyle(box.firstElementChild as Element).visibility !== 'hidden' }));
      for (const width of [1600, 1700, 1800]) {
        await page.setViewportSize({ width, height: 900 });
        await expect.poll(async () => { const s = await state(); return s.fits ? s.shown : s.cut && !s.shown; }, { message: `${width}` }).toBe(true);
      }
      await page.setViewportSize({ width: 2200, height: 900 });
      await expect.poll(state).toEqual({ fits: true, cut: false, shown: true });
      expect(await dates.textContent()).toMatch(/^2026年\d{1,2}月\d{1,2}日 – 2026年\d{1,2}月\d{1,2}日$|开始$/);
    } finally {
      await context.close();
    }
  });

  test('on a phone every control of the top bar is on screen, and the battle map shows its map', async () => {
    const { context, page } = await signedInPage('hantai.lead');
    try {
      await page.setViewportSize({ width: 390, height: 844 });
      const onScreen = async (testId: string) => {
        const box = await page.getByTestId(testId).boundingBox();
        return box !== null && box.x >= 0 && box.x + box.width <= 390 && box.width > 0;
      };
      for (const control of ['inbox-button', 'user', 'lang-toggle', 'sign-out', 'campaign-pages-toggle']) expect(await onScreen(control), control).toBe(true);
      // The campaign's pages fold behind ☰, so the top bar keeps to two rows (its controls, the campaign's name) in both
      // languages: with its links wrapped under the name it took three in Chinese and four in English, some 160 px.
      const topBarHeight = async () => (await page.locator('.top-bar').boundingBox())?.height ?? 0;
      expect(await topBarHeight()).toBeLessThan(100);
      expect(await page.getByTestId('campaign-nav').isVisible()).toBe(false);
      // Opened, they drop as a list over the board, every link whole on screen and a finger's height; Escape closes it,
      // the focus back on ☰; so does tabbing on past its last link.
      const toggle = page.getByTestId('campaign-pages-toggle');
      await toggle.click();
      const listed = () => page.getByTestId('campaign-nav').locator('a').evaluateAll((anchors) => anchors.map((a) => { const box = a.getBoundingClientRect(); return { text: a.textContent, left: box.left, right: box.right, height: box.height }; }));
      const links = await listed();
      expect(links.map((link) => link.text)).toEqual(['看板', '导入线索', '作战图', '三个清单', '阶段报告', '大屏']);
      expect(links.filter((link) => link.left < 0 || link.right > 390 || link.height < 36)).toEqual([]);
      expect(await toggle.getAttribute('aria-expanded')).toBe('true');
      await page.keyboard.press('Escape');
      await expect.poll(() => page.getByTestId('campaign-nav').isVisible()).toBe(false);
      expect(await toggle.evaluate((button) => button === document.activeElement)).toBe(true);
      await toggle.click();
      await page.getByTestId('campaign-nav').locator('a').last().focus();
      await page.keyboard.press('Tab');
      await expect.poll(() => page.getByTestId('campaign-nav').isVisible()).toBe(false);

      // A card's details cover the whole phone, the top bar's rows included, rather than starting halfway down them.
      await page.locator('[data-card-id]:not([data-dnd-placeholder])').first().click();
      const panel = await page.getByTestId('detail-panel').boundingBox();
      expect(panel).toMatchObject({ x: 0, y: 0, width: 390, height: 844 });
      // A note written there: its toast shows at the top, not over the buttons of a form at the foot of the screen.
      await page.getByTestId('detail-panel').getByTestId('action-note').click();
      await page.getByTestId('detail-panel').locator('textarea[name=text]').fill('手机上记一笔');
      await page.getByTestId('detail-panel').getByTestId('action-submit').click();
      const toast = await page.getByTestId('toast').first().boundingBox();
      expect(toast !== null && toast.y < 100 && toast.x >= 0 && toast.x + toast.width <= 390).toBe(true);
      // Below the drawer's header, whose × stays in reach while the toast shows.
      const header = await page.getByTestId('detail-panel').locator('.detail-header').boundingBox();
      expect(toast !== null && header !== null && toast.y >= header.y + header.height).toBe(true);
      await page.getByTestId('detail-panel').getByRole('button', { name: '关闭' }).click();
      await page.getByTestId('detail-panel').waitFor({ state: 'detached' });

      // A page chosen from the list opens, the list closed behind it.
      await toggle.click();
      await page.getByTestId('campaign-nav').getByRole('link', { name: '作战图' }).click();
      await page.locator('[data-testid=battle-map] [data-testid=county-map] path.county').first().waitFor();
      expect(await page.getByTestId('campaign-nav').isVisible()).toBe(false);
      const map = await page.locator('[data-testid=battle-map] [data-testid=county-map]').boundingBox();
      expect(map?.width ?? 0).toBeGreaterThan(300);
      await page.screenshot({ path: `${artifacts}/battle-map-phone.png` });
      // In English too ("Battle map", "Import clues"), the top bar keeps to two rows and every link of the list is seen whole.
      await page.getByTestId('lang-toggle').click();
      await page.getByTestId('campaign-nav').getByRole('link', { name: 'Battle map', includeHidden: true }).waitFor({ state: 'attached' });
      expect(await topBarHeight()).toBeLessThan(100);
      await toggle.click();
      expect((await listed()).filter((link) => link.left < 0 || link.right > 390 || link.height < 36)).toEqual([]);
      await page.screenshot({ path: `${artifacts}/battle-map-phone-en.png` });
      // The phase under way says so beside its name when its bar has room for the word whole, or not at all: a phone's
      // English bar showed a sliver of it, cut at the bar's end (the demo's consolidation in December; here, on a
      // small phone, the crackdown's).
      await page.keyboard.press('Escape');
      await page.setViewportSize({ width: 320, height: 700 });
      const badge = await page.locator('.phase-bar.is-current').evaluate((bar) => {
        const box = bar.getBoundingClientRect();
        const shown = bar.querySelector('.phase-bar-current')?.getBoundingClientRect();
        return shown === undefined ? 'none' : shown.top >= box.bottom - 0.5 ? 'out of sight' : shown.right <= box.right + 0.5 ? 'whole' : `cut at ${Math.round(box.right)} (to ${Math.round(shown.right)})`;
      });
      expect(['whole', 'out of sight']).toContain(badge);
    } finally {
      await context.close();
    }
  });

  test("a card's move button covers none of the card's text: on a wide screen and a phone's, in Chinese and English, side columns open", async () => {
    const views: { device: BrowserContextOptions; english: boolean }[] = [
      { device: { viewport: { width: 1600, height: 900 } }, english: false },
      { device: { viewport: { width: 390, height: 844 } }, english: false },
      { device: { viewport: { width: 1600, height: 900 } }, english: true },
    ];
    for (const view of views) {
      const { context, page } = await signedInPage('office', view.device);
      try {
        await page.goto(`${suite.server.url}/campaigns/${campaignOf(page)}/board?side=unfounded,merged`);
        await page.locator('[data-testid=column-unfounded] [data-testid^=card-]').first().waitFor();
        if (view.english) {
          await page.getByTestId('lang-toggle').click();
          await page.getByTestId('kind-clue').filter({ hasText: 'Clues' }).waitFor();
        }
        const first = page.locator('article[data-card-id][data-draggable=true]').first();
        await first.hover();
        await expect.poll(() => first.getByTestId('move-menu').evaluate((el) => getComputedStyle(el).opacity)).toBe('1');
        // Each movable card drawn, the button's box against each line of text's: shown only under the pointer, it still
        // has its place, and the card's times under it were hidden while it showed.
        const covered = await page.locator('article[data-card-id][data-draggable=true]').evaluateAll((cards) =>
          cards.flatMap((card) => {
            const button = card.querySelector('[data-testid=move-menu]')?.getBoundingClientRect();
            if (button === undefined) return [`#${card.getAttribute('data-card-id')} has no move button`];
            const parts = [...card.querySelectorAll<HTMLElement>('.card-id, .level-badge, .card-times > *, .card-title, .chip, .assignee, .due')];
            return parts
              .filter((part) => {
                const box = part.getBoundingClientRect();
                const across = Math.min(box.right, button.right) - Math.max(box.left, button.left);
                const down = Math.min(box.bottom, button.bottom) - Math.max(box.top, button.top);
                return across > 0.5 && down > 0.5;
              })
              .map((part) => `#${card.getAttribute('data-card-id')} ${part.className}: ${part.textContent}`);
          }),
        );
        expect(await page.locator('article[data-card-id][data-draggable=true]').count()).toBeGreaterThan(10);
        expect(covered).toEqual([]);
        expect(await first.getByTestId('age').evaluate((el) => getComputedStyle(el).visibility)).toBe('visible');
        await page.screenshot({ path: `${artifacts}/card-move-button-${view.device.viewport?.width}${view.english ? '-en' : ''}.png` });
      } finally {
        await context.close();
      }
    }
  });

  test('on a touch screen a card shows its move button in a row of its own, and its menu opens on a tap', async () => {
    const { context, page } = await signedInPage('hantai.lead', { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
    try {
      const card = page.locator('[data-testid=column-found] [data-testid^=card-]:not([data-dnd-placeholder])').first();
      const button = card.getByTestId('move-menu');
      // Seen without a hover (a phone has none), below the card's times rather than over them.
      expect(await button.evaluate((el) => getComputedStyle(el).opacity)).toBe('1');
      const [times, shown] = await Promise.all([card.getByTestId('age').boundingBox(), button.boundingBox()]);
      if (times === null || shown === null) throw new Error('the card has no age or no move button');
      expect(shown.y).toBeGreaterThanOrEqual(times.y + times.height);
      expect(shown.height).toBeGreaterThanOrEqual(28);
      await button.tap();
      await card.getByRole('menuitem').first().waitFor();
      expect(await card.getByTestId('age').evaluate((el) => getComputedStyle(el).visibility)).toBe('visible');
      // The menu keeps within its card, every move's name whole: 180 px wide from the button's right edge, it reached past
      // the column's left edge, which cut the names ("已立案侦查" read "立案侦查").
      const menuInside = await card.evaluate((shown) => {
        const box = shown.getBoundingClientRect();
        const menu = shown.querySelector('[role=menu]')?.getBoundingClientRect();
        const names = [...shown.querySelectorAll<HTMLElement>('[role=menuitem] span')];
        return menu !== undefined && menu.left >= box.left - 0.5 && menu.right <= box.right + 0.5 && names.every((name) => name.scrollWidth <= name.clientWidth + 1);
      });
      expect(menuInside).toBe(true);
      // Each card's unit and the person responsible whole, every chip inside the card: they wrap rather than cut
      // (the unit was "汉…", the person "汉台…" whoever it was). On a tablet's narrower cards too (768 px: "汉台…" beside the date).
      const cutParts = () =>
        page.locator('article[data-card-id]').evaluateAll((cards) =>
          cards.flatMap((shown) => {
            const edge = shown.getBoundingClientRect().right + 0.5;
            return [...shown.querySelectorAll<HTMLElement>('.chip, .assignee-name')]
              .filter((part) => part.getBoundingClientRect().right > edge || (!part.classList.contains('chip-category') && part.scrollWidth > part.clientWidth + 1))
              .map((part) => `#${shown.dataset['cardId']} ${part.textContent}`);
          }),
        );
      expect(await cutParts()).toEqual([]);
      await page.setViewportSize({ width: 768, height: 1024 });
      await expect.poll(async () => (await page.locator('[data-testid=column-verifying] article[data-card-id]').first().boundingBox())?.width ?? 0).toBeGreaterThan(170);
      expect(await cutParts()).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test('the UI switches to English, column labels included, and keeps it after a reload', async () => {
    const { context, page } = await signedInPage('office');
    try {
      await expect.poll(() => page.getByTestId('column-found').locator('h2').textContent()).toBe(clueStateLabels.found.zh);
      await page.getByTestId('lang-toggle').click();
      await expect.poll(() => page.getByTestId('column-found').locator('h2').textContent()).toBe(clueStateLabels.found.en);
      expect(await page.getByTestId('column-verifying').locator('h2').textContent()).toBe(clueStateLabels.verifying.en);
      expect(await page.getByTestId('kind-clue').textContent()).toBe('Clues');
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
      // Its curly quotes are a Latin font's, not a Chinese font's full-width ones (“Found” read with wide gaps).
      const quoteWidth = await page.evaluate(() => {
        const probe = document.createElement('span');
        probe.textContent = '“';
        probe.style.fontSize = '100px';
        document.body.append(probe);
        const width = probe.getBoundingClientRect().width;
        probe.remove();
        return width;
      });
      expect(quoteWidth).toBeLessThan(60);
      await page.screenshot({ path: `${artifacts}/board-en.png` });
      await page.reload();
      await expect.poll(() => page.getByTestId('column-solved').locator('h2').textContent()).toBe(clueStateLabels.solved.en);

      // On a 1366 × 768 or a 1280 × 800 laptop the English toolbar, its longer words included, keeps every control on
      // one line at rest (so the board loses no height): each select is as wide as the choice it shows, not its
      // longest, and at 1280 px the toolbar's gaps and the search box give up some room.
      for (const [width, height] of [
        [1366, 768],
        [1280, 800],
      ] as const) {
        await page.setViewportSize({ width, height });
        await expect.poll(() => wrapsLine(page.locator('.toolbar')), { message: `${width} × ${height}` }).toBe(false);
        // The search box says whole what it finds, not "No., title, c" (at 1280 px it was cut by some 31 px).
        expect(await toolbarPlaceholderCut(page), `${width} × ${height}`).toBeLessThanOrEqual(0);
        // In lanes too, "By category" the longest choice: at 1366 px it put "+ New" on a second line.
        for (const lanes of ['category', 'unit', 'none'] as const) {
          await page.getByTestId('swimlane').selectOption(lanes);
          await page.locator(`[data-testid=board][data-swimlane=${lanes}]:not(.is-loading)`).waitFor();
          await expect.poll(() => wrapsLine(page.locator('.toolbar')), { message: `${width} × ${height}, lanes ${lanes}` }).toBe(false);
        }
      }
      // At 1,024 px the toolbar takes two lines: the search box goes whole to the second, in either language, rather
      // than staying cut at the end of the first ("搜索编号、标题、案号或号").
      await page.setViewportSize({ width: 1024, height: 768 });
      await expect.poll(() => toolbarPlaceholderCut(page), { message: '1024, en' }).toBeLessThanOrEqual(0);
      await page.getByTestId('lang-toggle').click();
      await expect.poll(() => page.locator('.toolbar input[name=q]').getAttribute('placeholder')).toBe('搜索编号、标题、案号或号码');
      await expect.poll(() => toolbarPlaceholderCut(page), { message: '1024, zh' }).toBeLessThanOrEqual(0);
      await page.getByTestId('lang-toggle').click();

      // English unit names are long: each card still shows its category (a few letters at least) inside the card,
      // on a laptop's screen too.
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.locator('[data-testid=column-found] .chip-unit').first().waitFor();
      const chipsNow = () =>
        page.locator('.card-meta').evaluateAll((metas) =>
          metas.map((meta) => {
            const box = meta.getBoundingClientRect();
            const category = meta.querySelector('.chip-category')?.getBoundingClientRect();
            return {
              card: meta.closest('[data-card-id]')?.getAttribute('data-card-id') ?? '',
              column: meta.closest('[data-testid^=column-]')?.getAttribute('data-testid') ?? '',
              unit: meta.querySelector('.chip-unit')?.textContent ?? '',
              categoryWidth: category?.width ?? null,
              inside: [...meta.children].every((chip) => chip.getBoundingClientRect().right <= box.right + 0.5),
            };
          }),
        );
      // Once the board has laid itself out at the new width (its cards re-rendered to fit): every card's chips inside it, a category at least 30 px wide.
      await expect.poll(async () => (await chipsNow()).filter((chip) => !chip.inside || (chip.categoryWidth !== null && chip.categoryWidth < 30))).toEqual([]);
      const chips = await chipsNow();
      // The header's campaign name, phase and dates stay inside their place instead of running under the navigation.
      const header = await page.locator('.top-bar-title').evaluate((title) => {
        const right = title.getBoundingClientRect().right;
        return [...(title.querySelector('.campaign-head')?.children ?? [])]
          .filter((part) => part.getBoundingClientRect().width > 0)
          .map((part) => ({ part: part.className, over: part.getBoundingClientRect().right - right }));
      });
      expect(header.map((h) => h.part)).toContain('campaign-name');
      for (const { part, over } of header) expect(over, part).toBeLessThanOrEqual(0.5);
      // Long English names among them: a detachment's card shows its category too.
      expect(chips.some((c) => c.unit.endsWith('Detachment') && c.categoryWidth !== null)).toBe(true);
    } finally {
      await context.close();
    }
  });

  test('a lead ticks cards (Ctrl+click, then click), drags them together to verifying: one batch, each card moved and logged; Shift+click ticks a run; Esc stops selecting', async () => {
    const { context, page } = await signedInPage('hantai.lead');
    try {
      const campaignId = campaignOf(page);
      // Two found clues this lead may start verifying, shown in the found column.
      const board = (await api(context, `/api/campaigns/${campaignId}/board?kind=clue&state=found&limit=500`)) as { columns: { cards: BoardCardWire[] }[] };
      const movable = (board.columns[0]?.cards ?? []).filter((c) => c.allowed.some((m) => m.to === 'verifying')).slice(0, 2);
      if (movable.length < 2) throw new Error('the seed has fewer than two found clues this lead may verify');
      const [first, second] = movable.map((c) => page.locator(`[data-testid=column-found] [data-testid=card-${c.id}]`));
      if (first === undefined || second === undefined) throw new Error('unreachable');

      // Ctrl+click ticks a card and starts selecting; then a plain click ticks rather than opens.
      await first.click({ modifiers: ['Control'] });
      await page.getByTestId('batch-bar').waitFor();
      expect(await page.getByTestId('select-cards').getAttribute('aria-pressed')).toBe('true');
      await second.click();
      await expect.poll(() => page.getByTestId('batch-selected').getAttribute('data-n')).toBe('2');
      expect(await first.getAttribute('aria-checked')).toBe('true');
      expect(await second.getAttribute('aria-checked')).toBe('true');
      expect(page.url()).not.toContain('item=');
      expect(await page.getByTestId('select-column-found').evaluate((box) => (box as HTMLInputElement).indeterminate)).toBe(true);

      // Dropped where none of them may go: said so, nothing sent.
      await drag(page, second, page.getByTestId('column-solved'));
      await page.getByTestId('toast').filter({ hasText: boardMessages.noneMayGo.zh.replace('{state}', clueStateLabels.solved.zh) }).waitFor();
      expect(await page.getByTestId('batch-dialog').count()).toBe(0);

      // Dragged together onto verifying: the batch's dialog asks once for what they share.
      await drag(page, first, page.getByTestId('column-verifying'));
      const dialog = page.getByTestId('batch-dialog');
      await dialog.waitFor();
      expect(await dialog.getByTestId('batch-count').textContent()).toContain('2');
      const assignee = dialog.locator('select[name=assigneeId]');
      if ((await assignee.count()) > 0) {
        await assignee.locator('option:not([value=""])').first().waitFor({ state: 'attached' });
        await assignee.selectOption((await assignee.locator('option:not([value=""])').first().getAttribute('value')) ?? '');
      }
      await page.screenshot({ path: `${artifacts}/board-batch-dialog.png` });
      await dialog.getByTestId('batch-submit').click();
      await expect.poll(() => dialog.getByTestId('batch-changed').getAttribute('data-n')).toBe('2');
      await dialog.getByTestId('batch-close').click();

      // Closed: the board reads both columns again, the cards are where the server has them, nothing stays ticked.
      for (const card of movable) {
        await page.locator(`[data-testid=column-verifying] [data-testid=card-${card.id}]`).waitFor();
        expect(await page.locator(`[data-testid=column-found] [data-testid=card-${card.id}]`).count()).toBe(0);
        const item = (await api(context, `/api/clues/${card.id}`)) as { state: string; version: number };
        expect(item.state).toBe('verifying');
        expect(item.version).toBe(card.version + 1);
      }
      expect(await page.getByTestId('batch-selected').getAttribute('data-n')).toBe('0');
      await page.screenshot({ path: `${artifacts}/board-batch-after.png` });

      // Shift+click ticks a run of a column: the first card, then the third, ticks the three.
      const verifying = page.locator('[data-testid=column-verifying] article[data-card-id]');
      await verifying.nth(0).click({ modifiers: ['Shift'] });
      await verifying.nth(2).click({ modifiers: ['Shift'] });
      await expect.poll(() => page.getByTestId('batch-selected').getAttribute('data-n')).toBe('3');
      expect(await verifying.nth(1).getAttribute('aria-checked')).toBe('true');

      // Esc stops selecting: the bar goes, nothing stays ticked, and a click opens a card again.
      await page.keyboard.press('Escape');
      await page.getByTestId('batch-bar').waitFor({ state: 'detached' });
      expect(await page.getByTestId('select-cards').getAttribute('aria-pressed')).toBe('false');
      await page.locator(`[data-testid=card-${movable[0]?.id}]`).click();
      await page.waitForURL(/item=/);
    } finally {
      await context.close();
    }
  });
  test('selecting (多选), each card’s tick box sits in the room left of it, beside its number, never over it: on a wide screen and a phone', async () => {
    const { context, page } = await signedInPage('hantai.lead');
    try {
      await page.getByTestId('select-cards').click();
      await page.locator('[data-testid=column-found] [data-testid=tick]').first().waitFor();
      for (const width of [1600, 390]) {
        await page.setViewportSize({ width, height: 844 });
        const cards = page.locator('[data-testid=column-found] article[data-card-id]');
        await cards.first().scrollIntoViewIfNeeded();
        const boxes = await cards.evaluateAll((all) =>
          all.slice(0, 5).map((card) => {
            const tick = card.querySelector('[data-testid=tick]')?.getBoundingClientRect();
            const number = card.querySelector('.card-id')?.getBoundingClientRect();
            return { id: card.getAttribute('data-card-id'), tickRight: tick?.right ?? Infinity, numberLeft: number?.left ?? -Infinity };
          }),
        );
        expect(boxes.length, `${width}`).toBeGreaterThan(0);
        for (const box of boxes) expect(box.tickRight, `card ${box.id} at ${width} px`).toBeLessThanOrEqual(box.numberLeft);
        await page.screenshot({ path: `${artifacts}/board-selecting-${width}px.png` });
      }
    } finally {
      await context.close();
    }
  });

  test('the office ticks a whole column with more cards than the board read: the rest are read first, and every card it may change is ticked', async () => {
    const { context, page } = await signedInPage('office');
    try {
      const campaignId = campaignOf(page);
      const board = (await api(context, `/api/campaigns/${campaignId}/board?kind=clue&state=filed&limit=500`)) as { columns: { cards: (BoardCardWire & { changes: string[] })[] }[] };
      const cards = board.columns[0]?.cards ?? [];
      // What a batch may change: a card with a move or a change this viewer may make.
      const changeable = cards.filter((c) => c.allowed.length > 0 || c.changes.length > 0).length;
      if (changeable <= 50) throw new Error(`the seed has ${changeable} filed clues the office may change: too few to need a second read`);
      const column = page.getByTestId('column-filed');
      expect(await column.locator('.load-more').count()).toBe(1);

      await page.getByTestId('select-cards').click();
      await page.getByTestId('select-column-filed').click();
      await expect.poll(() => page.getByTestId('batch-selected').getAttribute('data-n')).toBe(String(changeable));
      // Read to its end: nothing left to load, the box ticked, and the last card read ticked on screen.
      expect(await column.locator('.load-more').count()).toBe(0);
      expect(await page.getByTestId('select-column-filed').isChecked()).toBe(true);
      expect(await column.getByTestId('cards-window').getAttribute('data-total')).toBe(String(cards.length));
      const last = cards.filter((c) => c.allowed.length > 0 || c.changes.length > 0).at(-1);
      await column.locator('.column-body').evaluate((body) => body.scrollTo({ top: body.scrollHeight }));
      await expect.poll(() => column.locator(`[data-testid=card-${last?.id}]`).getAttribute('aria-checked')).toBe('true');

      // Unticked again in one click.
      await page.getByTestId('select-column-filed').click();
      await expect.poll(() => page.getByTestId('batch-selected').getAttribute('data-n')).toBe('0');
    } finally {
      await context.close();
    }
  });

  test('the office ticks every card of the board at once: the columns not read to their end are read first, a column it may change nothing in is left out', async () => {
    const { context, page } = await signedInPage('office');
    try {
      const campaignId = campaignOf(page);
      type ColumnWire = { state: string; side: boolean; count: number; cards: Card[] };
      const whole = (await api(context, `/api/campaigns/${campaignId}/board?kind=clue`)) as { columns: ColumnWire[] };
      // What the board should tick (every card of the main columns the office may change) and what it offers to
      // (the cards of the columns it may change some in, counted before they are read).
      let changeable = 0;
      let offered = 0;
      const ticking: string[] = [];
      for (const column of whole.columns.filter((c) => !c.side)) {
        const read = (await api(context, `/api/campaigns/${campaignId}/board?kind=clue&state=${column.state}&limit=500`)) as { columns: ColumnWire[] };
        const mine = (read.columns[0]?.cards ?? []).filter(selectable).length;
        changeable += mine;
        if (mine > 0) {
          offered += column.count;
          ticking.push(column.state);
        }
      }
      if (ticking.length === whole.columns.filter((c) => !c.side).length) throw new Error('the seed has no main column the office may change nothing in');
      expect(await page.getByTestId('column-filed').locator('.load-more').count()).toBe(1);

      await page.getByTestId('select-cards').click();
      const all = page.getByTestId('batch-select-all');
      expect(await all.textContent()).toBe(`选择全部 ${offered} 项`);
      await all.click();
      await expect.poll(() => page.getByTestId('batch-selected').getAttribute('data-n')).toBe(String(changeable));
      expect(await page.getByTestId('column-filed').locator('.load-more').count()).toBe(0);
      for (const state of ticking) expect(await page.getByTestId(`select-column-${state}`).isChecked(), state).toBe(true);
      // Taken: not offered again until the selection changes.
      expect(await all.count()).toBe(0);
      await page.getByTestId('select-column-found').click();
      await expect.poll(() => all.count()).toBe(1);
    } finally {
      await context.close();
    }
  });

  test('an officer is offered as many cards as selecting them all ticks, where a column mixes cards they may change with others', async () => {
    const { context, page } = await signedInPage('hantai.officer');
    try {
      type ColumnWire = { state: string; side: boolean; count: number; next: unknown; cards: Card[] };
      const board = (await api(context, `/api/campaigns/${campaignOf(page)}/board?kind=clue`)) as { columns: ColumnWire[] };
      const main = board.columns.filter((c) => !c.side);
      if (main.some((c) => c.next !== null)) throw new Error('the seed gives the officer a main column not read to its end');
      const mixed = main.filter((c) => c.cards.some(selectable) && !c.cards.every(selectable));
      if (mixed.length === 0) throw new Error('the seed gives the officer no column mixing cards they may change with others');
      const mine = main.reduce((sum, c) => sum + c.cards.filter(selectable).length, 0);

      await page.getByTestId('select-cards').click();
      const all = page.getByTestId('batch-select-all');
      expect(await all.textContent()).toBe(`选择全部 ${mine} 项`);
      await all.click();
      await expect.poll(() => page.getByTestId('batch-selected').getAttribute('data-n')).toBe(String(mine));
      expect(await all.count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  test('a card let go of over the toolbar, outside every column, stays where it was and nothing is sent', async () => {
    const { context, page } = await signedInPage('office');
    try {
      const campaignId = campaignOf(page);
      const card = await assignedFoundClue(context, campaignId);
      const element = page.getByTestId(`card-${card.id}`);
      const from = await element.boundingBox();
      const toolbar = await page.getByRole('toolbar').boundingBox();
      const verifying = await page.getByTestId('column-verifying').boundingBox();
      if (from === null || toolbar === null || verifying === null) throw new Error('card, toolbar or column not on screen');
      // Held near its top, so the card hangs down from the pointer.
      await page.mouse.move(from.x + from.width / 2, from.y + 6);
      await page.mouse.down();
      await page.mouse.move(from.x + from.width / 2 + 8, from.y + 14, { steps: 4 });
      // Up onto the toolbar above the verifying column: the pointer over no column, the card's shape over that one.
      await page.mouse.move(verifying.x + verifying.width / 2, toolbar.y + toolbar.height - 4, { steps: 20 });
      await page.locator('[data-testid=board].is-dragging').waitFor();
      await page.mouse.up();
      await page.locator('[data-testid=board]:not(.is-dragging)').waitFor();
      await page.locator(`[data-testid=column-found] [data-testid=card-${card.id}]`).waitFor();
      // Long enough for a move's answer: the server still has the card as it was.
      await page.waitForTimeout(700);
      const stored = (await api(context, `/api/clues/${card.id}`)) as { state: string; version: number };
      expect(stored).toMatchObject({ state: 'found', version: card.version });
    } finally {
      await context.close();
    }
  });

  test('a link with a unit and a category the campaign has not says both, each by its filter; neither is a choice in its select, and choosing "all" mends one', async () => {
    const { context, page } = await signedInPage('office');
    try {
      await page.goto(`${suite.server.url}/campaigns/${campaignOf(page)}/board?unit=nosuch&category=999`);
      const failed = page.getByTestId('board-failed');
      await expect.poll(() => failed.locator('li').allTextContents()).toEqual(['承办单位：没有这个单位', '类别：本专项没有这个类别']);
      // Each select shows what the address holds, over the refusal, but not as a choice one could pick again.
      const chosen = (name: string) =>
        page.locator(`select[name=${name}]`).evaluate((select: HTMLSelectElement) => ({ text: select.selectedOptions[0]?.textContent, disabled: select.selectedOptions[0]?.disabled }));
      expect(await chosen('unit')).toEqual({ text: 'nosuch', disabled: true });
      expect(await chosen('category')).toEqual({ text: '999', disabled: true });
      await page.locator('select[name=unit]').selectOption('');
      await expect.poll(() => failed.textContent()).toBe('看板加载失败（类别）：本专项没有这个类别');
      expect(new URL(page.url()).searchParams.get('unit')).toBeNull();
    } finally {
      await context.close();
    }
  });

  test('an open move dialog says so when someone else changes its card meanwhile', async () => {
    const { context, page } = await signedInPage('office');
    try {
      await recordChanges(page);
      const campaignId = campaignOf(page);
      const board = (await api(context, `/api/campaigns/${campaignId}/board?kind=clue&state=found&limit=500`)) as { columns: { cards: BoardCardWire[] }[] };
      const clue = board.columns[0]?.cards.find((c) => c.allowed.some((m) => m.to === 'verifying' && m.needs.includes('assigneeId')));
      if (clue === undefined) throw new Error('the seed has no unassigned found clue');
      await page.goto(`${suite.server.url}/campaigns/${campaignId}/board?q=${clue.id}`);
      await page.locator('[data-testid=live-indicator][data-status=live]').waitFor();
      const card = page.locator(`[data-testid=column-found] [data-testid=card-${clue.id}]`);
      await card.waitFor();
      await moveFromMenu(page, card, 'verifying');
      const dialog = page.getByTestId('move-dialog');
      await dialog.waitFor();
      expect(await dialog.getByTestId('move-overtaken').count()).toBe(0);
      // The unit's lead writes a work note on it meanwhile: no change a move is decided on (the server takes the move still), so
      // the dialog, once the note has reached the page, says nothing.
      const lead = await otherUser(`${clue.unitId}.lead`);
      const noted = await fetch(`${suite.server.url}/api/clues/${clue.id}/notes`, { method: 'POST', headers: { cookie: lead, 'content-type': 'application/json' }, body: JSON.stringify({ text: '已电话联系举报人' }) });
      expect(noted.status).toBe(200);
      const { version } = (await noted.json()) as { version: number };
      await expect.poll(() => page.evaluate((id) => (window as unknown as { seenChanges: { subjectId: number }[] }).seenChanges.some((c) => c.subjectId === id), clue.id)).toBe(true);
      expect(await dialog.getByTestId('move-overtaken').count()).toBe(0);
      // The lead then changes its title: that the dialog says.
      const edited = await fetch(`${suite.server.url}/api/clues/${clue.id}`, { method: 'PATCH', headers: { cookie: lead, 'content-type': 'application/json' }, body: JSON.stringify({ version, title: '标题已由负责人修改' }) });
      expect(edited.status).toBe(200);
      await expect.poll(() => dialog.getByTestId('move-overtaken').textContent()).toBe(boardMessages.draftOvertaken.zh);
    } finally {
      await context.close();
    }
  });

  test("a card dropped into another unit's lane is not transferred, and the board says so", async () => {
    const { context, page } = await signedInPage('office');
    try {
      const campaignId = campaignOf(page);
      const office = await otherUser('office');
      const word = `泳道拖放${Date.now()}`;
      const created: { id: number; version: number }[] = [];
      for (const unitId of ['hantai', 'nanzheng']) {
        const answer = await fetch(`${suite.server.url}/api/clues`, {
          method: 'POST',
          headers: { cookie: office, 'content-type': 'application/json' },
          body: JSON.stringify({ campaignId, unitId, title: `${word} ${unitId}`, source: 'other' }),
        });
        expect(answer.status).toBe(201);
        created.push((await answer.json()) as { id: number; version: number });
      }
      await page.goto(`${suite.server.url}/campaigns/${campaignId}/board?swimlane=unit&q=${encodeURIComponent(word)}`);
      const card = page.locator(`[data-testid=cell-hantai-found] [data-testid=card-${created[0]?.id}]`);
      await card.waitFor();
      // Into the same column of the other unit's lane: nothing to move, and the card stays in its own lane, which is said.
      await drag(page, card, page.getByTestId('cell-nanzheng-found'));
      await page.getByTestId('toast').filter({ hasText: messages.laneNotTransfer.zh }).waitFor();
      await page.locator(`[data-testid=cell-hantai-found] [data-testid=card-${created[0]?.id}]`).waitFor();
      const stored = (await api(context, `/api/clues/${created[0]?.id}`)) as { unitId: string; state: string; version: number };
      expect(stored).toMatchObject({ unitId: 'hantai', state: 'found', version: created[0]?.version });
    } finally {
      await context.close();
    }
  });

  test("a move sent from a dialog left open while its card was transferred out of the lead's units says why it was refused", async () => {
    const { context, page } = await signedInPage('hantai.lead');
    try {
      const campaignId = campaignOf(page);
      const board = (await api(context, `/api/campaigns/${campaignId}/board?kind=clue&state=verifying&unit=hantai&limit=500`)) as { columns: { cards: BoardCardWire[] }[] };
      const clue = board.columns[0]?.cards.find((c) => c.unitId === 'hantai' && c.allowed.some((m) => m.to === 'unfounded'));
      if (clue === undefined) throw new Error("the seed has no verifying clue of Hantai's its lead may dismiss");
      await page.goto(`${suite.server.url}/campaigns/${campaignId}/board?q=${clue.id}`);
      const card = page.locator(`[data-testid=column-verifying] [data-testid=card-${clue.id}]:not([data-dnd-placeholder])`);
      await card.waitFor();
      await moveFromMenu(page, card, 'unfounded');
      const dialog = page.getByTestId('move-dialog');
      await dialog.locator('[name=conclusion]').fill('经核查，举报内容不实。');
      const office = await otherUser('office');
      const current = (await api(context, `/api/clues/${clue.id}`)) as { version: number };
      const moved = await fetch(`${suite.server.url}/api/clues/${clue.id}/transfer`, {
        method: 'POST',
        headers: { cookie: office, 'content-type': 'application/json' },
        body: JSON.stringify({ version: current.version, unitId: 'nanzheng', reason: '属地管辖' }),
      });
      expect(moved.status).toBe(200);
      await dialog.getByTestId('move-submit').click();
      // Not a bare "not found" beside a card the lead saw a moment ago: the likely why, as the drawer says it.
      await page.getByTestId('toast').filter({ hasText: `#${clue.id} ${messages.itemGone.zh}` }).waitFor();
      await expect.poll(() => page.getByTestId(`card-${clue.id}`).count(), { timeout: 10_000 }).toBe(0);
    } finally {
      await context.close();
    }
  });

  test("a lead's board follows a transfer out of their unit as it happens; the assignee filter and the search box show what the address says, after Back too", async () => {
    const { context, page } = await signedInPage('hantai.lead');
    try {
      const campaignId = campaignOf(page);
      const id = await cardIdIn(page, 'found', 0);
      const office = await otherUser('office');
      const current = (await api(context, `/api/clues/${id}`)) as { version: number };
      const moved = await fetch(`${suite.server.url}/api/clues/${id}/transfer`, {
        method: 'POST',
        headers: { cookie: office, 'content-type': 'application/json' },
        body: JSON.stringify({ version: current.version, unitId: 'nanzheng', reason: '属地管辖' }),
      });
      expect(moved.status).toBe(200);
      // Sent to the unit it left too: the column is read again and the card is gone, with no reload.
      await expect.poll(() => page.getByTestId(`card-${id}`).count(), { timeout: 10_000 }).toBe(0);

      // Opened on an address filtered to one person: the picker names them once its people are read.
      const people = (await api(context, '/api/users?unit=hantai')) as { id: number; displayName: string }[];
      const officer = people.find((p) => p.displayName.includes('民警')) ?? people[0];
      if (officer === undefined) throw new Error('hantai has no people');
      await page.goto(`${suite.server.url}/campaigns/${campaignId}/board?assignee=${officer.id}`);
      const assignee = page.locator('select[name=assignee]');
      await expect.poll(() => assignee.locator('option:checked').textContent()).toBe(officer.displayName);
      expect(await assignee.inputValue()).toBe(String(officer.id));
      // The lead's pickers offer their own units and those units' people, not the whole city's.
      const { unitScope } = (await api(context, '/api/session')) as { unitScope: string[] };
      // Everyone and nobody (未指定承办人) aside.
      const valuesOf = (select: string) => page.locator(`select[name=${select}] option`).evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value).filter((v) => v !== '' && v !== 'none'));
      expect((await valuesOf('unit')).sort()).toEqual([...unitScope].sort());
      // The server reads a lead no one else: the bureau's roster is not theirs (api/routes/users.ts).
      const ours = (await api(context, '/api/users')) as { id: number; unitId: string }[];
      expect(ours.length).toBeGreaterThan(0);
      expect(ours.every((u) => unitScope.includes(u.unitId))).toBe(true);
      expect((await valuesOf('assignee')).sort()).toEqual(ours.map((u) => String(u.id)).sort());

      // Two searches, then Back: the box says the search the board shows.
      await page.goto(`${suite.server.url}/campaigns/${campaignId}/board`);
      const search = page.locator('input[name=q]');
      for (const q of ['速借', '水军']) {
        await search.fill(q);
        await page.waitForURL(new RegExp(`q=${encodeURIComponent(q)}`));
      }
      await page.goBack();
      await page.waitForURL(new RegExp(`q=${encodeURIComponent('速借')}`));
      await expect.poll(() => search.inputValue()).toBe('速借');
      await page.goBack();
      await expect.poll(() => search.inputValue()).toBe('');
    } finally {
      await context.close();
    }
  });
}, 60_000);
