import { describe, expect, test } from 'vitest';
import { apiCall, asUser, browserSuite, campaignOf, type WireBoard } from './browser-kit';

/**
 * The drawer's merge form (并案) in Chromium: sent with the clue number left empty, it says what every other form
 * says of an empty field it needs. Needs `npm run build`.
 */
const suite = browserSuite({ seed: { clues: 40, problems: 4 } });

describe('the drawer’s merge form', () => {
  // It said 格式不正确 (invalid), where every other form says 必填.
  test('an empty clue number is said to be required, as any form says of a field it needs, and the field is marked', () =>
    asUser(suite, 'office', async ({ context, page }) => {
      const campaign = campaignOf(page);
      const board = await apiCall<WireBoard>(suite.server.url, context, 'GET', `/api/campaigns/${campaign}/board?kind=clue&state=found&limit=500`);
      const candidate = board.columns[0]?.cards.find((card) => card.allowed.some((move) => move.to === 'merged'));
      if (candidate === undefined) throw new Error('no found clue may be merged');
      await page.goto(`${suite.server.url}/campaigns/${campaign}/board?kind=clue&item=${candidate.id}`);
      const drawer = page.getByTestId('detail-panel');
      await drawer.getByTestId('action-merge').click();
      const form = drawer.getByTestId('merge-form');
      await form.getByTestId('action-submit').click();
      const number = form.getByRole('spinbutton', { name: '并入线索编号', exact: true });
      await expect.poll(() => number.getAttribute('aria-invalid')).toBe('true');
      expect(await form.getByTestId('error-targetId').textContent()).toBe('必填');
    }));
});
