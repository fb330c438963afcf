import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { eq } from 'drizzle-orm';
import { users } from '../../db/schema';
import { clueStateLabels } from '../../engine/clue/clue.labels';
import { messages } from '../../web/src/i18n/messages';
import { sweepDeadlines } from '../../api/services/deadline-sweep';
import { testNow } from '../support/test-database';
import { apiCall, apiSession, artifacts, asUser, asUserOn, browserSuite, campaignOf, cardIds, signedIn, type TestDatabase, type WireBoard, type WireCard } from './browser-kit';

/**
 * A working day on the board in a real Chromium against the real server:
 * keyboard-only moves, changes by others arriving live, filters in a shared
 * URL, unit swimlanes with the WIP highlight, hostile titles shown as text,
 * a viewer who cannot move anything, and editing from the detail drawer.
 * Needs `npm run build`.
 */
const suite = browserSuite({
  prepare: async (database: TestDatabase) => {
    // Escalations exist only once deadlines have been swept; the test server does not sweep by itself.
    await sweepDeadlines(database, testNow);
  },
});

const card = (page: Page, state: string, id: number) => page.locator(`[data-testid=column-${state}] [data-testid=card-${id}]:not([data-dnd-placeholder]):not(.is-pending)`);

/**
 * The 立案 dialog of a verifying clue the office may file, opened from its card's move menu, after another such clue
 * (the holder) was filed under `caseNumber`; `pick` chooses the two from the clues that may be filed.
 */
async function filingBesideHolder(page: Page, context: Parameters<typeof apiCall>[1], caseNumber: string, pick: (fileable: WireCard[]) => WireCard[]): Promise<{ holder: WireCard; candidate: WireCard; dialog: Locator }> {
  const board = await apiCall<WireBoard>(suite.server.url, context, 'GET', `/api/campaigns/${campaignOf(page)}/board?kind=clue&state=verifying&limit=100`);
  const [holder, candidate] = pick((board.columns[0]?.cards ?? []).filter((c) => c.allowed.some((m) => m.to === 'filed')));
  if (holder === undefined || candidate === undefined) throw new Error('the seed has fewer than two clues to file');
  await apiCall(suite.server.url, context, 'POST', `/api/clues/${holder.id}/transitions`, { to: 'filed', version: holder.version, payload: { caseNumber, conclusion: '经核查属实' } });
  await page.goto(`${suite.server.url}/campaigns/${campaignOf(page)}/board?q=${candidate.id}`);
  await card(page, 'verifying', candidate.id).waitFor();
  await page.locator(`[data-testid=card-${candidate.id}]`).hover();
  await page.locator(`[data-testid=card-${candidate.id}] [data-testid=move-menu]`).click();
  await page.getByTestId('move-to-filed').click();
  return { holder, candidate, dialog: page.getByTestId('move-dialog') };
}

/** Imports `n` found clues of hantai through the import API as the context's user, in one commit. */
async function importClues(context: Parameters<typeof apiCall>[1], campaignId: number, prefix: string, n: number): Promise<void> {
  const cookies = await context.cookies(suite.server.url);
  const rows = Array.from({ length: n }, (_, i) => `${prefix}-${i},批量导入测试${prefix}${i},内容,汉台分局,,其他`);
  const imported = await fetch(`${suite.server.url}/api/campaigns/${campaignId}/imports?commit=true`, {
    method: 'POST',
    headers: { cookie: cookies.map((c) => `${c.name}=${c.value}`).join('; '), 'content-type': 'text/csv' },
    body: ['线索编号,线索标题,简要案情,承办单位,案件类别,线索来源', ...rows].join('\n'),
  });
  expect(imported.status, await imported.clone().text()).toBe(200);
}

/** The longest main column of the seeded board (side columns are collapsed): its selector and the ids of the cards read. */
async function longestColumn(page: Page, context: Parameters<typeof apiCall>[1]): Promise<{ column: string; loaded: number[] }> {
  const board = await apiCall<WireBoard>(suite.server.url, context, 'GET', `/api/campaigns/${campaignOf(page)}/board?kind=clue`);
  const longest = board.columns.filter((c) => !['unfounded', 'merged'].includes(c.state)).sort((a, b) => b.cards.length - a.cards.length)[0];
  const loaded = longest?.cards.map((c) => c.id) ?? [];
  expect(loaded.length).toBeGreaterThanOrEqual(24);
  return { column: `[data-testid=column-${longest?.state}]`, loaded };
}

/** Found clues as the office sees them, with their allowed moves. */
async function foundClues(page: Page, context: Parameters<typeof apiCall>[1]): Promise<WireCard[]> {
  const board = await apiCall<WireBoard>(suite.server.url, context, 'GET', `/api/campaigns/${campaignOf(page)}/board?kind=clue&state=found&limit=500`);
  return board.columns[0]?.cards ?? [];
}

/** A found clue, assigned, that the office may move on to verifying with nothing to fill in. */
async function movableFoundClue(page: Page, context: Parameters<typeof apiCall>[1]): Promise<WireCard> {
  const candidate = (await foundClues(page, context)).find((c) => c.allowed.some((m) => m.to === 'verifying' && m.needs.length === 0));
  if (candidate === undefined) throw new Error('the seed has no assigned found clue');
  return candidate;
}

/** A found clue the office may move, its drawer open on a live board and its edit form open: where someone else changes it meanwhile. */
async function editOpen(page: Page, context: Parameters<typeof apiCall>[1]): Promise<{ id: number; drawer: Locator }> {
  const { id } = await movableFoundClue(page, context);
  await page.goto(`${suite.server.url}/campaigns/${campaignOf(page)}/board?q=${id}&item=${id}`);
  const drawer = page.getByTestId('detail-panel');
  await page.locator('[data-testid=live-indicator][data-status=live]').waitFor();
  await drawer.getByTestId('action-edit').click();
  return { id, drawer };
}

