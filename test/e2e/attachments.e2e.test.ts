import { closeSync, mkdtempSync, openSync, rmSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import type { Locator, Route } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { apiCall, artifacts, browserSuite, campaignOf, signedIn, type WireBoard, downloadedBytes } from './browser-kit';

/**
 * An item's attachments in a real Chromium against the real server: an
 * officer attaches files to their own clue from the drawer, sees an image's
 * thumbnail, downloads a file byte for byte, removes their own file with a
 * reason (not one the office attached), finds the removed file still in
 * the history, and pastes a screenshot; the card counts the files. Needs `npm run build`.
 */

const suite = browserSuite({ seed: { clues: 40, problems: 2 } });

/**
 * Hantai's officer in the drawer of an open clue of theirs, its uploads answered by `answer` (the network gone, a
 * refusal, or the server): the drawer's files section, and how to close the browser's context.
 */
async function officerUploads(answer: (route: Route) => Promise<void>): Promise<{ section: Locator; close: () => Promise<void> }> {
  const officer = await signedIn(suite.browser, suite.server.url, 'hantai.officer');
  try {
    const campaignId = campaignOf(officer.page);
    const me = await apiCall<{ id: number }>(suite.server.url, officer.context, 'GET', '/api/session');
    const board = await apiCall<WireBoard>(suite.server.url, officer.context, 'GET', `/api/campaigns/${campaignId}/board?kind=clue&limit=500`);
    const clue = board.columns.flatMap((c) => c.cards).find((c) => c.assigneeId === me.id && (c.state === 'verifying' || c.state === 'filed'));
    if (clue === undefined) throw new Error('the demo has open hantai clues assigned to its officer');
    await officer.page.route('**/api/clues/*/attachments?*', answer);
    await officer.page.goto(`${suite.server.url}/campaigns/${campaignId}/board?item=${clue.id}`);
    const section = officer.page.getByTestId('detail-panel').getByTestId('attachments');
    await section.getByTestId('attachment-drop').waitFor();
    return { section, close: () => officer.context.close() };
  } catch (error) {
    await officer.context.close();
    throw error;
  }
}

/** A small real PNG (one colour), so the thumbnail has something to decode. */
function png(width: number, height: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const b of bytes) c = (crcTable[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([length, body, sum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, 0x5a)]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', pixels), chunk('IEND', Buffer.alloc(0))]);
}

describe('attachments in the drawer, in Chromium', () => {
  test('an officer attaches, opens and removes their own files; a file the office attached stays theirs to remove; the history keeps the removed file', async () => {
    const office = await signedIn(suite.browser, suite.server.url, 'office');
    const officer = await signedIn(suite.browser, suite.server.url, 'hantai.officer');
    try {
      const campaignId = campaignOf(officer.page);
      const me = await apiCall<{ id: number }>(suite.server.url, officer.context, 'GET', '/api/session');
      const board = await apiCall<WireBoard>(suite.server.url, officer.context, 'GET', `/api/campaigns/${campaignId}/board?kind=clue&limit=500`);
      const clue = board.columns.flatMap((c) => c.cards).find((c) => c.assigneeId === me.id && (c.state === 'verifying' || c.state === 'filed') && c.attachmentCount === 0);
      if (clue === undefined) throw new Error('the demo has open hantai clues assigned to its officer without files');

      // The office attaches a notice first, through the API as any client would.
      const cookies = await office.context.cookies(suite.server.url);
      const sent = await fetch(`${suite.server.url}/api/clues/${clue.id}/attachments?name=${encodeURIComponent('协查通知.pdf')}`, {
        method: 'POST',
        headers: { cookie: cookies.map((c) => `${c.name}=${c.value}`).join('; '), 'content-type': 'application/pdf' },
        body: Buffer.from('%PDF-1.4 协查通知'),
      });
      expect(sent.status).toBe(201);

      const { page } = officer;
      await page.goto(`${suite.server.url}/campaigns/${campaignId}/board?item=${clue.id}`);
      const section = page.getByTestId('detail-panel').getByTestId('attachments');
      await section.getByTestId('attachment').first().waitFor();
      // Not theirs: listed, with no way to remove it.
      expect(await section.getByTestId('attachment-remove').count()).toBe(0);

      const statement = Buffer.from('询问笔录：嫌疑人供述于 2026 年 3 月通过“快钱”App 放贷……'.repeat(200));
      await section.getByTestId('attachment-input').setInputFiles([
        { name: '转账截图.png', mimeType: 'image/png', buffer: png(64, 40) },
        { name: '询问笔录.txt', mimeType: 'text/plain', buffer: statement },
      ]);
      await expect.poll(() => section.getByTestId('attachment-name').allTextContents()).toEqual(['协查通知.pdf', '转账截图.png', '询问笔录.txt']);
      expect(await section.getByTestId('attachments-count').textContent()).toContain('3');
      // The card on the board says so too.
      const card = page.locator(`[data-testid=board] [data-card-id="${clue.id}"]`);
      await expect.poll(() => card.getByTestId('attachment-count').textContent()).toContain('3');
      // The image is shown by the server in place: its thumbnail decodes.
      const thumbnail = section.locator('.attachment-thumb img');
      await expect.poll(() => thumbnail.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(64);

      // Opened, it is the file sent, byte for byte, under its own name.
      const [download] = await Promise.all([page.waitForEvent('download'), section.getByTestId('attachment-name').nth(2).click()]);
      expect(download.suggestedFilename()).toBe('询问笔录.txt');
      expect(await downloadedBytes(download)).toEqual(statement);

      // A file over the limit is refused before it is sent.
      // Given as a file on disk, which the browser reads itself: as a buffer its 20 MB went through the DevTools
      // protocol, which took past Playwright's 30 s on a loaded machine.
      const folder = mkdtempSync(join(tmpdir(), 'battlemap-over-limit-'));
      try {
        const video = join(folder, '现场录像.mp4');
        closeSync(openSync(video, 'w'));
        truncateSync(video, 20 * 1024 * 1024 + 1);
        await section.getByTestId('attachment-input').setInputFiles(video);
        expect(await section.getByTestId('attachment-failed').textContent()).toContain('20 MB');
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
      await section.screenshot({ path: `${artifacts}/attachments-zh.png` });

      // Their own files are theirs to remove, with a reason.
      expect(await section.getByTestId('attachment-remove').count()).toBe(2);
      await section.getByTestId('attachment-remove').nth(1).click();
      await section.getByTestId('attachment-remove-confirm').click();
      expect(await section.getByTestId('attachment-remove-form').locator('[role=alert]').textContent()).toBe('移除原因：必填');
      // Zero-width spaces alone look typed; the server refuses them, and says so beside the reason, not "see the field marked" with none marked.
      const removeForm = section.getByTestId('attachment-remove-form');
      await removeForm.locator('textarea').fill('\u200b\u200b');
      await section.getByTestId('attachment-remove-confirm').click();
      await expect.poll(() => removeForm.getByTestId('error-reason').textContent()).toBe('不能只有看不见的字符');
      expect(await removeForm.locator('textarea').getAttribute('aria-invalid')).toBe('true');
      expect(await removeForm.locator('p.form-error').count()).toBe(0);
      expect(await section.getByTestId('attachment-name').count()).toBe(3);
      await removeForm.locator('textarea').fill('与另一份笔录重复');
      expect(await removeForm.getByTestId('error-reason').textContent()).toBe('');
      await section.getByTestId('attachment-remove-confirm').click();
      await expect.poll(() => section.getByTestId('attachment-name').allTextContents()).toEqual(['协查通知.pdf', '转账截图.png']);

      // The history names the removed file and still opens it.
      const history = page.getByTestId('detail-panel').getByTestId('history');
      const removal = history.locator('.history-entry').first();
      await expect.poll(() => removal.textContent()).toContain('移除附件');
      expect(await removal.getByTestId('history-file').textContent()).toContain('询问笔录.txt');
      expect(await removal.getByTestId('said-reason').textContent()).toContain('与另一份笔录重复');
      const [again] = await Promise.all([page.waitForEvent('download'), removal.getByTestId('history-file').locator('a').click()]);
      expect(await downloadedBytes(again)).toEqual(statement);
      await expect.poll(() => card.getByTestId('attachment-count').textContent()).toContain('2');

      // A screenshot pasted into the page (not into a text field) is attached, named by when it was pasted.
      await page.evaluate((bytes) => {
        const data = new DataTransfer();
        data.items.add(new File([new Uint8Array(bytes)], 'image.png', { type: 'image/png' }));
        document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
      }, [...png(8, 8)]);
      await expect.poll(() => section.getByTestId('attachment-name').allTextContents()).toEqual(['协查通知.pdf', '转账截图.png', expect.stringMatching(/^截图-\d{8}-\d{6}\.png$/)]);
      await expect.poll(() => card.getByTestId('attachment-count').textContent()).toContain('3');

      // The office sets a storage limit of 1 MB for the campaign's files; read anew, the drawer warns of nothing yet.
      type Settings = { revision: number; attachments: { bytes: number } };
      const settingsPath = `/api/campaigns/${campaignId}/settings`;
      const held = await apiCall<Settings>(suite.server.url, office.context, 'GET', settingsPath);
      await apiCall(suite.server.url, office.context, 'PATCH', settingsPath, { revision: held.revision, attachmentQuotaMb: 1 });
      await page.reload();
      await section.getByTestId('attachment-input').waitFor({ state: 'attached' });
      expect(await section.getByTestId('storage-warning').count()).toBe(0);
      // A scan takes the files to 95 % of it: the drawer says so, with what is left, as soon as it is stored.
      const scan = Math.round(0.95 * 1024 * 1024) - held.attachments.bytes;
      await section.getByTestId('attachment-input').setInputFiles({ name: '扫描件.png', mimeType: 'image/png', buffer: Buffer.alloc(scan, 1) });
      const warning = section.getByTestId('storage-warning');
      await expect.poll(() => warning.textContent()).toMatch(/^本专项附件存储已用 95%（上限 1 MB，剩余 5\d KB）/);
      expect(await warning.getAttribute('data-full')).toBe('false');
      // A file past the limit is refused, the reason beside it.
      await section.getByTestId('attachment-input').setInputFiles({ name: '录音.png', mimeType: 'image/png', buffer: Buffer.alloc(100 * 1024, 2) });
      await expect.poll(() => section.getByTestId('attachment-failed').last().textContent()).toContain('上限 1 MB');
      await section.screenshot({ path: `${artifacts}/attachments-storage-zh.png` });
      // The office, who sets the limit, is told on its board beside the phase, and led to the settings; the officer is not.
      expect(await page.getByTestId('storage-chip').count()).toBe(0);
      await office.page.goto(`${suite.server.url}/campaigns/${campaignId}/board`);
      const chip = office.page.getByTestId('storage-chip');
      await expect.poll(() => chip.textContent()).toBe('附件存储已用 95%');
      expect(await chip.getAttribute('title')).toMatch(/^本专项附件已用 95%（上限 1 MB，剩余 5\d KB）/);
      await chip.click();
      await office.page.waitForURL(new RegExp(`/campaigns/${campaignId}/settings$`));
      const now = await apiCall<Settings>(suite.server.url, office.context, 'GET', settingsPath);
      await apiCall(suite.server.url, office.context, 'PATCH', settingsPath, { revision: now.revision, attachmentQuotaMb: null });
    } finally {
      await office.context.close();
      await officer.context.close();
    }
  });

  test('a file whose sending met no server is sent again by 重试 as it was chosen; a refusal offers no 重试', async () => {
    // The first file's first try finds the network gone; the second file is refused as the server refuses a file.
    let tries = 0;
    const { section, close } = await officerUploads((route) => {
      tries += 1;
      if (tries === 1) return route.abort('internetdisconnected');
      if (tries === 3) return route.fulfill({ status: 422, contentType: 'application/problem+json', body: JSON.stringify({ type: 'about:blank', title: 'Unprocessable', status: 422, code: 'unprocessable', reason: { zh: '不支持此类文件', en: 'This kind of file is not accepted' } }) });
      return route.continue();
    });
    try {
      const file = { name: '断网后点重试.txt', mimeType: 'text/plain', buffer: Buffer.from('调取记录') };
      await section.getByTestId('attachment-input').setInputFiles(file);
      await expect.poll(() => section.getByTestId('attachment-failed').textContent()).toBe('无法连接服务器，请检查网络后重试');
      // Sent again from the list, not chosen again: it had offered only 关闭.
      await section.getByRole('button', { name: `重试 ${file.name}`, exact: true }).click();
      await expect.poll(async () => (await section.getByTestId('attachment-name').allTextContents()).filter((name) => name === file.name)).toHaveLength(1);
      expect(await section.getByTestId('attachment-sending').count()).toBe(0);
      // A refusal is the same sent again: no 重试, only 关闭.
      await section.getByTestId('attachment-input').setInputFiles({ ...file, name: '被拒的文件.txt' });
      await expect.poll(() => section.getByTestId('attachment-failed').textContent()).toBe('不支持此类文件');
      expect(await section.getByTestId('attachment-retry').count()).toBe(0);
      expect(tries).toBe(3);
    } finally {
      await close();
    }
  });

  test('a file whose sending failed, chosen again and attached, no longer shows as failed beside the one attached', async () => {
    let tries = 0;
    // The first try finds the network gone; the second goes through.
    const { section, close } = await officerUploads((route) => (++tries === 1 ? route.abort('internetdisconnected') : route.continue()));
    try {
      const file = { name: '断网后重传.txt', mimeType: 'text/plain', buffer: Buffer.from('调取记录') };
      await section.getByTestId('attachment-input').setInputFiles(file);
      await expect.poll(() => section.getByTestId('attachment-failed').textContent()).toBe('无法连接服务器，请检查网络后重试');
      await section.getByTestId('attachment-input').setInputFiles(file);
      await expect.poll(async () => (await section.getByTestId('attachment-name').allTextContents()).filter((name) => name === file.name)).toHaveLength(1);
      expect(await section.getByTestId('attachment-sending').count()).toBe(0);
    } finally {
      await close();
    }
  });
}, 120_000);
