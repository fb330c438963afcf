import { afterEach, describe, expect, it } from 'vitest';
import { listenFirst } from './listen-first';

let close: (() => void) | undefined;
afterEach(() => close?.());

describe('the port bound before the start', () => {
  it('answers 503 in problem+json, with Retry-After, until the app serves; then the app answers', async () => {
    const listener = await listenFirst(0, '127.0.0.1');
    close = () => listener.server.close();
    const url = `http://127.0.0.1:${listener.port}/api/health`;
    const early = await fetch(url);
    expect(early.status).toBe(503);
    expect(early.headers.get('retry-after')).toBe('5');
    expect(early.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await early.json()).toMatchObject({ status: 503, code: 'starting', reason: { zh: '服务正在启动，请稍后再试' } });
    listener.serve(() => new Response('ready'));
    expect(await (await fetch(url)).text()).toBe('ready');
  });

  it('shows a browser opening a page one of its own, in Chinese with the English beside it, that reloads itself; API requests keep problem+json', async () => {
    const listener = await listenFirst(0, '127.0.0.1');
    close = () => listener.server.close();
    const base = `http://127.0.0.1:${listener.port}`;
    // What a browser sends when it opens an address.
    const accept = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
    for (const path of ['/', '/campaigns/1/board']) {
      const page = await fetch(`${base}${path}`, { headers: { accept } });
      expect(page.status).toBe(503);
      expect(page.headers.get('retry-after')).toBe('5');
      expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
      // Nothing it could load from elsewhere, nor a script: the policy it is sent with allows its inline style only.
      expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
      const html = await page.text();
      expect(html).toMatch(/^<!doctype html>\n<html lang="zh-CN">/);
      expect(html).toContain('<meta http-equiv="refresh" content="5">');
      expect(html).not.toMatch(/<script|<link|\ssrc=|\shref=|url\(/i);
      const text = html.replace(/<style>[\s\S]*<\/style>/, '').replace(/<[^>]+>/g, ' ');
      // Chinese first, the English beside it.
      expect(text.indexOf('作战图正在启动')).toBeGreaterThan(-1);
      expect(text.indexOf('作战图正在启动')).toBeLessThan(text.indexOf('Battlemap is starting'));
      expect(text).toContain('自动刷新');
      expect(text).toContain('reloads by itself');
    }
    // An API request, even one accepting HTML, and a script's request for a page, keep the error model.
    for (const [path, headers] of [['/api/campaigns', { accept }], ['/campaigns/1/board', { accept: 'application/json' }]] as const) {
      const answer = await fetch(`${base}${path}`, { headers });
      expect(answer.status).toBe(503);
      expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(await answer.json()).toMatchObject({ code: 'starting', reason: { zh: '服务正在启动，请稍后再试' } });
    }
  });

  it('says in one line that the port is taken, binding nothing', async () => {
    const first = await listenFirst(0, '127.0.0.1');
    close = () => first.server.close();
    await expect(listenFirst(first.port, '127.0.0.1')).rejects.toThrow(
      `Battlemap 无法提供服务：127.0.0.1 上的端口 ${first.port} 已被占用（另一个 Battlemap，或其他程序）：请停止它，或把 PORT 设为空闲的端口 / Battlemap cannot serve: port ${first.port} on 127.0.0.1 is already in use`,
    );
  });
});
