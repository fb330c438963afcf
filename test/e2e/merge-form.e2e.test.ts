import type { BrowserContext, Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { clueStateLabels } from '../../engine/clue/clue.labels';
import { quotedZh } from '../../engine/labels';
import { apiCall, artifacts, asUser, browserSuite, campaignOf, drag, type WireBoard, type WireCard } from './browser-kit';

/**
 * The drawer's merge form (并案) in Chromium: the clue number typed is looked up and the clue it names shown (or why
 * this clue cannot go into it), and the merge, which cannot be undone, is confirmed naming that clue before it is
 * sent. Needs `npm run build`.
 */
const suite = browserSuite({ seed: { clues: 40, problems: 4 } });

interface WireClue {
  readonly id: number;
  readonly state: string;
  readonly version: number;
  readonly title: string;
  readonly unitId: string;
  readonly context: { readonly mergedInto?: number | null };
}

/** Found clues the office may merge, and the campaign's units. */
async function foundClues(page: Page, context: BrowserContext): Promise<{ cards: WireCard[]; units: { id: string; nameZh: string }[] }> {
  const campaign = campaignOf(page);
  const board = await apiCall<WireBoard>(suite.server.url, context, 'GET', `/api/campaigns/${campaign}/board?kind=clue&state=found&limit=500`);
  const { units } = await apiCall<{ units: { id: string; nameZh: string }[] }>(suite.server.url, context, 'GET', `/api/campaigns/${campaign}`);
  return { cards: (board.columns[0]?.cards ?? []).filter((card) => card.allowed.some((move) => move.to === 'merged')), units };
}

/** The drawer of a clue with its merge form open. */
async function mergeFormOf(page: Page, id: number) {
  await page.goto(`${suite.server.url}/campaigns/${campaignOf(page)}/board?kind=clue&item=${id}`);
  const drawer = page.getByTestId('detail-panel');
  await drawer.getByTestId('action-merge').click();
  const form = drawer.getByTestId('merge-form');
  return { form, number: form.getByRole('spinbutton', { name: '并入线索编号', exact: true }), submit: form.getByTestId('action-submit') };
}

/**
 * Types each wrong number into a merge's number field (the drawer's form or the move dialog) and checks it is said
 * wrong beside it, with why, and that neither the button nor Enter in the field can send it; `sent` says whether
 * anything went on after Enter (a confirmation step, a closed dialog).
 */
async function refusesWrongNumbers(scope: Locator, number: Locator, submit: Locator, ownId: number, sent: () => Promise<boolean>): Promise<void> {
  for (const [typed, reason] of [
    ['999999', '找不到要并入的线索'],
    [String(ownId), '不能并入自身'],
    ['0', '线索编号应为正整数'],
  ] as const) {
    await number.fill(typed);
    await expect.poll(() => scope.getByTestId('error-targetId').textContent(), { timeout: 10_000 }).toBe(reason);
    expect(await number.getAttribute('aria-invalid')).toBe('true');
    expect(await submit.isDisabled()).toBe(true);
    await number.press('Enter');
    expect(await sent()).toBe(false);
  }
}

describe('the drawer’s merge form', () => {
  test('with no number yet it says what to type, and offers no merge', () =>
    asUser(suite, 'office', async ({ context, page }) => {
      const [source] = (await foundClues(page, context)).cards;
      if (source === undefined) throw new Error('no found clue may be merged');
      const { form, submit } = await mergeFormOf(page, source.id);
      expect(await form.getByTestId('merge-target').textContent()).toBe('输入线索编号，即显示要并入的线索');
      expect(await submit.isDisabled()).toBe(true);
    }));

  // A mistyped number merged, unasked, into whatever clue had it: the merge cannot be undone.
  test('a wrong number is said wrong beside it, with why, and cannot be sent; the clue stays as it was', () =>
    asUser(suite, 'office', async ({ context, page }) => {
      const [source] = (await foundClues(page, context)).cards;
      if (source === undefined) throw new Error('no found clue may be merged');
      const { form, number, submit } = await mergeFormOf(page, source.id);
      await refusesWrongNumbers(form, number, submit, source.id, async () => (await form.getByTestId('merge-confirm').count()) > 0);
      const item = await apiCall<WireClue>(suite.server.url, context, 'GET', `/api/clues/${source.id}`);
      expect(item).toMatchObject({ state: 'found', version: source.version });
    }));

  test('a right number shows the clue it names; the merge asks to be confirmed naming it, and only then merges', () =>
    asUser(suite, 'office', async ({ context, page }) => {
      const { cards, units } = await foundClues(page, context);
      const [source, target] = cards;
      if (source === undefined || target === undefined) throw new Error('the seed has fewer than two found clues to merge');
      const into = await apiCall<WireClue>(suite.server.url, context, 'GET', `/api/clues/${target.id}`);
      const unit = units.find((u) => u.id === into.unitId)?.nameZh;
      const { form, number, submit } = await mergeFormOf(page, source.id);
      await number.fill(String(target.id));
      await expect.poll(() => form.getByTestId('merge-target').textContent(), { timeout: 10_000 }).toBe(`并入 #${target.id}${quotedZh(into.title)} · ${unit} · ${clueStateLabels.found.zh}`);
      expect(await form.getByTestId('error-targetId').textContent()).toBe('');
      expect(await submit.isEnabled()).toBe(true);
      await form.getByRole('textbox', { name: '原因' }).fill('同一收款账户');
      await page.screenshot({ path: `${artifacts}/merge-target-zh.png` });

      await submit.click();
      const confirmation = form.getByTestId('merge-confirm');
      expect(await confirmation.locator('.merge-confirm-question').textContent()).toBe(`将线索 #${source.id} 并入 #${target.id}${quotedZh(into.title)}？`);
      expect(await confirmation.textContent()).toContain('并案后不能撤销');
      // The focus waits on going back: a second Enter does not merge unread.
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('merge-back');
      await page.screenshot({ path: `${artifacts}/merge-confirm-zh.png` });
      // Nothing is sent before it is confirmed.
      expect(await apiCall<WireClue>(suite.server.url, context, 'GET', `/api/clues/${source.id}`)).toMatchObject({ state: 'found', version: source.version });
      await confirmation.getByTestId('merge-back').click();
      expect(await confirmation.count()).toBe(0);
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('action-submit');

      await submit.click();
      await confirmation.getByTestId('merge-confirm-submit').click();
      await form.waitFor({ state: 'detached' });
      const merged = await apiCall<WireClue>(suite.server.url, context, 'GET', `/api/clues/${source.id}`);
      expect(merged).toMatchObject({ state: 'merged', context: { mergedInto: target.id } });
    }));
});

/** The move dialog of a found clue's move to 已并案, chosen from its card's move menu on the board. */
async function mergeDialogFromMenu(page: Page, id: number) {
  await page.goto(`${suite.server.url}/campaigns/${campaignOf(page)}/board?kind=clue&q=${id}`);
  const card = page.locator(`[data-testid=column-found] [data-testid=card-${id}]`);
  await card.hover();
  await card.getByTestId('move-menu').click();
  await page.getByTestId('move-to-merged').click();
  const dialog = page.getByTestId('move-dialog');
  await dialog.waitFor();
  return { dialog, number: dialog.locator('input[name=targetId]'), submit: dialog.getByTestId('move-submit') };
}

/** The line naming the clue a merge goes into, as the drawer, the move dialog and a batch show it. */
async function lineOf(page: Page, context: BrowserContext, units: readonly { id: string; nameZh: string }[], id: number): Promise<string> {
  const into = await apiCall<WireClue>(suite.server.url, context, 'GET', `/api/clues/${id}`);
  return `并入 #${id}${quotedZh(into.title)} · ${units.find((u) => u.id === into.unitId)?.nameZh} · ${clueStateLabels[into.state as keyof typeof clueStateLabels].zh}`;
}

describe('a merge from the board (a card’s move to 已并案, a batch of cards)', () => {
  // The move dialog took any number and merged into whatever clue had it, irreversibly.
  test('chosen from a card’s move menu, a wrong number is said wrong beside it, with why, and cannot be confirmed; the clue stays', () =>
    asUser(suite, 'office', async ({ context, page }) => {
      const source = (await foundClues(page, context)).cards.at(-1);
      if (source === undefined) throw new Error('no found clue may be merged');
      const { dialog, number, submit } = await mergeDialogFromMenu(page, source.id);
      expect(await dialog.getByTestId('merge-target').textContent()).toBe('输入线索编号，即显示要并入的线索');
      expect(await submit.isDisabled()).toBe(true);
      // Gone on: the dialog closed, or it warns of a merge about to be made.
      await refusesWrongNumbers(dialog, number, submit, source.id, async () => !(await dialog.isVisible()) || (await dialog.getByTestId('merge-irreversible').count()) > 0);
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      expect(await apiCall<WireClue>(suite.server.url, context, 'GET', `/api/clues/${source.id}`)).toMatchObject({ state: 'found', version: source.version });
    }));

  test('dragged onto 已并案, a right number shows the clue it names; the button names it, says it cannot be undone, and merges', () =>
    asUser(suite, 'office', async ({ context, page }) => {
      const { cards, units } = await foundClues(page, context);
      const [target, source] = cards.slice(-2);
      if (source === undefined || target === undefined) throw new Error('the seed has fewer than two found clues to merge');
      await page.goto(`${suite.server.url}/campaigns/${campaignOf(page)}/board?kind=clue&q=${source.id}`);
      const card = page.locator(`[data-testid=column-found] [data-testid=card-${source.id}]`);
      await drag(page, card, page.getByTestId('column-merged'));
      const dialog = page.getByTestId('move-dialog');
      const submit = dialog.getByTestId('move-submit');
      await dialog.locator('input[name=targetId]').fill(String(target.id));
      await expect.poll(() => dialog.getByTestId('merge-target').textContent(), { timeout: 10_000 }).toBe(await lineOf(page, context, units, target.id));
      expect(await dialog.getByTestId('error-targetId').textContent()).toBe('');
      expect(await submit.isEnabled()).toBe(true);
      expect(await submit.textContent()).toBe(`确认并入 #${target.id}`);
      expect(await dialog.getByTestId('merge-irreversible').textContent()).toContain('并案后不能撤销');
      await page.screenshot({ path: `${artifacts}/merge-move-dialog-zh.png` });
      // Nothing is sent before it is confirmed.
      expect(await apiCall<WireClue>(suite.server.url, context, 'GET', `/api/clues/${source.id}`)).toMatchObject({ state: 'found', version: source.version });

      await submit.click();
      await dialog.waitFor({ state: 'detached' });
      await expect
        .poll(async () => (await apiCall<WireClue>(suite.server.url, context, 'GET', `/api/clues/${source.id}`)).context.mergedInto, { timeout: 10_000 })
        .toBe(target.id);
    }));

  test('a batch of cards merged into one clue shows that clue the same way, refuses one of its own, and merges them all on confirm', () =>
    asUser(suite, 'office', async ({ context, page }) => {
      const { units } = await foundClues(page, context);
      // Clues being verified (the found ones go to the tests above) into a clue filed as a case.
      const inState = async (state: string) =>
        (await apiCall<WireBoard>(suite.server.url, context, 'GET', `/api/campaigns/${campaignOf(page)}/board?kind=clue&state=${state}&limit=500`)).columns[0]?.cards ?? [];
      const sources = (await inState('verifying')).filter((card) => card.allowed.some((move) => move.to === 'merged')).slice(0, 2);
      const [target] = await inState('filed');
      if (target === undefined || sources.length < 2) throw new Error('the seed has fewer than two verifying clues to merge, or no filed one');
      await page.goto(`${suite.server.url}/campaigns/${campaignOf(page)}/board?kind=clue`);
      await page.getByTestId('select-cards').click();
      for (const source of sources) await page.locator(`[data-testid=column-verifying] [data-testid=card-${source.id}]`).click();
      await expect.poll(() => page.getByTestId('batch-selected').getAttribute('data-n')).toBe('2');
      await page.getByTestId('batch-move').selectOption('merged');
      const dialog = page.getByTestId('batch-dialog');
      const number = dialog.locator('input[name=targetId]');
      const submit = dialog.getByTestId('batch-submit');
      expect(await submit.isDisabled()).toBe(true);

      const own = sources[0]?.id;
      await number.fill(String(own));
      await expect.poll(() => dialog.getByTestId('error-targetId').textContent(), { timeout: 10_000 }).toBe(`线索 #${own} 在所选线索之中，不能并入自身：请先取消勾选它`);
      expect(await submit.isDisabled()).toBe(true);
      await number.fill('999999');
      await expect.poll(() => dialog.getByTestId('error-targetId').textContent(), { timeout: 10_000 }).toBe('找不到要并入的线索');
      expect(await submit.isDisabled()).toBe(true);

      await number.fill(String(target.id));
      await expect.poll(() => dialog.getByTestId('merge-target').textContent(), { timeout: 10_000 }).toBe(await lineOf(page, context, units, target.id));
      expect(await submit.textContent()).toBe(`确认并入 #${target.id}`);
      expect(await dialog.getByTestId('merge-irreversible').textContent()).toContain('这些线索将转为“已并案”');
      await page.screenshot({ path: `${artifacts}/merge-batch-zh.png` });
      await submit.click();
      await expect.poll(() => dialog.getByTestId('batch-changed').getAttribute('data-n'), { timeout: 10_000 }).toBe('2');
      for (const source of sources) {
        expect(await apiCall<WireClue>(suite.server.url, context, 'GET', `/api/clues/${source.id}`)).toMatchObject({ state: 'merged', context: { mergedInto: target.id } });
      }
    }));
});
