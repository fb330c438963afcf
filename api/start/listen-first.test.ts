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

  it('says in one line that the port is taken, binding nothing', async () => {
    const first = await listenFirst(0, '127.0.0.1');
    close = () => first.server.close();
    await expect(listenFirst(first.port, '127.0.0.1')).rejects.toThrow(`Battlemap cannot serve: port ${first.port} on 127.0.0.1 is already in use`);
  });
});