describe('working on the board', () => {
  test('a keyboard-only user moves a card: Tab to it, M for the menu, arrows to the target, the dialog, and it lands', () =>
    asUser(suite, 'office', async ({ context, page }) => {
      const candidate = (await foundClues(page, context)).find((c) => c.allowed.some((m) => m.to === 'verifying' && m.needs.includes('assigneeId')));
      if (candidate === undefined) throw new Error('the seed has no unassigned found clue');
      const id = candidate.id;
      await page.goto(`${suite.server.url}/campaigns/${campaignOf(page)}/board?q=${id}`);
      await card(page, 'found', id).waitFor();

      // Tab from the top of the page until the card has focus: it is reachable without a mouse.
      await page.locator('body').focus();
      let reached = false;
      for (let i = 0; i < 80 && !reached; i++) {
        await page.keyboard.press('Tab');
        reached = await page.evaluate((testId) => document.activeElement?.getAttribute('data-testid') === testId, `card-${id}`);
      }
      expect(reached).toBe(true);
      await page.keyboard.press('m');
      const menu = page.locator(`[data-testid=card-${id}] [role=menu]`);
      await menu.waitFor();
      let chosen = false;
      for (let i = 0; i < 10 && !chosen; i++) {
        chosen = await page.evaluate(() => document.activeElement?.getAttribute('data-testid') === 'move-to-verifying');
        if (!chosen) await page.keyboard.press('ArrowDown');
      }
      expect(chosen).toBe(true);
      await page.keyboard.press('Enter');

      const dialog = page.getByTestId('move-dialog');
      await dialog.waitFor();
      await dialog.locator('select[name=assigneeId] option:not([value=""])').first().waitFor({ state: 'attached' });
      // Focus starts in the dialog's first field; the arrow picks the first person, Tab reaches "confirm".
      expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('assigneeId');
      await page.keyboard.press('ArrowDown');
      let onSubmit = false;
      for (let i = 0; i < 6 && !onSubmit; i++) {
        await page.keyboard.press('Tab');
        onSubmit = await page.evaluate(() => document.activeElement?.getAttribute('data-testid') === 'move-submit');
      }
      expect(onSubmit).toBe(true);
      await page.keyboard.press('Enter');
      await dialog.waitFor({ state: 'detached' });
      await card(page, 'verifying', id).waitFor();
      expect(await page.locator(`[data-testid=column-found] [data-testid=card-${id}]`).count()).toBe(0);

      const item = await apiCall<{ state: string }>(suite.server.url, context, 'GET', `/api/clues/${id}`);
      expect(item.state).toBe('verifying');
      // Screen readers hear where it went; focus is back on the card.
      await expect.poll(() => page.getByTestId('announcer').textContent()).toContain(clueStateLabels.verifying.zh);
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(`card-${id}`);
    }));

  test('an item opened in the drawer is moved from there: its allowed moves as buttons, through the same dialog, and the drawer shows where it went', () =>
    asUser(suite, 'office', async ({ context, page }) => {
      const candidate = (await foundClues(page, context)).find((c) => c.allowed.some((m) => m.to === 'verifying' && m.needs.includes('assigneeId')));
      if (candidate === undefined) throw new Error('the seed has no unassigned found clue');
      const id = candidate.id;
      await page.goto(`${suite.server.url}/campaigns/${campaignOf(page)}/board?item=${id}`);
      const drawer = page.getByTestId('detail-panel');
      const moves = drawer.getByTestId('detail-moves');
      await moves.waitFor();
      // The moves the card's menu offers, named by the column each goes to.
      const offered = await moves.locator('button').allTextContents();
      expect(offered).toHaveLength(candidate.allowed.length);
      expect(offered).toContain(clueStateLabels.verifying.zh);

      await drawer.getByTestId('detail-move-verifying').click();
      const dialog = page.getByTestId('move-dialog');
      await dialog.waitFor();
      await dialog.locator('select[name=assigneeId] option:not([value=""])').first().waitFor({ state: 'attached' });
      const chosen = dialog.locator('select[name=assigneeId] option').nth(1);
      const assigneeName = await chosen.textContent();
      await dialog.locator('select[name=assigneeId]').selectOption({ index: 1 });
      await dialog.getByTestId('move-submit').click();
      await dialog.waitFor({ state: 'detached' });
      await card(page, 'verifying', id).waitFor();
      await expect.poll(() => drawer.locator('.detail-badges .state-pill').textContent()).toBe(clueStateLabels.verifying.zh);
      expect((await apiCall<{ state: string }>(suite.server.url, context, 'GET', `/api/clues/${id}`)).state).toBe('verifying');
      // Its history says whom the move gave it to, as well as who made it.
      await expect.poll(() => drawer.getByTestId('assigned-to').last().textContent()).toBe(` · → ${assigneeName}`);
    }));

  test('keyboard focus goes where the user is: into the details panel Enter opens, and round the move dialog, never behind it', () =>
    asUser(suite, 'office', async ({ context, page }) => {
      const candidate = (await foundClues(page, context)).find((c) => c.allowed.some((m) => m.to === 'verifying' && m.needs.includes('assigneeId')));
      if (candidate === undefined) throw new Error('the seed has no unassigned found clue');
      await page.goto(`${suite.server.url}/campaigns/${campaignOf(page)}/board?q=${candidate.id}`);
      const cardElement = page.locator(`[data-testid=card-${candidate.id}]:not([data-dnd-placeholder])`);
      await cardElement.waitFor();
      const focused = () => page.evaluate(() => document.activeElement?.closest('[data-testid]')?.getAttribute('data-testid') ?? null);

      // Enter opens the details and focus is in them: the next Tab is the panel's close button, not the next card.
      await cardElement.focus();
      await page.keyboard.press('Enter');
      await page.getByTestId('detail-panel').waitFor();
      await expect.poll(focused).toBe('detail-panel');
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('关闭');
      await page.keyboard.press('Escape');
      await page.getByTestId('detail-panel').waitFor({ state: 'detached' });
      await expect.poll(focused).toBe(`card-${candidate.id}`);

      // In the move dialog, Tab and Shift+Tab go round its own controls only.
      await page.keyboard.press('m');
      await page.getByTestId('move-to-verifying').waitFor();
      await page.getByTestId('move-to-verifying').focus();
      await page.keyboard.press('Enter');
      await page.getByTestId('move-dialog').waitFor();
      // Meanwhile the card is drawn where it is going, marked as waiting for its details, not as being sent.
      const waiting = page.locator(`[data-testid=column-verifying] [data-testid=card-${candidate.id}] [data-testid=pending-dot]`);
      expect(await waiting.getAttribute('title')).toBe('待填写确认，尚未提交');
      const inDialog = () => page.evaluate(() => document.activeElement?.closest('[data-testid=move-dialog]') !== null);
      for (let i = 0; i < 8; i++) {
        await page.keyboard.press('Tab');
        expect(await inDialog(), `after Tab ${i + 1}`).toBe(true);
      }
      for (let i = 0; i < 8; i++) {
        await page.keyboard.press('Shift+Tab');
        expect(await inDialog(), `after Shift+Tab ${i + 1}`).toBe(true);
      }
      await page.keyboard.press('Escape');
      await page.getByTestId('move-dialog').waitFor({ state: 'detached' });
    }));

  test('in the drawer by keyboard: a form opened takes the focus and Escape closes it alone, back on its button; a move dialog cancelled goes back to its button, sent to the drawer, never to the board behind', () =>
    asUser(suite, 'office', async ({ context, page }) => {
      const candidate = (await foundClues(page, context)).find((c) => c.allowed.some((m) => m.to === 'verifying' && m.needs.includes('assigneeId')));
      if (candidate === undefined) throw new Error('the seed has no unassigned found clue');
      await page.goto(`${suite.server.url}/campaigns/${campaignOf(page)}/board?item=${candidate.id}`);
      const drawer = page.getByTestId('detail-panel');
      await drawer.getByTestId('detail-moves').waitFor();
      const focused = () => page.evaluate(() => document.activeElement?.closest('[data-testid]')?.getAttribute('data-testid') ?? null);

      // A work note: Enter on its button puts the focus in its text, so what is typed next is the note.
      await drawer.getByTestId('action-note').focus();
      await page.keyboard.press('Enter');
      const note = drawer.locator('[data-testid=note-form] textarea');
      await expect.poll(() => note.evaluate((el) => el === document.activeElement)).toBe(true);
      await page.keyboard.type('键盘写下的进展');
      expect(await note.inputValue()).toBe('键盘写下的进展');
      // Escape closes the form, not the drawer, and focus is back on the button; the text waits there as a draft.
      await page.keyboard.press('Escape');
      await drawer.getByTestId('note-form').waitFor({ state: 'detached' });
      expect(await drawer.count()).toBe(1);
      await expect.poll(focused).toBe('action-note');
      await page.keyboard.press('Enter');
      await expect.poll(() => note.evaluate((el) => el === document.activeElement)).toBe(true);
      expect(await note.inputValue()).toBe('键盘写下的进展');
      await page.keyboard.press('Escape');
      await drawer.getByTestId('note-form').waitFor({ state: 'detached' });

      // A move from the drawer's buttons: its dialog cancelled, focus is back on that button, the drawer open.
      await drawer.getByTestId('detail-move-verifying').focus();
      await page.keyboard.press('Enter');
      const dialog = page.getByTestId('move-dialog');
      await dialog.waitFor();
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      await expect.poll(focused).toBe('detail-move-verifying');
      expect(await drawer.count()).toBe(1);
      // Sent, focus is on the drawer, which shows where the card went, not on the card behind it.
      await page.keyboard.press('Enter');
      await dialog.waitFor();
      await dialog.locator('select[name=assigneeId] option:not([value=""])').first().waitFor({ state: 'attached' });
      await dialog.locator('select[name=assigneeId]').selectOption({ index: 1 });
      await dialog.getByTestId('move-submit').focus();
      await page.keyboard.press('Enter');
      await dialog.waitFor({ state: 'detached' });
      await expect.poll(() => drawer.locator('.detail-badges .state-pill').textContent()).toBe(clueStateLabels.verifying.zh);
      await expect.poll(focused).toBe('detail-panel');
    }));

  test("a second user sees the first one's move live, without a reload, keeping their filters and open drawer", async () => {
    const a = await signedIn(suite.browser, suite.server.url, 'office');
    try {
      const candidate = await movableFoundClue(a.page, a.context);
      const id = candidate.id;
      const path = `/campaigns/${campaignOf(a.page)}/board?q=${id}`;
      const b = await signedIn(suite.browser, suite.server.url, 'office', { path: `${path}&item=${id}` });
      try {
        await card(b.page, 'found', id).waitFor();
        await b.page.getByTestId('detail-panel').waitFor();
        await b.page.locator('[data-testid=live-indicator][data-status=live]').waitFor();
        await b.page.evaluate(() => Object.assign(window, { notReloaded: true }));

        await a.page.goto(`${suite.server.url}${path}`);
        await card(a.page, 'found', id).waitFor();
        await a.page.locator(`[data-testid=card-${id}]`).hover();
        await a.page.locator(`[data-testid=card-${id}] [data-testid=move-menu]`).click();
        await a.page.getByTestId('move-to-verifying').click();
        await card(a.page, 'verifying', id).waitFor();

        await card(b.page, 'verifying', id).waitFor({ timeout: 10_000 });
        expect(await b.page.locator(`[data-testid=column-found] [data-testid=card-${id}]`).count()).toBe(0);
        expect(await b.page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
        expect(b.page.url()).toContain(`q=${id}`);
        expect(await b.page.getByTestId('detail-panel').count()).toBe(1);
        // The open drawer follows: its history now has the move.
        await b.page.getByTestId('history').getByText(clueStateLabels.verifying.zh).first().waitFor({ timeout: 10_000 });
      } finally {
        await b.context.close();
      }
    } finally {
      await a.context.close();
    }
  });

  test('the edit form shows the assignee the item has, the people of its unit read after the form opened', () =>
    asUser(suite, 'office', async ({ context, page }) => {
      const { id, assigneeId } = await movableFoundClue(page, context);
      expect(assigneeId).not.toBeNull();
      // The people read slowly, as on a busy day: before, the select was given its value while it had no such option yet, and showed 未指定承办人.
      await page.route('**/api/users?**', async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 400));
        await route.continue();
      });
      await page.goto(`${suite.server.url}/campaigns/${campaignOf(page)}/board?q=${id}&item=${id}`);
      const drawer = page.getByTestId('detail-panel');
      await drawer.getByTestId('action-edit').click();
      const assignee = drawer.getByTestId('edit-form').locator('select[name=assigneeId]');
      await expect.poll(() => assignee.locator('option').count()).toBeGreaterThan(1);
      expect(await assignee.inputValue()).toBe(String(assigneeId));
    }));

  test("an edit half typed when someone else changes the card stays open with what was typed; the fields left show theirs, and saving keeps both", () =>
    asUser(suite, 'office', async ({ context, page }) => {
      const { id, drawer } = await editOpen(page, context);
      await drawer.locator('input[name=title]').fill('编辑到一半的标题');

      // Meanwhile someone else adds to the description, then moves the clue on.
      const read = await apiCall<{ version: number; title: string }>(suite.server.url, context, 'GET', `/api/clues/${id}`);
      const edited = await apiCall<{ version: number }>(suite.server.url, context, 'PATCH', `/api/clues/${id}`, { version: read.version, description: '他人补充的内容' });
      await apiCall(suite.server.url, context, 'POST', `/api/clues/${id}/transitions`, { to: 'verifying', version: edited.version });
      await drawer.getByTestId('history').getByText(clueStateLabels.verifying.zh).first().waitFor({ timeout: 10_000 });
      // The drawer's item at their move too, not only its history (read apart, it can come first): the form rebased on
      // the edit alone would be sent on that version and refused, their move being newer.
      await drawer.getByTestId('detail-move-filed').waitFor();

      // Before, the form closed and the typing was gone; sent as opened, the old description went back over theirs.
      const form = drawer.getByTestId('edit-form');
      await expect.poll(() => form.locator('textarea[name=description]').inputValue()).toBe('他人补充的内容');
      expect(await form.locator('input[name=title]').inputValue()).toBe('编辑到一半的标题');
      expect(await form.textContent()).toContain('此事项刚被他人修改');
      await drawer.getByTestId('action-submit').click();
      await form.waitFor({ state: 'detached' });
      const saved = await apiCall<{ title: string; state: string; context: { description: string } }>(suite.server.url, context, 'GET', `/api/clues/${id}`);
      expect([saved.title, saved.context.description, saved.state]).toEqual(['编辑到一半的标题', '他人补充的内容', 'verifying']);
      // The history says what each edit changed (it said "edit" and no more): this one the title, from what to what (it
      // named the field alone), the other's the description, by name (a long text).
      await expect.poll(() => drawer.getByTestId('history').getByTestId('edited-fields').allTextContents()).toEqual([`修改了：标题（${read.title} → 编辑到一半的标题）`, '修改了：描述']);
    }));

  test("an edit of a field someone else changed meanwhile shows theirs below it, to take or to overwrite knowingly", () =>
    asUser(suite, 'office', async ({ context, page }) => {
      const { id, drawer } = await editOpen(page, context);
      const form = drawer.getByTestId('edit-form');
      const description = form.locator('textarea[name=description]');
      await description.fill('我写的描述');

      // Meanwhile someone else rewrites the description: saving would replace theirs, which the user had never seen.
      const read = await apiCall<{ version: number }>(suite.server.url, context, 'GET', `/api/clues/${id}`);
      await apiCall(suite.server.url, context, 'PATCH', `/api/clues/${id}`, { version: read.version, description: '他人写的描述' });
      const theirs = form.getByTestId('theirs-description');
      await theirs.waitFor({ timeout: 10_000 });
      expect(await theirs.textContent()).toBe('他人刚改为：他人写的描述改用此内容');
      expect(await description.inputValue()).toBe('我写的描述');
      expect(await form.textContent()).toContain('您与他人都改了的内容，他人填写的显示在该栏下方');
      expect(await form.getByTestId('theirs-title').count()).toBe(0);
      await page.screenshot({ path: `${artifacts}/edit-collision-zh.png` });

      // Taken, and added to: the notice goes, and what is saved builds on theirs.
      await form.getByTestId('use-theirs-description').click();
      expect(await description.inputValue()).toBe('他人写的描述');
      expect(await theirs.count()).toBe(0);
      await description.fill('他人写的描述；我补充的内容');
      await drawer.getByTestId('action-submit').click();
      await form.waitFor({ state: 'detached' });
      const saved = await apiCall<{ context: { description: string } }>(suite.server.url, context, 'GET', `/api/clues/${id}`);
      expect(saved.context.description).toBe('他人写的描述；我补充的内容');
    }));

  test("a drawer says on time or late only of an item with a deadline: one sent for prosecution has none", () =>
    asUser(suite, 'office', async ({ context, page }) => {
      const campaignId = campaignOf(page);
      const first = async (state: string) => {
        const board = await apiCall<WireBoard>(suite.server.url, context, 'GET', `/api/campaigns/${campaignId}/board?kind=clue&state=${state}&limit=1`);
        const card = board.columns[0]?.cards[0];
        if (card === undefined) throw new Error(`the seed has no ${state} clue`);
        return card.id;
      };
      const drawer = page.getByTestId('detail-panel');
      await page.goto(`${suite.server.url}/campaigns/${campaignId}/board?kind=clue&item=${await first('prosecuted')}`);
      await drawer.locator('.state-pill').waitFor();
      expect(await drawer.getByTestId('detail-level').count()).toBe(0);
      await page.goto(`${suite.server.url}/campaigns/${campaignId}/board?kind=clue&item=${await first('verifying')}`);
      await drawer.getByTestId('detail-level').waitFor();
    }));

  test('a move from the drawer refused because someone else changed the card first shows the card as it is now in the drawer too; the same move made first by someone else is said as theirs', () =>
    asUser(suite, 'office', async ({ context, page }) => {
      const candidate = await movableFoundClue(page, context);
      const id = candidate.id;
      // Offline: the live stream does not tell this page of the other move.
      await page.route('**/api/events**', (route) => route.abort('connectionreset'));
      await page.goto(`${suite.server.url}/campaigns/${campaignOf(page)}/board?q=${id}&item=${id}`);
      const drawer = page.getByTestId('detail-panel');
      await drawer.getByTestId('detail-move-verifying').waitFor();
      // Someone else changes its title first: the move is refused, and which card and that it was not moved is said
      // (with several moves in flight, the user can tell which one failed).
      const edited = await apiCall<{ version: number }>(suite.server.url, context, 'PATCH', `/api/clues/${id}`, { version: candidate.version, title: `${candidate.title}（他人改）` });
      await drawer.getByTestId('detail-move-verifying').click();
      await expect.poll(() => page.getByTestId('toast').first().textContent()).toContain(`#${id} 未移动：该事项已被他人修改`);
      await expect.poll(() => drawer.textContent()).toContain('（他人改）');

      // Then someone else makes the very move this user is about to: it is said as done by them, not as a refusal
      // (the card is where the user wanted it).
      const moved = await apiCall<{ version: number }>(suite.server.url, context, 'POST', `/api/clues/${id}/transitions`, { to: 'verifying', version: edited.version });
      expect(moved.version).toBeGreaterThan(edited.version);
      await drawer.getByTestId('detail-move-verifying').click();
      await page.getByTestId('toast').filter({ hasText: `#${id} 已由他人移至“核查中”` }).waitFor();
      expect(await page.getByTestId('toast').filter({ hasText: '已由他人移至' }).getAttribute('class')).toContain('toast-info');
      // Before, the drawer went on saying 新发现 and offering the move just refused.
      await expect.poll(() => drawer.locator('.state-pill').textContent()).toBe(clueStateLabels.verifying.zh);
      expect(await drawer.getByTestId('detail-move-verifying').count()).toBe(0);
      await page.unroute('**/api/events**');
    }));

  test("an officer's move refused because the lead gave the item to someone else meanwhile says so, not only that it was changed", async () => {
    const officer = await signedIn(suite.browser, suite.server.url, 'hantai.officer');
    const lead = await signedIn(suite.browser, suite.server.url, 'hantai.lead');
    try {
      const campaignId = campaignOf(officer.page);
      const me = await apiCall<{ id: number }>(suite.server.url, officer.context, 'GET', '/api/session');
      const leadId = (await apiCall<{ id: number }>(suite.server.url, lead.context, 'GET', '/api/session')).id;
      const board = await apiCall<WireBoard>(suite.server.url, officer.context, 'GET', `/api/campaigns/${campaignId}/board?kind=clue&limit=500`);
      const card = board.columns.flatMap((c) => c.cards).find((c) => c.assigneeId === me.id && c.allowed.some((move) => move.needs.length === 0));
      const to = card?.allowed.find((move) => move.needs.length === 0)?.to;
      if (card === undefined || to === undefined) throw new Error('the demo has a hantai clue its officer may move with nothing more to give');
      const { page } = officer;
      // Offline: the live stream does not tell this page of the reassignment.
      await page.route('**/api/events**', (route) => route.abort('connectionreset'));
      await page.goto(`${suite.server.url}/campaigns/${campaignId}/board?q=${card.id}&item=${card.id}`);
      const drawer = page.getByTestId('detail-panel');
      await drawer.getByTestId(`detail-move-${to}`).waitFor();
      const given = await apiCall<{ assigneeName: string }>(suite.server.url, lead.context, 'PATCH', `/api/clues/${card.id}`, { version: card.version, assigneeId: leadId });
      await drawer.getByTestId(`detail-move-${to}`).click();
      // It had said only 未移动：该事项已被他人修改, and the drawer's buttons then went without a word.
      await page.getByTestId('toast').filter({ hasText: `#${card.id} 未移动：已由他人改派给${given.assigneeName}，此项已不由您办理` }).waitFor();
      await expect.poll(() => drawer.getByTestId(`detail-move-${to}`).count()).toBe(0);
    } finally {
      await officer.context.close();
      await lead.context.close();
    }
  });

  test('an officer finds their own work first in the assignee filter, "我承办的", on the board and in the lists', () =>
    asUser(suite, 'hantai.officer', async ({ context, page }) => {
      const { id: myId } = await apiCall<{ id: number }>(suite.server.url, context, 'GET', '/api/session');
      const picker = page.locator('select[name=assignee]');
      await picker.locator('option', { hasText: '我承办的' }).waitFor({ state: 'attached' });
      // First after "everyone", and the officer is not listed a second time by name.
      const values = await picker.locator('option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
      expect(values.slice(0, 2)).toEqual(['', String(myId)]);
      expect(values.filter((v) => v === String(myId))).toHaveLength(1);
      await picker.selectOption({ label: '我承办的' });
      await page.waitForURL(new RegExp(`assignee=${myId}`));
      const board = await apiCall<WireBoard>(suite.server.url, context, 'GET', `/api/campaigns/${campaignOf(page)}/board?kind=clue&assignee=${myId}`);
      const mine = board.columns.flatMap((c) => c.cards);
      expect(mine.length).toBeGreaterThan(0);
      expect(mine.every((c) => c.assigneeId === myId)).toBe(true);
      await expect.poll(() => page.locator('[data-testid^=card-]:not([data-dnd-placeholder])').count()).toBeGreaterThan(0);
      expect(await picker.locator('option:checked').textContent()).toBe('我承办的');
      // The lists offer it too, and keep it chosen from the address.
      await page.goto(`${suite.server.url}/campaigns/${campaignOf(page)}/lists/clues?assignee=${myId}`);
      const listPicker = page.locator('[data-testid=list-filters] select[name=assignee]');
      await expect.poll(() => listPicker.locator('option:checked').textContent()).toBe('我承办的');
    }));

  test('the office finds the cards no one holds from the assignee filter, 未指定承办人, as the lists offer it', () =>
    asUser(suite, 'office', async ({ context, page }) => {
      const picker = page.locator('select[name=assignee]');
      await picker.selectOption({ label: '未指定承办人' });
      await page.waitForURL(/assignee=none/);
      const board = await apiCall<WireBoard>(suite.server.url, context, 'GET', `/api/campaigns/${campaignOf(page)}/board?kind=clue&assignee=none`);
      // The main columns' cards (the side columns are collapsed).
      const nobodys = board.columns.filter((c) => !['unfounded', 'merged'].includes(c.state)).flatMap((c) => c.cards).map((c) => c.id);
      expect(nobodys.length).toBeGreaterThan(0);
      await expect.poll(async () => (await cardIds(page)).sort((a, b) => a - b)).toEqual([...nobodys].sort((a, b) => a - b));
      expect(await picker.locator('option:checked').textContent()).toBe('未指定承办人');
      // Kept from the address on a reload.
      await page.reload();
      await expect.poll(() => picker.locator('option:checked').textContent()).toBe('未指定承办人');
    }));

  test('销号 closes a problem for good: it is confirmed in a dialog, with room for the check\'s note; cancelled, nothing moves', () =>
    asUser(suite, 'office', async ({ context, page }) => {
      const board = await apiCall<WireBoard>(suite.server.url, context, 'GET', `/api/campaigns/${campaignOf(page)}/board?kind=problem&state=rectified&limit=50`);
      const problem = board.columns.flatMap((c) => c.cards).find((c) => c.state === 'rectified');
      if (problem === undefined) throw new Error('the seed has a problem waiting for its check');
      await page.goto(`${suite.server.url}/campaigns/${campaignOf(page)}/board?kind=problem&q=${problem.id}&item=${problem.id}`);
      const drawer = page.getByTestId('detail-panel');
      await drawer.getByTestId('detail-move-verified').click();
      const dialog = page.getByTestId('move-dialog');
      await dialog.waitFor();
      expect(await dialog.textContent()).toContain('备注（选填）');
      await dialog.getByRole('button', { name: '取消' }).click();
      await dialog.waitFor({ state: 'detached' });
      expect((await apiCall<{ state: string }>(suite.server.url, context, 'GET', `/api/problems/${problem.id}`)).state).toBe('rectified');

      // Confirmed with the check's note: closed, and the note is in its history.
      await drawer.getByTestId('detail-move-verified').click();
      await dialog.locator('textarea[name=note]').fill('现场复核，整改到位');
      await dialog.getByTestId('move-submit').click();
      await dialog.waitFor({ state: 'detached' });
      await expect.poll(async () => (await apiCall<{ state: string }>(suite.server.url, context, 'GET', `/api/problems/${problem.id}`)).state).toBe('verified');
      const history = await apiCall<{ event: string; payload: { note?: string } }[]>(suite.server.url, context, 'GET', `/api/problems/${problem.id}/history`);
      // The problem's own last entry: the close also resolved the escalation the demo's overdue problem had, a line of its own.
      expect(history.filter((entry) => !entry.event.startsWith('escalation.')).at(-1)).toMatchObject({ event: 'problem.verify', payload: { note: '现场复核，整改到位' } });
    }));

  test('a move by someone else leaves the scroll position of the column it changes where it was', () =>
    asUser(suite, 'office', async ({ context, page }) => {
      const column = page.locator('[data-testid=column-found] .column-body');
      await column.evaluate((el) => el.scrollTo({ top: 400 }));
      await expect.poll(() => column.evaluate((el) => el.scrollTop)).toBe(400);
      const moved = (await foundClues(page, context)).at(-1);
      if (moved === undefined) throw new Error('no found clue');
      const [assignee] = await apiCall<{ id: number }[]>(suite.server.url, context, 'GET', `/api/users?unit=${moved.unitId}`);
      const countBefore = await page.getByTestId('count-found').textContent();
      await apiCall(suite.server.url, context, 'POST', `/api/clues/${moved.id}/transitions`, { to: 'verifying', version: moved.version, payload: { assigneeId: assignee?.id } });
      // The change arrived: the column's count went down by the card that left it.
      await expect.poll(() => page.getByTestId('count-found').textContent(), { timeout: 10_000 }).not.toBe(countBefore);
      expect(await column.evaluate((el) => el.scrollTop)).toBe(400);
    }));

  test('two changes to one column in quick succession, the first re-read slow to answer: the column ends as the server has it', () =>
    asUser(suite, 'office', async ({ context, page }) => {
      const campaignId = campaignOf(page);
      const title = '刷新先后测试线索';
      const [assignee] = await apiCall<{ id: number }[]>(suite.server.url, context, 'GET', '/api/users?unit=hantai');
      const create = () => apiCall<WireCard>(suite.server.url, context, 'POST', '/api/clues', { campaignId, unitId: 'hantai', assigneeId: assignee?.id, title, source: 'other' }, 201);
      const first = await create();
      const second = await create();
      await page.goto(`${suite.server.url}/campaigns/${campaignId}/board?q=${encodeURIComponent(title)}`);
      await card(page, 'found', second.id).waitFor();
      await page.locator('[data-testid=live-indicator][data-status=live]').waitFor();

      // The first re-read of the verifying column (after the first move) is answered by the server at once, but
      // its answer reaches the page only after the second re-read's, or after 2 s if the board sends no second
      // re-read while the first is out: a slow connection, made certain. Either way its answer is older news.
      let verifyingReads = 0;
      let firstRead: () => void = () => undefined;
      const firstReadDone = new Promise<void>((resolve) => (firstRead = resolve));
      let secondAnswered: () => void = () => undefined;
      const secondDone = new Promise<void>((resolve) => (secondAnswered = resolve));
      let olderDelivered: () => void = () => undefined;
      const olderDone = new Promise<void>((resolve) => (olderDelivered = resolve));
      await page.route(/\/api\/campaigns\/\d+\/board\?.*state=verifying/, async (route) => {
        verifyingReads += 1;
        const mine = verifyingReads;
        const response = await route.fetch();
        if (mine === 1) {
          firstRead();
          await Promise.race([secondDone, new Promise((resolve) => setTimeout(resolve, 2_000))]);
        }
        await route.fulfill({ response });
        if (mine === 1) olderDelivered();
        if (mine === 2) secondAnswered();
      });
      await apiCall(suite.server.url, context, 'POST', `/api/clues/${first.id}/transitions`, { to: 'verifying', version: first.version });
      await firstReadDone;
      await apiCall(suite.server.url, context, 'POST', `/api/clues/${second.id}/transitions`, { to: 'verifying', version: second.version });
      await card(page, 'verifying', second.id).waitFor({ timeout: 10_000 });
      // The held answer (the column with the first clue only) has arrived, and did not undo the second move.
      await olderDone;
      await page.waitForTimeout(500);
      expect(await card(page, 'verifying', second.id).count()).toBe(1);
      expect(await card(page, 'verifying', first.id).count()).toBe(1);
      expect(await page.locator('[data-testid=column-found] [data-testid^=card-]').count()).toBe(0);
      expect(verifyingReads).toBe(2);
    }));

  test('a change made after the board was read but before its live stream opened still reaches the board', () =>
    asUser(suite, 'office', async ({ context, page }) => {
      const moved = (await foundClues(page, context)).at(-2);
      if (moved === undefined) throw new Error('no found clue');
      // The stream is held back until the change is made: a stream opened from "now" would never carry it.
      let openStream = () => {};
      const streamHeld = new Promise<void>((resolve) => (openStream = resolve));
      await page.route('**/api/events**', async (route) => {
        await streamHeld;
        await route.continue();
      });
      await page.goto(`${suite.server.url}/campaigns/${campaignOf(page)}/board?q=${moved.id}`);
      await card(page, 'found', moved.id).waitFor();
      const [assignee] = await apiCall<{ id: number }[]>(suite.server.url, context, 'GET', `/api/users?unit=${moved.unitId}`);
      await apiCall(suite.server.url, context, 'POST', `/api/clues/${moved.id}/transitions`, { to: 'verifying', version: moved.version, payload: { assigneeId: assignee?.id } });
      openStream();
      await card(page, 'verifying', moved.id).waitFor({ timeout: 10_000 });
      expect(await page.locator(`[data-testid=column-found] [data-testid=card-${moved.id}]`).count()).toBe(0);
    }));

  test('filters and lanes live in the URL: a shared link opens the same filtered board elsewhere', () =>
    asUser(suite, 'office', async ({ context, page }) => {
      await page.locator('select[name=unit]').selectOption('hantai');
      await page.locator('input[name=escalated]').check();
      await page.locator('select[name=swimlane]').selectOption('unit');
      await page.waitForURL(/unit=hantai/);
      await page.waitForURL(/escalated=true/);
      await page.waitForURL(/swimlane=unit/);
      await page.locator('[data-testid=board]:not(.is-loading) [data-testid=lanes]').waitFor();
      await page.locator('[data-testid=lane-hantai]').waitFor();
      const shared = page.url();
      const campaign = campaignOf(page);
      const expected = await apiCall<WireBoard>(suite.server.url, context, 'GET', `/api/campaigns/${campaign}/board?kind=clue&unit=hantai&escalated=true&swimlane=unit`);
      const expectedIds = expected.columns.flatMap((c) => c.cards.map((x) => x.id)).sort((x, y) => x - y);
      expect(expectedIds.length).toBeGreaterThan(0);
      await expect.poll(async () => (await cardIds(page)).sort((x, y) => x - y)).toEqual(expectedIds);
      expect(expected.columns.flatMap((c) => c.cards).every((x) => x.unitId === 'hantai')).toBe(true);

      // Someone else, in a fresh browser, opens the link: same board, same controls.
      const other = await signedIn(suite.browser, suite.server.url, 'office', { path: new URL(shared).pathname + new URL(shared).search });
      try {
        await other.page.locator('[data-testid=lanes]').waitFor();
        expect(other.page.url()).toBe(shared);
        await expect.poll(async () => (await cardIds(other.page)).sort((x, y) => x - y)).toEqual(expectedIds);
        expect(await other.page.locator('select[name=unit]').inputValue()).toBe('hantai');
        expect(await other.page.locator('input[name=escalated]').isChecked()).toBe(true);
        expect(await other.page.locator('select[name=swimlane]').inputValue()).toBe('unit');
        expect(await other.page.locator('[data-testid^=lane-]').count()).toBe(1);
      } finally {
        await other.context.close();
      }
    }));

  test('unit swimlanes show each unit’s count against the WIP limit and highlight the cells over it', () =>
    asUserOn(suite, 'office', '/campaigns/1/board?swimlane=unit', async ({ context, page }) => {
      await page.locator('[data-testid=board]:not(.is-loading) [data-testid=lanes]').waitFor();
      const board = await apiCall<WireBoard>(suite.server.url, context, 'GET', `/api/campaigns/${campaignOf(page)}/board?kind=clue&swimlane=unit&limit=1`);
      const over = board.lanes.flatMap((lane) => lane.over.map((state) => `cell-${lane.key}-${state}`));
      expect(over.length).toBeGreaterThan(0);
      const shown = await page.locator('[data-testid^=cell-][data-over=true]').evaluateAll((els) => els.map((el) => el.getAttribute('data-testid')));
      expect(shown.sort()).toEqual([...over].sort());
      const first = board.lanes.find((lane) => lane.over.length > 0);
      const state = first?.over[0] ?? '';
      await expect.poll(() => page.getByTestId(`cell-${first?.key}-${state}`).getByTestId('wip').textContent()).toMatch(new RegExp(`${first?.counts[state]}/\\d+`));
      await page.screenshot({ path: `${artifacts}/board-lanes-zh.png` });

      // Filtered to one card of that cell (its number), the unit is over all the same: the cell shows the card the
      // filter shows beside all the unit's cards there against the limit, and the board without lanes counts the unit.
      const card = (await apiCall<WireBoard>(suite.server.url, context, 'GET', `/api/campaigns/${campaignOf(page)}/board?kind=clue&unit=${first?.key}&state=${state}&limit=500`)).columns[0]?.cards.find((c) => c.unitId === first?.key);
      await page.goto(`${suite.server.url}/campaigns/${campaignOf(page)}/board?swimlane=unit&q=${card?.id}`);
      await page.locator('[data-testid=board]:not(.is-loading) [data-testid=lanes]').waitFor();
      const filtered = page.getByTestId(`cell-${first?.key}-${state}`);
      expect(await filtered.getAttribute('data-over')).toBe('true');
      expect(await filtered.getByTestId('wip').textContent()).toMatch(new RegExp(`⚠ ${first?.held[state]}/\\d+`));
      expect(await filtered.getByTestId('shown').textContent()).toMatch(/^1 ·/);
      await page.goto(`${suite.server.url}/campaigns/${campaignOf(page)}/board?q=${card?.id}`);
      await page.locator('[data-testid=board]:not(.is-loading)').waitFor();
      const unitsOver = board.columns.find((c) => c.state === state)?.unitsOver;
      await expect.poll(() => page.getByTestId(`units-over-${state}`).textContent()).toContain(`${unitsOver}`);
      await page.goto(`${suite.server.url}/campaigns/${campaignOf(page)}/board?swimlane=unit`);
      await page.locator('[data-testid=board]:not(.is-loading) [data-testid=lanes]').waitFor();

      // The office raises that column's limit: the open board shows the new limit live and the cell is no longer over it.
      const path = `/api/campaigns/${campaignOf(page)}/settings`;
      const settings = await apiCall<{ revision: number; config: { wipLimits: { clue: Record<string, number>; problem: Record<string, number> } } }>(suite.server.url, context, 'GET', path);
      const raised = { ...settings.config.wipLimits, clue: { ...settings.config.wipLimits.clue, [state]: 500 } };
      await apiCall(suite.server.url, context, 'PATCH', path, { revision: settings.revision, wipLimits: raised });
      const cell = page.getByTestId(`cell-${first?.key}-${state}`);
      await expect.poll(() => cell.getByTestId('wip').textContent()).toMatch(new RegExp(`${first?.counts[state]}/500`));
      expect(await cell.getAttribute('data-over')).not.toBe('true');
      const now = await apiCall<{ revision: number }>(suite.server.url, context, 'GET', path);
      await apiCall(suite.server.url, context, 'PATCH', path, { revision: now.revision, wipLimits: settings.config.wipLimits });
    }));

  test('a clue titled with markup shows the markup as text and runs nothing', () =>
    asUser(suite, 'office', async ({ context, page }) => {
      const dialogs: string[] = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      const title = '<img src=x onerror=alert(1)>';
      const created = await apiCall<{ id: number }>(suite.server.url, context, 'POST', '/api/clues', { campaignId: campaignOf(page), unitId: 'hantai', title, source: 'other' }, 201);
      await page.goto(`${suite.server.url}/campaigns/${campaignOf(page)}/board?q=${created.id}&item=${created.id}`);
      const shown = page.locator(`[data-testid=card-${created.id}]`);
      await shown.waitFor();
      await page.getByTestId('detail-panel').locator('.detail-title').waitFor();
      expect(await shown.locator('.card-title').textContent()).toBe(title);
      expect(await page.getByTestId('detail-panel').locator('.detail-title').textContent()).toBe(title);
      expect(await shown.locator('img').count()).toBe(0);
      expect(await page.locator('img').count()).toBe(0);
      // Give an onerror handler every chance to have run.
      await page.waitForTimeout(500);
      expect(dialogs).toEqual([]);
    }));

  test('a side column shows its count while collapsed and reads its cards when opened, in the server\'s order, once', () =>
    asUser(suite, 'office', async ({ context, page }) => {
      const whole = page.waitForResponse((r) => /\/api\/campaigns\/\d+\/board\?/.test(r.url()) && !r.url().includes('state='));
      await page.goto(`${suite.server.url}/campaigns/${campaignOf(page)}/board`);
      const side = ((await (await whole).json()) as WireBoard).columns.find((c) => c.state === 'unfounded');
      // The whole board brings the side column's count, not its cards.
      expect(side?.cards).toEqual([]);
      expect(side?.count).toBeGreaterThan(0);
      await expect.poll(() => page.getByTestId('toggle-unfounded').textContent()).toContain(String(side?.count));
      const firstPage = await apiCall<WireBoard>(suite.server.url, context, 'GET', `/api/campaigns/${campaignOf(page)}/board?kind=clue&state=unfounded`);
      const expected = firstPage.columns[0]?.cards.map((c) => c.id) ?? [];
      expect(expected.length).toBeGreaterThan(0);

      await page.getByTestId('toggle-unfounded').click();
      const column = '[data-testid=column-unfounded]';
      await page.locator(`${column} [data-testid=card-${expected[0]}]`).waitFor();
      const shown = await cardIds(page, column);
      expect(shown).toEqual(expected.slice(0, shown.length));
      // Closed and opened again: the cards already read are kept, none twice.
      await page.getByTestId('toggle-unfounded').click();
      await page.getByTestId('toggle-unfounded').click();
      await page.locator(`${column} [data-testid=card-${expected[0]}]`).waitFor();
      const again = await cardIds(page, column);
      expect(new Set(again).size).toBe(again.length);
      expect(again).toEqual(expected.slice(0, again.length));
    }));

  test('a change by someone else to a collapsed side column updates its count with one card read; opened, it shows its first page', () =>
    asUser(suite, 'office', async ({ context, page }) => {
      await page.locator('[data-testid=live-indicator][data-status=live]').waitFor();
      const countShown = async () => Number((await page.getByTestId('toggle-unfounded').textContent())?.replace(/\D/g, ''));
      const before = await countShown();
      const reads: URL[] = [];
      page.on('request', (r) => {
        const url = new URL(r.url());
        if (url.pathname.endsWith('/board') && url.searchParams.get('state') === 'unfounded') reads.push(url);
      });
      const verifying = await apiCall<WireBoard>(suite.server.url, context, 'GET', `/api/campaigns/${campaignOf(page)}/board?kind=clue&state=verifying&limit=500`);
      const clue = verifying.columns[0]?.cards.find((c) => c.allowed.some((m) => m.to === 'unfounded'));
      if (clue === undefined) throw new Error('the seed has no verifying clue the office may dismiss');
      await apiCall(suite.server.url, context, 'POST', `/api/clues/${clue.id}/transitions`, { to: 'unfounded', version: clue.version, payload: { conclusion: '经核查，举报内容与事实不符。' } });

      await expect.poll(countShown, { timeout: 10_000 }).toBe(before + 1);
      // Collapsed, the column was read for its count and one card, not a page of cards no one sees.
      expect(reads.length).toBeGreaterThan(0);
      expect(reads.map((url) => url.searchParams.get('limit'))).toEqual(reads.map(() => '1'));

      const firstPage = await apiCall<WireBoard>(suite.server.url, context, 'GET', `/api/campaigns/${campaignOf(page)}/board?kind=clue&state=unfounded`);
      const expected = firstPage.columns[0]?.cards.map((c) => c.id) ?? [];
      await page.getByTestId('toggle-unfounded').click();
      const column = '[data-testid=column-unfounded]';
      await page.locator(`${column} [data-testid=card-${expected[0]}]`).waitFor();
      await expect.poll(async () => (await cardIds(page, column)).length).toBeGreaterThan(1);
      const shown = await cardIds(page, column);
      expect(shown).toEqual(expected.slice(0, shown.length));
    }));

  test('the side columns opened stay open after a reload, Back and Forward follow them, and a link naming one there is none of is refused by name', () =>
    asUser(suite, 'office', async ({ page }) => {
      const board = `${suite.server.url}/campaigns/${campaignOf(page)}/board`;
      const opened = (state: string) => page.getByTestId(`column-${state}`).getByTestId(`toggle-${state}`).getAttribute('aria-expanded');
      await page.getByTestId('toggle-unfounded').click();
      await page.waitForURL(/[?&]side=unfounded(&|$)/);
      await page.locator('[data-testid=column-unfounded] [data-testid^=card-]').first().waitFor();
      await page.reload();
      await page.locator('[data-testid=column-unfounded] [data-testid^=card-]').first().waitFor();
      expect(await opened('unfounded')).toBe('true');
      expect(await opened('merged')).toBe('false');

      // Both open, in the order the board draws them; Back closes the one opened last, Forward opens it again.
      await page.getByTestId('toggle-merged').click();
      await page.waitForURL((url) => url.searchParams.get('side') === 'unfounded,merged');
      await expect.poll(() => opened('merged')).toBe('true');
      await page.goBack();
      await expect.poll(() => opened('merged')).toBe('false');
      expect(await opened('unfounded')).toBe('true');
      await page.goForward();
      await expect.poll(() => opened('merged')).toBe('true');
      // Closed again, the address no longer names it.
      await page.getByTestId('column-unfounded').getByTestId('toggle-unfounded').click();
      await page.waitForURL((url) => url.searchParams.get('side') === 'merged');
      await page.getByTestId('column-merged').getByTestId('toggle-merged').click();
      await page.waitForURL((url) => !url.searchParams.has('side'));

      await page.goto(`${board}?side=unfound`);
      await expect.poll(() => page.getByTestId('board-failed').textContent()).toContain('展开的侧栏');
      expect(await page.getByTestId('board-failed').textContent()).toContain('unfounded,merged');
    }));

  test('a search typed and a box ticked before the search’s pause both hold: the search is neither lost from the box nor from the address', () =>
    asUser(suite, 'office', async ({ page }) => {
      const search = page.locator('.toolbar input[name=q]');
      // Typed and ticked at once, well within the search's 300 ms pause.
      await search.fill('汉台');
      await page.locator('input[name=overdue]').check();
      await page.waitForURL((url) => url.searchParams.get('overdue') === 'true');
      await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('汉台');
      // Past the pause, nothing changes the address again, and the box still holds what was typed.
      await page.waitForTimeout(500);
      expect(new URL(page.url()).searchParams.get('q')).toBe('汉台');
      expect(new URL(page.url()).searchParams.get('overdue')).toBe('true');
      expect(await search.inputValue()).toBe('汉台');
    }));

  test('a filter that leaves no card says so above the columns, naming the filters, and its button clears them and brings the cards back', () =>
    asUser(suite, 'office', async ({ page }) => {
      const board = `${suite.server.url}/campaigns/${campaignOf(page)}/board`;
      const empty = page.getByTestId('board-empty');
      expect(await cardIds(page)).not.toEqual([]);
      expect(await empty.count()).toBe(0);
      await page.goto(`${board}?q=${encodeURIComponent('没有这条线索')}&overdue=true`);
      await empty.waitFor();
      expect(await empty.textContent()).toContain('没有符合筛选条件的线索');
      expect(await empty.textContent()).toContain(`筛选条件：${messages.overdueOnly.zh}、搜索`);
      // The columns are still there, each empty.
      expect(await page.getByTestId('column-verifying').count()).toBe(1);
      expect(await cardIds(page)).toEqual([]);

      await empty.getByTestId('board-empty-clear').click();
      await page.waitForURL((url) => !url.searchParams.has('q') && !url.searchParams.has('overdue'));
      await expect.poll(async () => (await cardIds(page)).length).toBeGreaterThan(0);
      expect(await empty.count()).toBe(0);
      expect(await page.locator('.toolbar input[name=q]').inputValue()).toBe('');
      expect(await page.locator('input[name=overdue]').isChecked()).toBe(false);
      // The button went with the message: the focus is where the toolbar's own "clear" leaves it.
      expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('q');

      // The problems' board says it of problems.
      await page.goto(`${board}?kind=problem&q=${encodeURIComponent('没有这个问题')}`);
      await expect.poll(() => empty.textContent()).toContain('没有符合筛选条件的问题');
    }));

  test('a campaign with no clue yet says so, not that a filter hid them, and offers a new clue to the office only', () =>
    asUser(suite, 'office', async ({ context, page }) => {
      const created = await apiCall<{ id: number }>(suite.server.url, context, 'POST', '/api/campaigns', { code: 'empty-board-2027', nameZh: '空看板专项', nameEn: 'Empty board campaign', startsOn: '2027-01-01', endsOn: '2027-12-31' }, 201);
      const board = `${suite.server.url}/campaigns/${created.id}/board`;
      await page.goto(board);
      const empty = page.getByTestId('board-empty');
      await expect.poll(() => empty.textContent()).toContain('本专项行动还没有线索');
      expect(await empty.getByTestId('board-empty-clear').count()).toBe(0);
      await empty.getByTestId('board-empty-create').click();
      await page.getByTestId('create-dialog').waitFor();
      await asUser(suite, 'viewer', async (viewer) => {
        await viewer.page.goto(board);
        await expect.poll(() => viewer.page.getByTestId('board-empty').textContent()).toContain('本专项行动还没有线索');
        expect(await viewer.page.getByTestId('board-empty-create').count()).toBe(0);
      });
    }));

  test('a long column renders only the cards in view; the down arrow walks on past them, End to the last, and the focused card stays when scrolled away', () =>
    asUser(suite, 'office', async ({ context, page }) => {
      const { column, loaded } = await longestColumn(page, context);
      await page.locator(`${column} [data-testid=card-${loaded[0]}]`).waitFor();
      const first = await cardIds(page, column);
      // Far fewer in the DOM than the column holds, and the first ones in the server's order.
      expect(first.length).toBeLessThan(loaded.length / 2);
      expect(first).toEqual(loaded.slice(0, first.length));

      // Down from the first card: the column scrolls and renders on.
      await page.locator(`${column} [data-testid=card-${loaded[0]}]`).focus();
      const steps = first.length + 4;
      for (let i = 0; i < steps; i++) await page.keyboard.press('ArrowDown');
      const focused = `card-${loaded[steps]}`;
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(focused);
      expect(await page.locator(`${column} .column-body`).evaluate((el) => el.scrollTop)).toBeGreaterThan(0);

      // Scrolled back to the top with the wheel: the focused card is no longer in view but keeps its element and the focus.
      await page.locator(`${column} .column-body`).evaluate((el) => el.scrollTo({ top: 0 }));
      await page.locator(`${column} [data-testid=card-${loaded[0]}]`).waitFor();
      await page.waitForTimeout(200);
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(focused);
      const below = await page
        .locator(`${column} [data-testid=${focused}]`)
        .evaluate((card) => card.getBoundingClientRect().top >= (card.closest('.column-body')?.getBoundingClientRect().bottom ?? 0));
      expect(below).toBe(true);
      await page.keyboard.press('m');
      await page.locator(`[data-testid=${focused}] [role=menu]`).waitFor();
      await page.keyboard.press('Escape');
      // End, from there: the last card read, rendered and scrolled to however far below the window it was.
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(focused);
      await page.keyboard.press('End');
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(`card-${loaded.at(-1)}`);

      // At the bottom, the last card read is there.
      await page.locator(`${column} .column-body`).evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
      await page.locator(`${column} [data-testid=card-${loaded.at(-1)}]`).waitFor();
      expect((await cardIds(page, column)).length).toBeLessThan(loaded.length / 2);
    }));

  test('the card open in the drawer keeps its element when its column scrolls away from it, for the focus to go back to when the drawer closes', () =>
    asUser(suite, 'office', async ({ context, page }) => {
      const { column, loaded } = await longestColumn(page, context);
      const last = `card-${loaded.at(-1)}`;
      // Opened from the bottom of its column, by a click, as a user does; then the column scrolled back to its top.
      await page.locator(`${column} [data-testid=card-${loaded[0]}]`).waitFor();
      await page.locator(`${column} .column-body`).evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
      await page.locator(`${column} [data-testid=${last}] .card-title`).click();
      // Read in the drawer: a click on its title puts the focus there, away from the card.
      await page.getByTestId('detail-panel').locator('.detail-title').click();
      await page.locator(`${column} .column-body`).evaluate((el) => el.scrollTo({ top: 0 }));
      await page.locator(`${column} [data-testid=card-${loaded[0]}]`).waitFor();
      await page.waitForTimeout(300);
      // Far from the cards in view, and not focused (the focus is in the drawer): still there.
      expect(await page.evaluate(() => document.activeElement?.closest('[data-testid=detail-panel]') !== null)).toBe(true);
      expect(await page.locator(`${column} [data-testid=${last}]`).count()).toBe(1);
      expect((await cardIds(page, column)).length).toBeLessThan(loaded.length / 2);

      await page.keyboard.press('Escape');
      await page.getByTestId('detail-panel').waitFor({ state: 'detached' });
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(last);
    }));

  test('a viewer sees the board but cannot move anything: no drag, no move menu, no new item', () =>
    asUser(suite, 'viewer', async ({ context, page }) => {
      const first = page.locator('[data-testid=column-found] [data-testid^=card-]').first();
      await first.waitFor();
      const id = Number((await first.getAttribute('data-testid'))?.slice('card-'.length));
      expect(await page.locator('[data-testid=board] [data-draggable=true]').count()).toBe(0);
      // A card is still a button that opens its details: not announced as unavailable, nor as draggable.
      expect(await first.getAttribute('aria-disabled')).not.toBe('true');
      expect(await first.getAttribute('aria-roledescription')).toBe('卡片');
      expect(await page.locator(`#${await first.getAttribute('aria-describedby')}`).textContent()).toBe(messages.cardHelp.zh);
      expect(await page.getByTestId('move-menu').count()).toBe(0);
      expect(await page.getByTestId('create').count()).toBe(0);
      // Nor an import: the navigation leaves it out.
      await page.getByTestId('nav-lists').waitFor();
      expect(await page.getByTestId('nav-import').count()).toBe(0);

      const from = await first.boundingBox();
      const to = await page.getByTestId('column-verifying').boundingBox();
      if (from === null || to === null) throw new Error('card or column not on screen');
      await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
      await page.mouse.down();
      await page.mouse.move(from.x + from.width / 2 + 20, from.y + 20, { steps: 5 });
      await page.mouse.move(to.x + to.width / 2, to.y + 200, { steps: 20 });
      expect(await page.locator('[data-testid=board].is-dragging').count()).toBe(0);
      await page.mouse.up();
      await page.keyboard.press('Escape');
      await first.focus();
      await page.keyboard.press('m');
      expect(await page.locator('[role=menu]').count()).toBe(0);
      await page.waitForTimeout(500);
      expect(await page.locator(`[data-testid=column-found] [data-testid=card-${id}]`).count()).toBe(1);
      const item = await apiCall<{ state: string }>(suite.server.url, context, 'GET', `/api/clues/${id}`);
      expect(item.state).toBe('found');
      // Nor from its drawer.
      await page.goto(`${suite.server.url}/campaigns/${campaignOf(page)}/board?item=${id}`);
      await page.getByTestId('detail-panel').getByTestId('history').waitFor();
      expect(await page.getByTestId('detail-moves').count()).toBe(0);
    }));

  test('the detail drawer edits a card: the new title shows on the board; screenshots in Chinese and English', () =>
    asUser(suite, 'office', async ({ context, page }) => {
      await page.screenshot({ path: `${artifacts}/board-zh.png` });
      const id = Number((await page.locator('[data-testid=column-verifying] [data-testid^=card-]').first().getAttribute('data-testid'))?.slice('card-'.length));
      await page.locator(`[data-testid=card-${id}] .card-title`).click();
      const drawer = page.getByTestId('detail-panel');
      await drawer.locator('.detail-title').waitFor();
      await drawer.getByTestId('item-escalations').waitFor();
      // Saved with nothing changed, the form closes saying so (it said a field was marked, and marked none).
      await drawer.getByTestId('action-edit').click();
      await drawer.getByTestId('action-submit').click();
      await drawer.getByTestId('edit-form').waitFor({ state: 'detached' });
      await page.getByTestId('toast').filter({ hasText: '没有修改，无需保存' }).waitFor();
      await drawer.getByTestId('action-edit').click();
      const title = '已编辑：跨省“跑分”平台为境外诈骗团伙洗钱，涉及多个银行账户和第三方支付通道的长标题';
      await drawer.locator('input[name=title]').fill(title);
      await page.screenshot({ path: `${artifacts}/detail-drawer-zh.png` });
      await drawer.getByTestId('action-submit').click();
      await drawer.getByTestId('edit-form').waitFor({ state: 'detached' });
      await expect.poll(() => page.locator(`[data-testid=card-${id}] .card-title`).textContent(), { timeout: 10_000 }).toBe(title);
      await expect.poll(() => drawer.locator('.detail-title').textContent()).toBe(title);
      const item = await apiCall<{ title: string }>(suite.server.url, context, 'GET', `/api/clues/${id}`);
      expect(item.title).toBe(title);

      await drawer.getByTestId('action-transfer').click();
      await page.getByTestId('lang-toggle').click();
      await expect.poll(() => page.getByTestId('column-found').locator('h2').textContent()).toBe(clueStateLabels.found.en);
      await page.screenshot({ path: `${artifacts}/detail-drawer-en.png` });
      await page.keyboard.press('Escape');
      await drawer.waitFor({ state: 'detached' });
      await page.screenshot({ path: `${artifacts}/board-en.png` });
    }));

  test('a long report pasted into a work note is kept whole: past 4,000 characters the box says by how much and will not send it, the draft keeps all of it, and back at 4,000 it is saved', () =>
    asUser(suite, 'office', async ({ context, page }) => {
      const id = Number((await page.locator('[data-testid=column-filed] [data-testid^=card-]').nth(1).getAttribute('data-testid'))?.slice('card-'.length));
      const before = await apiCall<{ version: number }>(suite.server.url, context, 'GET', `/api/clues/${id}`);
      await page.locator(`[data-testid=card-${id}] .card-title`).click();
      const drawer = page.getByTestId('detail-panel');
      await drawer.getByTestId('history').waitFor();
      await drawer.getByTestId('action-note').click();
      const box = drawer.locator('textarea[name=text]');
      const form = drawer.getByTestId('note-form');
      const count = drawer.getByTestId('count-text');
      const said = drawer.getByTestId('error-text');

      // Below 80 % of the limit nothing is counted; near it, a quiet count.
      await box.fill('长'.repeat(3000));
      expect(await count.textContent()).toBe('');
      await box.fill('长'.repeat(3950));
      await expect.poll(() => count.textContent()).toBe('3,950 / 4,000');
      expect(await said.textContent()).toBe('');
      await form.screenshot({ path: `${artifacts}/note-near-limit-zh.png` });

      // A report of 4,100 characters, its end last: all of it stays in the box.
      const report = `${'案情'.repeat(2046)}报告的结尾在此。`;
      expect(report.length).toBe(4100);
      await box.fill(report);
      expect(await box.inputValue()).toBe(report);
      await expect.poll(() => said.textContent()).toBe('进展记录超过 4,000 字上限，多出 100 字');
      expect(await count.textContent()).toBe('4,100 / 4,000');
      expect(await box.getAttribute('aria-invalid')).toBe('true');
      expect((await box.getAttribute('aria-describedby'))?.split(' ')).toContain(await said.getAttribute('id'));
      await form.screenshot({ path: `${artifacts}/note-over-limit-zh.png` });

      // Sent, it is refused in place: the form stays with all of it, the message by the box, nothing stored.
      await drawer.getByTestId('action-submit').click();
      await expect.poll(() => box.evaluate((el) => el === document.activeElement)).toBe(true);
      expect(await said.textContent()).toBe('进展记录超过 4,000 字上限，多出 100 字');
      expect(await box.inputValue()).toBe(report);
      expect((await apiCall<{ version: number }>(suite.server.url, context, 'GET', `/api/clues/${id}`)).version).toBe(before.version);

      // Closed and opened again, the draft is the whole of it.
      await page.keyboard.press('Escape');
      await form.waitFor({ state: 'detached' });
      await drawer.getByTestId('action-note').click();
      expect(await box.inputValue()).toBe(report);
      await expect.poll(() => said.textContent()).toBe('进展记录超过 4,000 字上限，多出 100 字');

      // In English, the same said so.
      await page.getByTestId('lang-toggle').click();
      await expect.poll(() => said.textContent()).toBe('The work note is 100 characters over its 4,000 limit');
      await page.getByTestId('lang-toggle').click();

      // Deleted down to 4,000, the box is within its limit again, and the note is saved whole.
      await box.focus();
      await page.keyboard.press('Control+End');
      for (let i = 0; i < 100; i++) await page.keyboard.press('Backspace');
      expect(await box.inputValue()).toBe(report.slice(0, 4000));
      await expect.poll(() => said.textContent()).toBe('');
      expect(await count.textContent()).toBe('4,000 / 4,000');
      expect(await box.getAttribute('aria-invalid')).toBe('false');
      await drawer.getByTestId('action-submit').click();
      await form.waitFor({ state: 'detached' });
      const history = await apiCall<{ event: string; payload: { text?: string } }[]>(suite.server.url, context, 'GET', `/api/clues/${id}/history`);
      expect(history.at(-1)).toMatchObject({ event: 'clue.note', payload: { text: report.slice(0, 4000) } });
    }));

  test("a long 查否 conclusion is kept whole in the move dialog: near its limit it is counted, past it said over by how much and not sent, and at 4,000 the clue is dismissed with all of it", () =>
    asUser(suite, 'office', async ({ context, page }) => {
      const board = await apiCall<WireBoard>(suite.server.url, context, 'GET', `/api/campaigns/${campaignOf(page)}/board?kind=clue&state=verifying&limit=100`);
      const clue = (board.columns[0]?.cards ?? []).filter((c) => c.allowed.some((m) => m.to === 'unfounded')).at(-1);
      if (clue === undefined) throw new Error('the seed has no verifying clue the office may dismiss');
      const sent: string[] = [];
      page.on('request', (request) => {
        if (request.method() === 'POST' && request.url().includes(`/clues/${clue.id}/transitions`)) sent.push(request.url());
      });
      await page.goto(`${suite.server.url}/campaigns/${campaignOf(page)}/board?q=${clue.id}`);
      await card(page, 'verifying', clue.id).waitFor();
      await page.locator(`[data-testid=card-${clue.id}]`).hover();
      await page.locator(`[data-testid=card-${clue.id}] [data-testid=move-menu]`).click();
      await page.getByTestId('move-to-unfounded').click();
      const dialog = page.getByTestId('move-dialog');
      const box = dialog.locator('textarea[name=conclusion]');
      const count = dialog.getByTestId('count-conclusion');
      const said = dialog.getByTestId('error-conclusion');

      await box.fill('查'.repeat(3000));
      expect(await count.textContent()).toBe('');
      await box.fill('查'.repeat(3950));
      await expect.poll(() => count.textContent()).toBe('3,950 / 4,000');

      // 4,100 characters, the end last: all of it stays, said over as it is typed, and nothing is sent.
      const conclusion = `${'经核查不属实'.repeat(682)}结论完毕。`;
      expect(conclusion.length).toBe(4097);
      const whole = `${conclusion}结尾处`;
      await box.fill(whole);
      expect(await box.inputValue()).toBe(whole);
      await expect.poll(() => said.textContent()).toBe('核查结论超过 4,000 字上限，多出 100 字');
      expect(await count.textContent()).toBe('4,100 / 4,000');
      expect(await box.getAttribute('aria-invalid')).toBe('true');
      expect((await box.getAttribute('aria-describedby'))?.split(' ')).toContain(await said.getAttribute('id'));
      await dialog.screenshot({ path: `${artifacts}/move-conclusion-over-limit-zh.png` });
      await dialog.getByTestId('move-submit').click();
      await expect.poll(() => box.evaluate((el) => el === document.activeElement)).toBe(true);
      expect(await said.textContent()).toBe('核查结论超过 4,000 字上限，多出 100 字');
      expect(await box.inputValue()).toBe(whole);
      expect(sent).toEqual([]);

      // Cut to 4,000, the clue is dismissed with all of it.
      await box.fill(whole.slice(0, 4000));
      await expect.poll(() => said.textContent()).toBe('');
      expect(await count.textContent()).toBe('4,000 / 4,000');
      await dialog.getByTestId('move-submit').click();
      await dialog.waitFor({ state: 'detached' });
      const history = await apiCall<{ event: string; payload: { conclusion?: string } }[]>(suite.server.url, context, 'GET', `/api/clues/${clue.id}/history`);
      expect(history.at(-1)).toMatchObject({ event: 'clue.dismiss', payload: { conclusion: whole.slice(0, 4000) } });
    }));

  test('a work note written in the drawer goes into the history at the top, with the writer and their line breaks; the state stays, the card says when, and "no progress" leaves it out', () =>
    asUser(suite, 'office', async ({ context, page }) => {
      const id = Number((await page.locator('[data-testid=column-filed] [data-testid^=card-]').first().getAttribute('data-testid'))?.slice('card-'.length));
      const before = await apiCall<{ version: number; state: string }>(suite.server.url, context, 'GET', `/api/clues/${id}`);
      await page.locator(`[data-testid=card-${id}] .card-title`).click();
      const drawer = page.getByTestId('detail-panel');
      await drawer.getByTestId('history').waitFor();
      await drawer.getByTestId('action-note').click();
      // An empty note is stopped on the page, by its field.
      await drawer.getByTestId('action-submit').click();
      await drawer.getByTestId('error-text').filter({ hasText: '必填' }).waitFor();
      const note = '已调取涉案账户流水\n资金流向境外两个账户，待协查';
      await drawer.locator('textarea[name=text]').fill(note);
      await drawer.getByTestId('action-submit').click();
      await drawer.getByTestId('note-form').waitFor({ state: 'detached' });
      const newest = drawer.locator('[data-testid=history] .history-entry').first();
      await expect.poll(() => newest.getByTestId('said-text').textContent(), { timeout: 10_000 }).toBe(note);
      expect(await newest.locator('.history-event').textContent()).toBe('进展记录');
      await page.screenshot({ path: `${artifacts}/work-note-zh.png` });
      const after = await apiCall<{ version: number; state: string; context: { lastNoteAt?: string; unitId: string } }>(suite.server.url, context, 'GET', `/api/clues/${id}`);
      expect(after).toMatchObject({ state: before.state, version: before.version + 1 });
      expect(after.context.lastNoteAt).toBeDefined();
      await expect.poll(() => card(page, 'filed', id).count()).toBe(1);
      // The card on the board now says when it last had a work note.
      await expect.poll(() => card(page, 'filed', id).getByTestId('last-note').count(), { timeout: 10_000 }).toBe(1);
      expect(await card(page, 'filed', id).getByTestId('last-note').getAttribute('title')).toMatch(/^最近进展记录：\d{4}年/);
      expect(await card(page, 'filed', id).getByTestId('last-note').textContent()).toBe('✎ 刚刚');
      // In a 1,000 px window a card is about 180 px wide: beside a "严重超期" badge and the age, a note of
      // "✎ 111天前" goes under the age, whole, instead of being cut to "✎ 1…".
      await page.setViewportSize({ width: 1000, height: 800 });
      await expect
        .poll(() =>
          page.evaluate(() =>
            [...document.querySelectorAll<HTMLElement>('[data-testid=last-note]')].map((note) => {
              const box = note.getBoundingClientRect();
              const cardBox = note.closest('[data-card-id]')?.getBoundingClientRect();
              return { text: note.textContent, whole: note.scrollWidth <= note.clientWidth && cardBox !== undefined && box.right <= cardBox.right && box.left >= cardBox.left };
            }),
          ),
        )
        .toSatisfy((notes: { text: string | null; whole: boolean }[]) => notes.length >= 5 && notes.some((n) => /\d{3}天前/.test(n.text ?? '')) && notes.every((n) => n.whole));
      await page.screenshot({ path: `${artifacts}/board-1000px-zh.png` });
      // The top bar keeps a few characters of the campaign's name at this width (the product's name gives way).
      expect(await page.locator('.campaign-name').evaluate((el) => el.getBoundingClientRect().width)).toBeGreaterThan(40);
      await page.setViewportSize({ width: 1600, height: 900 });

      // A transfer's entry names the unit it went to, and why.
      const unit = after.context.unitId === 'nanzheng' ? { id: 'chenggu', name: '城固县公安局' } : { id: 'nanzheng', name: '南郑分局' };
      await drawer.getByTestId('action-transfer').click();
      await drawer.locator('select[name=unitId]').selectOption(unit.id);
      await drawer.locator('textarea[name=reason]').fill('属地管辖');
      await drawer.getByTestId('action-submit').click();
      await drawer.getByTestId('transfer-form').waitFor({ state: 'detached' });
      // The transfer's own line: the escalations it passed on to the new unit, if the clue had any, are logged after it.
      const transferred = drawer.locator('[data-testid=history] .history-entry').filter({ has: page.getByTestId('transferred-to') }).first();
      await expect.poll(() => transferred.getByTestId('transferred-to').textContent(), { timeout: 10_000 }).toBe(` · → ${unit.name}`);
      expect(await transferred.getByTestId('said-reason').textContent()).toBe('原因：属地管辖');

      // "No progress for 7 days" goes to the URL and leaves out the card just noted, not the others.
      await page.keyboard.press('Escape');
      await drawer.waitFor({ state: 'detached' });
      await page.locator('select[name=quiet]').selectOption('7');
      await expect.poll(() => new URL(page.url()).searchParams.get('quiet')).toBe('7');
      await expect.poll(() => card(page, 'filed', id).count(), { timeout: 10_000 }).toBe(0);
      await page.locator('[data-testid=column-filed] [data-testid^=card-]').first().waitFor();
      await page.screenshot({ path: `${artifacts}/board-quiet-zh.png` });
    }));

  test('a work note half written is still there after the drawer is closed, another card opened, or the page reloaded, until it is sent', () =>
    asUser(suite, 'office', async ({ page }) => {
      const [first, second] = await Promise.all([0, 1].map(async (n) => Number((await page.locator('[data-testid=column-verifying] [data-testid^=card-]').nth(n).getAttribute('data-testid'))?.slice('card-'.length))));
      const drawer = page.getByTestId('detail-panel');
      // Opened once the drawer shows that card: until its detail arrives, the drawer still shows the card before it.
      const open = async (id: number | undefined) => {
        await page.locator(`[data-testid=card-${id}] .card-title`).click();
        await drawer.locator(`.detail-scroll[data-item="${id}"]`).waitFor();
        await drawer.getByTestId('history').waitFor();
      };
      const noteField = drawer.locator('[data-testid=note-form] textarea[name=text]');
      const note = '已联系平台调取注册信息，\n等待回函';
      await open(first);
      await drawer.getByTestId('action-note').click();
      await noteField.fill(note);

      // A stray Escape closes the form, not the drawer; a second one the drawer. Opened again: the note form is open with the text.
      await page.keyboard.press('Escape');
      await drawer.getByTestId('note-form').waitFor({ state: 'detached' });
      expect(await drawer.count()).toBe(1);
      await page.keyboard.press('Escape');
      await drawer.waitFor({ state: 'detached' });
      await open(first);
      expect(await noteField.inputValue()).toBe(note);
      // Another card in the same drawer has no note open; back on the first, its note is there.
      await open(second);
      expect(await drawer.getByTestId('note-form').count()).toBe(0);
      // Nor does a form opened on one card carry over to the next (an edit form would save one card's title onto another).
      await drawer.getByTestId('action-edit').click();
      expect(await drawer.locator('[data-testid=edit-form] input[name=title]').inputValue()).toBe(await drawer.locator('.detail-title').textContent());
      await open(first);
      expect(await drawer.getByTestId('edit-form').count()).toBe(0);
      await open(first);
      expect(await noteField.inputValue()).toBe(note);
      // A reload, on the card's own URL.
      await page.reload();
      await drawer.getByTestId('history').waitFor();
      expect(await noteField.inputValue()).toBe(note);

      await drawer.getByTestId('action-submit').click();
      await drawer.getByTestId('note-form').waitFor({ state: 'detached' });
      await expect.poll(() => drawer.locator('[data-testid=history] .history-entry').first().getByTestId('said-text').textContent()).toBe(note);
      // Sent: nothing is kept, and the next note starts empty.
      await page.reload();
      await drawer.getByTestId('history').waitFor();
      expect(await drawer.getByTestId('note-form').count()).toBe(0);
      await drawer.getByTestId('action-note').click();
      expect(await noteField.inputValue()).toBe('');

      // Signing out clears the tab's drafts: whoever signs in next at this workstation does not see them.
      await noteField.fill('不应留给下一位用户的草稿');
      await page.getByTestId('sign-out').click();
      await page.waitForURL(/\/login/);
      expect(await page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('battlemap.draft.')))).toEqual([]);
      // The browser's Back to the board: the sign-in page again, not a page loading for good.
      await page.goBack();
      await page.waitForURL(/\/login\?next=/);
      await page.locator('input[name=username]').waitFor();
    }));

  test("what is typed in the drawer's other forms is kept: the session ending at its submit, signed in again, the form opens with it; the edit keeps only the user's changes", () =>
    asUser(suite, 'hantai.lead', async ({ page }) => {
      const drawer = page.getByTestId('detail-panel');
      const first = page.locator('[data-testid=column-verifying] [data-testid^=card-]').first();
      const id = Number((await first.getAttribute('data-testid'))?.slice('card-'.length));
      await first.locator('.card-title').click();
      await drawer.getByTestId('history').waitFor();

      // A transfer's reason and unit typed; the lead's sessions end (an administrator disabled and enabled the account, say) before it is sent.
      await drawer.getByTestId('action-transfer').click();
      const transfer = drawer.getByTestId('transfer-form');
      const unit = await transfer.locator('select[name=unitId] option:not([value=""])').first().getAttribute('value');
      await transfer.locator('select[name=unitId]').selectOption(unit ?? '');
      await transfer.locator('textarea[name=reason]').fill('涉案账户归属地在该县，移交属地侦办');
      const [lead] = await suite.database.db.select({ id: users.id }).from(users).where(eq(users.username, 'hantai.lead'));
      const admin = await apiSession(suite, 'admin');
      try {
        await apiCall(suite.server.url, admin.context, 'POST', `/api/admin/users/${lead?.id ?? 0}/sessions/end`, {});
      } finally {
        await admin.context.close();
      }
      await transfer.getByTestId('action-submit').click();
      await page.waitForURL(/\/login/);
      await page.locator('input[name=username]').fill('hantai.lead');
      await page.locator('input[name=password]').fill('battlemap');
      await page.locator('button[type=submit]').click();
      // Back on the card, the form open with what was typed; nothing was transferred.
      await drawer.getByTestId('transfer-form').waitFor();
      expect(await drawer.locator('[data-testid=transfer-form] textarea[name=reason]').inputValue()).toBe('涉案账户归属地在该县，移交属地侦办');
      expect(await drawer.locator('[data-testid=transfer-form] select[name=unitId]').inputValue()).toBe(unit);
      expect(((await apiCall<{ unitId: string }>(suite.server.url, page.context(), 'GET', `/api/clues/${id}`)).unitId)).toBe('hantai');
      // Cancelled: the user's own choice, the draft gone.
      await drawer.getByTestId('transfer-form').getByRole('button', { name: '取消' }).click();
      await page.reload();
      await drawer.getByTestId('history').waitFor();
      expect(await drawer.getByTestId('transfer-form').count()).toBe(0);

      // An edit of the description, the drawer closed by two Escapes and the card opened again: the edit form is open with it.
      await drawer.getByTestId('action-edit').click();
      const description = drawer.locator('[data-testid=edit-form] textarea[name=description]');
      await description.fill('补充：涉及两个境外账户');
      await page.keyboard.press('Escape');
      await page.keyboard.press('Escape');
      await drawer.waitFor({ state: 'detached' });
      // Meanwhile the office retitles it: the draft holds only the description, so the new title shows, and the form says it changed.
      const office = await apiSession(suite, 'office');
      try {
        const current = await apiCall<{ version: number }>(suite.server.url, office.context, 'GET', `/api/clues/${id}`);
        await apiCall(suite.server.url, office.context, 'PATCH', `/api/clues/${id}`, { version: current.version, title: '专项办改的标题' });
      } finally {
        await office.context.close();
      }
      await page.locator(`[data-testid=card-${id}] .card-title`).click();
      await drawer.getByTestId('edit-form').waitFor();
      expect(await description.inputValue()).toBe('补充：涉及两个境外账户');
      expect(await drawer.locator('[data-testid=edit-form] input[name=title]').inputValue()).toBe('专项办改的标题');
      await drawer.getByTestId('edit-form').getByText('此事项刚被他人修改', { exact: false }).waitFor();
      await drawer.getByTestId('edit-form').getByTestId('action-submit').click();
      await drawer.getByTestId('edit-form').waitFor({ state: 'detached' });
      const saved = await apiCall<{ title: string; context: { description: string } }>(suite.server.url, page.context(), 'GET', `/api/clues/${id}`);
      expect(saved.title).toBe('专项办改的标题');
      expect(saved.context.description).toBe('补充：涉及两个境外账户');
      expect(await page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.includes('.form.')))).toEqual([]);

      // An extension's day and reason, the drawer closed and the card opened again: kept too.
      await drawer.getByTestId('action-extend').click();
      const extend = drawer.getByTestId('extend-form');
      await extend.getByTestId('extend-30').click();
      const day = await extend.locator('input[name=until]').inputValue();
      await extend.locator('textarea[name=reason]').fill('等待银行协查回函');
      await page.keyboard.press('Escape');
      await page.keyboard.press('Escape');
      await drawer.waitFor({ state: 'detached' });
      await page.locator(`[data-testid=card-${id}] .card-title`).click();
      await extend.waitFor();
      expect(await extend.locator('textarea[name=reason]').inputValue()).toBe('等待银行协查回函');
      expect(await extend.locator('input[name=until]').inputValue()).toBe(day);
    }));

  test('the drawer offers only what the server lets this user do to this card: an officer notes and edits their own cards, and nothing else', () =>
    asUser(suite, 'hantai.officer', async ({ context, page }) => {
      const board = await apiCall<WireBoard>(suite.server.url, context, 'GET', `/api/campaigns/${campaignOf(page)}/board?kind=clue&limit=500`);
      const cards = board.columns.flatMap((c) => c.cards).filter((c) => c.state !== 'merged' && c.state !== 'prosecuted' && c.state !== 'unfounded');
      const me = await apiCall<{ id: number }>(suite.server.url, context, 'GET', '/api/session');
      const mine = cards.find((c) => c.assigneeId === me.id);
      const others = cards.find((c) => c.assigneeId === null);
      if (mine === undefined || others === undefined) throw new Error('the demo has hantai clues assigned to its officer and unassigned ones');
      const drawer = page.getByTestId('detail-panel');

      await page.goto(`${suite.server.url}/campaigns/${campaignOf(page)}/board?item=${others.id}`);
      await drawer.getByTestId('history').waitFor();
      expect(await drawer.getByTestId('detail-actions').count()).toBe(0);

      await page.goto(`${suite.server.url}/campaigns/${campaignOf(page)}/board?item=${mine.id}`);
      await drawer.getByTestId('action-note').waitFor();
      expect(await drawer.getByTestId('action-transfer').count()).toBe(0);
      await drawer.getByTestId('action-edit').click();
      await drawer.locator('input[name=title]').waitFor();
      expect(await drawer.locator('select[name=assigneeId]').count()).toBe(0);
    }));

  test('a lead who transfers a card out of their unit sees the drawer close, told where it went, focus on the card beside it; a link to a card that is not there says it is not in sight', async () => {
    const { context, page } = await signedIn(suite.browser, suite.server.url, 'hantai.lead');
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    try {
      const board = await apiCall<WireBoard>(suite.server.url, context, 'GET', `/api/campaigns/${campaignOf(page)}/board?kind=clue&state=verifying&limit=50`);
      const hantai = board.columns.flatMap((c) => c.cards).filter((c) => c.unitId === 'hantai');
      const [leaving] = hantai;
      if (leaving === undefined || hantai.length < 2) throw new Error('the demo has fewer than two verifying hantai clues');
      await page.goto(`${suite.server.url}/campaigns/${campaignOf(page)}/board?item=${leaving.id}`);
      const drawer = page.getByTestId('detail-panel');
      await drawer.getByTestId('history').waitFor();
      await drawer.getByTestId('action-transfer').click();
      await drawer.locator('select[name=unitId]').selectOption('nanzheng');
      await drawer.locator('textarea[name=reason]').fill('属地管辖');
      await drawer.getByTestId('action-submit').click();
      // Not an error: the drawer closes, and the toast says where the card went.
      await page.getByTestId('toast').filter({ hasText: '已移交至南郑分局' }).waitFor({ timeout: 10_000 });
      await drawer.waitFor({ state: 'detached' });
      expect(new URL(page.url()).searchParams.get('item')).toBeNull();
      await expect.poll(() => page.locator(`[data-testid=card-${leaving.id}]`).count(), { timeout: 10_000 }).toBe(0);
      // The keyboard is back on the board, on a card of the column the transferred one left.
      await expect
        .poll(() => page.evaluate(() => (document.activeElement?.closest('[data-testid^="column-"]') === null ? null : document.activeElement?.getAttribute('data-testid'))), { timeout: 10_000 })
        .toMatch(/^card-\d+$/);
      expect(await page.evaluate(() => document.activeElement?.closest('[data-testid^="column-"]')?.getAttribute('data-testid'))).toBe('column-verifying');
      await page.screenshot({ path: `${artifacts}/transferred-away-zh.png` });

      await page.goto(`${suite.server.url}/campaigns/${campaignOf(page)}/board?item=999999`);
      await drawer.getByTestId('detail-gone').waitFor();
      await drawer.getByRole('button', { name: '关闭' }).click();
      await drawer.waitFor({ state: 'detached' });
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test('a merge into a clue that is not there is marked at the clue number with why and cannot be confirmed; the card stays where it was', () =>
    asUser(suite, 'office', async ({ context, page }) => {
      const candidate = (await foundClues(page, context)).find((c) => c.allowed.some((m) => m.to === 'merged'));
      if (candidate === undefined) throw new Error('no found clue may be merged');
      await page.goto(`${suite.server.url}/campaigns/${campaignOf(page)}/board?q=${candidate.id}`);
      await card(page, 'found', candidate.id).waitFor();
      await page.locator(`[data-testid=card-${candidate.id}]`).hover();
      await page.locator(`[data-testid=card-${candidate.id}] [data-testid=move-menu]`).click();
      await page.getByTestId('move-to-merged').click();
      const dialog = page.getByTestId('move-dialog');
      await dialog.locator('input[name=targetId]').fill('999999');
      // Looked up as it is typed (see merge-form.e2e.test.ts): said before anything is sent, and nothing can be.
      await expect.poll(() => dialog.getByTestId('error-targetId').textContent(), { timeout: 10_000 }).toBe('找不到要并入的线索');
      expect(await dialog.getByTestId('move-submit').isDisabled()).toBe(true);
      expect(await dialog.locator('input[name=targetId]').getAttribute('aria-invalid')).toBe('true');
      // Said once, beside the field, not again above the buttons.
      expect(await dialog.locator('.form-error').count()).toBe(0);
      expect(await dialog.locator('input[name=targetId]').inputValue()).toBe('999999');
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      await card(page, 'found', candidate.id).waitFor();
      const item = await apiCall<{ state: string; version: number }>(suite.server.url, context, 'GET', `/api/clues/${candidate.id}`);
      expect(item).toMatchObject({ state: 'found', version: candidate.version });
    }));

  test('more sent for prosecution than the suspects caught when solved is refused beside the figure; the card stays solved', () =>
    asUser(suite, 'office', async ({ context, page }) => {
      const board = await apiCall<WireBoard>(suite.server.url, context, 'GET', `/api/campaigns/${campaignOf(page)}/board?kind=clue&state=solved&limit=100`);
      const solved = (board.columns[0]?.cards ?? []).find((c) => c.allowed.some((m) => m.to === 'prosecuted'));
      if (solved === undefined) throw new Error('the seed has no solved clue to prosecute');
      const detail = await apiCall<{ context: { outcome: { suspectsCaught: number } } }>(suite.server.url, context, 'GET', `/api/clues/${solved.id}`);
      const caught = detail.context.outcome.suspectsCaught;
      await page.goto(`${suite.server.url}/campaigns/${campaignOf(page)}/board?q=${solved.id}`);
      await card(page, 'solved', solved.id).waitFor();
      await page.locator(`[data-testid=card-${solved.id}]`).hover();
      await page.locator(`[data-testid=card-${solved.id}] [data-testid=move-menu]`).click();
      await page.getByTestId('move-to-prosecuted').click();
      const dialog = page.getByTestId('move-dialog');
      await dialog.locator('input[name=sentForProsecution]').fill(String(caught + 7));
      await dialog.getByTestId('move-submit').click();
      await expect.poll(() => dialog.getByTestId('error-sentForProsecution').textContent(), { timeout: 10_000 }).toBe(`不能多于破案时抓获的犯罪嫌疑人数（${caught} 人）`);
      expect(await dialog.locator('input[name=sentForProsecution]').getAttribute('aria-invalid')).toBe('true');
      expect(await dialog.locator('.form-error').count()).toBe(0);
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      expect((await apiCall<{ state: string }>(suite.server.url, context, 'GET', `/api/clues/${solved.id}`)).state).toBe('solved');
    }));

  test('filing a clue under a case number another clue holds shows that clue in the dialog, as a warning that still lets it be filed', () =>
    asUser(suite, 'office', async ({ context, page }) => {
      const { holder, candidate, dialog } = await filingBesideHolder(page, context, 'A6107020269901', (fileable) => fileable);
      await dialog.locator('input[name=caseNumber]').fill('A6107020269901');
      const hint = dialog.getByTestId('case-number-hint');
      await hint.getByTestId(`case-number-holder-${holder.id}`).waitFor();
      expect(await hint.textContent()).toContain('此案件编号已用于另 1 条线索');
      expect(await hint.getByTestId(`case-number-holder-${holder.id}`).textContent()).toContain(holder.title);
      await page.screenshot({ path: `${artifacts}/move-dialog-case-number-zh.png` });
      // Another number: the warning goes.
      await dialog.locator('input[name=caseNumber]').fill('A6107020269902');
      await hint.waitFor({ state: 'detached' });
      // Back to the shared number, and filed anyway once confirmed again: one case may cover both.
      await dialog.locator('input[name=caseNumber]').fill('A6107020269901');
      await hint.waitFor();
      await dialog.locator('textarea[name=conclusion]').fill('与另一线索同案');
      await dialog.getByTestId('move-submit').click();
      await hint.getByTestId('case-number-confirm').waitFor();
      await dialog.getByTestId('move-submit').click();
      await dialog.waitFor({ state: 'detached' });
      await card(page, 'filed', candidate.id).waitFor();
    }));

  test('a case number another clue holds, typed and confirmed at once, is checked before filing: the warning shows and filing needs a second confirmation', () =>
    asUser(suite, 'office', async ({ context, page }) => {
      // The last two: the test before filed the first two.
      const { holder, candidate, dialog } = await filingBesideHolder(page, context, 'A6107020269931', (fileable) => fileable.slice(-2));
      await dialog.locator('textarea[name=conclusion]').fill('经核查属实');
      // Typed and confirmed in one go, before any pause in typing.
      await dialog.locator('input[name=caseNumber]').fill('A6107020269931');
      await dialog.getByTestId('move-submit').click();
      const hint = dialog.getByTestId('case-number-hint');
      await hint.getByTestId(`case-number-holder-${holder.id}`).waitFor();
      expect(await dialog.getByTestId('case-number-confirm').textContent()).toContain('确认同案');
      expect(await dialog.getByTestId('move-submit').textContent()).toBe('仍然立案');
      await page.screenshot({ path: `${artifacts}/move-dialog-case-number-confirm-zh.png` });
      expect((await apiCall<{ state: string }>(suite.server.url, context, 'GET', `/api/clues/${candidate.id}`)).state).toBe('verifying');
      // The second confirmation files it: one case may cover both.
      await dialog.getByTestId('move-submit').click();
      await dialog.waitFor({ state: 'detached' });
      await card(page, 'filed', candidate.id).waitFor();
    }));

  test('a case number whose check fails is not filed at once: the dialog says it could not be checked and files once confirmed again', () =>
    asUser(suite, 'office', async ({ context, page }) => {
      // The last two again: the test before filed those it picked.
      const { candidate, dialog } = await filingBesideHolder(page, context, 'A6107020269951', (fileable) => fileable.slice(-2));
      let checks = 0;
      await page.route(/\/api\/clues\/\d+\/case-number-holders/, (route) => {
        checks += 1;
        return route.abort('connectionreset');
      });
      await dialog.locator('textarea[name=conclusion]').fill('经核查属实');
      await dialog.locator('input[name=caseNumber]').fill('A6107020269961');
      await dialog.getByTestId('move-submit').click();
      const confirm = dialog.getByTestId('case-number-confirm');
      await confirm.waitFor();
      expect(await dialog.getByTestId('case-number-hint').textContent()).toContain('未能核对案件编号是否已被使用');
      expect(await confirm.textContent()).toContain('案件编号未能核对');
      expect(await dialog.getByTestId('move-submit').textContent()).toBe('仍然立案');
      expect(checks).toBeGreaterThanOrEqual(1);
      expect((await apiCall<{ state: string }>(suite.server.url, context, 'GET', `/api/clues/${candidate.id}`)).state).toBe('verifying');
      // Confirmed again, it is filed under the number as typed, unchecked.
      await dialog.getByTestId('move-submit').click();
      await dialog.waitFor({ state: 'detached' });
      await card(page, 'filed', candidate.id).waitFor();
      expect((await apiCall<{ state: string; context: { caseNumber?: string } }>(suite.server.url, context, 'GET', `/api/clues/${candidate.id}`)).context.caseNumber).toBe('A6107020269961');
    }));

  test('a new clue whose text shares a phone number with an existing one shows that clue while it is typed, and nothing once the number is gone', () =>
    asUser(suite, 'office', async ({ context, page }) => {
      const existing = await apiCall<{ id: number }>(suite.server.url, context, 'POST', '/api/clues', { campaignId: campaignOf(page), unitId: 'hantai', title: '“速借”App暴力催收', description: '催收电话 139-8765-4321', source: 'platform110' }, 201);
      await page.getByTestId('create').click();
      const dialog = page.getByTestId('create-dialog');
      await dialog.locator('input[name=title]').fill('群众举报催收骚扰');
      await dialog.locator('textarea[name=description]').fill('对方自称速借客服，电话 +86 139 8765 4321');
      const hint = dialog.getByTestId('duplicate-hint');
      await hint.getByTestId(`hint-match-${existing.id}`).waitFor();
      expect(await hint.getAttribute('data-state')).toBe('done');
      expect(await hint.textContent()).toContain('疑似重复：1 条已有线索含有相同标识');
      // The number taken out again: no identifiers, no hint; an answer still on its way is not shown.
      await dialog.locator('textarea[name=description]').fill('对方自称速借客服');
      await hint.waitFor({ state: 'detached' });
      await page.waitForTimeout(600);
      expect(await dialog.getByTestId('duplicate-hint').count()).toBe(0);
    }));

  test('a new clue whose answer the network lost, created again from the same dialog, is one clue', () =>
    asUser(suite, 'office', async ({ context, page }) => {
      const title = '网络中断后重新提交的线索';
      const keys: (string | undefined)[] = [];
      await page.route('**/api/clues', async (route) => {
        if (route.request().method() !== 'POST') return route.continue();
        keys.push(route.request().headers()['idempotency-key']);
        if (keys.length > 1) return route.continue();
        // The server records the clue; its answer never reaches the browser.
        expect((await route.fetch()).status()).toBe(201);
        await route.abort('internetdisconnected');
      });
      await page.getByTestId('create').click();
      const dialog = page.getByTestId('create-dialog');
      await dialog.locator('input[name=title]').fill(title);
      await dialog.locator('select[name=unitId]').selectOption('hantai');
      await dialog.locator('select[name=source]').selectOption('platform110');
      await dialog.getByTestId('create-submit').click();
      // The dialog stays open and says the server could not be reached; the user presses create again.
      await expect.poll(() => dialog.textContent()).toContain('无法连接服务器');
      await dialog.getByTestId('create-submit').click();
      await dialog.waitFor({ state: 'detached' });
      expect(keys).toHaveLength(2);
      expect(keys[1]).toBe(keys[0]);
      const board = await apiCall<WireBoard>(suite.server.url, context, 'GET', `/api/campaigns/${campaignOf(page)}/board?kind=clue&state=found&limit=500&q=${encodeURIComponent(title)}`);
      expect(board.columns[0]?.cards.filter((c) => c.title === title)).toHaveLength(1);
    }));

  test('a new clue is given the time its tip came (a call yesterday, entered today) on the campaign\'s clock; a time after now is refused at the field', () =>
    asUser(suite, 'office', async ({ context, page }) => {
      const title = '昨日电话举报、今日录入的线索';
      await page.getByTestId('create').click();
      const dialog = page.getByTestId('create-dialog');
      await dialog.locator('input[name=title]').fill(title);
      await dialog.locator('select[name=unitId]').selectOption('hantai');
      await dialog.locator('select[name=source]').selectOption('platform110');
      const found = dialog.locator('input[name=foundAt]');
      // The server's clock stands at 15 June 10:00 in Beijing: 1 July is to come, for it if not for the browser.
      await found.fill('2026-07-01T10:00');
      await dialog.getByTestId('create-submit').click();
      await expect.poll(() => dialog.getByTestId('error-foundAt').textContent()).toBe('发现时间不能晚于现在');
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('foundAt');
      await found.fill('2026-06-14T09:30');
      await dialog.getByTestId('create-submit').click();
      await dialog.waitFor({ state: 'detached' });
      const board = await apiCall<WireBoard>(suite.server.url, context, 'GET', `/api/campaigns/${campaignOf(page)}/board?kind=clue&state=found&limit=500&q=${encodeURIComponent(title)}`);
      const id = board.columns[0]?.cards.find((c) => c.title === title)?.id;
      const detail = await apiCall<{ context: { foundAt: string; enteredAt: string } }>(suite.server.url, context, 'GET', `/api/clues/${id}`);
      // 09:30 in Beijing is 01:30 UTC; entered at the server's now.
      expect([detail.context.foundAt, detail.context.enteredAt]).toEqual(['2026-06-14T01:30:00.000Z', '2026-06-15T02:00:00.000Z']);
    }));

  test('a new clue closed by Escape before it was submitted opens again as it was typed, after a reload too; Cancel throws it away', () =>
    asUser(suite, 'office', async ({ page }) => {
      const dialog = page.getByTestId('create-dialog');
      const title = dialog.locator('input[name=title]');
      const description = dialog.locator('textarea[name=description]');
      await page.getByTestId('create').click();
      await title.fill('群众来电反映网络赌博平台');
      await description.fill('来电人称其亲属在“好运来”平台输掉二十余万元，\n平台客服要求继续充值。');
      await dialog.locator('select[name=unitId]').selectOption('nanzheng');
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });

      for (const reload of [false, true]) {
        if (reload) {
          await page.reload();
          await page.locator('[data-testid=board]:not(.is-loading)').waitFor();
        }
        await page.getByTestId('create').click();
        expect(await title.inputValue()).toBe('群众来电反映网络赌博平台');
        expect(await description.inputValue()).toBe('来电人称其亲属在“好运来”平台输掉二十余万元，\n平台客服要求继续充值。');
        expect(await dialog.locator('select[name=unitId]').inputValue()).toBe('nanzheng');
        await dialog.getByTestId('draft-restored').waitFor();
        await page.keyboard.press('Escape');
        await dialog.waitFor({ state: 'detached' });
      }

      // Cancel is the choice to throw it away: the next dialog starts empty.
      await page.getByTestId('create').click();
      await dialog.getByRole('button', { name: '取消' }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.getByTestId('create').click();
      expect(await title.inputValue()).toBe('');
      expect(await dialog.getByTestId('draft-restored').count()).toBe(0);
      // The office chooses the unit a clue is filed for: none is chosen for it (its own filed a quick entry in the office).
      expect(await dialog.locator('select[name=unitId]').inputValue()).toBe('');
      // A title pasted too long is said with its length before anything is sent (the field cut it at 500 unsaid).
      let sent = 0;
      page.on('request', (request) => {
        if (request.method() === 'POST' && request.url().endsWith('/api/clues')) sent += 1;
      });
      await title.fill('长'.repeat(600));
      await dialog.locator('select[name=unitId]').selectOption('nanzheng');
      await dialog.locator('select[name=source]').selectOption('platform110');
      await dialog.getByTestId('create-submit').click();
      await expect.poll(() => dialog.locator('.field-message').allTextContents()).toContain('最多 500 个字符，现有 600 个');
      expect(sent).toBe(0);
      await dialog.getByRole('button', { name: '取消' }).click();
    }));

  test('the new-card dialog offers a lead only their own unit and those below it, and an officer only themselves as assignee', async () => {
    const lead = await signedIn(suite.browser, suite.server.url, 'hantai.lead');
    try {
      await lead.page.getByTestId('create').click();
      const dialog = lead.page.getByTestId('create-dialog');
      const units = dialog.locator('select[name=unitId] option:not([value=""])');
      await units.first().waitFor({ state: 'attached' });
      const me = await apiCall<{ unitScope: string[] }>(suite.server.url, lead.context, 'GET', '/api/session');
      expect((await units.evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value))).sort()).toEqual([...me.unitScope].sort());
      expect(await dialog.locator('select[name=unitId]').inputValue()).toBe('hantai');
      // A lead may import clues, so the navigation offers it.
      expect(await lead.page.getByTestId('nav-import').count()).toBe(1);
    } finally {
      await lead.context.close();
    }
    const officer = await signedIn(suite.browser, suite.server.url, 'hantai.officer');
    try {
      await officer.page.getByTestId('create').click();
      const dialog = officer.page.getByTestId('create-dialog');
      const me = await apiCall<{ id: number }>(suite.server.url, officer.context, 'GET', '/api/session');
      const others = await apiCall<{ id: number }[]>(suite.server.url, officer.context, 'GET', '/api/users?unit=hantai');
      expect(others.length).toBeGreaterThan(1);
      await dialog.locator(`select[name=assigneeId] option[value="${me.id}"]`).waitFor({ state: 'attached' });
      expect(await dialog.locator('select[name=assigneeId] option:not([value=""])').count()).toBe(1);
      // What they record in their own unit is theirs to work, unless they choose otherwise: left unassigned, they could only read it.
      expect(await dialog.locator('select[name=assigneeId]').inputValue()).toBe(String(me.id));
      await dialog.getByRole('button', { name: '取消' }).click();
      // A unit's item not assigned to them says why it offers nothing to do, rather than showing no actions at all.
      const board = await apiCall<WireBoard>(suite.server.url, officer.context, 'GET', `/api/campaigns/${campaignOf(officer.page)}/board?kind=clue&unit=hantai&limit=100`);
      const notTheirs = board.columns.flatMap((c) => c.cards).find((card) => card.unitId === 'hantai' && card.assigneeId !== me.id);
      if (notTheirs === undefined) throw new Error('no hantai clue not assigned to hantai.officer');
      await officer.page.goto(`${suite.server.url}/campaigns/${campaignOf(officer.page)}/board?item=${notTheirs.id}`);
      await expect.poll(() => officer.page.getByTestId('not-yours').textContent()).toBe('此事项未分配给您，仅可查看：由单位负责人指派给您后，可在此写进展记录、编辑和申请延期。');
      expect(await officer.page.getByTestId('detail-actions').count()).toBe(0);
    } finally {
      await officer.context.close();
    }
  });

  test('the history keeps what each step recorded: a solve’s outcome figures, and a rectification’s measures', () =>
    asUser(suite, 'office', async ({ context, page }) => {
      type Entry = { event: string; payload: { outcome?: { suspectsCaught: number }; rectification?: { measures: string } } };
      const solved = await apiCall<WireBoard>(suite.server.url, context, 'GET', `/api/campaigns/${campaignOf(page)}/board?kind=clue&state=solved&limit=50`);
      let clue: { id: number; caught: number } | undefined;
      for (const c of solved.columns[0]?.cards ?? []) {
        const history = await apiCall<Entry[]>(suite.server.url, context, 'GET', `/api/clues/${c.id}/history`);
        const caught = history.find((e) => e.event === 'clue.solve')?.payload.outcome?.suspectsCaught ?? 0;
        if (caught > 0) {
          clue = { id: c.id, caught };
          break;
        }
      }
      if (clue === undefined) throw new Error('no solved clue with suspects caught in the demo');
      await page.goto(`${suite.server.url}/campaigns/${campaignOf(page)}/board?item=${clue.id}`);
      const solveEntry = page.getByTestId('history').locator('.history-entry', { hasText: '破案' }).filter({ has: page.getByTestId('said-figures') }).first();
      await expect.poll(() => solveEntry.getByTestId('said-figures').textContent()).toContain(`抓获犯罪嫌疑人（人） ${clue.caught}`);

      const rectified = await apiCall<WireBoard>(suite.server.url, context, 'GET', `/api/campaigns/${campaignOf(page)}/board?kind=problem&state=rectified&limit=1`);
      const problem = rectified.columns[0]?.cards[0];
      if (problem === undefined) throw new Error('no rectified problem in the demo');
      const history = await apiCall<Entry[]>(suite.server.url, context, 'GET', `/api/problems/${problem.id}/history`);
      const measures = history.findLast((e) => e.event === 'problem.complete')?.payload.rectification?.measures;
      if (measures === undefined) throw new Error('the rectified problem has no measures');
      await page.goto(`${suite.server.url}/campaigns/${campaignOf(page)}/board?kind=problem&item=${problem.id}`);
      await expect.poll(() => page.getByTestId('history').getByTestId('said-measures').first().textContent()).toBe(`整改措施：${measures}`);
    }));

  test('the detail drawer shows the card’s escalation state: each active rung with its status', () =>
    asUser(suite, 'office', async ({ context, page }) => {
      const board = await apiCall<WireBoard>(suite.server.url, context, 'GET', `/api/campaigns/${campaignOf(page)}/board?kind=clue&escalated=true&limit=1`);
      const escalated = board.columns.flatMap((c) => c.cards)[0];
      if (escalated === undefined) throw new Error('the sweep raised nothing');
      const raised = await apiCall<{ items: { level: number; status: string }[] }>(suite.server.url, context, 'GET', `/api/escalations?subject=clue&subjectId=${escalated.id}`);
      expect(raised.items.length).toBeGreaterThan(0);
      await page.goto(`${suite.server.url}/campaigns/${campaignOf(page)}/board?q=${escalated.id}&item=${escalated.id}`);
      const section = page.getByTestId('detail-panel').getByTestId('item-escalations');
      await expect.poll(() => section.locator('li').count()).toBe(raised.items.length);
      const badges = await section.locator('li .level-badge').evaluateAll((els) => els.map((el) => el.className));
      expect(badges).toEqual(raised.items.map((e) => `level-badge level-${e.level}`));
      expect(await section.locator('li .status-pill').evaluateAll((els) => els.map((el) => el.className))).toEqual(raised.items.map((e) => `status-pill status-${e.status}`));
    }));

  test('an English browser gets the English UI when nothing is stored', () =>
    asUser(suite, 'office', async ({ page }) => {
      await expect.poll(() => page.getByTestId('column-found').locator('h2').textContent()).toBe(clueStateLabels.found.en);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    }, { locale: 'en-GB' }));

  // Last in the file: the clues it imports would change the found column the tests before it read.
  test('an import of hundreds or thousands of clues reaches an open board in a few column reads, not one per clue', () =>
    asUser(suite, 'office', async ({ context, page }) => {
      const campaignId = campaignOf(page);
      await page.locator('[data-testid=live-indicator][data-status=live]').waitFor();
      const columnReads: string[] = [];
      page.on('request', (request) => {
        if (/\/api\/campaigns\/\d+\/board\?.*state=/.test(request.url())) columnReads.push(request.url());
      });
      const boardShowsServerCount = async () => {
        const found = await apiCall<WireBoard>(suite.server.url, context, 'GET', `/api/campaigns/${campaignId}/board?kind=clue&state=found&limit=1`);
        const expected = found.columns[0]?.count ?? -1;
        await expect.poll(async () => Number((await page.getByTestId('count-found').textContent())?.replace(/\D/g, '')), { timeout: 20_000 }).toBe(expected);
      };
      // 400 changes, one per clue created, streamed to the board: gathered into a few reads.
      await importClues(context, campaignId, 'FLOOD', 400);
      await boardShowsServerCount();
      expect(columnReads.length).toBeGreaterThan(0);
      expect(columnReads.length).toBeLessThan(20);
      // More in one commit than the stream sends change by change: the board is told to reload, and does.
      columnReads.length = 0;
      await importClues(context, campaignId, 'RESET', 5200);
      await boardShowsServerCount();
      expect(columnReads.length).toBeGreaterThan(0);
      expect(columnReads.length).toBeLessThan(20);
    }));

  test('a user deep in a long column keeps every card loaded when someone else changes that column, even while loading more', () =>
    asUser(suite, 'office', async ({ context, page }) => {
      const campaignId = campaignOf(page);
      await importClues(context, campaignId, 'DEEP', 700);
      await page.goto(`${suite.server.url}/campaigns/${campaignId}/board`);
      await page.locator('[data-testid=live-indicator][data-status=live]').waitFor();
      const count = async () => Number((await page.getByTestId('count-found').textContent())?.replace(/\D/g, ''));
      const more = page.getByTestId('load-more-found');
      // Loaded = the column's count less what the button says is left; while a page loads it says no number.
      const loaded = async () => {
        const left = /\(([\d,]+)\)/.exec((await more.textContent()) ?? '')?.[1];
        return left === undefined ? Number.NaN : (await count()) - Number(left.replace(/,/g, ''));
      };
      const settled = async () => {
        await expect.poll(loaded).not.toBeNaN();
        return loaded();
      };
      const loadMore = async () => {
        const before = await settled();
        await more.click();
        await expect.poll(loaded).toBeGreaterThan(before);
        return settled();
      };
      let deep = await settled();
      // Down from the last card read: the column's "load more", the next thing down.
      await page.locator('[data-testid=column-found] article[data-card-id]').first().focus();
      await page.keyboard.press('End');
      await page.keyboard.press('ArrowDown');
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('load-more-found');
      while (deep <= 500) deep = await loadMore();
      const total = await count();

      // Someone else's change re-reads the column; its answer is held back until the user has loaded one more page.
      let held = 0;
      let release: () => void = () => undefined;
      const released = new Promise<void>((resolve) => (release = resolve));
      await page.route(
        (url) => url.pathname.endsWith('/board') && url.searchParams.get('state') === 'found' && !url.searchParams.has('cursor'),
        async (route) => {
          held += 1;
          await released;
          await route.continue();
        },
      );
      await apiCall(suite.server.url, context, 'POST', '/api/clues', { campaignId, unitId: 'hantai', title: '长列保持测试：新线索', source: 'other' }, 201);
      await expect.poll(() => held, { timeout: 10_000 }).toBeGreaterThan(0);
      const deeper = await loadMore();
      release();
      await expect.poll(count, { timeout: 10_000 }).toBe(total + 1);
      // The answer read for fewer cards than are now loaded is not swapped in: the column is read again for all of them.
      await expect.poll(settled, { timeout: 10_000 }).toBeGreaterThanOrEqual(deeper);
    }));
}, 120_000);
